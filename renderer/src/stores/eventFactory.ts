import type { Actor, CaseEvent, CaseState, EventPayloads, EventType } from '../../../shared/workflow';

export type ActionType = Exclude<EventType, 'received'>;

/**
 * A new event on the case as it is now. The id is made here, once per event; the case store keeps
 * an event whose write failed and hands the same event (same id) to a retry of the same action (see
 * `retryKey`), so that the store's ingest and, later, the server recognise it as one event.
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

/**
 * What makes two attempts the same action: the same case version, actor, type and payload. A retry
 * with anything changed (another payload, the case moved on) is a new event with a new id.
 */
export function retryKey(event: CaseEvent): string {
  return JSON.stringify([event.caseId, event.baseVersion, event.actor, event.type, event.payload]);
}
