/**
 * What sync keeps between runs (table `syncState`, key → value, unchanged since version 1): the
 * pull's checkpoint cursor, the time of the last successful sync, the server's version of a case in
 * conflict (for the officer to see beside the local one), and the enrolment (server address,
 * device id, the user and akimat it was enrolled for — never the token, which the host keeps).
 */
import type { DeskDatabase } from '../database';
import { guarded } from '../errors';

const CURSOR = 'sync.cursor';
const LAST_SYNCED = 'sync.lastSyncedAt';
const ENROLMENT = 'sync.enrolment';
const serverCaseKey = (caseId: string) => `sync.serverCase.${caseId}`;
const reasonKey = (eventId: string) => `sync.reason.${eventId}`;

export interface SyncStateRepository {
  cursor(): Promise<string | null>;
  setCursor(cursor: string | null): Promise<void>;
  lastSyncedAt(): Promise<string | null>;
  setLastSyncedAt(at: string): Promise<void>;
  /** The server's case as a conflict answer gave it (validated by the caller with shared/api). */
  serverCase(caseId: string): Promise<unknown>;
  setServerCase(caseId: string, record: unknown): Promise<void>;
  /** The server's reason for refusing an event, with its params (codes and dates, never personal values). */
  reason(eventId: string): Promise<unknown>;
  setReason(eventId: string, reason: unknown): Promise<void>;
  enrolment(): Promise<unknown>;
  setEnrolment(value: unknown): Promise<void>;
}

export function createSyncStateRepository(db: DeskDatabase): SyncStateRepository {
  const get = (key: string) => guarded(async () => (await db.syncState.get(key))?.value);
  const put = (key: string, value: unknown) =>
    guarded(async () => {
      if (value === null || value === undefined) await db.syncState.delete(key);
      else await db.syncState.put({ key, value });
    });
  return {
    cursor: async () => {
      const v = await get(CURSOR);
      return typeof v === 'string' ? v : null;
    },
    setCursor: (cursor) => put(CURSOR, cursor),
    lastSyncedAt: async () => {
      const v = await get(LAST_SYNCED);
      return typeof v === 'string' ? v : null;
    },
    setLastSyncedAt: (at) => put(LAST_SYNCED, at),
    serverCase: (caseId) => get(serverCaseKey(caseId)),
    setServerCase: (caseId, record) => put(serverCaseKey(caseId), record),
    reason: (eventId) => get(reasonKey(eventId)),
    setReason: (eventId, reason) => put(reasonKey(eventId), reason),
    enrolment: () => get(ENROLMENT),
    setEnrolment: (value) => put(ENROLMENT, value),
  };
}
