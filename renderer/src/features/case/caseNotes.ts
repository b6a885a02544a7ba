import type { TFunction } from 'i18next';
import type { DeskUser } from '../../../../shared/auth';
import type { CaseState } from '../../../../shared/workflow';

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
  if (state.stage === 'ready-to-send' && !state.signature) notes.push(t('actions.note.signingLater'));
  if (state.approval?.returnedComment && state.stage !== 'approval' && state.decision === undefined) {
    notes.push(t('actions.note.returned', { comment: state.approval.returnedComment }));
  }
  return notes;
}
