/**
 * GOST R 34.10-2015 (512) signatures made in the tests with the НУЦ's own test key
 * (individual-sign-gost2015.p12 and ceo-sign-gost2015-revoked.p12 of ../shared/fixtures): a
 * detached CMS laid out as Kalkan lays it out (Streebog-512 digest, the НУЦ's little-endian r‖s).
 * The desk itself never signs with GOST (NCALayer does); these CMS stand in for NCALayer's answers
 * in the tests and let verifyCms be tested on GOST CMS, while the НУЦ's own signatures (on the
 * certificate and the OCSP responses) prove the verification against software no one here wrote.
 */
import * as asn1js from 'asn1js';
import { mod } from '@noble/curves/abstract/modular.js';
import { buildSignedData, contentInfoDer } from '../../shared/signing/cms';
import { bytesToBigintLE } from '../../shared/signing/bytes';
import { Gost512A } from '../../shared/signing/gost';
import { OID } from '../../shared/signing/oids';
import { openPkcs12, type Pkcs12Contents } from '../../shared/signing/pkcs12';
import { streebog512 } from '../../shared/signing/streebog';
import { NCA_PASSWORDS, ncaFixture } from './fixtures';

const Q = Gost512A.CURVE().n;

export interface GostKey {
  contents: Pkcs12Contents;
  /** The private scalar. */
  d: bigint;
}

/** The private key of a НУЦ GOST 2015 container, checked against its certificate's public key. */
export function gostFixtureKey(
  file: 'individual-sign-gost2015.p12' | 'ceo-sign-gost2015-revoked.p12',
): GostKey {
  const contents = openPkcs12(ncaFixture(file), NCA_PASSWORDS[file]);
  // PrivateKeyInfo.privateKey is an OCTET STRING holding an OCTET STRING of the 64-byte scalar.
  const info = asn1js.fromBER(contents.pkcs8.slice().buffer).result as asn1js.Sequence;
  const outer = info.valueBlock.value[2] as asn1js.OctetString;
  const inner = asn1js.fromBER(outer.valueBlock.valueHexView.slice().buffer).result as asn1js.OctetString;
  const d = bytesToBigintLE(new Uint8Array(inner.valueBlock.valueHexView));
  const spki = contents.certificate.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView;
  const point = asn1js.fromBER(spki.slice().buffer).result as asn1js.OctetString;
  const xy = new Uint8Array(point.valueBlock.valueHexView);
  const expected = Gost512A.BASE.multiply(d).toAffine();
  if (expected.x !== bytesToBigintLE(xy.subarray(0, 64)) || expected.y !== bytesToBigintLE(xy.subarray(64))) {
    throw new Error('the GOST key does not match its certificate');
  }
  return { contents, d };
}

function le64(n: bigint): Uint8Array {
  const out = new Uint8Array(64);
  for (let i = 0; i < 64; i++) out[i] = Number((n >> BigInt(8 * i)) & 0xffn);
  return out;
}

/** A GOST R 34.10-2015 signature of `message` (r‖s, little-endian halves). */
export function gostSign(d: bigint, message: Uint8Array): Uint8Array {
  let e = mod(bytesToBigintLE(streebog512(message)), Q);
  if (e === 0n) e = 1n;
  for (;;) {
    const k = mod(bytesToBigintLE(crypto.getRandomValues(new Uint8Array(64))), Q);
    if (k === 0n) continue;
    const r = mod(Gost512A.BASE.multiply(k).toAffine().x, Q);
    const s = mod(r * d + k * e, Q);
    if (r !== 0n && s !== 0n) return new Uint8Array([...le64(r), ...le64(s)]);
  }
}

/** A detached GOST CMS over `data`, as NCALayer returns for a GOST 2015 key. */
export async function gostCms(key: GostKey, data: Uint8Array, signingTime: Date): Promise<Uint8Array> {
  const { signedData } = await buildSignedData({
    cert: key.contents.cert,
    certificate: key.contents.certificate,
    content: data,
    signingTime,
    digestAlgorithm: OID.streebog512,
    signatureAlgorithm: OID.gost2015Signature512,
    sign: (tbs) => Promise.resolve(gostSign(key.d, tbs)),
  });
  return contentInfoDer(signedData);
}
