import { formatInstant } from '../../../shared/calendar';
import {
  EVENT_SCHEMA_VERSION,
  type Actor,
  type CaseEvent,
  type CaseState,
  type EventPayloads,
  type EventType,
} from '../../../shared/workflow';

export type ActionType = Exclude<EventType, 'received'>;

/**
 * A new event on the case as it is now, made on this desk at `now`. The id is made here, once per
 * event; the case store keeps an event whose write failed and hands the same event (same id) to a
 * retry of the same action (see `retryKey`), so the store's ingest and, later, the server recognise
 * it as one event. `at` is written at the case's office offset (e.g. +05:00), so the day a person
 * reads in the text is the office's day.
 */
export function makeEvent<T extends ActionType>(
  state: CaseState,
  type: T,
  payload: EventPayloads[T],
  actor: Actor,
  now: Date,
  id: string = crypto.randomUUID(),
): CaseEvent {
  const at = formatInstant(now.getTime(), state.office.utcOffsetMinutes);
  // The mapped union cannot be narrowed from a generic T; the reducer validates the result anyway.
  return {
    id,
    caseId: state.caseId,
    baseVersion: state.version,
    schemaVersion: EVENT_SCHEMA_VERSION,
    actor,
    at,
    origin: { kind: 'desk' },
    type,
    payload,
  } as CaseEvent;
}

/**
 * What makes two attempts the same action: the same case version, actor, type and payload. A retry
 * with anything changed (another payload, the case moved on) is a new event with a new id.
 */
export function retryKey(event: CaseEvent): string {
  return JSON.stringify([event.caseId, event.baseVersion, event.actor, event.type, event.payload]);
}
