/**
 * The one way events enter the desk (ARCHITECTURE.md "Every write, local or pulled, goes through one
 * ingest path"). In ONE transaction per call (per chunk for `ingestMany`): fold the case's known
 * history and the new events with the one reducer, then store the events, the projection stamped
 * with the reducer's version, the queue row, the outbox references (local events), the held remote
 * events, the case's file references, the new files and the newest time seen.
 *
 * - Idempotent by event id: an id already in the case's history (or held) is a duplicate, not an error.
 * - Local events (this desk's actions) go on top of the current projection and are queued in the outbox.
 * - Remote events (the server's history, the demo, a sync page): one with the id of a queued local
 *   event acknowledges it (the entry leaves the outbox); while other local events of the case are
 *   unsent, remote ones are never folded over them: they are held, the row counts them, and sync
 *   (issue 9) resolves them. Unsent local work is never overwritten.
 */
import type { WorkingDayCalendar } from '../../../../shared/calendar/types';
import {
  applyEvent,
  foldEvents,
  type CaseEvent,
  type CaseState,
  type RejectionReason,
} from '../../../../shared/workflow';
import type { DeskDatabase } from '../database';
import type {
  AttachmentRecord,
  CaseFileRecord,
  CaseStateRecord,
  EventRecord,
  HeldEventRecord,
  OutboxRecord,
} from '../records';
import { placeRows, type Placement } from '../queue-pages';
import { caseRowOf } from '../rows';
import { fileRefsOf, FileMissingError, requiredFilesOf } from './files';
import { isCurrent, placementOf, projectionOf, stateOf } from './projection';
import { caseWithNumber } from './registration';
import { newestOf, type ClockStore } from './clock';

export type IngestSource = 'local' | 'remote';

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

/** One case of a batch: its new events, in order. */
export interface IngestItem {
  caseId: string;
  events: readonly CaseEvent[];
}

export interface IngestManyResult {
  /** Cases whose events were all folded (or known already). */
  cases: number;
  stored: number;
  duplicates: number;
  held: number;
  /** Cases the reducer refused an event of: nothing of them was stored (the others were). */
  refused: Array<{ caseId: string; index: number; reason: RejectionReason }>;
}

/** What one case's ingest will write; computed inside the transaction, written in bulk after. */
interface Staged {
  caseId: string;
  /** Where the case's queue row is; undefined for a new case (placed when written). */
  placement: Placement | undefined;
  state: CaseState;
  /** The projection must be written (something changed, or it was folded by another reducer). */
  changed: boolean;
  first: EventRecord | undefined;
  events: CaseEvent[];
  outbox: OutboxRecord[];
  acked: string[];
  held: HeldEventRecord[];
  heldTotal: number;
  duplicates: string[];
}

type StageResult = { ok: true; staged: Staged } | { ok: false; index: number; reason: RejectionReason };

const between = (caseId: string) =>
  [
    [caseId, 0],
    [caseId, Infinity],
  ] as const;

/** What the store knows of a case before the call: its projection, history, unsent and held events. */
interface Known {
  record: CaseStateRecord | undefined;
  history: EventRecord[];
  pending: OutboxRecord[];
  held: HeldEventRecord[];
}

/**
 * Reads what the store knows of each case, Dexie requests only (a transaction commits as soon as it
 * awaits anything that is not one). A new case costs one key in a bulkGet.
 */
async function loadKnown(db: DeskDatabase, caseIds: readonly string[]): Promise<Known[]> {
  const records = await db.caseStates.bulkGet([...caseIds]);
  return Promise.all(
    caseIds.map(async (caseId, i): Promise<Known> => {
      const record = records[i];
      if (!record) return { record, history: [], pending: [], held: [] };
      const [lower, upper] = between(caseId);
      const [history, pending, held] = await Promise.all([
        db.caseEvents.where('[caseId+baseVersion]').between(lower, upper).toArray(),
        db.outbox.where('[caseId+seq]').between(lower, upper).toArray(),
        db.heldEvents.where('caseId').equals(caseId).toArray(),
      ]);
      return { record, history, pending, held };
    }),
  );
}

