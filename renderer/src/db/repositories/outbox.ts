import type { CaseEvent } from '../../../../shared/workflow';
import type { DeskDatabase } from '../database';
import { guarded, StorageError } from '../errors';
import { OUTBOX_STATUSES, type OutboxRecord, type OutboxStatus } from '../records';

export type { OutboxStatus } from '../records';

/** An outbox reference with its event, read from the case's history (the outbox holds no copy). */
export interface OutboxEntry extends OutboxRecord {
  event: CaseEvent;
}

export interface OutboxRepository {
  /** Entries, optionally of one status, in push order: case by case, events in sequence. */
  list(status?: OutboxStatus): Promise<OutboxEntry[]>;
  countPending(): Promise<number>;
  counts(): Promise<Record<OutboxStatus, number>>;
  /** Local events not acknowledged by the server, whatever their status: the work a reset would lose. */
  countUnsent(): Promise<number>;
  /**
   * Entries left in 'sending' (the desk closed or crashed while a push was under way) go back to
   * 'pending': the server ignores an event id it already applied, so sending again is safe.
   * openDesk calls it; returns how many were recovered.
   */
  recoverSending(): Promise<number>;
}

export function createOutboxRepository(db: DeskDatabase): OutboxRepository {
  return {
    list: (status) =>
      guarded(() =>
        db.transaction('r', [db.outbox, db.caseEvents], async () => {
          const refs = status
            ? await db.outbox.where('status').equals(status).toArray()
            : await db.outbox.toArray();
          refs.sort((a, b) => (a.caseId === b.caseId ? a.seq - b.seq : a.caseId < b.caseId ? -1 : 1));
          const events = await db.caseEvents.bulkGet(refs.map((r) => [r.caseId, r.seq] as [string, number]));
          return refs.map((ref, i) => {
            const event = events[i];
            // Written in the same transaction as its reference; a missing one is damaged storage.
            if (!event || event.id !== ref.eventId) throw new StorageError('corrupt');
            return { ...ref, event };
          });
        }),
      ),
    countPending: () => guarded(() => db.outbox.where('status').equals('pending').count()),
    counts: () =>
      guarded(async () => {
        const counts = await Promise.all(
          OUTBOX_STATUSES.map((s) => db.outbox.where('status').equals(s).count()),
        );
        return Object.fromEntries(OUTBOX_STATUSES.map((s, i) => [s, counts[i] ?? 0])) as Record<
          OutboxStatus,
          number
        >;
      }),
    countUnsent: () => guarded(() => db.outbox.count()),
    recoverSending: () =>
      guarded(async () => {
        const sending = db.outbox.where('status').equals('sending');
        // Read first: a write transaction at every start would wait for the disk for nothing.
        if ((await sending.count()) === 0) return 0;
        return sending.modify({ status: 'pending' });
      }),
  };
}
