/**
 * The one way events enter the desk (ARCHITECTURE.md "Every write, local or pulled, goes through one
 * ingest path"). In ONE transaction per call (per chunk for `ingestMany`): fold the case's known
 * history and the new events with the one reducer, then store the events, the projection stamped
 * with the reducer's version, the queue row and the dashboard's facts, the outbox references (local
 * events), the held remote events, the case's file references, the new files and the newest time seen.
 *
 * - Idempotent by event id: an id already in the case's history (or held) is a duplicate, not an error.
 * - Local events (this desk's actions) go on top of the current projection and are queued in the outbox.
 * - Remote events (the server's history, the demo, a sync page): one with the id of a queued local
 *   event acknowledges it (the entry leaves the outbox); while other local events of the case are
 *   unsent, remote ones are never folded over them: they are held, the row counts them, and sync
 *   (issue 9) resolves them. Unsent local work is never overwritten.
 */
import type { WorkingDayCalendar } from '../../../../shared/calendar/types';
import { caseFactsOf } from '../../../../shared/metrics/stored';
import type { CaseState, RejectionReason } from '../../../../shared/workflow';
import type { DeskDatabase } from '../database';
import { placeRows } from '../queue-pages';
import type { AttachmentRecord, CaseFileRecord } from '../records';
import { caseRowOf } from '../rows';
import { newestOf, type ClockStore } from './clock';
import { fileRefsOf, FileMissingError, requiredFilesOf } from './files';
import { projectionOf } from './projection';
import { loadKnown, numberTaken, stage, type IngestItem, type IngestSource, type Staged } from './stage';

export type { IngestItem, IngestSource } from './stage';

export type IngestResult =
  | {
      ok: true;
      state: CaseState;
      /** Ids of the events folded and stored by this call. */
      stored: string[];
      /** Ids already known (stored or held): nothing done, or a local event acknowledged. */
      duplicates: string[];
      /** Remote events of this call held back over unsent local work. */
      held: number;
    }
  | { ok: false; index: number; reason: RejectionReason };

export interface IngestManyResult {
  /** Cases whose events were all folded (or known already). */
  cases: number;
  stored: number;
  duplicates: number;
  held: number;
  /** Cases the reducer refused an event of: nothing of them was stored (the others were). */
  refused: Array<{ caseId: string; index: number; reason: RejectionReason }>;
}

/** Everything the staged cases write, in bulk: one request per table instead of one per record. */
async function write(
  db: DeskDatabase,
  staged: readonly Staged[],
  calendar: WorkingDayCalendar,
  files: readonly AttachmentRecord[],
): Promise<void> {
  const events = staged.flatMap((s) => s.events);
  const rewritten = staged.filter((s) => s.changed || s.held.length > 0);
  // A case's references, in event order, so the earliest event referring to a file is the one kept.
  // Only a case that had events before can have stored ones, which stay (they are from an earlier
  // event); a new case's (every case of a pull into an empty desk) are written without a read, and
  // put, not added: nothing stored under its key can be true, so nothing can refuse the page.
  const refsOf = (list: readonly Staged[]) => {
    const refs = new Map<string, CaseFileRecord>();
    for (const s of list)
      for (const e of s.events)
        for (const r of fileRefsOf(e))
          if (!refs.has(`${r.caseId} ${r.sha256}`)) refs.set(`${r.caseId} ${r.sha256}`, r);
    return [...refs.values()];
  };
  const newRefs = refsOf(staged.filter((s) => s.hadHistory));
  const firstRefs = refsOf(staged.filter((s) => !s.hadHistory));
  const [existingRefs, existingFiles] = await Promise.all([
    newRefs.length ? db.caseFiles.bulkGet(newRefs.map((r) => [r.caseId, r.sha256] as [string, string])) : [],
    files.length ? db.attachments.bulkGet(files.map((f) => f.sha256)) : [],
  ]);
  const rows = rewritten.map((s) => {
    const row = caseRowOf(s.state, calendar);
    if (s.heldTotal > 0) row.heldEvents = s.heldTotal;
    return row;
  });
  const placed = await placeRows(
    db,
    rows.map((row, i) => ({ row, at: rewritten[i]!.placement })),
  );
  await Promise.all([
    events.length ? db.caseEvents.bulkAdd(events) : undefined,
    db.caseStates.bulkPut(
      rewritten.flatMap((s, i) => (s.changed ? [projectionOf(s.state, s.first, placed[i]!, rows[i]!)] : [])),
    ),
    // The dashboard's facts of each changed case, derived like its row (cases/facts.ts).
    db.caseFacts.bulkPut(rewritten.filter((s) => s.changed).map((s) => caseFactsOf(s.state, calendar))),
    db.outbox.bulkAdd(staged.flatMap((s) => s.outbox)),
    db.outbox.bulkDelete(staged.flatMap((s) => s.acked)),
    db.heldEvents.bulkAdd(staged.flatMap((s) => s.held)),
    // A stored reference is from an earlier event of the case: it stays.
    db.caseFiles.bulkAdd(newRefs.filter((_, i) => existingRefs[i] === undefined)),
    db.caseFiles.bulkPut(firstRefs),
    // The same bytes are stored once (the first name is kept), as attachments.put does.
    db.attachments.bulkAdd(files.filter((_, i) => existingFiles[i] === undefined)),
  ]);
}

