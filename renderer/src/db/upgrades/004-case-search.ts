/**
 * Version 4: the search words of a case move out of its queue row into a table of their own.
 * Opening the desk reads every queue row; with the words inside, 10,000 rows carried some 150,000
 * strings the queue never looks at, and reading them measurably slowed the first screen. The
 * `cases` table keeps its other indexes; `caseSearch` holds the multi-entry index of the words.
 */
import type { Transaction } from 'dexie';
import type { CaseRow, CaseSearchRecord } from '../records';
import { searchTokensOf } from '../search-tokens';

export const STORES_V4 = {
  cases: 'caseId, stage, ground, schoolName, assignedTo, dueOn, termDueOn, receivedAt, caseNumber, *queues',
  caseSearch: 'caseId, *tokens',
} as const;

export async function upgrade004CaseSearch(tx: Transaction): Promise<void> {
  const words: CaseSearchRecord[] = [];
  await tx
    .table<CaseRow, string>('cases')
    .toCollection()
    .modify((row) => {
      // Version 2 backfilled every row; a row without words is computed the same way.
      words.push({ caseId: row.caseId, tokens: row.searchTokens ?? searchTokensOf(row) });
      delete row.searchTokens;
    });
  await tx.table<CaseSearchRecord, string>('caseSearch').bulkPut(words);
}
