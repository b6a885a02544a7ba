import { streebog256 as oracle256, streebog512 as oracle512 } from '@li0ard/streebog';
import { describe, expect, it } from 'vitest';
import { streebog256, streebog512 } from '../../../shared/signing/streebog';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
/** The standard writes vectors most significant byte first; in memory they are little-endian. */
const memory = (written: string): Uint8Array => new Uint8Array(Buffer.from(written, 'hex').reverse());

// GOST R 34.11-2012, Appendix A (also RFC 6986 §10), as the standard writes them.
const M1 =
  '323130393837363534333231303938373635343332313039383736353433323130393837363534333231303938373635343332313039383736353433323130';
const M2 =
  'fbe2e5f0eee3c820fbeafaebef20fffbf0e1e0f0f520e0ed20e8ece0ebe5f0f2f120fff0eeec20f120faf2fee5e2202ce8f6f3ede220e8e6eee1e8f0f2d1202ce8f0f2e5e220e5d1';
const H512_M1 =
  '486f64c1917879417fef082b3381a4e211c324f074654c38823a7b76f830ad00fa1fbae42b1285c0352f227524bc9ab16254288dd6863dccd5b9f54a1ad0541b';
const H256_M1 = '00557be5e584fd52a449b16b0251d05d27f94ab76cbaa6da890b59d8ef1e159d';
const H512_M2 =
  '28fbc9bada033b1460642bdcddb90c3fb3e56c497ccd0f62b8a2ad4935e85f037613966de4ee00531ae60f3b5a47f8dae06915d5f2f194996fcabf2622e6881e';
const H256_M2 = '508f7e553c06501d749a66fc28c6cac0b005746d97537fa85d9e40904efed29d';

describe('Streebog (GOST R 34.11-2012)', () => {
  it('gives the standard’s own digests of its examples M1 (one block) and M2 (two blocks)', () => {
    // M1 in memory is the ASCII string "0123…012": the reading of the byte order is right.
    expect(new TextDecoder().decode(memory(M1))).toBe(
      '012345678901234567890123456789012345678901234567890123456789012',
    );
    expect(hex(streebog512(memory(M1)))).toBe(hex(memory(H512_M1)));
    expect(hex(streebog256(memory(M1)))).toBe(hex(memory(H256_M1)));
    expect(hex(streebog512(memory(M2)))).toBe(hex(memory(H512_M2)));
    expect(hex(streebog256(memory(M2)))).toBe(hex(memory(H256_M2)));
  });

  it('agrees with an independent implementation on every length around the block edges', () => {
    // Lengths 0…130 cross the 64-byte block twice (padding, the counter N and the sum Σ carry);
    // the long one makes Σ's 512-bit addition carry across words.
    const lengths = [...Array.from({ length: 131 }, (_, i) => i), 1000, 4096 + 7];
    for (const n of lengths) {
      const data = new Uint8Array(n).map((_, i) => (i * 151 + n) & 0xff);
      expect(hex(streebog512(data)), `length ${n}`).toBe(hex(oracle512(data)));
      expect(hex(streebog256(data)), `length ${n}`).toBe(hex(oracle256(data)));
    }
    const ones = new Uint8Array(200).fill(0xff);
    expect(hex(streebog512(ones))).toBe(hex(oracle512(ones)));
  });
});
