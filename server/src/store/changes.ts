/** `GET /changes` and `GET /monitoring`: pages of the change log after a cursor. */
import type { CaseChange, MonitoringEntry } from '../../../shared/api';
import type { CaseEvent, CaseState, Stage } from '../../../shared/workflow';
import type { Queryable } from '../db/types';
import { isoOf } from '../util/time';
import { filesOfEach } from './case-files';
import { START, type Position } from './cursor';

interface LogRow {
  xid: string;
  seq: number;
  case_id: string;
  case_version: number;
  body: CaseEvent;
  stage_after: Stage;
  assigned_after: string | null;
}

export interface Page<T> {
  items: T[];
  last: Position | undefined;
  hasMore: boolean;
}

// Only transactions older than every one still running: nothing can commit behind what is read.
const VISIBLE = 'e.xid < pg_snapshot_xmin(pg_current_snapshot())';

/** The working set of one desk (GET /changes?closedBefore=): see changesQuerySchema. */
export interface WorkingSetFilter {
  /** Leave out cases settled before this day (ISO date, UTC midnight)... */
  closedBefore: string;
  /** ...unless this user holds them. */
  holder: string;
}

/**
 * Up to `limit` events of the akimat after `after`, grouped by case (in the order first changed).
 * From the beginning (or inside a snapshot) the page is a snapshot's: see snapshotAfter.
 */
export async function changesAfter(
  db: Queryable,
  akimatId: string,
  after: Position,
  limit: number,
  workingSet?: WorkingSetFilter,
): Promise<Page<CaseChange>> {
  if (after.snapshotAfter !== undefined || (after.xid === START.xid && after.seq === START.seq)) {
    const end = after.snapshotAfter !== undefined ? after : await logEnd(db, akimatId);
    if (end) return snapshotAfter(db, akimatId, end, after.snapshotAfter ?? '', limit, workingSet);
  }
  const found = await db.query<LogRow>(
    `SELECT e.xid::text AS xid, e.seq, e.case_id, e.case_version, e.body, e.stage_after, e.assigned_after
       FROM events e
      WHERE e.akimat_id = $4 AND (e.xid, e.seq) > ($1::xid8, $2::bigint) AND ${VISIBLE}
        AND ($5::timestamptz IS NULL OR NOT EXISTS (
              SELECT 1 FROM cases c
               WHERE c.id = e.case_id AND c.settled_at < $5::timestamptz AND c.assigned_to IS DISTINCT FROM $6))
      ORDER BY e.xid, e.seq
      LIMIT $3`,
    [after.xid, after.seq, limit + 1, akimatId, workingSet?.closedBefore ?? null, workingSet?.holder ?? null],
  );
  const rows = found.rows.slice(0, limit);
  const hasMore = found.rows.length > limit;
  const items = await caseChanges(db, rows);
  const last = rows[rows.length - 1];
  return { items, last: last ? { xid: last.xid, seq: Number(last.seq) } : undefined, hasMore };
}

/** Rows grouped by case (in the order first seen), each case's events in version order, with files. */
async function caseChanges(db: Queryable, rows: readonly LogRow[]): Promise<CaseChange[]> {
  const byCase = new Map<string, LogRow[]>();
  for (const row of rows) {
    const list = byCase.get(row.case_id) ?? [];
    list.push(row);
    byCase.set(row.case_id, list);
  }
  const groups = [...byCase].map(([caseId, list]) => {
    list.sort((a, b) => a.case_version - b.case_version);
    return { caseId, last: list[list.length - 1] as LogRow, events: list.map((r) => r.body) };
  });
  const files = await filesOfEach(
    db,
    groups.map((g) => g.events),
  );
  return groups.map((g, i) => ({
    caseId: g.caseId,
    version: g.last.case_version,
    stage: g.last.stage_after,
    assignedTo: g.last.assigned_after,
    events: g.events,
    files: files[i] ?? [],
  }));
}

/** The last event of the akimat's log a page may hand out now; undefined when there is none. */
async function logEnd(db: Queryable, akimatId: string): Promise<Position | undefined> {
  const { rows } = await db.query<{ xid: string; seq: number }>(
    `SELECT e.xid::text AS xid, e.seq FROM events e
      WHERE e.akimat_id = $1 AND ${VISIBLE}
      ORDER BY e.xid DESC, e.seq DESC
      LIMIT 1`,
    [akimatId],
  );
  const row = rows[0];
  return row ? { xid: row.xid, seq: Number(row.seq) } : undefined;
}

