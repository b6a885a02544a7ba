/**
 * The documents checklist of a case: what its ground requires, what arrived, what the automated
 * checks of shared/documents found, and what the officer decided about each file.
 */
import type { IsoDate } from '../../../../shared/calendar';
import { requiredDocuments, type CheckResult, type DocumentKind } from '../../../../shared/documents';
import {
  checkAttachment as checkAttachmentOfCase,
  type AttachmentRef,
  type CaseState,
} from '../../../../shared/workflow';

export interface AttachmentItem {
  attachment: AttachmentRef;
  /** null: the document has no structured data to check (the application itself, a scan only). */
  check: CheckResult | null;
  review?: CaseState['documentReviews'][string];
}

export interface ChecklistItem {
  kind: DocumentKind;
  required: boolean;
  attachments: AttachmentItem[];
}

export function checkAttachment(
  attachment: AttachmentRef,
  state: CaseState,
  today: IsoDate,
): CheckResult | null {
  return checkAttachmentOfCase(state.application, attachment, today);
}

/** Required kinds first in the rules' order, then any other kind that arrived. */
export function documentChecklist(state: CaseState, today: IsoDate): ChecklistItem[] {
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
        return {
          attachment,
          check: checkAttachment(attachment, state, today),
          ...(review ? { review } : {}),
        };
      }),
  }));
}

/**
 * What the completeness dialog proposes as missing: required kinds that did not arrive, and those
 * whose every file the officer rejected. The officer can change it; this is only the starting point.
 */
export function proposedMissing(state: CaseState): DocumentKind[] {
  return requiredDocuments(state.application.ground).filter((kind) => {
    const files = state.application.attachments.filter((a) => a.kind === kind);
    return files.length === 0 || files.every((a) => state.documentReviews[a.id]?.verdict === 'rejected');
  });
}

/** Kinds with a file the officer rejected: what a ground-2 refusal proposes as false or invalid. */
export function rejectedKinds(state: CaseState): DocumentKind[] {
  const kinds = state.application.attachments
    .filter((a) => state.documentReviews[a.id]?.verdict === 'rejected')
    .map((a) => a.kind);
  return [...new Set(kinds)];
}
