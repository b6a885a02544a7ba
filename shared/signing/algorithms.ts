/**
 * The algorithms the desk checks, in one place: digests by OID and signature values by the
 * signer's key and the signature algorithm. RSA (PKCS#1 v1.5) goes through WebCrypto, GOST R
 * 34.10-2015 512 through gost.ts; GOST 34.310-2004, RSA-PSS, ECDSA and the rest answer
 * 'not-checked' — never 'valid' — so the verification can say "algorithm not checked here".
 */
import * as asn1js from 'asn1js';
import type * as pkijs from 'pkijs';
import { sha1 } from '@noble/hashes/legacy.js';
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import { ownBuffer } from './bytes';
import { verifyGost2015_512 } from './gost';
import { OID, keyAlgorithmOf } from './oids';
import { streebog512 } from './streebog';
import type { KeyAlgorithm } from './types';

const DIGESTS: Readonly<Record<string, (data: Uint8Array) => Uint8Array>> = {
  [OID.sha1]: sha1,
  [OID.sha256]: sha256,
  [OID.sha384]: sha384,
  [OID.sha512]: sha512,
  [OID.streebog512]: streebog512,
};

/** The digest of `data` by the algorithm's OID, or undefined when the desk cannot compute it. */
export function digestOf(oid: string, data: Uint8Array): Uint8Array | undefined {
  return DIGESTS[oid]?.(data);
}

const RSA_HASH: Readonly<Record<string, string>> = {
  [OID.sha1WithRsa]: 'SHA-1',
  [OID.sha256WithRsa]: 'SHA-256',
  [OID.sha384WithRsa]: 'SHA-384',
  [OID.sha512WithRsa]: 'SHA-512',
  [OID.sha1]: 'SHA-1',
  [OID.sha256]: 'SHA-256',
  [OID.sha384]: 'SHA-384',
  [OID.sha512]: 'SHA-512',
};

export interface SignatureCheck {
  status: 'valid' | 'invalid' | 'not-checked';
  algorithm: KeyAlgorithm;
}

/**
 * Whether `signature` over `tbs` verifies under `key`. `signatureAlgorithm` is the OID the
 * structure names; for a bare rsaEncryption the hash is the one of `digestAlgorithm` (CMS).
 */
export async function verifySignature(
  key: pkijs.PublicKeyInfo,
  signatureAlgorithm: string,
  tbs: Uint8Array,
  signature: Uint8Array,
  digestAlgorithm?: string,
): Promise<SignatureCheck> {
  const algorithm = keyAlgorithmOf(key.algorithm.algorithmId);
  if (algorithm === 'rsa') {
    const hash =
      signatureAlgorithm === OID.rsaEncryption
        ? digestAlgorithm && RSA_HASH[digestAlgorithm]
        : RSA_HASH[signatureAlgorithm];
    if (!hash) return { status: 'not-checked', algorithm };
    const params = { name: 'RSASSA-PKCS1-v1_5', hash };
    try {
      const spki = new Uint8Array(key.toSchema().toBER());
      const publicKey = await crypto.subtle.importKey('spki', ownBuffer(spki), params, false, ['verify']);
      const ok = await crypto.subtle.verify(params, publicKey, ownBuffer(signature), ownBuffer(tbs));
      return { status: ok ? 'valid' : 'invalid', algorithm };
    } catch {
      return { status: 'invalid', algorithm };
    }
  }
  if (algorithm === 'gost2015-512' && signatureAlgorithm === OID.gost2015Signature512) {
    const point = gostPublicKey(key);
    if (!point) return { status: 'invalid', algorithm };
    return { status: verifyGost2015_512(point, tbs, signature) ? 'valid' : 'invalid', algorithm };
  }
  return { status: 'not-checked', algorithm };
}

/** The x‖y bytes of a GOST public key: an OCTET STRING inside the BIT STRING (RFC 4491 §2.3.2). */
function gostPublicKey(key: pkijs.PublicKeyInfo): Uint8Array | undefined {
  const inner = asn1js.fromBER(key.subjectPublicKey.valueBlock.valueHexView);
  if (inner.offset === -1 || !(inner.result instanceof asn1js.OctetString)) return undefined;
  return new Uint8Array(inner.result.valueBlock.valueHexView);
}
