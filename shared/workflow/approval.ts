/**
 * What the head approves: the result in the decision's form (resultFormOf), produced after the
 * decision was prepared — the draft of what will be signed. The desk asks for it before sending a
 * case for approval and shows it in the head's approval view. The reducer does not require it
 * (released histories were sent without one), so this rule lives beside the guards, not in them.
 */
import type { CaseEvent, EventOf, ProducedForm } from './events';
import { resultFormOf } from './signing';
import type { CaseState } from './state';

export interface ApprovalDraft {
  /** The form the decision reaches the applicant in. */
  form: ProducedForm;
  /** The newest document of that form produced since the decision was prepared; absent if none. */
  document?: EventOf<'document-produced'>;
}

const DECIDING = new Set<CaseEvent['type']>(['order-prepared', 'refused']);

/**
 * The draft of the case's current decision, or undefined when no decision is prepared. "After the
 * decision" is by the order of the case's events, not by clocks: a draft printed for an earlier
 * decision (before the head returned it) is not this decision's.
 */
export function approvalDraft(state: CaseState, events: readonly CaseEvent[]): ApprovalDraft | undefined {
  const { decision } = state;
  if (!decision) return undefined;
  const form = resultFormOf(decision);
  let document: EventOf<'document-produced'> | undefined;
  for (let i = events.length - 1; i >= 0; i -= 1) {
    const e = events[i];
    if (!e || DECIDING.has(e.type)) break;
    if (e.type === 'document-produced' && e.payload.form === form) {
      document = e;
      break;
    }
  }
  return document ? { form, document } : { form };
}
