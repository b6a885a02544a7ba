/**
 * Every case's projection, chunk by chunk, for reports over all cases (the head's dashboard): the
 * projections and their `received` events read by key in one read transaction per chunk, so 10,000
 * cases are never all deserialised at once and no per-case query is made.
 */
import type { CaseState } from '../../../../shared/workflow';
import type { DeskDatabase } from '../database';
import { stateOf } from './projection';

export async function eachState(
  db: DeskDatabase,
  onChunk: (states: CaseState[]) => void,
  chunkSize: number,
): Promise<void> {
  const keys = await db.caseStates.toCollection().primaryKeys();
  for (let start = 0; start < keys.length; start += chunkSize) {
    const chunk = keys.slice(start, start + chunkSize);
    const states = await db.transaction('r', [db.caseStates, db.caseEvents], async () => {
      const [records, received] = await Promise.all([
        db.caseStates.bulkGet(chunk),
        db.caseEvents.bulkGet(chunk.map((id) => [id, 0] as [string, number])),
      ]);
      const out: CaseState[] = [];
      records.forEach((record, i) => {
        if (record) out.push(stateOf(record, received[i]));
      });
      return out;
    });
    onChunk(states);
  }
}
