/**
 * Applying events: the one path by which anything enters a case on the server (a desk's push, the
 * portal's feed, the server's own assignment events). Each case's events run in one transaction,
 * under a per-case advisory lock, in order, through the desk's own reducer (`applyEvent`), against
 * the case's stored history. The first answer for an event id is kept (table `answers`, primary
 * key = the id), so a repeated event gets the same answer again however many processes serve it.
 */
import type { EventReason, EventResult } from '../../../shared/api';
import { caseRoleOf, type UserRole } from '../../../shared/auth';
import {
  applyEvent,
  parseCaseEvent,
  REDUCER_VERSION,
  type CaseEvent,
  type CaseState,
  type RejectionCode,
  type RejectionReason,
} from '../../../shared/workflow';
import type { Database, Queryable } from '../db/types';
import { canonicalJson, sha256Hex } from '../util/hash';
import { fileRefs, missingFiles } from './case-files';
import { caseRecord, loadCase, saveProjection } from './cases';

/** Who the events come from; decides which server rules apply beside the reducer. */
export type EventSource =
  /** A desk's push: only its own user's desk-made events, and every file they name must be here. */
  | { kind: 'desk'; deviceId: string; user: { id: string; role: UserRole; active: boolean } }
  /** Made by the server itself (assignments) or delivered by the portal (the feed): files required. */
  | { kind: 'central' }
  /** The demo seed's histories, whose produced documents never had bytes (as on the demo desk). */
  | { kind: 'import' };

type Answer = Omit<EventResult, 'index' | 'eventId' | 'case'>;

const HTTP_OF: Partial<Record<RejectionCode, number>> = {
  'event.invalid': 400,
  'payload.invalid': 400,
  'role.not-allowed': 403,
  'role.head-only': 403,
  'case.not-assigned': 403,
  'case.not-received': 404,
};

function rejected(reason: EventReason, httpStatus = 422): Answer {
  return { status: 'rejected', httpStatus, reason };
}

/** The reducer's refusal as an answer: a version mismatch is a conflict, the rest rejections. */
function reducerAnswer(reason: RejectionReason): Answer {
  const params = reason.params
    ? Object.fromEntries(
        Object.entries(reason.params).map(([k, v]) => [k, Array.isArray(v) ? [...(v as string[])] : v]),
      )
    : undefined;
  const r: EventReason = params
    ? { code: reason.code, params: params as EventReason['params'] }
    : { code: reason.code };
  if (reason.code === 'version.conflict') return { status: 'conflict', httpStatus: 409, reason: r };
  return rejected(r, HTTP_OF[reason.code] ?? 422);
}

/** Server rules a desk's event must pass before the reducer sees it; undefined when it passes. */
function sourceRefusal(event: CaseEvent, source: EventSource): Answer | undefined {
  if (source.kind !== 'desk') return undefined;
  const { user } = source;
  if (event.origin.kind !== 'desk') return rejected({ code: 'origin.not-allowed' }, 403);
  if (event.actor.userId !== user.id) {
    return rejected({ code: 'actor.not-device-user', params: { userId: user.id } }, 403);
  }
  if (!user.active) return rejected({ code: 'actor.inactive' }, 403);
  if (caseRoleOf(user.role) !== event.actor.role) {
    return rejected({ code: 'actor.role-mismatch', params: { role: user.role } }, 403);
  }
  return undefined;
}

interface Item {
  index: number;
  raw: unknown;
}

const idOf = (raw: unknown): string | null => {
  const id = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)['id'] : undefined;
  return typeof id === 'string' ? id : null;
};
const caseIdOf = (raw: unknown): string | null => {
  const id = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)['caseId'] : undefined;
  return typeof id === 'string' && id.length > 0 && id.length <= 200 ? id : null;
};

/** A stored answer given again: 'applied' becomes 'already-applied', every other field as first given. */
function repeated(stored: string): Answer {
  const answer = JSON.parse(stored) as Answer;
  return answer.status === 'applied' ? { ...answer, status: 'already-applied' } : answer;
}

