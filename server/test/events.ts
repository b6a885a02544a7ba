/** Events a desk would make, for the server's tests. */
import { randomUUID } from 'node:crypto';
import { formatInstant } from '../../shared/calendar/instant';
import {
  EVENT_SCHEMA_VERSION,
  type CaseEvent,
  type EventPayloads,
  type EventType,
} from '../../shared/workflow';

export function deskEvent<T extends EventType>(
  type: T,
  payload: EventPayloads[T],
  meta: { caseId: string; baseVersion: number; userId: string; role?: 'officer' | 'head'; id?: string },
): CaseEvent {
  return {
    id: meta.id ?? randomUUID(),
    caseId: meta.caseId,
    baseVersion: meta.baseVersion,
    schemaVersion: EVENT_SCHEMA_VERSION,
    actor: { userId: meta.userId, role: meta.role ?? 'officer' },
    at: formatInstant(Date.now(), 300),
    origin: { kind: 'desk' },
    type,
    payload,
  } as CaseEvent;
}

/** The registration of a case today (the office's day, +05:00). */
export function registration(meta: Parameters<typeof deskEvent>[2], number = 'REG-1'): CaseEvent {
  const today = formatInstant(Date.now(), 300).slice(0, 10);
  return deskEvent(
    'registered',
    { registrationNumber: number, registeredOn: today, dueOn: today, calendarVersion: '2026.1' },
    meta,
  );
}
