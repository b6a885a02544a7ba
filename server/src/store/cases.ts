/** A case as the server holds it: its events (the record) and the projection folded from them. */
import type { CaseRecord } from '../../../shared/api';
import { foldEvents, type CaseEvent, type CaseState } from '../../../shared/workflow';
import type { Queryable } from '../db/types';
import { filesOf } from './case-files';

export interface StoredCase {
  akimatId: string;
  events: CaseEvent[];
  state: CaseState;
}

/** Events were validated when applied and are stored upgraded (current schema version). */
export async function caseEvents(db: Queryable, caseId: string): Promise<CaseEvent[]> {
  const { rows } = await db.query<{ body: CaseEvent }>(
    'SELECT body FROM events WHERE case_id = $1 ORDER BY case_version',
    [caseId],
  );
  return rows.map((r) => r.body);
}

/**
 * The case folded from its stored history with today's reducer. A history that no longer folds
 * would mean the reducer changed what it accepts about the past: a defect, never a state to serve.
 */
export async function loadCase(db: Queryable, caseId: string): Promise<StoredCase | undefined> {
  const { rows } = await db.query<{ akimat_id: string }>('SELECT akimat_id FROM cases WHERE id = $1', [
    caseId,
  ]);
  const row = rows[0];
  if (!row) return undefined;
  const events = await caseEvents(db, caseId);
  const folded = foldEvents(events);
  if (!folded.ok) {
    throw new Error(
      `stored history of a case no longer folds at event ${folded.index}: ${folded.reason.code}`,
    );
  }
  return { akimatId: row.akimat_id, events, state: folded.state };
}

export async function caseRecord(
  db: Queryable,
  stored: Pick<StoredCase, 'events' | 'state'>,
): Promise<CaseRecord> {
  const { state, events } = stored;
  return {
    caseId: state.caseId,
    version: state.version,
    stage: state.stage,
    assignedTo: state.assignedTo ?? null,
    events,
    files: await filesOf(db, events),
  };
}

/** Closed with no complaint waiting for an answer: nothing left to do on the case (migration 003). */
export function isSettled(state: CaseState): boolean {
  return state.stage === 'closed' && state.complaints.every((c) => c.answer !== undefined);
}

/**
 * Writes the projection of a case after its events changed (in the same transaction). `at` is the
 * instant of the event that made this state: the case's settled_at when it settles it (kept as it
 * was while it stays settled, cleared when a complaint reopens work on it).
 */
export async function saveProjection(
  db: Queryable,
  akimatId: string,
  state: CaseState,
  reducerVersion: number,
  at: string,
): Promise<void> {
  await db.query(
    `INSERT INTO cases (id, akimat_id, version, stage, assigned_to, case_number, registration_number, state, reducer_version, settled_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, CASE WHEN $10 THEN $11::timestamptz END)
     ON CONFLICT (id) DO UPDATE SET version = $3, stage = $4, assigned_to = $5, registration_number = $7,
       state = $8, reducer_version = $9, updated_at = now(),
       settled_at = CASE WHEN $10 THEN coalesce(cases.settled_at, $11::timestamptz) END`,
    [
      state.caseId,
      akimatId,
      state.version,
      state.stage,
      state.assignedTo ?? null,
      state.application.caseNumber,
      state.registrationNumber ?? null,
      JSON.stringify(state),
      reducerVersion,
      isSettled(state),
      at,
    ],
  );
}
