/**
 * The working set (issue 9): ten years of a large city must not stay on every desk. A desk keeps
 * and pulls every open case, every case settled (closed, no complaint waiting) within the months
 * it keeps (two years by default), and every case its officer holds. An older settled case keeps
 * its queue row, its projection and its `received` event (the application, which the row and the
 * case screen read), but drops its later events and its files; it is fetched again whole, on
 * demand, from GET /cases/{caseId}. Nothing unsynced is ever dropped: a case with any outbox entry
 * (pending, sending, rejected or conflict) or any remote event held over local work stays whole,
 * and the store checks that again inside the transaction that drops anything.
 */
import { caseRecordSchema, type CaseRecord } from '../api';
import type { ApiClient } from './client';

export const DEFAULT_KEEP_SETTLED_MONTHS = 24;

/** The day before which settled cases leave the working set: `months` before `now`, UTC. */
export function settledBefore(now: Date, months: number = DEFAULT_KEEP_SETTLED_MONTHS): string {
  if (!Number.isInteger(months) || months < 1) throw new RangeError('months must be a whole number ≥ 1');
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, now.getUTCDate()));
  return d.toISOString().slice(0, 10);
}

export interface EvictionResult {
  /** Cases whose later events and files were dropped now. */
  evicted: string[];
  /** Settled, old cases kept whole because something of theirs is not synced. */
  keptUnsynced: string[];
  /** Files (bytes) deleted: no case still whole refers to them. */
  freedFiles: number;
}

/** What the working set needs from the desk's storage (renderer: deskWorkingSet). */
export interface WorkingSetStore {
  /**
   * Drops the later events and the files of every case settled before `before` (ISO date) that
   * `keepHeldBy` does not hold and that has nothing unsynced, each re-checked in the transaction
   * that drops it.
   */
  evictSettled(before: string, keepHeldBy: string | null): Promise<EvictionResult>;
  isEvicted(caseId: string): Promise<boolean>;
  /** Puts an evicted case's history back from the server's record; false when it was not evicted. */
  restore(record: CaseRecord): Promise<boolean>;
}

export interface WorkingSetOptions {
  now: () => Date;
  months?: number;
  /** The officer of this desk: the cases they hold always stay. */
  userId: string | null;
}

/** One pass after a sync: drops what left the working set. */
export function trimWorkingSet(store: WorkingSetStore, options: WorkingSetOptions): Promise<EvictionResult> {
  return store.evictSettled(settledBefore(options.now(), options.months), options.userId);
}

/**
 * An evicted case opened again: its whole history from the server, put back under its projection.
 * Needs a connection (a SyncFailure otherwise); a case that was not evicted is left as it is.
 */
export async function fetchCaseAgain(
  api: ApiClient,
  store: WorkingSetStore,
  caseId: string,
): Promise<boolean> {
  if (!(await store.isEvicted(caseId))) return false;
  const record = await api.json('GET', `/cases/${encodeURIComponent(caseId)}`, caseRecordSchema);
  return store.restore(record);
}
