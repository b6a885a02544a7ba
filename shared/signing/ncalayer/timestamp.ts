/**
 * A time stamp added by the desk to a CMS NCALayer made without one (CAdES-T): the TSA stamps the
 * SHA-256 of the signer's signature value (RFC 3161, appendix A) and the token goes in as the
 * unsigned attribute id-aa-signatureTimeStampToken. Unsigned attributes are outside what the
 * signature covers, so the signature stays valid; the signed attributes are carried over as the
 * bytes NCALayer wrote, never re-encoded.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { ownBuffer, sha256Bytes } from '../bytes';
import { OID } from '../oids';
import { SigningError, type TimeStampClient } from '../types';

/** The CMS with the TSA's token added to its one signer; throws the TSA's SigningError (`tsa.*`). */
export async function addTimestamp(cms: Uint8Array, tsa: TimeStampClient): Promise<Uint8Array> {
  const info = new pkijs.ContentInfo({ schema: asn1js.fromBER(ownBuffer(cms)).result });
  const signed = new pkijs.SignedData({ schema: info.content });
  const signer = signed.signerInfos[0];
  if (!signer) throw new SigningError('ncalayer.bad-response');
  const digest = sha256Bytes(new Uint8Array(signer.signature.valueBlock.valueHexView));
  const token = await tsa.timestamp({ hashAlgorithm: 'SHA-256', digest });
  const tokenAsn1 = asn1js.fromBER(ownBuffer(token));
  if (tokenAsn1.offset === -1) throw new SigningError('tsa.bad-response');
  const attribute = new pkijs.Attribute({ type: OID.signatureTimeStampToken, values: [tokenAsn1.result] });
  signer.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({
    type: 1,
    attributes: [...(signer.unsignedAttrs?.attributes ?? []), attribute],
  });
  const out = new pkijs.ContentInfo({ contentType: OID.signedData, content: signed.toSchema() });
  return new Uint8Array(out.toSchema().toBER(false));
}
