export type { DocumentKind, Ground } from './kinds';
export { DOCUMENT_KINDS, GROUNDS, missingDocuments, requiredDocuments } from './kinds';
export type {
  CheckResult,
  CheckStatus,
  DocumentFindingCode,
  Finding,
  FindingCode,
  Severity,
  SignatureFindingCode,
} from './findings';
export { DOCUMENT_FINDING_CODES, FINDING_CODES, SIGNATURE_FINDING_CODES, overallStatus } from './findings';
export type {
  CheckContext,
  Mark,
  MedicalConclusion,
  Period,
  ProgressRecord,
  ProgressYear,
  ResidenceAbroad,
  StructuredDocument,
  StructuredDocumentKind,
  StudyAbroad,
} from './schemas';
export {
  checkContextSchema,
  markSchema,
  medicalConclusionSchema,
  periodSchema,
  progressRecordSchema,
  progressYearSchema,
  residenceAbroadSchema,
  structuredDocumentSchema,
  studyAbroadSchema,
} from './schemas';
export { checkDocument, MAX_REPORTED_PATHS } from './check';
export { checkMedicalConclusion, MEDICAL_FRESH_MONTHS } from './check-medical';
export { checkProgressRecord, FIRST_MARKED_GRADE } from './check-progress';
export { checkResidenceAbroad, checkStudyAbroad } from './check-abroad';
export { uncoveredParts } from './periods';
export {
  signatureFindings,
  signatureSummaryOf,
  signatureWarningOf,
  type SignatureFileProblem,
  type SignatureSummary,
  type SignatureWarning,
  type SignerSummary,
} from './check-signature';
