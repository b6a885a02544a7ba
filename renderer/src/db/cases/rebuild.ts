/**
 * Projections folded by another reducer version are folded again from the log (REDUCER_VERSION is
 * bumped whenever the same events give a different state). Chunked, one transaction each, so a
 * failure midway leaves every case either as it was or rebuilt, and a reopened desk continues.
 */
import type { WorkingDayCalendar } from '../../../../shared/calendar/types';
import { foldEvents } from '../../../../shared/workflow';
import type { DeskDatabase } from '../database';
import type { CaseRow, CaseStateRecord } from '../records';
import { caseRowOf } from '../rows';
import { projectionOf } from './projection';
import { REDUCER_VERSION } from './reducer-version';

export interface RebuildResult {
  rebuilt: number;
  /**
   * Cases whose stored history the current reducer refuses: their old projection stays (stamped, so
   * they are not retried at every start) with the refusal recorded for the administrator.
   */
  refused: number;
}

/** Stale projections; the reducerVersion index answers this without reading any projection. */
function staleKeys(db: DeskDatabase, limit: number): Promise<string[]> {
  return db.caseStates.where('reducerVersion').notEqual(REDUCER_VERSION).limit(limit).primaryKeys();
}

export async function countStale(db: DeskDatabase): Promise<number> {
  return db.caseStates.where('reducerVersion').notEqual(REDUCER_VERSION).count();
}

export async function rebuildStale(
  db: DeskDatabase,
  calendar: WorkingDayCalendar,
  options: { chunkSize?: number; onProgress?: (done: number) => void } = {},
): Promise<RebuildResult & { caseIds: string[] }> {
  const result = { rebuilt: 0, refused: 0, caseIds: [] as string[] };
  const chunk = options.chunkSize ?? 500;
  for (;;) {
    const keys = await staleKeys(db, chunk);
    if (keys.length === 0) return result;
    await db.transaction('rw', [db.caseStates, db.caseEvents, db.cases], async () => {
      const projections: CaseStateRecord[] = [];
      const rows: CaseRow[] = [];
      const histories = await Promise.all(
        keys.map((caseId) =>
          db.caseEvents.where('[caseId+baseVersion]').between([caseId, 0], [caseId, Infinity]).toArray(),
        ),
      );
      const old = await db.caseStates.bulkGet(keys);
      for (const [i, caseId] of keys.entries()) {
        const events = histories[i] ?? [];
        const folded = foldEvents(events);
        if (folded.ok) {
          projections.push(projectionOf(folded.state, events[0]));
          rows.push(caseRowOf(folded.state, calendar));
          result.rebuilt += 1;
        } else {
          const kept = old[i];
          if (kept)
            projections.push({
              ...kept,
              reducerVersion: REDUCER_VERSION,
              refusedBy: { index: folded.index, code: folded.reason.code },
            });
          result.refused += 1;
        }
        result.caseIds.push(caseId);
      }
      await db.caseStates.bulkPut(projections);
      await db.cases.bulkPut(rows);
    });
    options.onProgress?.(result.rebuilt + result.refused);
  }
}
