/**
 * Projections folded by another reducer version are folded again from the log (REDUCER_VERSION is
 * bumped whenever the same events give a different state). Chunked, one transaction each, so a
 * failure midway leaves every case either as it was or rebuilt, and a reopened desk continues.
 */
import type { WorkingDayCalendar } from '../../../../shared/calendar/types';
import { caseFactsOf } from '../../../../shared/metrics/stored';
import { foldEvents, type CaseState } from '../../../../shared/workflow';
import type { DeskDatabase } from '../database';
import { fillShortHeads } from '../queue-heads';
import { placeRows, type Placement } from '../queue-pages';
import type { CaseStateRecord, EventRecord, QueueRow } from '../records';
import { caseRowOf } from '../rows';
import { placementOf, projectionOf } from './projection';
import { REDUCER_VERSION } from '../../../../shared/workflow';

export interface RebuildResult {
  rebuilt: number;
  /**
   * Cases whose stored history the current reducer refuses: their old projection stays (stamped, so
   * they are not retried at every start) with the refusal recorded for the administrator.
   */
  refused: number;
}

const REBUILT = 'projections.reducerVersion';

/**
 * Whether every projection is known to be folded by the reducer in use: set when a rebuild leaves
 * none stale. Checked at every start instead of the index: after a rebuild rewrote 100,000
 * projections, counting the stale ones walked the old index entries until the disk store compacted
 * them (1.3–1.9 s measured), and everything else the desk read at start waited behind it.
 */
export async function knownRebuilt(db: DeskDatabase): Promise<boolean> {
  return (await db.syncState.get(REBUILT))?.value === REDUCER_VERSION;
}

/** Stale projections; the reducerVersion index answers this without reading any projection. */
function staleKeys(db: DeskDatabase, limit: number): Promise<string[]> {
  return db.caseStates.where('reducerVersion').notEqual(REDUCER_VERSION).limit(limit).primaryKeys();
}

/** How many remote events are held per case (the queue row shows it). */
export async function heldCounts(db: DeskDatabase, caseIds: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const held = await db.heldEvents
    .where('caseId')
    .anyOf([...caseIds])
    .toArray();
  for (const h of held) counts.set(h.caseId, (counts.get(h.caseId) ?? 0) + 1);
  return counts;
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
    if (keys.length === 0) {
      // Rows that moved past the end of a head were not replaced in it chunk by chunk (queue-heads.ts).
      if (result.rebuilt > 0) await fillShortHeads(db);
      await db.syncState.put({ key: REBUILT, value: REDUCER_VERSION });
      return result;
    }
    // The dashboard's facts are derived from the projection, so they are rebuilt with it.
    const written = [db.caseStates, db.caseEvents, db.queuePages, db.queueHeads, db.heldEvents, db.caseFacts];
    await db.transaction('rw', written, async () => {
      const projections: CaseStateRecord[] = [];
      const done: Array<{ state: CaseState; first: EventRecord | undefined; row: QueueRow }> = [];
      const rows: Array<{ row: QueueRow; at: Placement | undefined }> = [];
      const histories = await Promise.all(
        keys.map((caseId) =>
          db.caseEvents.where('[caseId+baseVersion]').between([caseId, 0], [caseId, Infinity]).toArray(),
        ),
      );
      const old = await db.caseStates.bulkGet(keys);
      const heldBy = await heldCounts(db, keys);
      for (const [i, caseId] of keys.entries()) {
        const events = histories[i] ?? [];
        const folded = foldEvents(events);
        const kept = old[i];
        if (!kept) continue;
        if (folded.ok) {
          const row = caseRowOf(folded.state, calendar);
          const held = heldBy.get(caseId);
          if (held) row.heldEvents = held;
          rows.push({ row, at: placementOf(kept) });
          done.push({ state: folded.state, first: events[0], row });
          result.rebuilt += 1;
        } else {
          projections.push({
            ...kept,
            reducerVersion: REDUCER_VERSION,
            refusedBy: { index: folded.index, code: folded.reason.code },
          });
          result.refused += 1;
        }
        result.caseIds.push(caseId);
      }
      // Placed first: a projection records where its row went.
      const placed = await placeRows(db, rows);
      done.forEach((d, i) => projections.push(projectionOf(d.state, d.first, placed[i]!, d.row)));
      await db.caseStates.bulkPut(projections);
      await db.caseFacts.bulkPut(done.map((d) => caseFactsOf(d.state, calendar)));
    });
    options.onProgress?.(result.rebuilt + result.refused);
  }
}
