/**
 * Building a CMS SignedData (RFC 5652) the way Kalkan lays it out: the signer by
 * issuerAndSerialNumber, SHA-256, the signed attributes contentType, signingTime,
 * signingCertificateV2 (RFC 5035, SHA-256 of the certificate) and messageDigest (signingTime left
 * out for a CMS embedded in a PDF, PAdES baseline B), the signer's
 * certificate in `certificates`, and an RFC 3161 time stamp as the unsigned attribute
 * signatureTimeStampToken when there is one. The same builder makes the test TSA's tokens (their
 * content is a TSTInfo, encapsulated).
 *
 * The signed attributes are put in DER order (a SET OF sorts by encoding): verifiers such as
 * OpenSSL re-encode the SET before hashing it, so any other order fails there.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { digestOf } from './algorithms';
import { ownBuffer, sha256Bytes } from './bytes';
import { OID } from './oids';

export interface SignedDataInput {
  /** The signer's certificate (DER) and its parsed form. */
  cert: Uint8Array;
  certificate: pkijs.Certificate;
  /** The content: detached (only its digest is signed) or encapsulated (a TSTInfo). */
  content: Uint8Array;
  encapsulate?: boolean;
  contentType?: string;
  /** The signingTime attribute; absent for a PAdES signature, whose time is the PDF's /M. */
  signingTime?: Date;
  /** The signature algorithm written in the SignerInfo and the function that signs the DER SET. */
  signatureAlgorithm: string;
  /** The content's digest (default SHA-256; Streebog-512 for GOST 2015 as Kalkan uses it). */
  digestAlgorithm?: string;
  sign(signedAttributes: Uint8Array): Promise<Uint8Array>;
  /** Further certificates to carry (none for the desk's own signatures, as Kalkan does). */
  extraCertificates?: readonly pkijs.Certificate[];
}

/** A SignedData in a ContentInfo, DER; the signature value is returned for the time stamp. */
export async function buildSignedData(
  input: SignedDataInput,
): Promise<{ signedData: pkijs.SignedData; signature: Uint8Array }> {
  const contentType = input.contentType ?? OID.data;
  const digestAlgorithm = input.digestAlgorithm ?? OID.sha256;
  const digest = digestOf(digestAlgorithm, input.content);
  if (!digest) throw new RangeError('unsupported digest algorithm');
  const attributes = sortedDer([
    attribute(OID.contentType, new asn1js.ObjectIdentifier({ value: contentType })),
    ...(input.signingTime ? [attribute(OID.signingTime, signingTimeValue(input.signingTime))] : []),
    attribute(OID.signingCertificateV2, signingCertificateV2(input.cert)),
    attribute(OID.messageDigest, new asn1js.OctetString({ valueHex: ownBuffer(digest) })),
  ]);
  const toSign = new Uint8Array(new asn1js.Set({ value: attributes.map((a) => a.toSchema()) }).toBER());
  const signature = await input.sign(toSign);
  const digestAlgorithmId = new pkijs.AlgorithmIdentifier({ algorithmId: digestAlgorithm });
  // RSA's AlgorithmIdentifiers carry NULL parameters (RFC 4055); GOST's carry none.
  const rsa = input.signatureAlgorithm.startsWith('1.2.840.113549.1.1.');
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({
      issuer: input.certificate.issuer,
      serialNumber: input.certificate.serialNumber,
    }),
    digestAlgorithm: digestAlgorithmId,
    signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes }),
    signatureAlgorithm: new pkijs.AlgorithmIdentifier({
      algorithmId: input.signatureAlgorithm,
      ...(rsa ? { algorithmParams: new asn1js.Null() } : {}),
    }),
    signature: new asn1js.OctetString({ valueHex: ownBuffer(signature) }),
  });
  const signedData = new pkijs.SignedData({
    version: contentType === OID.data ? 1 : 3,
    digestAlgorithms: [digestAlgorithmId],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({
      eContentType: contentType,
      ...(input.encapsulate
        ? { eContent: new asn1js.OctetString({ valueHex: ownBuffer(input.content) }) }
        : {}),
    }),
    certificates: [input.certificate, ...(input.extraCertificates ?? [])],
    signerInfos: [signerInfo],
  });
  return { signedData, signature };
}

/** Adds the time-stamp token (a ContentInfo, DER) as the first signer's unsigned attribute. */
export function addTimeStamp(signedData: pkijs.SignedData, token: Uint8Array): void {
  const parsed = asn1js.fromBER(ownBuffer(token));
  if (parsed.offset === -1) throw new RangeError('time-stamp token is no BER');
  const signer = signedData.signerInfos[0];
  if (!signer) throw new RangeError('no signer');
  signer.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({
    type: 1,
    attributes: [new pkijs.Attribute({ type: OID.signatureTimeStampToken, values: [parsed.result] })],
  });
}

/** The ContentInfo around a SignedData, DER. */
export function contentInfoDer(signedData: pkijs.SignedData): Uint8Array {
  const info = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return new Uint8Array(info.toSchema().toBER());
}

function attribute(type: string, value: asn1js.AsnType): pkijs.Attribute {
  return new pkijs.Attribute({ type, values: [value] });
}

/** UTCTime through 2049, GeneralizedTime after (RFC 5652 §11.3). */
function signingTimeValue(at: Date): asn1js.AsnType {
  const whole = new Date(Math.floor(at.getTime() / 1000) * 1000);
  return whole.getUTCFullYear() < 2050
    ? new asn1js.UTCTime({ valueDate: whole })
    : new asn1js.GeneralizedTime({ valueDate: whole });
}

/** SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }, hash SHA-256 (the default,
 *  so its AlgorithmIdentifier is omitted as DER wants). */
function signingCertificateV2(certDer: Uint8Array): asn1js.Sequence {
  const essCertId = new asn1js.Sequence({
    value: [new asn1js.OctetString({ valueHex: ownBuffer(sha256Bytes(certDer)) })],
  });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertId] })] });
}

/** The attributes in the order of their DER encodings (X.690 §11.6). */
function sortedDer(attributes: pkijs.Attribute[]): pkijs.Attribute[] {
  const encoded = attributes.map((a) => ({ a, der: new Uint8Array(a.toSchema().toBER()) }));
  encoded.sort((x, y) => compareBytes(x.der, y.der));
  return encoded.map((e) => e.a);
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0);
  return a.length - b.length;
}
