/**
 * A time stamp added by the desk to a CMS NCALayer made without one (CAdES-T): the TSA stamps the
 * SHA-256 of the signer's signature value (RFC 3161, appendix A) and the token goes in as the
 * unsigned attribute id-aa-signatureTimeStampToken (../cms.ts addTimeStamp). Unsigned attributes
 * are outside what the signature covers, so the signature stays valid; a test proves OpenSSL
 * still verifies the CMS after the token went in.
 */
import type * as pkijs from 'pkijs';
import { sha256Bytes } from '../bytes';
import { addTimeStamp, contentInfoDer } from '../cms';
import { SigningError, type TimeStampClient } from '../types';

/** The CMS of `signedData` with the TSA's token added to its one signer; throws the TSA's SigningError (`tsa.*`). */
export async function addTimestamp(signedData: pkijs.SignedData, tsa: TimeStampClient): Promise<Uint8Array> {
  const signer = signedData.signerInfos[0];
  if (!signer) throw new SigningError('ncalayer.bad-response');
  const digest = sha256Bytes(new Uint8Array(signer.signature.valueBlock.valueHexView));
  const token = await tsa.timestamp({ hashAlgorithm: 'SHA-256', digest });
  try {
    addTimeStamp(signedData, token);
  } catch (cause) {
    throw new SigningError('tsa.bad-response', { cause });
  }
  return contentInfoDer(signedData);
}
