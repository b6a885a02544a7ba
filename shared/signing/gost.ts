/**
 * GOST R 34.10-2015 (= 34.10-2012) 512-bit signature verification, as the НУЦ РК uses it: the
 * curve id-tc26-gost-3410-12-512-paramSetA (RFC 7836 §A.1), Streebog-512 as the digest, and the
 * НУЦ's byte order — the signature value is r‖s and the public key x‖y, each half little-endian,
 * and the digest is read as a little-endian integer. @noble/curves does the point arithmetic.
 * Proven on the НУЦ's own signatures (test/unit/signing/gost.test.ts).
 */
import { invert, mod } from '@noble/curves/abstract/modular.js';
import { weierstrass } from '@noble/curves/abstract/weierstrass.js';
import { bytesToBigintLE } from './bytes';
import { streebog512 } from './streebog';

const P =
  0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffdc7n;
const Q =
  0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff27e69532f48d89116ff22b8d4e0560609b4b38abfad2b85dcacdb1411f10b275n;

/** id-tc26-gost-3410-12-512-paramSetA. */
export const Gost512A = weierstrass({
  p: P,
  n: Q,
  h: 1n,
  a: P - 3n,
  b: 0xe8c2505dedfc86ddc1bd0b2b6667f1da34b82574761cb0e879bd081cfd0b6265ee3cb090f30d27614cb4574010da90dd862ef9d4ebee4761503190785a71c760n,
  Gx: 3n,
  Gy: 0x7503cfe87a836ae3a61b8816e25450e6ce5e1c93acf1abc1778064fdcbefa921df1626be4fd036e93d75e6a50e3a41e98028fe5fc235f5b889a589cb5215f2a4n,
});

/**
 * True when `signature` (128 bytes, r‖s little-endian halves) is the signature of `message` under
 * the public key `publicKey` (128 bytes, x‖y little-endian halves). False for anything malformed.
 */
export function verifyGost2015_512(
  publicKey: Uint8Array,
  message: Uint8Array,
  signature: Uint8Array,
): boolean {
  if (publicKey.length !== 128 || signature.length !== 128) return false;
  const r = bytesToBigintLE(signature.subarray(0, 64));
  const s = bytesToBigintLE(signature.subarray(64));
  if (r <= 0n || r >= Q || s <= 0n || s >= Q) return false;
  let key;
  try {
    key = Gost512A.fromAffine({
      x: bytesToBigintLE(publicKey.subarray(0, 64)),
      y: bytesToBigintLE(publicKey.subarray(64)),
    });
    key.assertValidity();
  } catch {
    return false;
  }
  let e = mod(bytesToBigintLE(streebog512(message)), Q);
  if (e === 0n) e = 1n;
  const v = invert(e, Q);
  const z1 = mod(s * v, Q);
  const z2 = mod(-r * v, Q);
  const c = Gost512A.BASE.mulAddUnsafe(z1, key, z2);
  if (c.is0()) return false;
  return mod(c.toAffine().x, Q) === r;
}
