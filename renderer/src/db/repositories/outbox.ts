import type { CaseEvent } from '../../../../shared/workflow';
import type { DeskDatabase } from '../database';
import { guarded } from '../errors';
import type { OutboxStatus } from '../records';

export type { OutboxStatus } from '../records';

export interface OutboxEntry {
  eventId: string;
  caseId: string;
  seq: number;
  status: OutboxStatus;
  attempts: number;
  lastError?: string;
  queuedAt: string;
  event: CaseEvent;
}

export interface OutboxRepository {
  /** Entries, optionally of one status, in push order: case by case, events in sequence. */
  list(status?: OutboxStatus): Promise<OutboxEntry[]>;
  countPending(): Promise<number>;
  counts(): Promise<Record<OutboxStatus, number>>;
}

export function createOutboxRepository(db: DeskDatabase): OutboxRepository {
  return {
    list: (status) =>
      guarded(async () => {
        const entries = status
          ? await db.outbox.where('status').equals(status).toArray()
          : await db.outbox.toArray();
        return entries.sort((a, b) => (a.caseId === b.caseId ? a.seq - b.seq : a.caseId < b.caseId ? -1 : 1));
      }),
    countPending: () => guarded(() => db.outbox.where('status').equals('pending').count()),
    counts: () =>
      guarded(async () => {
        const statuses: OutboxStatus[] = ['pending', 'sending', 'rejected', 'conflict'];
        const counts = await Promise.all(statuses.map((s) => db.outbox.where('status').equals(s).count()));
        return Object.fromEntries(statuses.map((s, i) => [s, counts[i] ?? 0])) as Record<
          OutboxStatus,
          number
        >;
      }),
  };
}
