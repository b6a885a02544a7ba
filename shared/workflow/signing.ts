/** Which produced documents a signature may be recorded over. */
import { parseInstant } from '../calendar/instant';
import type { ProducedForm } from './events';
import type { CaseState, Decision } from './state';

/** The form a decision reaches the applicant in: the extract from the order, or the refusal. */
export function resultFormOf(decision: Decision): ProducedForm {
  return decision.kind === 'grant' ? 'appendix-3' : 'appendix-2';
}

/**
 * The documents a 'signed' event may name: produced in the decision's form after the head approved
 * it (a draft printed before the approval may differ from what was approved). Newest first. The
 * reducer refuses any other (`signature.document-unknown`); the desk offers only these.
 */
export function signableDocuments(state: CaseState): CaseState['producedDocuments'] {
  const { decision, approval } = state;
  if (!decision || approval?.approvedAt === undefined) return [];
  const form = resultFormOf(decision);
  const approvedAt = parseInstant(approval.approvedAt);
  return state.producedDocuments.filter((d) => d.form === form && parseInstant(d.at) >= approvedAt).reverse();
}

export type RecordedSignature =
  | NonNullable<CaseState['signature']>
  | NonNullable<CaseState['cosignatures']>[number];

/** Every signature recorded over the case's result, the first one first. */
export function signersOf(state: CaseState): RecordedSignature[] {
  return state.signature ? [state.signature, ...(state.cosignatures ?? [])] : [];
}
