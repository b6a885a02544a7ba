import type { TFunction } from 'i18next';
import type { DeskUser } from '../../../../shared/auth';
import { resultFormOf, signableDocuments, type CaseState } from '../../../../shared/workflow';
import { formatDate } from '../../i18n/format';

/**
 * The decision prepared and not yet agreed: one at a time, so neither another order nor a refusal
 * is offered until the head approves it or returns it.
 */
function pendingDecisionNote(t: TFunction, state: CaseState): string | undefined {
  const d = state.decision;
  if (!d || (state.stage !== 'completeness' && state.stage !== 'review' && state.stage !== 'approval'))
    return undefined;
  const what =
    d.kind === 'grant'
      ? t('record.pending.grant', { number: d.orderNumber, date: formatDate(d.orderDate) })
      : t('record.pending.refusal', {
          ground: d.ground,
          number: d.decisionNumber,
          date: formatDate(d.decisionDate),
        });
  return t(state.stage === 'approval' ? 'record.pending.atHead' : 'record.pending.prepared', { what });
}

/** Why the officer sees the actions they see: who holds the case, what waits for whom. */
export function caseNotes(
  t: TFunction,
  state: CaseState,
  user: DeskUser,
  userName: (id: string) => string,
): string[] {
  const notes: string[] = [];
  const holder = state.assignedTo;
  if (state.stage === 'closed') notes.push(t('actions.note.closed'));
  else if (user.role === 'officer' && holder !== undefined && holder !== user.id) {
    notes.push(t('actions.note.heldBy', { name: userName(holder) }));
  } else if (user.role === 'officer' && holder === undefined && state.stage !== 'registration') {
    notes.push(t('actions.note.takeFirst'));
  }
  if (state.stage === 'approval' && user.role === 'officer') notes.push(t('actions.note.waitingHead'));
  if (state.stage === 'ready-to-send' && !state.signature) {
    notes.push(t('actions.note.signingLater'));
    // The signature is recorded over a document produced after the approval: none yet, no button.
    if (state.decision && signableDocuments(state).length === 0)
      notes.push(t('record.signature.noDocument', { form: t(`forms.name.${resultFormOf(state.decision)}`) }));
  }
  const pending = pendingDecisionNote(t, state);
  if (pending) notes.push(pending);
  if (state.approval?.returnedComment && state.stage !== 'approval' && state.decision === undefined) {
    notes.push(t('actions.note.returned', { comment: state.approval.returnedComment }));
  }
  return notes;
}
