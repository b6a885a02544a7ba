import type { IsoDate, WorkingDayCalendar } from '../../../../shared/calendar/types';
import { caseFactsOf, type CaseFacts } from '../../../../shared/metrics/stored';
import {
  foldEvents,
  type CaseEvent,
  type CaseState,
  type RejectionReason,
} from '../../../../shared/workflow';
import { ChangeFeed } from '../changes';
import type { ClockStore } from '../cases/clock';
import { checkedFiles, type NewFile } from '../cases/files';
import {
  ingestChunk,
  tables,
  ingestOne,
  type IngestItem,
  type IngestManyResult,
  type IngestResult,
  type IngestSource,
} from '../cases/ingest';
import { releaseHeld } from '../cases/held';
import {
  discardUnsent,
  notAccepted,
  type DiscardRequest,
  type DiscardResult,
  type NotAcceptedEvent,
} from '../cases/discard';
import { isCurrent, stateOf } from '../cases/projection';
import { eachFacts, fillFacts } from '../cases/facts';
import { eachState } from '../cases/states';
import { countStale, heldCounts, knownRebuilt, rebuildStale, type RebuildResult } from '../cases/rebuild';
import { nextRegistrationNumber } from '../cases/registration';
import type { DeskDatabase } from '../database';
import { guarded } from '../errors';
import { filterAndSort, type CaseListRow, type CaseQuery } from '../queries';
import { fillShortHeads, readHeads, refillHeads, type HeadView, type QueueHead } from '../queue-heads';
import { countRows, placeRows, readRowChunk, readRows, type Placement } from '../queue-pages';
import type { AttachmentRecord, CaseFileRecord, QueueRow } from '../records';
import type { AttachmentRepository } from './attachments';
import { caseRowOf } from '../rows';

export type AppendResult = { ok: true; state: CaseState } | { ok: false; reason: RejectionReason };

export interface CaseDetail {
  state: CaseState;
  /** The case's history in order (oldest first); held remote events are not part of it. */
  events: CaseEvent[];
}

export interface IngestOptions {
  /** Files the events refer to (a produced document, a signature), stored in the same transaction. */
  files?: readonly NewFile[];
}

export interface CaseRepository {
  /**
   * The one write path: folds `events` onto the case's history with the reducer and stores events,
   * projection, row, outbox references (local), held events (remote over unsent local work) and
   * `files`, in one transaction. Idempotent by event id. A refused event stores nothing and returns
   * the reason with the index of the event. Throws StorageError, AttachmentTooLargeError,
   * FileHashMismatchError, or FileMissingError (a local event names bytes nobody gave).
   */
  ingest(
    caseId: string,
    events: readonly CaseEvent[],
    source: IngestSource,
    options?: IngestOptions,
  ): Promise<IngestResult>;
  /**
   * Many remote cases (demo, bench, a sync page), `chunkSize` cases per transaction (default 500).
   * `inLastTransaction` runs inside the last chunk's transaction (its own one for an empty batch),
   * with Dexie requests only: a sync page's cursor is stored with the page.
   */
  ingestMany(
    batch: readonly IngestItem[],
    source: 'remote',
    chunkSize?: number,
    inLastTransaction?: () => Promise<void>,
  ): Promise<IngestManyResult>;
  /** A thin caller of ingest: one local event. */
  appendEvent(event: CaseEvent): Promise<AppendResult>;
  /** A thin caller of ingestMany: cases as remote history (the given `state` is not trusted: refolded). */
  importCases(
    cases: ReadonlyArray<{ events: readonly CaseEvent[]; state?: CaseState }>,
    chunkSize?: number,
  ): Promise<void>;
  get(caseId: string): Promise<CaseDetail | undefined>;
  list(query?: CaseQuery): Promise<{ rows: CaseListRow[]; total: number }>;
  /** Every case's queue row, in storage order (the queue sorts them itself). */
  listAll(): Promise<CaseListRow[]>;
  /**
   * The heads of the queues (version 11): each view's first rows and its size, what opening the desk
   * draws before every row is read (queue-heads.ts).
   */
  heads(): Promise<QueueHead[]>;
  /** The rows of `count` pages from page `from` (PAGE_SIZE rows a page), and whether more follow. */
  readRowChunk(from: number, count: number): Promise<{ rows: CaseListRow[]; more: boolean }>;
  /**
   * Refills the heads that shrank from every row the desk read, each only if unchanged since its
   * `stamps` were read; how many were refilled.
   */
  refillHeads(rows: readonly CaseListRow[], stamps: ReadonlyMap<HeadView, number>): Promise<number>;
  /**
   * Every case's full state, `chunkSize` (default 1000) at a time, for reports over all cases (the
   * head's dashboard); a case written meanwhile may be read before or after its change.
   */
  eachState(onChunk: (states: CaseState[]) => void, chunkSize?: number): Promise<void>;
  /**
   * Every case's dashboard facts (version 10), `chunkSize` (default 2000) at a time: what the head's
   * dashboard reads instead of every whole case (`metricCaseAt` dates them for a day).
   */
  eachFacts(onChunk: (facts: CaseFacts[]) => void, chunkSize?: number): Promise<void>;
  /** Derives every case's facts once after the upgrade to version 10 (openDesk runs it); how many. */
  fillFacts(): Promise<number>;
  count(): Promise<number>;
  /** The files a case refers to (attachments, produced documents, signatures). */
  files(caseId: string): Promise<CaseFileRecord[]>;
  /** The register's next number this year ('01-07/147' → '01-07/148'; none yet → '1'); never a taken one. */
  nextRegistrationNumber(today: IsoDate): Promise<string>;
  /** Recomputes every row's due days (after the calendar or the office hours changed). */
  refreshDeadlines(): Promise<void>;
  /** Projections folded by another reducer version: how many. */
  staleCount(): Promise<number>;
  /** True once a rebuild left no stale projection for the reducer in use (cheap: one key). */
  knownRebuilt(): Promise<boolean>;
  /** Folds them again from the log (openDesk does this before the desk is used). */
  rebuildStale(options?: { chunkSize?: number; onProgress?: (done: number) => void }): Promise<RebuildResult>;
  /** Told the ids of the cases a committed write changed; an empty list: reload everything. */
  onChange(listener: (caseIds: string[]) => void): () => void;
  /** Tells the subscribers that everything may have changed (after a reset). */
  announceReload(): void;
  /**
   * Folds the remote events held over unsent work of every case that has none left (sync calls it
   * after a push); a case whose held events the reducer refuses keeps them held. Returns how many
   * cases were released.
   */
  releaseHeld(): Promise<number>;
  /**
   * Sync problem resolved by taking the case's unsent events back (cases/discard.ts): recorded as not
   * accepted by the central system, the case folded again with the server's events. One transaction.
   */
  discardUnsent(request: DiscardRequest): Promise<DiscardResult>;
  /** The case's events the central system did not accept (the case history shows them). */
  notAccepted(caseId: string): Promise<NotAcceptedEvent[]>;
}

