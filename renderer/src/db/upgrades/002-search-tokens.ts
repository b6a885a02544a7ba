/**
 * Version 2: cases are found by IIN, name and number through a multi-entry index of tokens.
 * Rows written by version 1 have no tokens; this fills them in from the row itself.
 */
import type { Transaction } from 'dexie';
import type { CaseRow } from '../records';
import { searchTokensOf } from '../search-tokens';

export const STORES_V2 = {
  cases:
    'caseId, stage, ground, schoolName, assignedTo, dueOn, termDueOn, receivedAt, caseNumber, *queues, *searchTokens',
} as const;

export async function upgrade002SearchTokens(tx: Transaction): Promise<void> {
  await tx
    .table<CaseRow, string>('cases')
    .toCollection()
    .modify((row) => {
      row.searchTokens = searchTokensOf(row);
    });
}