/**
 * A page of the snapshot that a pull from the beginning starts with: whole cases in case id order
 * after `afterCase`, each with every event up to `end` (the log's end when the snapshot began), as
 * many cases as fit in `limit` events (at least one). A desk then stores each case once instead of
 * piecing it together from every page of the log it is spread over. Each case's events are applied
 * in version order under its lock, one transaction each (apply.ts), so its events up to `end` are
 * a whole beginning of its history; everything after `end` comes from the log, after the last
 * page's cursor (`end` itself). Cases are chosen by their current version (an upper bound of the
 * events up to `end`); a case with none up to `end` is passed over: all its events are in the log.
 */
async function snapshotAfter(
  db: Queryable,
  akimatId: string,
  end: Position,
  afterCase: string,
  limit: number,
  workingSet?: WorkingSetFilter,
): Promise<Page<CaseChange>> {
  const { rows: candidates } = await db.query<{ id: string; version: number }>(
    `SELECT c.id, c.version FROM cases c
      WHERE c.akimat_id = $1 AND c.id > $2
        AND NOT COALESCE(c.settled_at < $4::timestamptz AND c.assigned_to IS DISTINCT FROM $5, false)
      ORDER BY c.id
      LIMIT $3`,
    [akimatId, afterCase, limit + 1, workingSet?.closedBefore ?? null, workingSet?.holder ?? null],
  );
  const chosen: string[] = [];
  let events = 0;
  for (const c of candidates) {
    if (chosen.length > 0 && events + c.version > limit) break;
    chosen.push(c.id);
    events += c.version;
  }
  const found = chosen.length
    ? await db.query<LogRow>(
        `SELECT e.xid::text AS xid, e.seq, e.case_id, e.case_version, e.body, e.stage_after, e.assigned_after
           FROM events e
          WHERE e.case_id = ANY($1::text[]) AND (e.xid, e.seq) <= ($2::xid8, $3::bigint)
          ORDER BY e.case_id, e.case_version`,
        [chosen, end.xid, end.seq],
      )
    : { rows: [] };
  const byId = new Map<string, CaseChange>();
  for (const c of await caseChanges(db, found.rows)) byId.set(c.caseId, c);
  const items = chosen.flatMap((id) => byId.get(id) ?? []);
  if (chosen.length < candidates.length) {
    return { items, last: { ...end, snapshotAfter: chosen[chosen.length - 1] as string }, hasMore: true };
  }
  // The snapshot is whole: the log goes on from its end.
  const { rows } = await db.query<{ more: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM events e
                     WHERE e.akimat_id = $1 AND (e.xid, e.seq) > ($2::xid8, $3::bigint) AND ${VISIBLE}) AS more`,
    [akimatId, end.xid, end.seq],
  );
  return { items, last: { xid: end.xid, seq: end.seq }, hasMore: rows[0]?.more === true };
}

interface MonitoringRow {
  xid: string;
  seq: number;
  akimat_id: string;
  case_id: string;
  event_id: string;
  type: MonitoringEntry['eventType'];
  at: string;
  recorded_at: unknown;
  stage_before: Stage | null;
  stage_after: Stage;
  outcome_after: CaseState['outcome'] | null;
  case_number: string;
  registration_number: string | null;
}

/** The monitoring feed: every event of every akimat, with the stage before and after; no personal data. */
export async function monitoringAfter(
  db: Queryable,
  after: Position,
  limit: number,
): Promise<Page<MonitoringEntry>> {
  const { rows } = await db.query<MonitoringRow>(
    `SELECT e.xid::text AS xid, e.seq, e.akimat_id, e.case_id, e.id AS event_id, e.type, e.body->>'at' AS at,
            e.recorded_at, e.stage_before, e.stage_after, e.outcome_after, c.case_number, c.registration_number
       FROM events e JOIN cases c ON c.id = e.case_id
      WHERE (e.xid, e.seq) > ($1::xid8, $2::bigint) AND ${VISIBLE}
      ORDER BY e.xid, e.seq
      LIMIT $3`,
    [after.xid, after.seq, limit + 1],
  );
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      akimatId: r.akimat_id,
      caseId: r.case_id,
      caseNumber: r.case_number,
      registrationNumber: r.registration_number,
      eventId: r.event_id,
      eventType: r.type,
      at: r.at,
      recordedAt: isoOf(r.recorded_at),
      previousStage: r.stage_before,
      stage: r.stage_after,
      outcome: r.outcome_after ?? null,
    })),
    last: last ? { xid: last.xid, seq: Number(last.seq) } : undefined,
    hasMore: rows.length > limit,
  };
}
