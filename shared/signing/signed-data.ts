/**
 * Reading a CMS SignedData (RFC 5652): the certificates it carries, each signer's certificate, and
 * one signer's integrity — the content's digest against messageDigest, then the signature value
 * over the signed attributes exactly as they were encoded. Used for the desk's signatures, the
 * applicant's, and the time-stamp tokens inside them.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { concatBytes, derFromPem, equalBytes, ownBuffer } from './bytes';
import { digestOf, verifySignature } from './algorithms';
import { checkSigningCertificate } from './ess';
import { OID, keyAlgorithmOf } from './oids';
import { sameName, serialHexOf, serialHex, subjectKeyId } from './x509';
import type { Check, KeyAlgorithm } from './types';

export interface ParsedCert {
  cert: pkijs.Certificate;
  der: Uint8Array;
}

export function parsedCert(cert: pkijs.Certificate): ParsedCert {
  return { cert, der: new Uint8Array(cert.toSchema().toBER()) };
}

/** The SignedData of a ContentInfo (DER, BER or PEM), or why there is none. */
export function parseSignedData(
  input: Uint8Array,
): { signedData: pkijs.SignedData } | { problem: 'cms.unreadable' | 'cms.not-signed-data' } {
  const der = derFromPem(input);
  let info: pkijs.ContentInfo;
  try {
    const asn1 = asn1js.fromBER(ownBuffer(der));
    if (asn1.offset === -1) return { problem: 'cms.unreadable' };
    info = new pkijs.ContentInfo({ schema: asn1.result });
  } catch {
    return { problem: 'cms.unreadable' };
  }
  if (info.contentType !== OID.signedData) return { problem: 'cms.not-signed-data' };
  try {
    return { signedData: new pkijs.SignedData({ schema: info.content }) };
  } catch {
    return { problem: 'cms.unreadable' };
  }
}

export function certificatesOf(signedData: pkijs.SignedData): ParsedCert[] {
  return (signedData.certificates ?? [])
    .filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate)
    .map(parsedCert);
}

/** The encapsulated content, when the CMS carries it. */
export function encapsulatedContent(signedData: pkijs.SignedData): Uint8Array | undefined {
  const e = signedData.encapContentInfo.eContent;
  if (!e) return undefined;
  // A constructed OCTET STRING (BER) keeps its pieces; take them in order.
  if (e.idBlock.isConstructed) {
    const parts = e.valueBlock.value as asn1js.OctetString[];
    return concatBytes(...parts.map((p) => new Uint8Array(p.valueBlock.valueHexView)));
  }
  return new Uint8Array(e.valueBlock.valueHexView);
}

/** The certificate a SignerInfo names (issuerAndSerialNumber or subjectKeyIdentifier). */
export function signerCertificate(
  signer: pkijs.SignerInfo,
  pool: readonly ParsedCert[],
): ParsedCert | undefined {
  const sid: unknown = signer.sid;
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    const serial = serialHex(new Uint8Array(sid.serialNumber.valueBlock.valueHexView));
    return pool.find((c) => serialHexOf(c.cert) === serial && sameName(c.cert.issuer, sid.issuer));
  }
  if (sid instanceof asn1js.Primitive || sid instanceof asn1js.Constructed) {
    const keyId = new Uint8Array((sid as asn1js.Primitive).valueBlock.valueHexView ?? new ArrayBuffer(0));
    return pool.find((c) => {
      const ski = subjectKeyId(c.cert);
      return ski !== undefined && equalBytes(ski, keyId);
    });
  }
  return undefined;
}

export function attributeValue(
  attrs: pkijs.SignedAndUnsignedAttributes | undefined,
  oid: string,
): asn1js.AsnType | undefined {
  return attrs?.attributes.find((a) => a.type === oid)?.values[0] as asn1js.AsnType | undefined;
}

/** The signingTime attribute, when there is one. */
export function signingTimeOf(signer: pkijs.SignerInfo): Date | undefined {
  const v = attributeValue(signer.signedAttrs, OID.signingTime);
  return v instanceof asn1js.UTCTime || v instanceof asn1js.GeneralizedTime ? v.toDate() : undefined;
}

export interface SignerIntegrity {
  integrity: Check;
  algorithm: KeyAlgorithm;
}

/** Digest and signature value of one signer over `content` (undefined: not at hand). */
export async function signerIntegrity(
  signer: pkijs.SignerInfo,
  cert: ParsedCert | undefined,
  content: Uint8Array | undefined,
  eContentType: string,
): Promise<SignerIntegrity> {
  if (!cert)
    return { integrity: { status: 'not-checked', code: 'integrity.no-certificate' }, algorithm: 'unknown' };
  const algorithm = keyAlgorithmOf(cert.cert.subjectPublicKeyInfo.algorithm.algorithmId);
  const result = (status: Check['status'], code: Check['code']): SignerIntegrity => ({
    integrity: { status, code },
    algorithm,
  });
  if (!content) return result('not-checked', 'integrity.no-content');
  const digestAlgorithm = signer.digestAlgorithm.algorithmId;
  const signature = new Uint8Array(signer.signature.valueBlock.valueHexView);
  let tbs = content;
  if (signer.signedAttrs) {
    const messageDigest = attributeValue(signer.signedAttrs, OID.messageDigest);
    const contentType = attributeValue(signer.signedAttrs, OID.contentType);
    if (!(messageDigest instanceof asn1js.OctetString) || !(contentType instanceof asn1js.ObjectIdentifier)) {
      return result('invalid', 'integrity.malformed');
    }
    if (contentType.valueBlock.toString() !== eContentType) return result('invalid', 'integrity.malformed');
    const digest = digestOf(digestAlgorithm, content);
    if (!digest) return result('not-checked', 'integrity.algorithm-not-checked');
    if (!equalBytes(digest, new Uint8Array(messageDigest.valueBlock.valueHexView))) {
      return result('invalid', 'integrity.digest-mismatch');
    }
    tbs = new Uint8Array(signer.signedAttrs.encodedValue);
  }
  const check = await verifySignature(
    cert.cert.subjectPublicKeyInfo,
    signer.signatureAlgorithm.algorithmId,
    tbs,
    signature,
    digestAlgorithm,
  );
  if (check.status === 'invalid') return result('invalid', 'integrity.bad-signature');
  if (check.status !== 'valid') return result('not-checked', 'integrity.algorithm-not-checked');
  // A valid signature value binds the signed attributes; they must name this very certificate.
  switch (signer.signedAttrs ? checkSigningCertificate(signer.signedAttrs, cert) : 'absent') {
    case 'mismatch':
      return result('invalid', 'integrity.signing-certificate-mismatch');
    case 'malformed':
      return result('invalid', 'integrity.malformed');
    case 'not-checked':
      return result('not-checked', 'integrity.signing-certificate-not-checked');
    default:
      return result('valid', 'integrity.ok');
  }
}
