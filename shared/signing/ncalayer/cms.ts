/**
 * What the desk checks of the CMS NCALayer hands back before it calls it a signature of the data:
 * NCALayer runs outside the desk, so its answer is input like any other. It must be one SignedData
 * without encapsulated content (detached), with one signer whose certificate it carries, signed
 * attributes (messageDigest ties the signature to the bytes), and an integrity that does not fail
 * over exactly the bytes sent (../signed-data.ts: digest and signature value, RSA and GOST 2015).
 * The certificate comes from here: NCALayer names the key only by signing with it.
 */
import type * as pkijs from 'pkijs';
import { certificatesOf, parseSignedData, signerCertificate, signerIntegrity } from '../signed-data';
import { OID } from '../oids';
import type { CertificateInfo, Check } from '../types';
import { infoOf } from '../x509';
import { ncaLayerError } from './problems';

export interface ReturnedCms {
  certificate: CertificateInfo;
  /** An RFC 3161 token is among the signer's unsigned attributes (NCALayer's TSA). */
  timestamped: boolean;
  /** Valid, or not-checked for an algorithm the desk cannot check (GOST 34.310-2004); never invalid. */
  integrity: Check;
  /** The parsed SignedData, for adding a time stamp. */
  signedData: pkijs.SignedData;
}

const bad = (): Error => ncaLayerError('ncalayer.bad-response');

/** Reads the CMS (DER) and holds it to the data; throws `ncalayer.bad-response` when it is no
 *  detached signature over `data`. */
export async function readReturnedCms(cms: Uint8Array, data: Uint8Array): Promise<ReturnedCms> {
  const parsed = parseSignedData(cms);
  if ('problem' in parsed) throw bad();
  const { signedData } = parsed;
  if (signedData.encapContentInfo.eContent !== undefined) throw bad(); // attached: not what was asked
  if (signedData.signerInfos.length !== 1) throw bad();
  const signer = signedData.signerInfos[0]!;
  // Without signed attributes the signature would be over the content itself; Kalkan always
  // signs attributes.
  if (!signer.signedAttrs) throw bad();
  const cert = signerCertificate(signer, certificatesOf(signedData));
  if (!cert) throw bad();
  const { integrity } = await signerIntegrity(signer, cert, data, signedData.encapContentInfo.eContentType);
  if (integrity.status === 'invalid') throw bad();
  const timestamped = (signer.unsignedAttrs?.attributes ?? []).some(
    (a) => a.type === OID.signatureTimeStampToken,
  );
  return { certificate: infoOf(cert.cert, cert.der), timestamped, integrity, signedData };
}
