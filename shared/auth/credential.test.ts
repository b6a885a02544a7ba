import { describe, expect, it } from 'vitest';
import {
  constantTimeEqual,
  makeCredential,
  MIN_PBKDF2_ITERATIONS,
  needsRehash,
  PBKDF2_ITERATIONS,
  verifyCredential,
  type Credential,
} from './credential';

describe('credentials', () => {
  it('keep a salted PBKDF2-SHA256 hash of at least 310,000 iterations, never the secret', async () => {
    const c = await makeCredential('жаңа құпия сөз 2026');
    expect(c.algorithm).toBe('PBKDF2-SHA256');
    expect(c.iterations).toBeGreaterThanOrEqual(310_000);
    expect(c.salt).toMatch(/^[0-9a-f]{32}$/);
    expect(c.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(c)).not.toContain('құпия');
  });

  it('match the same secret only', async () => {
    const c = await makeCredential('240611');
    expect(await verifyCredential('240611', c)).toBe(true);
    expect(await verifyCredential('240612', c)).toBe(false);
    expect(await verifyCredential('240611 ', c)).toBe(false);
    expect(await verifyCredential('', c)).toBe(false);
  });

  it('salt every credential anew, so equal secrets do not give equal hashes', async () => {
    const [a, b] = await Promise.all([makeCredential('240611'), makeCredential('240611')]);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
  });

  it('treat a letter typed composed or decomposed (й, ё) as the same letter', async () => {
    const composed = 'Мой-ёжик-пароль';
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    expect(await verifyCredential(decomposed, await makeCredential(composed))).toBe(true);
  });

  it('never make a weaker credential than the minimum, whatever is asked', async () => {
    expect((await makeCredential('240611', { iterations: 1000 })).iterations).toBe(MIN_PBKDF2_ITERATIONS);
    expect(needsRehash(await makeCredential('240611'))).toBe(false);
    expect(
      needsRehash({ algorithm: 'PBKDF2-SHA256', iterations: PBKDF2_ITERATIONS - 1, salt: '', hash: '' }),
    ).toBe(true);
  });

  it('refuse a tampered or malformed record instead of matching it', async () => {
    const good = await makeCredential('240611');
    const variants: Credential[] = [
      { ...good, iterations: 1 },
      { ...good, iterations: 10 ** 9 },
      { ...good, algorithm: 'SHA1' as 'PBKDF2-SHA256' },
      { ...good, salt: 'zz' },
      { ...good, salt: '' },
      { ...good, hash: good.hash.slice(2) },
      { ...good, hash: good.hash.replace(/^./, (c) => (c === '0' ? '1' : '0')) },
    ];
    for (const v of variants) expect(await verifyCredential('240611', v)).toBe(false);
  });
});

describe('constantTimeEqual', () => {
  it('compares bytes, lengths included', () => {
    const a = new Uint8Array([1, 2, 3]);
    expect(constantTimeEqual(a, new Uint8Array([1, 2, 3]))).toBe(true);
    expect(constantTimeEqual(a, new Uint8Array([1, 2, 4]))).toBe(false);
    expect(constantTimeEqual(a, new Uint8Array([1, 2]))).toBe(false);
    expect(constantTimeEqual(new Uint8Array([1, 2, 0]), new Uint8Array([1, 2]))).toBe(false);
    expect(constantTimeEqual(new Uint8Array(), new Uint8Array())).toBe(true);
  });
});
