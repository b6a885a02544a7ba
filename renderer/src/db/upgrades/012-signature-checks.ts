/**
 * Version 12: the stored verification of each signed file (`signatureChecks`, keyed by the signed
 * file's SHA-256; repositories/signature-checks.ts), so that the applicant's signature is verified
 * once, when the application arrives, and the queue and the case show the result without verifying
 * again. `*caseIds`: the cases the file is part of; `*warned`: those of them whose signature is
 * broken or not the applicant's (the queue's marker reads this index for the rows on screen).
 *
 * A new table and nothing moved: verifying needs the verifier and the signing settings, which an
 * upgrade cannot use. The desk verifies the signed files of stored cases in the background after
 * it opens (features/documents/arrivalChecks.ts); until a file is, it is checked when its case opens,
 * as before version 12.
 */
export const STORES_V12 = {
  signatureChecks: 'sha256, *caseIds, *warned',
} as const;
