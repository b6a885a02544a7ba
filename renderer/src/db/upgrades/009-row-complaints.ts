/**
 * Version 9: the queue row lists each open complaint — to whom it was made and when its answer is
 * due — where it kept only their count and the earliest due day (tuple position 26 of the queue
 * pages, queue-pages.ts). A due day is counted in working days on the calendar in use, which an
 * upgrade cannot know (imported years live beside the data), so this upgrade computes nothing: it
 * stamps the projections of the cases with an open complaint stale, and the background rebuild
 * that every start runs folds them again and writes their rows with the list (`caseRowOf`). Until
 * then such a row has no list and the queue shows the count and the earliest due day, as before.
 * A row with no open complaint needs nothing: its list is empty. No table changes.
 *
 * Self-contained: it reads the pages as versions 5–8 wrote them and never calls the reducer.
 */
import type { Transaction } from 'dexie';

export const STORES_V9 = {} as const;

/** Never a reducer's version (they start at 1): stale whatever the reducer in use. */
export const STALE_FOR_ROW_COMPLAINTS = 0;
/** The marker `knownRebuilt` reads (cases/rebuild.ts): removed, so the next start looks for stale projections. */
const REBUILT_MARKER = 'projections.reducerVersion';
/** Positions in a version 5–8 tuple: the case id and the count of open complaints. */
const CASE_ID = 0;
const OPEN_COMPLAINTS = 23;

export async function upgrade009RowComplaints(tx: Transaction): Promise<void> {
  const caseIds: string[] = [];
  await tx
    .table('queuePages')
    .toCollection()
    .each((page: { rows: unknown[][] }) => {
      for (const t of page.rows)
        if (t && typeof t[OPEN_COMPLAINTS] === 'number' && t[OPEN_COMPLAINTS] > 0)
          caseIds.push(t[CASE_ID] as string);
    });
  if (caseIds.length === 0) return;
  await tx
    .table('caseStates')
    .where('caseId')
    .anyOf(caseIds)
    .modify((record: { reducerVersion?: number }) => {
      record.reducerVersion = STALE_FOR_ROW_COMPLAINTS;
    });
  await tx.table('syncState').delete(REBUILT_MARKER);
}
