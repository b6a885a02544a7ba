/**
 * verifyCms: every signature of a CMS, each field saying valid, invalid or not-checked with a code
 * (types.ts). Nothing is taken on trust: integrity is computed, the time stamp is checked against
 * this signature value and its TSA, the moment "at signing time" is the time stamp's when it is
 * valid (else the signer's claimed signingTime, else now — the code says which), revocation needs
 * an OCSP response or CRL at hand (given, or carried in the CMS; or fetched, when OCSP fetching
 * is on and nothing at hand speaks: ocsp-fetch.ts), and the chain needs the configured roots.
 */
import type * as pkijs from 'pkijs';
import { checkChain, findIssuer } from './chain';
import { fetchOcsp } from './ocsp-fetch';
import { checkRevocation, type JudgedMoment } from './revocation';
import {
  givenEvidence,
  joinEvidence,
  signedDataEvidence,
  signerEvidence,
  type RevocationEvidence,
} from './revocation-evidence';
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
import type {
  Check,
  CmsVerification,
  OcspFetchOptions,
  RevocationDetail,
  SignatureVerification,
  VerifyOptions,
} from './types';
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
  const context = verificationContext(options, signedData);
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
  /** OCSP responses and CRLs given, and those the SignedData carries (a signer adds its own). */
  revocation: RevocationEvidence;
  now: Date;
  claimedSigningTime?: Date;
  ocspFetch?: OcspFetchOptions;
}

/** What the checks may use: the options' material and, when given, the CMS's own. */
export function verificationContext(
  options: VerifyOptions,
  signedData?: pkijs.SignedData,
): VerificationContext {
  const given = (options.certificates ?? []).flatMap(tryParse);
  const evidence = givenEvidence(options.ocspResponses ?? [], options.crls ?? []);
  return {
    pool: [...(signedData ? certificatesOf(signedData) : []), ...given],
    roots: (options.trustedRoots ?? []).flatMap(tryParse),
    revocation: signedData ? joinEvidence(evidence, signedDataEvidence(signedData)) : evidence,
    now: options.now ?? new Date(),
    ...(options.claimedSigningTime ? { claimedSigningTime: options.claimedSigningTime } : {}),
    ...(options.ocspFetch ? { ocspFetch: options.ocspFetch } : {}),
  };
}

function tryParse(der: Uint8Array): ParsedCert[] {
  try {
    return [parsedCert(parseCertificate(der).cert)];
  } catch {
    return [];
  }
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
  const signingTime = signingTimeOf(signer) ?? context.claimedSigningTime;
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
  const judgedAt = { at: moment, proven: at !== undefined };
  const atHand = await checkRevocation(
    cert,
    issuer,
    { ...context, revocation: joinEvidence(context.revocation, signerEvidence(signer)) },
    judgedAt,
  );
  const revocation =
    atHand.code === 'revocation.no-source' && context.ocspFetch
      ? await fetchedRevocation(cert, issuer, context, judgedAt, context.ocspFetch)
      : atHand;
  return { ...base, validAtSigningTime, revocation, chain };
}

/** The answer of a responder asked now (ocsp-fetch.ts), judged by the same checks as any other. */
async function fetchedRevocation(
  cert: ParsedCert,
  issuer: ParsedCert | undefined,
  context: VerificationContext,
  moment: JudgedMoment,
  options: OcspFetchOptions,
): Promise<Check<RevocationDetail>> {
  const fetched = await fetchOcsp(cert, issuer, options);
  if ('failure' in fetched) return { status: 'not-checked', code: fetched.failure };
  const evidence = givenEvidence([fetched], []);
  const answer =
    evidence.ocsp.length === 0
      ? undefined
      : await checkRevocation(cert, issuer, { ...context, revocation: evidence }, moment);
  // No OCSP response at all, or one about another certificate: asked, and no answer.
  if (!answer || answer.code === 'revocation.no-source')
    return { status: 'not-checked', code: 'revocation.fetch-failed' };
  return answer.detail ? { ...answer, detail: { ...answer.detail, fetched: true } } : answer;
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
