/**
 * What the test PKI's pieces share (pki.ts issues certificates, revocation.ts answers about them,
 * containers.ts packs them): the engine pkijs signs with, X.509 extensions, SHA-1 key identifiers
 * and PEM armour.
 */
import type * as asn1js from 'asn1js';
import { createHash } from 'node:crypto';
import * as pkijs from 'pkijs';

export const DAY = 86_400_000;

/** The engine pkijs signs with in the tests (Node's WebCrypto). */
export const testEngine = new pkijs.CryptoEngine({ name: 'node', crypto: globalThis.crypto });

export function ext(extnID: string, critical: boolean, value: asn1js.AsnType): pkijs.Extension {
  return new pkijs.Extension({ extnID, critical, extnValue: value.toBER(false) });
}

export function sha1(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha1').update(bytes).digest());
}

export function pem(label: string, der: Uint8Array): string {
  const b64 = Buffer.from(der)
    .toString('base64')
    .replace(/(.{64})/g, '$1\n');
  return `-----BEGIN ${label}-----\n${b64.replace(/\n$/, '')}\n-----END ${label}-----\n`;
}
