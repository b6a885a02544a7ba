/**
 * Results of checking one document. Findings carry stable machine codes and non-personal params;
 * the UI turns them into Kazakh or Russian sentences, so nothing here is meant for people to read.
 */

export type Severity = 'fail' | 'judgement' | 'info';
export type CheckStatus = 'pass' | 'fail' | 'judgement';

/** Every code the checks of a document's structured data can produce (checkDocument). */
export const DOCUMENT_FINDING_CODES = [
  // Input that does not fit the schema (params.count, params.paths).
  'document.malformed',
  // The check context given by the caller is not usable (params.count, params.paths).
  'context.malformed',

  'medical.number-missing',
  'medical.date-missing',
  // The date is not a real 'YYYY-MM-DD' calendar date.
  'medical.date-invalid',
  // params.date, params.today
  'medical.date-in-future',
  'medical.commission-missing',
  // params.reason: the IIN module's reason ('format' | 'century' | 'date' | 'checksum').
  'medical.pupil-iin-invalid',
  'medical.pupil-iin-mismatch',
  // The commission recommended something else than home study or externship: the officer reads it.
  'medical.recommendation-other',
  // params.validUntil, params.today
  'medical.expired',
  // params.date, params.months
  'medical.older-than-12-months',

  'progress.pupil-iin-invalid',
  'progress.pupil-iin-mismatch',
  // params.subject, params.year, params.grade, params.mark (1–3)
  'progress.low-mark',
  // params.subject, params.year, params.grade, params.mark ('pass' | 'exempt')
  'progress.non-numeric-mark',
  // Grades missing between two recorded years: params.afterGrade, params.beforeGrade.
  'progress.grade-gap',
  // The same or a lower grade again in a later year: params.grade, params.year.
  'progress.grade-repeated',
  // Academic years missing between two recorded ones: params.afterYear, params.beforeYear.
  'progress.year-gap',
  // The record starts after the first marked grade: params.firstGrade, params.expectedFrom.
  'progress.early-grades-missing',

  'residence.person-iin-invalid',
  // The certificate names someone else than the applicant (could be the other parent).
  'residence.person-not-applicant',
  'residence.country-is-kazakhstan',
  // params.validTo, params.today
  'residence.expired',
  // One finding per part of the requested period left uncovered: params.from, params.to.
  'residence.period-not-covered',

  'study-abroad.pupil-iin-invalid',
  'study-abroad.pupil-iin-mismatch',
  'study-abroad.country-is-kazakhstan',
  // One finding per part of the requested period left uncovered: params.from, params.to.
  'study-abroad.period-not-covered',
] as const;

/** The codes of the applicant's signature of a file (check-signature.ts); params are codes. */
export const SIGNATURE_FINDING_CODES = [
  'signature.valid',
  'signature.unreadable',
  'signature.broken',
  'signature.certificate-invalid',
  'signature.revoked',
  'signature.signer-not-applicant',
  'signature.undecidable-integrity',
  'signature.undecidable-chain',
  'signature.undecidable-revocation',
] as const;

/** Every code a check can produce, so the UI can prove each one has a translation. */
export const FINDING_CODES = [...DOCUMENT_FINDING_CODES, ...SIGNATURE_FINDING_CODES] as const;

export type FindingCode = (typeof FINDING_CODES)[number];
export type DocumentFindingCode = (typeof DOCUMENT_FINDING_CODES)[number];
export type SignatureFindingCode = (typeof SIGNATURE_FINDING_CODES)[number];

export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** Never IINs, names or medical text: params are shown and may be logged. */
  params?: Record<string, string | number>;
}

export interface CheckResult {
  status: CheckStatus;
  findings: Finding[];
}

/** fail if any finding fails, else judgement if any needs the officer's judgement, else pass. */
export function overallStatus(findings: readonly Finding[]): CheckStatus {
  if (findings.some((f) => f.severity === 'fail')) return 'fail';
  if (findings.some((f) => f.severity === 'judgement')) return 'judgement';
  return 'pass';
}

export function resultOf(findings: Finding[]): CheckResult {
  return { status: overallStatus(findings), findings };
}

export function finding(
  code: FindingCode,
  severity: Severity,
  params?: Record<string, string | number>,
): Finding {
  return params ? { code, severity, params } : { code, severity };
}
