/**
 * The head's dashboard facts of each case (`caseFacts`, version 10): derived from the projection
 * like the queue row, and written wherever the row is — the ingest transaction, the rebuild of
 * stale projections, and a calendar change (`refreshDeadlines`) — so they never disagree with the
 * case. Read by `eachFacts` instead of every whole case.
 */
import type { WorkingDayCalendar } from '../../../../shared/calendar/types';
import { CASE_FACTS_VERSION, caseFactsOf, type CaseFacts } from '../../../../shared/metrics/stored';
import type { DeskDatabase } from '../database';
import { stateOf } from './projection';

const FILLED = 'dashboard.caseFacts';

/**
 * The facts of the cases `keys` whose projection is stored, derived from the projection and its
 * `received` event (inside the caller's transaction over caseStates and caseEvents).
 */
async function derive(
  db: DeskDatabase,
  keys: readonly string[],
  calendar: WorkingDayCalendar,
): Promise<CaseFacts[]> {
  const [records, received] = await Promise.all([
    db.caseStates.bulkGet([...keys]),
    db.caseEvents.bulkGet(keys.map((id) => [id, 0] as [string, number])),
  ]);
  const out: CaseFacts[] = [];
  records.forEach((record, i) => {
    if (record) out.push(caseFactsOf(stateOf(record, received[i]), calendar));
  });
  return out;
}

/**
 * Every case's facts, `chunkSize` at a time, each chunk one read of a key range (IndexedDB's
 * getAll: a request per key, as bulkGet makes, cost more than the decoding at 10,000 cases). A case
 * without stored facts (a desk just upgraded to version 10, before `fillFacts` has run) is derived
 * from its projection on the way: the dashboard always counts every case.
 */
export async function eachFacts(
  db: DeskDatabase,
  calendar: WorkingDayCalendar,
  onChunk: (facts: CaseFacts[]) => void,
  chunkSize: number,
): Promise<void> {
  const cases = new Set(await db.caseStates.toCollection().primaryKeys());
  let after: string | undefined;
  for (;;) {
    const range = after === undefined ? db.caseFacts.toCollection() : db.caseFacts.where(':id').above(after);
    const facts = await range.limit(chunkSize).toArray();
    if (facts.length === 0) break;
    after = facts[facts.length - 1]!.caseId;
    for (const f of facts) cases.delete(f.caseId);
    onChunk(facts);
  }
  // What is left in `cases` has a projection and no facts yet.
  const missing = [...cases];
  for (let start = 0; start < missing.length; start += chunkSize) {
    const chunk = missing.slice(start, start + chunkSize);
    onChunk(await db.transaction('r', [db.caseStates, db.caseEvents], () => derive(db, chunk, calendar)));
  }
}

/** Writes the facts of `keys` again from their projections (a calendar change). */
export async function refreshFacts(
  db: DeskDatabase,
  keys: readonly string[],
  calendar: WorkingDayCalendar,
): Promise<void> {
  await db.caseFacts.bulkPut(await derive(db, keys, calendar));
}

/**
 * After the upgrade to version 10, or a change of CASE_FACTS_VERSION: derives the facts of every
 * case again, in chunks, then remembers for which version that was done (one key read at every
 * start). Returns how many cases it derived.
 */
export async function fillFacts(
  db: DeskDatabase,
  calendar: () => Promise<WorkingDayCalendar>,
  chunkSize = 1000,
): Promise<number> {
  if ((await db.syncState.get(FILLED))?.value === CASE_FACTS_VERSION) return 0;
  const cal = await calendar();
  const keys = await db.caseStates.toCollection().primaryKeys();
  for (let start = 0; start < keys.length; start += chunkSize) {
    const chunk = keys.slice(start, start + chunkSize);
    await db.transaction('rw', [db.caseFacts, db.caseStates, db.caseEvents], () =>
      refreshFacts(db, chunk, cal),
    );
  }
  await db.syncState.put({ key: FILLED, value: CASE_FACTS_VERSION });
  return keys.length;
}
