/**
 * verifyCms: every signature of a CMS, each field saying valid, invalid or not-checked with a code
 * (types.ts). Nothing is taken on trust: integrity is computed, the time stamp is checked against
 * this signature value and its TSA, the moment "at signing time" is the time stamp's when it is
 * valid (else the signer's claimed signingTime, else now — the code says which), revocation needs
 * an OCSP response or CRL at hand, and the chain needs the configured roots.
 */
import type * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { derFromPem } from './bytes';
import { checkChain, findIssuer } from './chain';
import { checkRevocation } from './revocation';
import {
  certificatesOf,
  encapsulatedContent,
  parseSignedData,
  parsedCert,
  signerCertificate,
  signerIntegrity,
  signingTimeOf,
  type ParsedCert,
} from './signed-data';
import { checkSignatureTimeStamp } from './timestamp';
import type { Check, CmsVerification, SignatureVerification, VerifyOptions } from './types';
import { infoOf, parseCertificate } from './x509';

export async function verifyCms(
  cms: Uint8Array,
  data?: Uint8Array,
  options: VerifyOptions = {},
): Promise<CmsVerification> {
  const parsed = parseSignedData(cms);
  if ('problem' in parsed) return { problem: parsed.problem, detached: false, signatures: [] };
  const { signedData } = parsed;
  const encapsulated = encapsulatedContent(signedData);
  const content = encapsulated ?? data;
  const signers = signedData.signerInfos;
  if (signers.length === 0)
    return { problem: 'cms.no-signers', detached: content === undefined, signatures: [] };
  const context = verificationContext(signedData, options);
  const signatures: SignatureVerification[] = [];
  for (const signer of signers) {
    signatures.push(await verifySigner(signedData, signer, content, context));
  }
  return { detached: content === undefined, signatures };
}

export interface VerificationContext {
  /** Certificates of the CMS and of the options (chain building, responders). */
  pool: ParsedCert[];
  roots: ParsedCert[];
  ocspResponses: Uint8Array[];
  crls: Uint8Array[];
  now: Date;
}

export function verificationContext(
  signedData: pkijs.SignedData,
  options: VerifyOptions,
): VerificationContext {
  const given = (options.certificates ?? []).flatMap(tryParse);
  return {
    pool: [...certificatesOf(signedData), ...given],
    roots: (options.trustedRoots ?? []).flatMap(tryParse),
    ocspResponses: (options.ocspResponses ?? []).map((r) => derFromPem(r)),
    crls: [...(options.crls ?? []).map((c) => derFromPem(c)), ...embeddedCrls(signedData)],
    now: options.now ?? new Date(),
  };
}

function tryParse(der: Uint8Array): ParsedCert[] {
  try {
    return [parsedCert(parseCertificate(der).cert)];
  } catch {
    return [];
  }
}

// pkijs types toSchema() loosely; a CRL's schema is a SEQUENCE.
function schemaOf(crl: pkijs.CertificateRevocationList): asn1js.Sequence {
  return crl.toSchema() as asn1js.Sequence;
}

function embeddedCrls(signedData: pkijs.SignedData): Uint8Array[] {
  return (signedData.crls ?? []).flatMap((crl) =>
    crl instanceof pkijs.CertificateRevocationList ? [new Uint8Array(schemaOf(crl).toBER())] : [],
  );
}

async function verifySigner(
  signedData: pkijs.SignedData,
  signer: pkijs.SignerInfo,
  content: Uint8Array | undefined,
  context: VerificationContext,
): Promise<SignatureVerification> {
  const cert = signerCertificate(signer, context.pool);
  const { integrity, algorithm } = await signerIntegrity(
    signer,
    cert,
    content,
    signedData.encapContentInfo.eContentType,
  );
  const signingTime = signingTimeOf(signer);
  const timestamp = await checkSignatureTimeStamp(signer, context);
  const at = timestamp.status === 'valid' && timestamp.detail ? new Date(timestamp.detail.time) : undefined;
  const base = {
    algorithm,
    integrity,
    certificate: cert ? infoOf(cert.cert, cert.der) : undefined,
    timestamp,
    ...(signingTime ? { signingTime: signingTime.toISOString() } : {}),
  };
  if (!cert) {
    return {
      ...base,
      validAtSigningTime: { status: 'not-checked', code: 'time.no-certificate' },
      revocation: { status: 'not-checked', code: 'revocation.no-certificate' },
      chain: { status: 'not-checked', code: 'chain.no-certificate' },
    };
  }
  const moment = at ?? signingTime ?? context.now;
  const validAtSigningTime = validity(
    cert,
    moment,
    at ? 'time.valid-at-timestamp' : signingTime ? 'time.valid-at-signing-time' : 'time.valid-now',
  );
  const chain = await checkChain(cert, context.pool, context.roots, moment);
  const { issuer } = await findIssuer(cert, [...context.roots, ...context.pool]);
  const revocation = await checkRevocation(cert, issuer, context, at);
  return { ...base, validAtSigningTime, revocation, chain };
}

function validity(
  cert: ParsedCert,
  at: Date,
  okCode: 'time.valid-at-timestamp' | 'time.valid-at-signing-time' | 'time.valid-now',
): Check<{ at: string }> {
  const detail = { at: at.toISOString() };
  if (at.getTime() < cert.cert.notBefore.value.getTime())
    return { status: 'invalid', code: 'time.not-yet-valid', detail };
  if (at.getTime() > cert.cert.notAfter.value.getTime())
    return { status: 'invalid', code: 'time.expired', detail };
  return { status: 'valid', code: okCode, detail };
}