async function recordEvent(
  tx: Queryable,
  akimatId: string,
  event: CaseEvent,
  before: CaseState | undefined,
  after: CaseState,
  deviceId: string | null,
): Promise<void> {
  await saveProjection(tx, akimatId, after, REDUCER_VERSION, event.at);
  await tx.query(
    `INSERT INTO events (id, case_id, akimat_id, case_version, type, body, stage_before, stage_after, assigned_after, outcome_after, device_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      event.id,
      event.caseId,
      akimatId,
      after.version,
      event.type,
      JSON.stringify(event),
      before?.stage ?? null,
      after.stage,
      after.assignedTo ?? null,
      after.outcome ?? null,
      deviceId,
    ],
  );
  const hashes = fileRefs(event).map((f) => f.sha256);
  if (hashes.length > 0) {
    await tx.query(
      'INSERT INTO file_access (sha256, akimat_id) SELECT sha256, $2 FROM files WHERE sha256 = ANY($1) ON CONFLICT DO NOTHING',
      [hashes, akimatId],
    );
  }
}

/** The events of one case, in order, in the caller's transaction. */
async function applyCaseEvents(
  tx: Queryable,
  caseId: string,
  items: readonly Item[],
  akimatId: string,
  source: EventSource,
): Promise<EventResult[]> {
  // One writer per case across every process; a case that does not exist yet has no row to lock.
  await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [caseId]);
  const stored = await loadCase(tx, caseId);
  if (stored && stored.akimatId !== akimatId) {
    // Another akimat's case is not told apart from one that does not exist.
    return items.map(({ index, raw }) => ({
      index,
      eventId: idOf(raw),
      ...rejected({ code: 'case.not-found' }, 404),
    }));
  }
  let state = stored?.state;
  const results: EventResult[] = [];
  let failed: string | null = null;
  const conflicts: EventResult[] = [];

  for (const { index, raw } of items) {
    const eventId = idOf(raw);
    const answer = async (): Promise<Answer> => {
      if (failed !== null) {
        return {
          status: 'blocked',
          httpStatus: 424,
          reason: { code: 'batch.earlier-event-failed', params: { eventId: failed } },
        };
      }
      const parsed = parseCaseEvent(raw);
      if (!parsed.ok) return rejected({ code: parsed.code, params: { path: parsed.path } }, 400);
      const event = parsed.event;
      const bodyHash = sha256Hex(canonicalJson(event));
      const first = await tx.query<{ body_hash: string; answer: string }>(
        'SELECT body_hash, answer FROM answers WHERE event_id = $1',
        [event.id],
      );
      const prior = first.rows[0];
      if (prior)
        return prior.body_hash === bodyHash
          ? repeated(prior.answer)
          : rejected({ code: 'event.id-reused' }, 409);

      const refused = sourceRefusal(event, source);
      if (refused) return refused;
      if (source.kind !== 'import') {
        const missing = await missingFiles(
          tx,
          fileRefs(event).map((f) => f.sha256),
        );
        if (missing[0] !== undefined)
          return rejected({ code: 'file.missing', params: { sha256: missing[0] } }, 422);
      }
      const result = applyEvent(state, event);
      // Not kept: the case may yet arrive, and the same event would then be judged on it.
      if (!result.ok && result.reason.code === 'case.not-received') return reducerAnswer(result.reason);
      const given: Answer = result.ok
        ? { status: 'applied', httpStatus: 200, caseVersion: result.state.version }
        : reducerAnswer(result.reason);
      if (result.ok) {
        await recordEvent(
          tx,
          akimatId,
          event,
          state,
          result.state,
          source.kind === 'desk' ? source.deviceId : null,
        );
        state = result.state;
      }
      // The reducer's verdict on an event made on this version is final: keep it for every repeat.
      await tx.query('INSERT INTO answers (event_id, case_id, body_hash, answer) VALUES ($1, $2, $3, $4)', [
        event.id,
        caseId,
        bodyHash,
        JSON.stringify(given),
      ]);
      return given;
    };
    const given = await answer();
    const result: EventResult = { index, eventId, ...given };
    if (given.status !== 'applied' && given.status !== 'already-applied' && failed === null) {
      failed = eventId ?? `#${index}`;
    }
    if (given.status === 'conflict') conflicts.push(result);
    results.push(result);
  }
  if (conflicts.length > 0) {
    const current = await loadCase(tx, caseId);
    if (current) {
      const record = await caseRecord(tx, current);
      for (const c of conflicts) c.case = record;
    }
  }
  return results;
}

/**
 * A batch: grouped by case (first appearance order), one transaction per case, results in the
 * order of the request. An event whose case cannot be read is answered on its own.
 */
export async function applyBatch(
  db: Database,
  events: readonly unknown[],
  akimatId: string,
  source: EventSource,
): Promise<EventResult[]> {
  const groups = new Map<string, Item[]>();
  events.forEach((raw, index) => {
    const caseId = caseIdOf(raw);
    const key = caseId === null ? `unreadable:${index}` : `case:${caseId}`;
    const group = groups.get(key) ?? [];
    group.push({ index, raw });
    groups.set(key, group);
  });
  const results: EventResult[] = [];
  for (const [key, items] of groups) {
    if (key.startsWith('unreadable:')) {
      for (const { index, raw } of items) {
        const parsed = parseCaseEvent(raw);
        const reason: EventReason = parsed.ok
          ? { code: 'event.invalid', params: { path: 'caseId' } }
          : { code: parsed.code, params: { path: parsed.path } };
        results.push({ index, eventId: idOf(raw), ...rejected(reason, 400) });
      }
      continue;
    }
    const caseId = key.slice('case:'.length);
    results.push(...(await db.transaction((tx) => applyCaseEvents(tx, caseId, items, akimatId, source))));
  }
  return results.sort((a, b) => a.index - b.index);
}