export interface CaseRepositoryDeps {
  calendar: () => Promise<WorkingDayCalendar>;
  clock: ClockStore;
  maxFileBytes: () => Promise<number>;
  /** Where new files' bytes go (the host's file store or IndexedDB); absent: IndexedDB. */
  files?: Pick<AttachmentRepository, 'storing'>;
  now?: () => string;
}

const REFRESH_CHUNK = 1000;

export function createCaseRepository(db: DeskDatabase, deps: CaseRepositoryDeps): CaseRepository {
  const feed = new ChangeFeed<string[]>();
  const ctx = { db, clock: deps.clock, now: deps.now ?? (() => new Date().toISOString()) };

  const repo: CaseRepository = {
    async ingest(caseId, events, source, options = {}) {
      // Resolved before the transaction: an IndexedDB transaction commits as soon as it waits on anything else.
      const cal = await deps.calendar();
      const files = options.files?.length ? await checkedFiles(options.files, await deps.maxFileBytes()) : [];
      const ingest = (records: readonly AttachmentRecord[]) =>
        guarded(() => ingestOne(ctx, cal, { caseId, events }, source, records));
      // The bytes go to their home first (the host's store), then the transaction stores the records.
      const result =
        deps.files && files.length > 0 ? await deps.files.storing(files, ingest) : await ingest(files);
      if (result.ok && (result.stored.length > 0 || result.held > 0 || source === 'remote'))
        feed.emit([caseId]);
      return result;
    },

    async ingestMany(batch, _source, chunkSize = 500, inLastTransaction) {
      const cal = await deps.calendar();
      // One item per case: a case split over a batch would be staged twice from the same projection.
      const byCase = new Map<string, CaseEvent[]>();
      for (const item of batch) byCase.set(item.caseId, [...(byCase.get(item.caseId) ?? []), ...item.events]);
      const items = [...byCase].map(([caseId, events]) => ({ caseId, events }));
      const total: IngestManyResult = { cases: 0, stored: 0, duplicates: 0, held: 0, refused: [] };
      for (let start = 0; start < items.length; start += chunkSize) {
        const isLast = start + chunkSize >= items.length;
        const changed = await guarded(() =>
          ingestChunk(
            ctx,
            cal,
            items.slice(start, start + chunkSize),
            total,
            isLast ? inLastTransaction : undefined,
          ),
        );
        if (changed.length > 0) feed.emit(changed);
      }
      if (items.length === 0 && inLastTransaction)
        await guarded(() => db.transaction('rw', tables(db), inLastTransaction));
      return total;
    },

    async releaseHeld() {
      const cal = await deps.calendar();
      const released = await guarded(() => releaseHeld(ctx, cal));
      if (released.length > 0) feed.emit(released);
      return released.length;
    },

    async discardUnsent(request) {
      const cal = await deps.calendar();
      const result = await guarded(() => discardUnsent(ctx, cal, request));
      if (result.ok) feed.emit([request.caseId]);
      return result;
    },

    notAccepted: (caseId) => guarded(() => notAccepted(ctx, caseId)),

    async appendEvent(event) {
      const result = await repo.ingest(event.caseId, [event], 'local');
      return result.ok ? { ok: true, state: result.state } : { ok: false, reason: result.reason };
    },

    async importCases(cases, chunkSize = 500) {
      const batch = cases.map(({ events }) => ({ caseId: events[0]?.caseId ?? '', events }));
      await repo.ingestMany(batch, 'remote', chunkSize);
    },

    get: (caseId) =>
      guarded(() =>
        db.transaction('r', [db.caseStates, db.caseEvents], async () => {
          const record = await db.caseStates.get(caseId);
          if (!record) return undefined;
          const events = await db.caseEvents
            .where('[caseId+baseVersion]')
            .between([caseId, 0], [caseId, Infinity])
            .toArray();
          if (isCurrent(record)) return { state: stateOf(record, events[0]), events };
          // Not rebuilt yet (openDesk rebuilds before the desk is used): fold it for this read.
          const folded = foldEvents(events);
          return { state: folded.ok ? folded.state : stateOf(record, events[0]), events };
        }),
      ),

    async list(query = {}) {
      const cal = await deps.calendar();
      return guarded(async () => {
        const rows = filterAndSort(await readRows(db), query, cal);
        const start = query.offset ?? 0;
        const page = query.limit === undefined ? rows.slice(start) : rows.slice(start, start + query.limit);
        return { rows: page, total: rows.length };
      });
    },

    listAll: () => guarded(() => readRows(db)),
    heads: () => guarded(() => readHeads(db)),
    readRowChunk: (from, count) => guarded(() => readRowChunk(db, from, count)),
    refillHeads: (rows, stamps) => guarded(() => refillHeads(db, rows, stamps)),

    eachState: (onChunk, chunkSize = 1000) => guarded(() => eachState(db, onChunk, chunkSize)),

    async eachFacts(onChunk, chunkSize = 2000) {
      const cal = await deps.calendar();
      await guarded(() => eachFacts(db, cal, onChunk, chunkSize));
    },

    fillFacts: () => guarded(() => fillFacts(db, deps.calendar)),

    count: () => guarded(() => countRows(db)),

    files: (caseId) =>
      guarded(() =>
        db.caseFiles.where('[caseId+sha256]').between([caseId, ''], [caseId, '\uffff']).toArray(),
      ),

    nextRegistrationNumber: (today) => guarded(() => nextRegistrationNumber(db, today)),

    async refreshDeadlines() {
      const cal = await deps.calendar();
      const keys = await guarded(() => db.caseStates.toCollection().primaryKeys());
      const refreshed = [
        db.caseStates,
        db.caseEvents,
        db.queuePages,
        db.queueHeads,
        db.heldEvents,
        db.caseFacts,
      ];
      // In chunks: the rows need each case's application, i.e. its `received` event.
      for (let start = 0; start < keys.length; start += REFRESH_CHUNK) {
        const chunk = keys.slice(start, start + REFRESH_CHUNK);
        await guarded(() =>
          db.transaction('rw', refreshed, async () => {
            const [records, received, held] = await Promise.all([
              db.caseStates.bulkGet(chunk),
              db.caseEvents.bulkGet(chunk.map((id) => [id, 0] as [string, number])),
              heldCounts(db, chunk),
            ]);
            const rows: Array<{ row: QueueRow; at: Placement }> = [];
            const facts: CaseFacts[] = [];
            chunk.forEach((caseId, i) => {
              const record = records[i];
              if (!record) return;
              const state = stateOf(record, received[i]);
              const row = caseRowOf(state, cal);
              // The dashboard's facts hold due days too: they move with the row.
              facts.push(caseFactsOf(state, cal));
              const n = held.get(caseId);
              if (n) row.heldEvents = n;
              rows.push({ row, at: { page: record.page, slot: record.slot } });
            });
            await placeRows(db, rows);
            await db.caseFacts.bulkPut(facts);
          }),
        );
        feed.emit(chunk);
      }
      // Due days moved: rows may have left the heads without the next ones taking their place.
      if (await guarded(() => fillShortHeads(db))) feed.emit([]);
    },

    staleCount: () => guarded(() => countStale(db)),

    knownRebuilt: () => guarded(() => knownRebuilt(db)),

    async rebuildStale(options) {
      const cal = await deps.calendar();
      const { caseIds, ...result } = await guarded(() => rebuildStale(db, cal, options));
      if (caseIds.length > 0) feed.emit(caseIds);
      return result;
    },

    onChange: (listener) => feed.subscribe(listener),
    announceReload: () => feed.emit([]),
  };
  return repo;
}
