/**
 * Between the file checks and the stored verifications (db signatureChecks, version 12): a signed
 * file's check, once it reached the file and its signature, is stored with the fingerprint of the
 * signing settings it was verified with and the warning it gives its case; a stored one that is
 * fresh (same fingerprint) is the file's state at once, without reading or verifying again.
 */
import {
  signatureFindings,
  signatureSummaryOf,
  signatureWarningOf,
} from '../../../../shared/documents/check-signature';
import { signingFingerprint } from '../../../../shared/settings';
import type { Desk, SignatureCheckRecord } from '../../db';
import type { FileRef, FileState } from './fileCheck';

/** Whose file a check is: the case it is stored for and the applicant its signer must be. */
export interface FileOwner {
  caseId: string;
  applicantIin: string;
}

export async function fingerprintOf(desk: Desk): Promise<string> {
  return signingFingerprint(await desk.signingSettings.get());
}

/** The file's state as the stored verification says. */
export function stateOfRecord(record: SignatureCheckRecord): FileState {
  return { status: 'readable', kind: record.kind, signature: record.signature };
}

const notReached = (problem: string) => problem === 'missing' || problem === 'storage';

/** Whether a check's result is a verification to keep: the file read, its signature reached. */
export function storable(result: FileState): result is Extract<FileState, { status: 'readable' }> & {
  signature: NonNullable<Extract<FileState, { status: 'readable' }>['signature']>;
} {
  return (
    result.status === 'readable' &&
    result.signature !== undefined &&
    !('problem' in result.signature && notReached(result.signature.problem))
  );
}

/** Stores a signed file's check for its case; nothing when it did not reach the file or its signature. */
export async function storeCheck(
  desk: Desk,
  ref: FileRef,
  result: FileState,
  owner: FileOwner,
  fingerprint: string,
  now: () => Date = () => new Date(),
): Promise<SignatureCheckRecord | undefined> {
  if (!storable(result)) return undefined;
  const sha256 = ref.sha256.toLowerCase();
  const s = result.signature;
  const summary = signatureSummaryOf(
    'summary' in s ? s.summary : 'verification' in s ? s.verification : { problem: s.problem },
  );
  const warning = signatureWarningOf(signatureFindings(summary, owner.applicantIin));
  const before = await desk.signatureChecks.get(sha256);
  // Another case's warning holds only while it was judged from the same verification.
  const kept = before && before.settings === fingerprint ? before.warnings : {};
  const warnings = { ...kept };
  delete warnings[owner.caseId];
  if (warning) warnings[owner.caseId] = warning;
  const record: SignatureCheckRecord = {
    sha256,
    kind: result.kind,
    signature: { sha256: result.signature.sha256, summary },
    caseIds: [...new Set([...(before?.caseIds ?? []), owner.caseId])],
    warned: Object.keys(warnings),
    warnings,
    checkedAt: now().toISOString(),
    settings: fingerprint,
  };
  await desk.signatureChecks.put(record);
  return record;
}