/** Local events must not refer to bytes the desk does not hold: checked before anything is written. */
async function requireFiles(
  db: DeskDatabase,
  staged: Staged,
  files: readonly AttachmentRecord[],
): Promise<void> {
  const brought = new Set(files.map((f) => f.sha256));
  const needed = [...new Set(staged.events.flatMap(requiredFilesOf))].filter((sha) => !brought.has(sha));
  if (needed.length === 0) return;
  const stored = new Set(await db.attachments.where(':id').anyOf(needed).primaryKeys());
  const missing = needed.find((sha) => !stored.has(sha));
  if (missing) throw new FileMissingError(missing);
}

export interface IngestContext {
  db: DeskDatabase;
  clock: ClockStore;
  /** Now, ISO 8601 (queue times of outbox entries and held events). */
  now: () => string;
}

/** The tables every ingest transaction writes (held.ts opens its own over the same). */
export function tables(db: DeskDatabase) {
  return [
    db.caseStates,
    db.queuePages,
    db.queueHeads,
    db.caseFacts,
    db.caseEvents,
    db.outbox,
    db.heldEvents,
    db.caseFiles,
    db.attachments,
    db.syncState,
  ];
}

/** One case, one transaction. Throws StorageError on storage failure (nothing stored then). */
export async function ingestOne(
  ctx: IngestContext,
  calendar: WorkingDayCalendar,
  item: IngestItem,
  source: IngestSource,
  files: readonly AttachmentRecord[],
): Promise<IngestResult> {
  const { db } = ctx;
  return db.transaction('rw', tables(db), async (): Promise<IngestResult> => {
    const [known] = await loadKnown(db, [item.caseId]);
    const result = stage(item, source, known!, ctx.now());
    if (!result.ok) return result;
    const s = result.staged;
    if (source === 'local') {
      const taken = await numberTaken(db, item, s);
      if (taken) return taken;
      await requireFiles(db, s, files);
    }
    await write(db, [s], calendar, files);
    await ctx.clock.advance(newestOf(item.events));
    return {
      ok: true,
      state: s.state,
      stored: s.events.map((e) => e.id),
      duplicates: s.duplicates,
      held: s.held.length,
    };
  });
}

/**
 * Remote cases in chunks, one transaction each; a refused case does not stop the others. `also`
 * runs last in the same transaction (Dexie requests only: a sync page's cursor).
 */
export async function ingestChunk(
  ctx: IngestContext,
  calendar: WorkingDayCalendar,
  items: readonly IngestItem[],
  into: IngestManyResult,
  also?: () => Promise<void>,
): Promise<string[]> {
  const { db } = ctx;
  return db.transaction('rw', tables(db), async () => {
    const known = await loadKnown(
      db,
      items.map((i) => i.caseId),
    );
    const now = ctx.now();
    const staged: Staged[] = [];
    for (const [i, item] of items.entries()) {
      const result = stage(item, 'remote', known[i]!, now);
      if (!result.ok) {
        into.refused.push({ caseId: item.caseId, index: result.index, reason: result.reason });
        continue;
      }
      staged.push(result.staged);
      into.cases += 1;
      into.stored += result.staged.events.length;
      into.duplicates += result.staged.duplicates.length;
      into.held += result.staged.held.length;
    }
    await write(db, staged, calendar, []);
    await ctx.clock.advance(newestOf(items.flatMap((i) => i.events)));
    await also?.();
    return staged.filter((s) => s.changed || s.held.length > 0).map((s) => s.caseId);
  });
}
