import type { Actor, CaseEvent, CaseState, EventPayloads, EventType } from '../../../shared/workflow';

export type ActionType = Exclude<EventType, 'received'>;

/**
 * A new event on the case as it is now. The id is made here, once: if the write must be retried,
 * the same event (same id) is retried, so the server can recognise a duplicate.
 */
export function makeEvent<T extends ActionType>(
  state: CaseState,
  type: T,
  payload: EventPayloads[T],
  actor: Actor,
  at: string,
  id: string = crypto.randomUUID(),
): CaseEvent {
  // The mapped union cannot be narrowed from a generic T; the reducer validates the result anyway.
  return { id, caseId: state.caseId, baseVersion: state.version, actor, at, type, payload } as CaseEvent;
}