/** Folds one case's new events onto what is known (pure: no storage, so nothing can commit early). */
function stage(item: IngestItem, source: IngestSource, known: Known, now: string): StageResult {
  const { caseId } = item;
  const { record, history, pending, held } = known;
  let state: CaseState | undefined;
  let changed = false;
  if (record && isCurrent(record)) state = stateOf(record, history[0]);
  else if (record) {
    // Folded by another reducer version: the log is the truth, the projection only its cache.
    const folded = foldEvents(history);
    if (!folded.ok) return { ok: false, index: 0, reason: folded.reason };
    state = folded.state;
    changed = true;
  }
  const knownIds = new Set(history.map((e) => e.id));
  const heldIds = new Set(held.map((h) => h.id));
  const unsent = new Set(pending.map((p) => p.eventId));
  const s: Staged = {
    caseId,
    placement: placementOf(record),
    state: state as CaseState,
    changed,
    first: history[0],
    events: [],
    outbox: [],
    acked: [],
    held: [],
    heldTotal: held.length,
    duplicates: [],
  };
  for (const [index, event] of item.events.entries()) {
    if (event.caseId !== caseId) return { ok: false, index, reason: { code: 'case.mismatch' } };
    if (knownIds.has(event.id) || heldIds.has(event.id)) {
      s.duplicates.push(event.id);
      // The server's history brought back an event this desk made: it arrived.
      if (source === 'remote' && unsent.delete(event.id)) s.acked.push(event.id);
      continue;
    }
    if (source === 'remote' && unsent.size > 0) {
      s.held.push({ id: event.id, caseId, heldAt: now, event });
      heldIds.add(event.id);
      continue;
    }
    const applied = applyEvent(state, event);
    if (!applied.ok) return { ok: false, index, reason: applied.reason };
    state = applied.state;
    s.state = state;
    s.changed = true;
    s.events.push(event);
    s.first ??= event;
    knownIds.add(event.id);
    if (source === 'local') {
      s.outbox.push({
        eventId: event.id,
        caseId,
        seq: event.baseVersion,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: now,
        queuedAt: now,
      });
      unsent.add(event.id);
    }
  }
  if (state === undefined) return { ok: false, index: 0, reason: { code: 'case.not-received' } };
  s.heldTotal += s.held.length;
  return { ok: true, staged: s };
}

/**
 * A local registration under a number another case of the register already has is refused (the
 * reducer sees one case; the register is the store's). Params name the other case, never a person.
 */
async function numberTaken(
  db: DeskDatabase,
  item: IngestItem,
  staged: Staged,
): Promise<{ ok: false; index: number; reason: RejectionReason } | undefined> {
  for (const event of staged.events) {
    if (event.type !== 'registered') continue;
    const other = await caseWithNumber(db, event.payload.registrationNumber);
    if (other && other.caseId !== item.caseId)
      return {
        ok: false,
        index: item.events.indexOf(event),
        reason: {
          code: 'registration.number-taken',
          params: { registrationNumber: event.payload.registrationNumber, caseNumber: other.caseNumber },
        },
      };
  }
  return undefined;
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
  const refs = new Map<string, CaseFileRecord>();
  // In order, so the earliest event of the case referring to a file is the one kept.
  for (const e of events)
    for (const r of fileRefsOf(e))
      if (!refs.has(`${r.caseId} ${r.sha256}`)) refs.set(`${r.caseId} ${r.sha256}`, r);
  const newRefs = [...refs.values()];
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
    db.outbox.bulkAdd(staged.flatMap((s) => s.outbox)),
    db.outbox.bulkDelete(staged.flatMap((s) => s.acked)),
    db.heldEvents.bulkAdd(staged.flatMap((s) => s.held)),
    // A stored reference is from an earlier event of the case: it stays.
    db.caseFiles.bulkAdd(newRefs.filter((_, i) => existingRefs[i] === undefined)),
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

/** The tables every ingest transaction writes. */
function tables(db: DeskDatabase) {
  return [
    db.caseStates,
    db.queuePages,
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

/** Remote cases in chunks, one transaction each; a refused case does not stop the others. */
export async function ingestChunk(
  ctx: IngestContext,
  calendar: WorkingDayCalendar,
  items: readonly IngestItem[],
  into: IngestManyResult,
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
    return staged.filter((s) => s.changed || s.held.length > 0).map((s) => s.caseId);
  });
}
