/**
 * The working set's storage port (shared/sync WorkingSetStore) over the desk: eviction and restore
 * in the store (db/cases/working-set.ts), the server's newer events through the one ingest path.
 */
import type { WorkingSetStore } from '../../../../shared/sync';
import { caseWorkingSet, type Desk } from '../../db';

export function deskWorkingSet(desk: Desk): WorkingSetStore {
  const stored = caseWorkingSet(desk);
  return {
    evictSettled: stored.evictSettled,
    isEvicted: stored.isEvicted,
    async restore(record) {
      const newer = await stored.restoreEvicted(record);
      if (newer === undefined) return false;
      if (newer.length > 0) {
        const ingested = await desk.cases.ingest(record.caseId, newer, 'remote');
        if (!ingested.ok) throw new Error(`the server's newer events were refused: ${ingested.reason.code}`);
      }
      return true;
    },
  };
}
