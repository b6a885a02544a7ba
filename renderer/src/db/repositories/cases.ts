import type { WorkingDayCalendar } from '../../../../shared/calendar/types';
import {
  applyEvent,
  type CaseEvent,
  type CaseState,
  type RejectionReason,
} from '../../../../shared/workflow';
import { ChangeFeed } from '../changes';
import type { DeskDatabase } from '../database';
import { guarded } from '../errors';
import { filterAndSort, listRowOf, type CaseListRow, type CaseQuery } from '../queries';
import type { CaseRow } from '../records';
import { caseRowOf, caseSearchOf } from '../rows';
import { queryWords } from '../search-tokens';

export type AppendResult = { ok: true; state: CaseState } | { ok: false; reason: RejectionReason };

export interface CaseDetail {
  state: CaseState;
  /** In the order they were applied (oldest first). */
  events: CaseEvent[];
}

export interface CaseRepository {
  list(query?: CaseQuery): Promise<{ rows: CaseListRow[]; total: number }>;
  listAll(): Promise<CaseListRow[]>;
  get(caseId: string): Promise<CaseDetail | undefined>;
  /**
   * Applies the event through the reducer and stores, in one transaction, the event, the new
   * projection and its outbox entry. A rejected event stores nothing.
   */
  appendEvent(event: CaseEvent): Promise<AppendResult>;
  schoolNames(): Promise<string[]>;
  count(): Promise<number>;
  /** Recomputes every row's due days (after the calendar or the office hours changed). */
  refreshDeadlines(): Promise<void>;
  /**
   * Stores cases folded elsewhere (demo data, the sync engine's pull): events, projection and row,
   * no outbox entries (they are not the desk's own unsent work). In chunks, one transaction each.
   */
  importCases(
    cases: ReadonlyArray<{ events: readonly CaseEvent[]; state: CaseState }>,
    chunkSize?: number,
  ): Promise<void>;
  /** Told the ids of the cases a committed write changed; an empty list: reload everything. */
  onChange(listener: (caseIds: string[]) => void): () => void;
  /** Tells the subscribers that everything may have changed (after a reset). */
  announceReload(): void;
}

/** Ids of the cases matching every word of `search` (each word a prefix of one of their tokens). */
async function searchIds(db: DeskDatabase, search: string): Promise<Set<string> | undefined> {
  const words = queryWords(search);
  if (words.length === 0) return undefined;
  let ids: Set<string> | undefined;
  for (const word of words) {
    const keys = await db.caseSearch.where('tokens').startsWith(word).primaryKeys();
    const found = new Set(keys);
    ids = ids ? new Set([...ids].filter((id) => found.has(id))) : found;
    if (ids.size === 0) break;
  }
  return ids;
}

/** The narrowest stored rows an index can give for the query; the rest is filtered in memory. */
async function candidateRows(db: DeskDatabase, query: CaseQuery): Promise<CaseRow[]> {
  const ids = query.search ? await searchIds(db, query.search) : undefined;
  if (ids) return (await db.cases.bulkGet([...ids])).filter((r): r is CaseRow => r !== undefined);
  if (query.stages)
    return db.cases
      .where('stage')
      .anyOf([...query.stages])
      .toArray();
  if (query.queues) {
    const rows = await db.cases
      .where('queues')
      .anyOf([...query.queues])
      .toArray();
    // A case in two of the asked queues comes back twice from a multi-entry index.
    return [...new Map(rows.map((r) => [r.caseId, r])).values()];
  }
  return db.cases.toArray();
}

export function createCaseRepository(
  db: DeskDatabase,
  calendar: () => Promise<WorkingDayCalendar>,
): CaseRepository {
  const feed = new ChangeFeed<string[]>();

  return {
    async list(query = {}) {
      const cal = await calendar();
      return guarded(async () => {
        const rows = filterAndSort(await candidateRows(db, query), query, cal);
        const start = query.offset ?? 0;
        const page = query.limit === undefined ? rows.slice(start) : rows.slice(start, start + query.limit);
        return { rows: page.map(listRowOf), total: rows.length };
      });
    },

    async listAll() {
      const cal = await calendar();
      return guarded(async () => filterAndSort(await db.cases.toArray(), {}, cal).map(listRowOf));
    },

    get: (caseId) =>
      guarded(() =>
        db.transaction('r', [db.caseStates, db.events], async () => {
          const record = await db.caseStates.get(caseId);
          if (!record) return undefined;
          const events = await db.events
            .where('[caseId+seq]')
            .between([caseId, 0], [caseId, Infinity])
            .toArray();
          return { state: record.state, events: events.map((e) => e.event) };
        }),
      ),

    async appendEvent(event) {
      // Resolved before the transaction: an IndexedDB transaction commits as soon as it waits on anything else.
      const cal = await calendar();
      const result = await guarded(() =>
        db.transaction(
          'rw',
          [db.caseStates, db.cases, db.caseSearch, db.events, db.outbox],
          async (): Promise<AppendResult> => {
            const current = (await db.caseStates.get(event.caseId))?.state;
            const applied = applyEvent(current, event);
            if (!applied.ok) return applied;
            const seq = event.baseVersion;
            await db.events.add({ id: event.id, caseId: event.caseId, seq, event });
            await db.caseStates.put({ caseId: event.caseId, state: applied.state });
            const row = caseRowOf(applied.state, cal);
            await db.cases.put(row);
            await db.caseSearch.put(caseSearchOf(row));
            await db.outbox.add({
              eventId: event.id,
              caseId: event.caseId,
              seq,
              status: 'pending',
              attempts: 0,
              queuedAt: new Date().toISOString(),
              event,
            });
            return applied;
          },
        ),
      );
      if (result.ok) feed.emit([event.caseId]);
      return result;
    },

    schoolNames: () => guarded(async () => (await db.cases.orderBy('schoolName').uniqueKeys()).map(String)),

    count: () => guarded(() => db.cases.count()),

    async refreshDeadlines() {
      const cal = await calendar();
      const changed: string[] = [];
      await guarded(() =>
        db.transaction('rw', [db.caseStates, db.cases], async () => {
          const rows: CaseRow[] = [];
          await db.caseStates.each((record) => {
            rows.push(caseRowOf(record.state, cal));
            changed.push(record.caseId);
          });
          await db.cases.bulkPut(rows);
        }),
      );
      if (changed.length > 0) feed.emit(changed);
    },

    async importCases(cases, chunkSize = 500) {
      const cal = await calendar();
      for (let start = 0; start < cases.length; start += chunkSize) {
        const chunk = cases.slice(start, start + chunkSize);
        await guarded(() =>
          db.transaction('rw', [db.caseStates, db.cases, db.caseSearch, db.events], async () => {
            await db.events.bulkAdd(
              chunk.flatMap(({ events }) =>
                events.map((event) => ({
                  id: event.id,
                  caseId: event.caseId,
                  seq: event.baseVersion,
                  event,
                })),
              ),
            );
            await db.caseStates.bulkPut(chunk.map(({ state }) => ({ caseId: state.caseId, state })));
            const rows = chunk.map(({ state }) => caseRowOf(state, cal));
            await db.cases.bulkPut(rows);
            await db.caseSearch.bulkPut(rows.map(caseSearchOf));
          }),
        );
        feed.emit(chunk.map(({ state }) => state.caseId));
      }
    },

    onChange: (listener) => feed.subscribe(listener),
    announceReload: () => feed.emit([]),
  };
}
