/**
 * What the desk checks of the CMS NCALayer hands back before it calls it a signature of the data:
 * NCALayer runs outside the desk, so its answer is input like any other. It must be one SignedData
 * without encapsulated content (detached), with one signer whose certificate it carries, and whose
 * messageDigest is the digest of exactly the bytes sent. The certificate comes from here: NCALayer
 * names the key only by signing with it.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { sha1 } from '@noble/hashes/legacy.js';
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import { equalBytes, ownBuffer } from '../bytes';
import { OID } from '../oids';
import type { CertificateInfo } from '../types';
import { infoOf, sameName, subjectKeyId } from '../x509';
import { ncaLayerError } from './problems';

export interface ReturnedCms {
  certificate: CertificateInfo;
  /** An RFC 3161 token is among the signer's unsigned attributes (NCALayer's TSA). */
  timestamped: boolean;
  /** The digest algorithm's OID, and whether messageDigest could be compared here. */
  digestAlgorithm: string;
  digestChecked: boolean;
}

const DIGESTS: Readonly<Record<string, (data: Uint8Array) => Uint8Array>> = {
  [OID.sha1]: sha1,
  [OID.sha256]: sha256,
  [OID.sha384]: sha384,
  [OID.sha512]: sha512,
};

const bad = (): Error => ncaLayerError('ncalayer.bad-response');

/**
 * Reads the CMS (DER) and holds it to the data; throws `ncalayer.bad-response` when it is no
 * detached signature over `data`. A digest the desk cannot compute (Streebog, GOST 34.311) leaves
 * `digestChecked` false: verifyCms then says what it can check.
 */
export function readReturnedCms(cms: Uint8Array, data: Uint8Array): ReturnedCms {
  const signed = signedDataOf(cms);
  if (signed.encapContentInfo.eContent !== undefined) throw bad(); // attached: not what was asked
  if (signed.signerInfos.length !== 1) throw bad();
  const signer = signed.signerInfos[0]!;
  const cert = signerCertificate(signed, signer);
  if (!cert) throw bad();

  const digestAlgorithm = signer.digestAlgorithm.algorithmId;
  const attrs = signer.signedAttrs?.attributes ?? [];
  const messageDigest: unknown = attrs.find((a) => a.type === OID.messageDigest)?.values[0];
  // Without signed attributes the signature would be over the content itself; Kalkan always
  // signs attributes, and the desk relies on messageDigest to tie the signature to the bytes.
  if (!(messageDigest instanceof asn1js.OctetString)) throw bad();
  const digest = DIGESTS[digestAlgorithm];
  if (digest && !equalBytes(new Uint8Array(messageDigest.valueBlock.valueHexView), digest(data))) throw bad();

  const timestamped = (signer.unsignedAttrs?.attributes ?? []).some(
    (a) => a.type === OID.signatureTimeStampToken,
  );
  // toSchema() without encoding keeps the certificate's own TBS bytes.
  const der = new Uint8Array(cert.toSchema().toBER(false));
  return {
    certificate: infoOf(cert, der),
    timestamped,
    digestAlgorithm,
    digestChecked: digest !== undefined,
  };
}

function signedDataOf(cms: Uint8Array): pkijs.SignedData {
  try {
    const asn1 = asn1js.fromBER(ownBuffer(cms));
    if (asn1.offset === -1) throw bad();
    const info = new pkijs.ContentInfo({ schema: asn1.result });
    if (info.contentType !== OID.signedData) throw bad();
    return new pkijs.SignedData({ schema: info.content });
  } catch {
    throw bad();
  }
}

function signerCertificate(
  signed: pkijs.SignedData,
  signer: pkijs.SignerInfo,
): pkijs.Certificate | undefined {
  const certs = (signed.certificates ?? []).filter(
    (c): c is pkijs.Certificate => c instanceof pkijs.Certificate,
  );
  const sid: unknown = signer.sid;
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    return certs.find((c) => sameName(c.issuer, sid.issuer) && c.serialNumber.isEqual(sid.serialNumber));
  }
  if (sid instanceof asn1js.Constructed || sid instanceof asn1js.Primitive) {
    // subjectKeyIdentifier [0]
    const ski = new Uint8Array(
      sid instanceof asn1js.Primitive
        ? sid.valueBlock.valueHexView
        : ((sid.valueBlock.value[0] as asn1js.OctetString | undefined)?.valueBlock.valueHexView ?? []),
    );
    return certs.find((c) => {
      const own = subjectKeyId(c);
      return own !== undefined && equalBytes(own, ski);
    });
  }
  return undefined;
}
