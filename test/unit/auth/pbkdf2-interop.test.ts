// The stored hash is standard PBKDF2-HMAC-SHA256, so any other implementation (the central
// system's, OpenSSL's) can check the desk's credentials: Node's own derivation must agree byte for byte.
import { pbkdf2Sync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { makeCredential, verifyCredential } from '../../../shared/auth';

describe('PBKDF2-SHA256 credentials', () => {
  it('equal what Node derives from the same secret, salt and iterations', async () => {
    const salt = new Uint8Array(Array.from({ length: 16 }, (_, i) => i * 7));
    const secret = 'Мой-ёжик-пароль'.normalize('NFC');
    const c = await makeCredential(secret, { salt });
    const expected = pbkdf2Sync(Buffer.from(secret, 'utf8'), salt, c.iterations, 32, 'sha256').toString(
      'hex',
    );
    expect(c.hash).toBe(expected);
    expect(c.salt).toBe(Buffer.from(salt).toString('hex'));
  });

  it('accept a credential another implementation made', async () => {
    const salt = Buffer.from('00112233445566778899aabbccddeeff', 'hex');
    const hash = pbkdf2Sync('240611', salt, 310_000, 32, 'sha256').toString('hex');
    const foreign = {
      algorithm: 'PBKDF2-SHA256',
      iterations: 310_000,
      salt: salt.toString('hex'),
      hash,
    } as const;
    expect(await verifyCredential('240611', foreign)).toBe(true);
    expect(await verifyCredential('240612', foreign)).toBe(false);
  });
});
