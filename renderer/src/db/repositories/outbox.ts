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
  /** The sync engine's bookkeeping (shared/sync SyncStore); each is one transaction. */
  markSending(eventIds: readonly string[]): Promise<void>;
  /** The server applied them: the references leave the outbox (the events stay in the history). */
  acknowledge(eventIds: readonly string[]): Promise<void>;
  /** Back to 'pending', not before `nextAttemptAt`; `error` is a reason code. */
  retryLater(
    eventIds: readonly string[],
    nextAttemptAt: string,
    error: string,
    countAttempt: boolean,
  ): Promise<void>;
  /** Needs the officer: 'rejected' (with the server's reason code) or 'conflict'. */
  markProblem(eventId: string, status: 'rejected' | 'conflict', code: string): Promise<void>;
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
    markSending: (ids) =>
      guarded(async () => {
        await db.outbox
          .where('eventId')
          .anyOf([...ids])
          .modify({ status: 'sending' });
      }),
    acknowledge: (ids) => guarded(() => db.outbox.bulkDelete([...ids])),
    retryLater: (ids, nextAttemptAt, error, countAttempt) =>
      guarded(async () => {
        await db.outbox
          .where('eventId')
          .anyOf([...ids])
          .modify((r) => {
            r.status = 'pending';
            r.nextAttemptAt = nextAttemptAt;
            r.lastError = error;
            if (countAttempt) r.attempts += 1;
          });
      }),
    markProblem: (id, status, code) =>
      guarded(async () => {
        await db.outbox.update(id, { status, lastError: code });
      }),
  };
}
