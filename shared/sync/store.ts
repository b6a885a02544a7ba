/**
 * What the sync engine needs from the desk's storage: a port, so the engine stays pure (shared/ has
 * no Dexie) and its tests run on a fake. The renderer implements it over `desk` (outbox, the one
 * ingest path, syncState); every method is one storage transaction.
 */
import type { CaseRecord, EventReason } from '../api';

/** The server's reason for one event (EventReason), or the code of a whole request it refused. */
export type RejectedReason = EventReason | { code: string; params?: undefined };
import type { CaseEvent } from '../workflow';

/** An outbox entry as the engine sees it (OutboxEntry of renderer/src/db). */
export interface OutgoingEntry {
  eventId: string;
  caseId: string;
  /** The event's place in its case: events of one case are sent in this order. */
  seq: number;
  status: 'pending' | 'sending' | 'rejected' | 'conflict';
  attempts: number;
  /** ISO 8601: not before this instant (back-off). */
  nextAttemptAt: string;
  lastError?: string;
  event: CaseEvent;
}

/** The bytes of a file a local event refers to (produced document, signature). */
export interface OutgoingFile {
  sha256: string;
  fileName: string;
  mimeType: string;
  size: number;
  data: Blob;
}

/** One case of a pulled page, as the one ingest path takes it (source 'remote'). */
export interface PulledCase {
  caseId: string;
  events: readonly CaseEvent[];
}

export interface PageResult {
  /** Cases whose events the reducer refused (nothing of those cases stored); reason codes only. */
  refused: Array<{ caseId: string; code: string }>;
  /** Remote events held back over unsent local work. */
  held: number;
}

export interface SyncStore {
  /** The checkpoint of the last committed page; null: pull from the beginning. */
  cursor(): Promise<string | null>;
  setCursor(cursor: string | null): Promise<void>;
  /**
   * Every remote case of one page through the one ingest path ('remote'), in one transaction; with
   * `cursor`, the checkpoint is stored in that same transaction.
   */
  ingestPage(cases: readonly PulledCase[], cursor?: string): Promise<PageResult>;
  /** Remote events held over unsent work, folded once their case has nothing unsent left. */
  releaseHeld(): Promise<number>;
  /** The whole outbox, case by case, events in sequence. */
  outbox(): Promise<OutgoingEntry[]>;
  /** The files these events name that the server must hold before the events are sent. */
  filesOf(events: readonly CaseEvent[]): Promise<OutgoingFile[]>;
  markSending(eventIds: readonly string[]): Promise<void>;
  /** The server applied them (now or before): the entries leave the outbox. */
  acknowledge(eventIds: readonly string[]): Promise<void>;
  /** Back to 'pending' with one more attempt, not before `nextAttemptAt`; `error` is a code. */
  retryLater(
    eventIds: readonly string[],
    nextAttemptAt: string,
    error: string,
    countAttempt: boolean,
  ): Promise<void>;
  markRejected(eventId: string, reason: RejectedReason): Promise<void>;
  /** The server holds another version of the case: kept for the officer beside the local one. */
  markConflict(eventId: string, serverCase: CaseRecord | undefined): Promise<void>;
}
