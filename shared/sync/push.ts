/**
 * Pushing the outbox: the files the events name first, then the events, case by case and in each
 * case's order, at most MAX_BATCH_EVENTS to a request. Cases are independent: a case whose earliest
 * unsent event waits (back-off) or needs the officer (conflict, rejected) holds back only its own
 * later events. Each event's answer is applied on its own (partial results are normal).
 */
import { MAX_BATCH_EVENTS, pushResponseSchema, type EventResult } from '../api';
import { backoffDelayMs } from './backoff';
import { SyncFailure, type ApiClient } from './client';
import type { OutgoingEntry, SyncStore } from './store';
import { uploadFile, type UploadOptions } from './upload';

/** Rejections that are not the event's fault and pass once the cause is gone: tried again later. */
const TRANSIENT_REASONS = new Set(['file.missing']);

export interface PushProgress {
  events: number;
  eventsTotal: number;
  files: number;
  filesTotal: number;
}

export interface PushResult extends PushProgress {
  applied: number;
  conflicts: number;
  rejected: number;
  deferred: number;
}

export interface PushOptions {
  now: () => Date;
  random: () => number;
  upload: Omit<UploadOptions, 'onBytes'>;
  batchSize?: number;
  onProgress?: (p: PushProgress) => void;
}

/** The entries to send now: per case, the pending ones due, up to the first that is not. */
export function sendable(entries: readonly OutgoingEntry[], now: Date): OutgoingEntry[] {
  const out: OutgoingEntry[] = [];
  const stopped = new Set<string>();
  for (const entry of entries) {
    if (stopped.has(entry.caseId)) continue;
    const due = entry.status === 'pending' && Date.parse(entry.nextAttemptAt) <= now.getTime();
    if (!due) {
      // Events of a case go in order: nothing after one that waits or needs the officer.
      stopped.add(entry.caseId);
      continue;
    }
    out.push(entry);
  }
  return out;
}

export async function push(api: ApiClient, store: SyncStore, options: PushOptions): Promise<PushResult> {
  const entries = sendable(await store.outbox(), options.now());
  const result: PushResult = {
    events: 0,
    eventsTotal: entries.length,
    files: 0,
    filesTotal: 0,
    applied: 0,
    conflicts: 0,
    rejected: 0,
    deferred: 0,
  };
  if (entries.length === 0) return result;
  const report = () => options.onProgress?.({ ...result });
  const later = async (ids: string[], failure: SyncFailure, countAttempt: boolean) => {
    if (ids.length === 0) return;
    const attempts = Math.max(...entries.filter((e) => ids.includes(e.eventId)).map((e) => e.attempts)) + 1;
    const at = new Date(options.now().getTime() + backoffDelayMs(attempts, options.random)).toISOString();
    await store.retryLater(ids, at, failure.code, countAttempt);
    result.deferred += ids.length;
  };

  const files = await store.filesOf(entries.map((e) => e.event));
  result.filesTotal = files.length;
  report();
  const blockedCases = new Set<string>();
  for (const file of files) {
    try {
      await uploadFile(api, file, options.upload);
      result.files += 1;
      report();
    } catch (error) {
      if (!(error instanceof SyncFailure)) throw error;
      // No answer at all: everything else would fail the same way; the events wait for the files.
      if (error.kind === 'network' || error.kind === 'revoked' || error.kind === 'auth') {
        await later(
          entries.map((e) => e.eventId),
          error,
          error.kind === 'network',
        );
        throw error;
      }
      // Only the cases whose events name this file wait; the others go on.
      const naming = await Promise.all(
        entries.map(async (e) => (await store.filesOf([e.event])).some((f) => f.sha256 === file.sha256)),
      );
      entries.forEach((e, i) => naming[i] && blockedCases.add(e.caseId));
    }
  }
  const toSend = entries.filter((e) => !blockedCases.has(e.caseId));
  await later(
    entries.filter((e) => blockedCases.has(e.caseId)).map((e) => e.eventId),
    new SyncFailure('retry', 'file.upload-failed'),
    true,
  );

  const batchSize = Math.min(options.batchSize ?? MAX_BATCH_EVENTS, MAX_BATCH_EVENTS);
  for (let start = 0; start < toSend.length; start += batchSize) {
    const batch = toSend.slice(start, start + batchSize);
    const ids = batch.map((e) => e.eventId);
    await store.markSending(ids);
    let answer;
    try {
      answer = await api.json('POST', '/events', pushResponseSchema, { events: batch.map((e) => e.event) });
    } catch (error) {
      if (!(error instanceof SyncFailure)) throw error;
      const rest = toSend.slice(start).map((e) => e.eventId);
      if (error.kind === 'refused') {
        // The whole request was refused (e.g. 400): the same request would be refused again.
        for (const id of ids) await store.markRejected(id, { code: error.code });
        result.rejected += ids.length;
        await later(rest.slice(ids.length), error, false);
        report();
        continue;
      }
      await later(rest, error, error.kind === 'network' || error.kind === 'retry');
      throw error;
    }
    await applyResults(store, batch, answer.results, result, later);
    result.events += batch.length;
    report();
  }
  return result;
}

async function applyResults(
  store: SyncStore,
  batch: readonly OutgoingEntry[],
  results: readonly EventResult[],
  result: PushResult,
  later: (ids: string[], failure: SyncFailure, countAttempt: boolean) => Promise<void>,
): Promise<void> {
  const byIndex = new Map(results.map((r) => [r.index, r]));
  const acked: string[] = [];
  const retry: string[] = [];
  for (const [index, entry] of batch.entries()) {
    const r = byIndex.get(index);
    if (!r || (r.eventId !== null && r.eventId !== entry.eventId)) {
      // An answer that does not name this event is not an answer to it: send it again later.
      retry.push(entry.eventId);
      continue;
    }
    switch (r.status) {
      case 'applied':
      case 'already-applied':
        acked.push(entry.eventId);
        break;
      case 'conflict':
        await store.markConflict(entry.eventId, r.case);
        result.conflicts += 1;
        break;
      case 'rejected':
        if (r.reason && TRANSIENT_REASONS.has(r.reason.code)) retry.push(entry.eventId);
        else {
          await store.markRejected(entry.eventId, r.reason ?? { code: 'batch.earlier-event-failed' });
          result.rejected += 1;
        }
        break;
      case 'blocked':
        // Not tried: an earlier event of its case was not applied. It waits behind that one.
        retry.push(entry.eventId);
        break;
    }
  }
  await store.acknowledge(acked);
  result.applied += acked.length;
  await later(retry, new SyncFailure('retry', 'event.not-answered'), false);
}
