/**
 * The documents checklist of a case: what its ground requires, what arrived, what the automated
 * checks of shared/documents found, whether each file's bytes can be read, and what the officer
 * decided about each file.
 */
import type { IsoDate } from '../../../../shared/calendar';
import {
  overallStatus,
  requiredDocuments,
  signatureFindings,
  signatureWarningOf,
  type CheckResult,
  type DocumentKind,
  type SignatureWarning,
} from '../../../../shared/documents';
import {
  checkAttachment as checkAttachmentOfCase,
  type AttachmentRef,
  type CaseState,
} from '../../../../shared/workflow';
import type { FileState } from './fileCheck';

/**
 * What the desk shows the officer about a file: the data check's status, overridden by a file that
 * cannot be read ('unreadable') or is still being read ('checking'). `codes` are the finding codes
 * shown (and `file.<problem>` for an unreadable file): what a review is recorded against.
 */
export type ShownStatus = 'pass' | 'fail' | 'judgement' | 'unreadable' | 'none' | 'checking';
export interface ShownCheck {
  status: ShownStatus;
  codes: string[];
}

export interface AttachmentItem {
  attachment: AttachmentRef;
  /** null: nothing to check (no structured data, no signature: the application as a scan only). */
  check: CheckResult | null;
  file: FileState;
  shown: ShownCheck;
  review?: CaseState['documentReviews'][string];
}

export interface ChecklistItem {
  kind: DocumentKind;
  required: boolean;
  attachments: AttachmentItem[];
}

/** File states by SHA-256 (lowercase); a file not in it has not been checked yet. */
export type FileStates = Readonly<Record<string, FileState>>;

/**
 * The automated check of one attachment: its structured data (shared/documents), and, for a file
 * that came signed, the findings of its signature once the file check has verified it (one check,
 * one list of findings: what the review records). null: nothing to check.
 */
export function checkAttachment(
  attachment: AttachmentRef,
  state: CaseState,
  today: IsoDate,
  file?: FileState,
): CheckResult | null {
  const data = checkAttachmentOfCase(state.application, attachment, today);
  const signature = signatureCheck(attachment, state, file);
  if (!signature) return data;
  const findings = [...(data?.findings ?? []), ...signature.findings];
  return { status: overallStatus(findings), findings };
}

/** The signature's findings, when the attachment came signed and its file check verified it. */
function signatureCheck(
  attachment: AttachmentRef,
  state: CaseState,
  file: FileState | undefined,
): CheckResult | null {
  const expected = attachment.signature?.sha256.toLowerCase();
  if (!expected || file?.status !== 'readable' || file.signature?.sha256 !== expected) return null;
  const { signature } = file;
  return signatureFindings(
    'verification' in signature
      ? signature.verification
      : 'summary' in signature
        ? signature.summary
        : { problem: signature.problem },
    state.application.applicant.iin,
  );
}

/**
 * What the case header warns of: an applicant's signature (verified now or stored on arrival) that
 * fails or is not the applicant's; 'broken' first when two signed files warn.
 */
export function caseSignatureWarning(state: CaseState, files: FileStates): SignatureWarning | undefined {
  let warning: SignatureWarning | undefined;
  for (const a of state.application.attachments) {
    const check = signatureCheck(a, state, files[a.sha256.toLowerCase()]);
    const w = check ? signatureWarningOf(check) : undefined;
    if (w === 'broken') return w;
    warning ??= w;
  }
  return warning;
}

export function shownCheck(check: CheckResult | null, file: FileState): ShownCheck {
  const codes = (check?.findings ?? []).map((f) => f.code);
  if (file.status === 'checking') return { status: 'checking', codes };
  if (file.status === 'unreadable')
    return { status: 'unreadable', codes: [`file.${file.problem}`, ...codes] };
  return { status: check ? check.status : 'none', codes };
}

export function fileStateOf(attachment: AttachmentRef, files: FileStates): FileState {
  return files[attachment.sha256.toLowerCase()] ?? { status: 'checking' };
}

/** Required kinds first in the rules' order, then any other kind that arrived. */
export function documentChecklist(state: CaseState, today: IsoDate, files: FileStates): ChecklistItem[] {
  const required = requiredDocuments(state.application.ground);
  const extra = [...new Set(state.application.attachments.map((a) => a.kind))].filter(
    (k) => !required.includes(k),
  );
  return [...required, ...extra].map((kind) => ({
    kind,
    required: required.includes(kind),
    attachments: state.application.attachments
      .filter((a) => a.kind === kind)
      .map((attachment) => {
        const review = state.documentReviews[attachment.id];
        const file = fileStateOf(attachment, files);
        const check = checkAttachment(attachment, state, today, file);
        return { attachment, check, file, shown: shownCheck(check, file), ...(review ? { review } : {}) };
      }),
  }));
}

/** Why a required kind has no file the package can rest on. */
export type MissingWhy = 'missing' | 'rejected' | 'failed' | 'unreadable' | 'checking';

/**
 * A file the package can rest on: one the officer confirmed (against its check, with a reason where
 * the check did not pass), or one not reviewed yet whose bytes read and whose check did not fail.
 */
function stands(item: AttachmentItem): boolean {
  if (item.review) return item.review.verdict === 'confirmed';
  return item.shown.status === 'pass' || item.shown.status === 'none' || item.shown.status === 'judgement';
}

function whyNot(items: readonly AttachmentItem[]): MissingWhy {
  if (items.length === 0) return 'missing';
  const open = items.filter((i) => !i.review);
  if (open.some((i) => i.shown.status === 'unreadable')) return 'unreadable';
  if (open.some((i) => i.shown.status === 'fail')) return 'failed';
  if (open.some((i) => i.shown.status === 'checking')) return 'checking';
  return 'rejected';
}

/**
 * The required kinds the completeness dialog proposes as missing, each with the reason: none arrived,
 * the officer rejected every file, or a file failed its check or cannot be read and was not
 * confirmed. The officer can change the proposal; this is only the starting point.
 */
export function missingFindings(
  items: readonly ChecklistItem[],
): Array<{ kind: DocumentKind; why: MissingWhy }> {
  return items
    .filter((i) => i.required && !i.attachments.some(stands))
    .map((i) => ({ kind: i.kind, why: whyNot(i.attachments) }));
}

/** Kinds with a file the officer rejected: what a ground-2 refusal proposes as false or invalid. */
export function rejectedKinds(state: CaseState): DocumentKind[] {
  const kinds = state.application.attachments
    .filter((a) => state.documentReviews[a.id]?.verdict === 'rejected')
    .map((a) => a.kind);
  return [...new Set(kinds)];
}

/** What the desk shows about one attachment of the case; undefined when the case has no such file. */
export function attachmentCheck(
  state: CaseState,
  today: IsoDate,
  files: FileStates,
  attachmentId: string,
): ShownCheck | undefined {
  const attachment = state.application.attachments.find((a) => a.id === attachmentId);
  if (!attachment) return undefined;
  const file = fileStateOf(attachment, files);
  return shownCheck(checkAttachment(attachment, state, today, file), file);
}
