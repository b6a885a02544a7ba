/**
 * The RFC 3161 time stamp inside a signature (the unsigned attribute signatureTimeStampToken,
 * RFC 3161 Appendix A): its TSTInfo must imprint this very signature value, its own CMS signature
 * must verify, its signer must be a time-stamping authority (EKU 1.3.6.1.5.5.7.3.8), and that
 * TSA must chain to the trusted roots. Only then is its time the signing time.
 */
import * as pkijs from 'pkijs';
import { equalBytes, ownBuffer } from './bytes';
import { digestOf } from './algorithms';
import { checkChain } from './chain';
import { OID } from './oids';
import {
  attributeValue,
  certificatesOf,
  encapsulatedContent,
  parseSignedData,
  signerCertificate,
  signerIntegrity,
} from './signed-data';
import type { Check } from './types';
import type { VerificationContext } from './verify';
import { extendedKeyUsage } from './x509';

export type TimeStampCheck = Check<{ time: string }>;

/** The TSTInfo of a time-stamp token (a ContentInfo, DER), or undefined when it has none. */
export function tstInfoOf(token: Uint8Array): pkijs.TSTInfo | undefined {
  const parsed = parseSignedData(token);
  if ('problem' in parsed) return undefined;
  if (parsed.signedData.encapContentInfo.eContentType !== OID.tstInfo) return undefined;
  const content = encapsulatedContent(parsed.signedData);
  if (!content) return undefined;
  try {
    return pkijs.TSTInfo.fromBER(ownBuffer(content));
  } catch {
    return undefined;
  }
}

export async function checkSignatureTimeStamp(
  signer: pkijs.SignerInfo,
  context: VerificationContext,
): Promise<TimeStampCheck> {
  const value = attributeValue(signer.unsignedAttrs, OID.signatureTimeStampToken);
  if (!value) return { status: 'not-checked', code: 'timestamp.absent' };
  const token = new Uint8Array(value.toBER());
  const signature = new Uint8Array(signer.signature.valueBlock.valueHexView);
  return checkTimeStampToken(token, signature, context);
}

/** Checks a token over `stamped` (the bytes whose digest it imprints). */
export async function checkTimeStampToken(
  token: Uint8Array,
  stamped: Uint8Array,
  context: VerificationContext,
): Promise<TimeStampCheck> {
  const parsed = parseSignedData(token);
  const tst = tstInfoOf(token);
  if ('problem' in parsed || !tst) return { status: 'invalid', code: 'timestamp.malformed' };
  const detail = { time: tst.genTime.toISOString() };
  const fail = (status: TimeStampCheck['status'], code: TimeStampCheck['code']): TimeStampCheck => ({
    status,
    code,
    detail,
  });
  const imprint = digestOf(tst.messageImprint.hashAlgorithm.algorithmId, stamped);
  if (!imprint) return fail('not-checked', 'timestamp.algorithm-not-checked');
  if (!equalBytes(imprint, new Uint8Array(tst.messageImprint.hashedMessage.valueBlock.valueHexView))) {
    return fail('invalid', 'timestamp.imprint-mismatch');
  }
  const { signedData } = parsed;
  const tokenSigner = signedData.signerInfos[0];
  if (!tokenSigner) return fail('invalid', 'timestamp.malformed');
  const pool = [...certificatesOf(signedData), ...context.pool];
  const tsaCert = signerCertificate(tokenSigner, pool);
  const { integrity } = await signerIntegrity(
    tokenSigner,
    tsaCert,
    encapsulatedContent(signedData),
    OID.tstInfo,
  );
  if (integrity.code === 'integrity.algorithm-not-checked')
    return fail('not-checked', 'timestamp.algorithm-not-checked');
  if (integrity.status !== 'valid' || !tsaCert) return fail('invalid', 'timestamp.bad-signature');
  if (!extendedKeyUsage(tsaCert.cert).includes(OID.ekuTimeStamping))
    return fail('invalid', 'timestamp.not-tsa');
  const chain = await checkChain(tsaCert, pool, context.roots, tst.genTime);
  if (chain.status === 'valid') return fail('valid', 'timestamp.ok');
  // Without roots (or with a chain in an algorithm not checked here) nobody can say whose clock
  // this is: not checked; a chain that fails against the roots: untrusted.
  return fail(chain.status === 'not-checked' ? 'not-checked' : 'invalid', 'timestamp.tsa-untrusted');
}
