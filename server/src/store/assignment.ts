/**
 * Taking, releasing and assigning cases. The server makes the 'assigned' event itself, as the
 * acting user, at its own clock (written at the case's office offset), and applies it through the
 * same path as any pushed event: so a desk needs a connection to take a case, and two officers
 * taking one case at once get one winner and one refusal.
 */
import { randomUUID } from 'node:crypto';
import type { AssignmentAnswer, CaseRecord, EventReason } from '../../../shared/api';
import { caseRoleOf } from '../../../shared/auth';
import { formatInstant } from '../../../shared/calendar/instant';
import { EVENT_SCHEMA_VERSION, type CaseEvent, type EventOf } from '../../../shared/workflow';
import type { Database } from '../db/types';
import { applyBatch } from './apply';
import { caseRecord, loadCase } from './cases';
import type { Principal } from './devices';

type DeskPrincipal = Extract<Principal, { kind: 'desk' }>;

export type AssignmentResult =
  | { ok: true; answer: AssignmentAnswer }
  | { ok: false; status: 403 | 404; code: 'auth.forbidden' | 'case.not-found' }
  | { ok: false; status: 409; reason: EventReason; record: CaseRecord };

export interface AssignmentRequest {
  caseId: string;
  /** The new holder; null releases the case. */
  officerId: string | null;
  eventId?: string | undefined;
}

/** What became of an assignment request made before with this event id, if anything. */
async function earlierAnswer(
  db: Database,
  id: string,
): Promise<{ event: CaseEvent } | { reason: EventReason } | undefined> {
  const applied = await db.query<{ body: CaseEvent }>('SELECT body FROM events WHERE id = $1', [id]);
  const event = applied.rows[0]?.body;
  if (event) return { event };
  const answered = await db.query<{ answer: string }>('SELECT answer FROM answers WHERE event_id = $1', [id]);
  const answer = answered.rows[0]?.answer;
  if (answer === undefined) return undefined;
  const parsed = JSON.parse(answer) as { reason?: EventReason };
  return { reason: parsed.reason ?? { code: 'event.invalid' } };
}

export async function assignCase(
  db: Database,
  who: DeskPrincipal,
  request: AssignmentRequest,
): Promise<AssignmentResult> {
  const role = caseRoleOf(who.user.role);
  if (role === null) return { ok: false, status: 403, code: 'auth.forbidden' };
  const current = await loadCase(db, request.caseId);
  if (!current || current.akimatId !== who.akimatId)
    return { ok: false, status: 404, code: 'case.not-found' };
  if (request.officerId !== null) {
    const { rows } = await db.query(
      "SELECT 1 FROM users WHERE akimat_id = $1 AND id = $2 AND active AND role IN ('officer', 'head')",
      [who.akimatId, request.officerId],
    );
    if (rows.length === 0) {
      const record = await caseRecord(db, current);
      return {
        ok: false,
        status: 409,
        reason: { code: 'assign.unknown-officer', params: { officerId: request.officerId } },
        record,
      };
    }
  }
  const event = {
    id: request.eventId ?? randomUUID(),
    caseId: request.caseId,
    baseVersion: current.state.version,
    schemaVersion: EVENT_SCHEMA_VERSION,
    actor: { userId: who.user.id, role },
    at: formatInstant(Date.now(), current.state.office.utcOffsetMinutes),
    origin: { kind: 'central' },
    type: 'assigned',
    payload: { officerId: request.officerId },
  } as EventOf<'assigned'>;

  // A retried request with the same eventId gets the first answer: find what was made then.
  const earlier = request.eventId === undefined ? undefined : await earlierAnswer(db, request.eventId);
  const [result] = earlier ? [] : await applyBatch(db, [event], who.akimatId, { kind: 'central' });
  const after = await loadCase(db, request.caseId);
  if (!after) return { ok: false, status: 404, code: 'case.not-found' };
  const record = await caseRecord(db, after);
  if (earlier) {
    return 'event' in earlier
      ? { ok: true, answer: { event: earlier.event, case: record } }
      : { ok: false, status: 409, reason: earlier.reason, record };
  }
  if (result?.status === 'applied') return { ok: true, answer: { event, case: record } };
  return { ok: false, status: 409, reason: result?.reason ?? { code: 'event.invalid' }, record };
}
