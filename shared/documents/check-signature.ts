/**
 * The applicant's signature of a delivered file, as findings of the file's check (the one findings
 * mechanism of shared/documents): what shared/signing's verifyCms answered, judged for the case.
 *
 *  - signature.valid            info       every part checked and valid: integrity, the certificate
 *                                          at signing time, revocation, the chain to a trusted root
 *  - signature.unreadable       fail       the signature file is no signed CMS (params.problem)
 *  - signature.broken           fail       the file is not what was signed, or the signature value
 *                                          is wrong (params.code: the verification's code)
 *  - signature.certificate-invalid fail    expired or not yet valid at signing time, or a chain that
 *                                          fails against the trusted roots (params.code)
 *  - signature.revoked          fail       revoked at signing time
 *  - signature.signer-not-applicant judgement  the certificate's IIN is not the applicant's (or it
 *                                          states none)
 *  - signature.undecidable-*    judgement  a part that could not be decided here (offline: no OCSP
 *                                          answer or CRL at hand; no trusted roots; an algorithm not
 *                                          checked here); params.code says why
 *
 * Never a silent pass, never blocking: the officer sees the findings and decides in the review.
 * Params carry codes only, never an IIN or a name. Types only from shared/signing, so this module
 * does not pull the verifier into the bundle that shows the case.
 */
import type { CheckStatus, CmsVerification, VerificationCode } from '../signing/types';
import { finding, resultOf, type CheckResult, type Finding } from './findings';

/** Why there is no verification to judge (the signature file's bytes could not be had). */
export type SignatureFileProblem = 'missing' | 'altered' | 'damaged' | 'unsupported' | 'storage';

/** One part of a signature's verification, as the findings judge it. */
export interface CheckSummary {
  status: CheckStatus;
  code: VerificationCode;
}

/**
 * What the findings need of one signature: the four parts' status and code and the signer's IIN.
 * This is what the desk stores of a verification (db signatureChecks): no certificate, no name.
 */
export interface SignerSummary {
  integrity: CheckSummary;
  validAtSigningTime: CheckSummary;
  chain: CheckSummary;
  revocation: CheckSummary;
  signerIin?: string;
}

export type SignatureSummary =
  | { signers: SignerSummary[] }
  | { problem: SignatureFileProblem | NonNullable<CmsVerification['problem']> | 'cms.no-signers' };

const part = (c: { status: CheckStatus; code: VerificationCode }): CheckSummary => ({
  status: c.status,
  code: c.code,
});

/** The summary of a verification (or of why there was none): what is judged and what is stored. */
export function signatureSummaryOf(
  verification: CmsVerification | { problem: SignatureFileProblem } | SignatureSummary,
): SignatureSummary {
  if ('signers' in verification) return verification;
  if (!('signatures' in verification) || verification.signatures.length === 0)
    return { problem: verification.problem ?? 'cms.no-signers' };
  return {
    signers: verification.signatures.map((s) => {
      const iin = s.certificate?.subject.iin;
      return {
        integrity: part(s.integrity),
        validAtSigningTime: part(s.validAtSigningTime),
        chain: part(s.chain),
        revocation: part(s.revocation),
        ...(iin === undefined ? {} : { signerIin: iin }),
      };
    }),
  };
}

function oneSignature(s: SignerSummary, applicantIin: string): Finding[] {
  const out: Finding[] = [];
  if (s.integrity.status === 'invalid')
    out.push(finding('signature.broken', 'fail', { code: s.integrity.code }));
  else if (s.integrity.status === 'not-checked')
    out.push(finding('signature.undecidable-integrity', 'judgement', { code: s.integrity.code }));
  if (s.validAtSigningTime.status === 'invalid')
    out.push(finding('signature.certificate-invalid', 'fail', { code: s.validAtSigningTime.code }));
  if (s.chain.status === 'invalid')
    out.push(finding('signature.certificate-invalid', 'fail', { code: s.chain.code }));
  else if (s.chain.status === 'not-checked')
    out.push(finding('signature.undecidable-chain', 'judgement', { code: s.chain.code }));
  if (s.revocation.status === 'invalid') out.push(finding('signature.revoked', 'fail'));
  else if (s.revocation.status === 'not-checked')
    out.push(finding('signature.undecidable-revocation', 'judgement', { code: s.revocation.code }));
  if (s.signerIin !== applicantIin)
    out.push(finding('signature.signer-not-applicant', 'judgement'));
  if (out.length === 0 && s.validAtSigningTime.status === 'valid')
    out.push(finding('signature.valid', 'info'));
  return out;
}

/**
 * The findings of the applicant's signature. Several signers: each is judged; the applicant's IIN
 * must be one signer's (a co-signature by someone else is not a fault in itself).
 */
export function signatureFindings(
  verification: CmsVerification | { problem: SignatureFileProblem } | SignatureSummary,
  applicantIin: string,
): CheckResult {
  const summary = signatureSummaryOf(verification);
  if (!('signers' in summary))
    return resultOf([finding('signature.unreadable', 'fail', { problem: summary.problem })]);
  const bySigner = summary.signers.map((s) => oneSignature(s, applicantIin));
  const applicantSigned = summary.signers.some((s) => s.signerIin === applicantIin);
  const findings = bySigner
    .flat()
    .filter((f) => applicantSigned === false || f.code !== 'signature.signer-not-applicant');
  // One finding per code and params: two signers failing alike are one sentence.
  const seen = new Set<string>();
  return resultOf(
    findings.filter((f) => {
      const key = `${f.code}|${JSON.stringify(f.params ?? {})}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    }),
  );
}

/**
 * What the queue and the case header warn of: a signature that fails (broken, unreadable, an invalid
 * or revoked certificate) or that is not the applicant's. Undecidable parts are no warning here: the
 * documents say what could not be decided, and why.
 */
export type SignatureWarning = 'broken' | 'not-applicant';

export function signatureWarningOf(result: CheckResult): SignatureWarning | undefined {
  if (result.findings.some((f) => f.severity === 'fail')) return 'broken';
  if (result.findings.some((f) => f.code === 'signature.signer-not-applicant')) return 'not-applicant';
  return undefined;
}
