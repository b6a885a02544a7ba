/**
 * The officer resolves a sync problem of a case (a conflict or a rejection) by taking the case's
 * unsent local events back: the central system did not accept them. Nothing is lost: in ONE
 * transaction the events leave the case's history and its outbox and are recorded, whole, as "not
 * accepted by the central system" (`syncState`, key `sync.notAccepted.<caseId>`, shown in the case
 * history), and the case is folded again from its remaining history plus the server's events (the
 * held ones and those of the conflict answer) through the one ingest path (remote). If the reducer
 * refuses the server's events on that history, nothing of it is stored.
 *
 * Every unsent event of the case goes, not only the refused one: the later ones were made on top of
 * it (they waited behind it, 'blocked'), so they follow their case.
 */
import type { WorkingDayCalendar } from '../../../../shared/calendar/types';
import type { CaseEvent, CaseState, RejectionReason } from '../../../../shared/workflow';
import type { OutboxStatus } from '../records';
import { ingestOne, tables, type IngestContext } from './ingest';

/** One local event the central system did not accept, as the case history shows it. */
export interface NotAcceptedEvent {
  event: CaseEvent;
  /** Its outbox status when it was taken back: 'pending' ones waited behind the refused one. */
  problem: OutboxStatus;
  /** The server's reason (rejected) or code (conflict), never personal data. */
  reason?: unknown;
  resolvedAt: string;
  /** The user who resolved it. */
  resolvedBy: string;
  /** 'discarded': left as it is; 'reapplied': the officer made it again on the server's state. */
  resolution: 'discarded' | 'reapplied';
}

export const notAcceptedKey = (caseId: string) => `sync.notAccepted.${caseId}`;
const reasonKey = (eventId: string) => `sync.reason.${eventId}`;
const serverCaseKey = (caseId: string) => `sync.serverCase.${caseId}`;

export interface DiscardRequest {
  caseId: string;
  by: string;
  resolution: NotAcceptedEvent['resolution'];
  /** The server's events of the case (the conflict answer); duplicates of known ones are skipped. */
  serverEvents: readonly CaseEvent[];
}

export type DiscardResult =
  | { ok: true; state: CaseState; discarded: NotAcceptedEvent[] }
  /** The reducer refused the server's history on this desk's: nothing was changed. */
  | { ok: false; reason: RejectionReason }
  | { ok: false; reason: { code: 'discard.nothing-unsent' } };

class Refused extends Error {
  constructor(readonly reason: RejectionReason) {
    super(reason.code);
  }
}

export async function discardUnsent(
  ctx: IngestContext,
  calendar: WorkingDayCalendar,
  request: DiscardRequest,
): Promise<DiscardResult> {
  const { db } = ctx;
  const { caseId } = request;
  try {
    return await db.transaction('rw', tables(db), async (): Promise<DiscardResult> => {
      const refs = await db.outbox.where('[caseId+seq]').between([caseId, 0], [caseId, Infinity]).toArray();
      if (refs.length === 0) return { ok: false, reason: { code: 'discard.nothing-unsent' } };
      refs.sort((a, b) => a.seq - b.seq);
      const keys = refs.map((r) => [caseId, r.seq] as [string, number]);
      const [events, reasons, previous, held, record] = await Promise.all([
        db.caseEvents.bulkGet(keys),
        db.syncState.bulkGet(refs.map((r) => reasonKey(r.eventId))),
        db.syncState.get(notAcceptedKey(caseId)),
        db.heldEvents.where('caseId').equals(caseId).toArray(),
        db.caseStates.get(caseId),
      ]);
      if (!record) return { ok: false, reason: { code: 'discard.nothing-unsent' } };
      const at = ctx.now();
      const discarded: NotAcceptedEvent[] = refs.map((ref, i) => {
        const event = events[i];
        // The outbox reference and its event are written in one transaction: a gap is damaged storage.
        if (!event || event.id !== ref.eventId) throw new Error('outbox entry without its event');
        const reason = reasons[i]?.value ?? (ref.lastError ? { code: ref.lastError } : undefined);
        return {
          event,
          problem: ref.status,
          ...(reason === undefined ? {} : { reason }),
          resolvedAt: at,
          resolvedBy: request.by,
          resolution: request.resolution,
        };
      });
      const kept = Array.isArray(previous?.value) ? (previous.value as NotAcceptedEvent[]) : [];
      await Promise.all([
        db.caseEvents.bulkDelete(keys),
        db.outbox.bulkDelete(refs.map((r) => r.eventId)),
        db.syncState.bulkDelete([...refs.map((r) => reasonKey(r.eventId)), serverCaseKey(caseId)]),
        db.syncState.put({ key: notAcceptedKey(caseId), value: [...kept, ...discarded] }),
        db.heldEvents.bulkDelete(held.map((h) => h.id)),
        // Stamped stale: the ingest below folds the case again from its log, without the events taken back.
        db.caseStates.put({ ...record, reducerVersion: -1 }),
      ]);
      const remote = new Map<string, CaseEvent>();
      for (const e of [...held.map((h) => h.event), ...request.serverEvents]) remote.set(e.id, e);
      const ordered = [...remote.values()].sort((a, b) => a.baseVersion - b.baseVersion);
      const result = await ingestOne(ctx, calendar, { caseId, events: ordered }, 'remote', []);
      if (!result.ok) throw new Refused(result.reason);
      return { ok: true, state: result.state, discarded };
    });
  } catch (error) {
    if (error instanceof Refused) return { ok: false, reason: error.reason };
    throw error;
  }
}

/** What the central system did not accept of a case, oldest first. */
export async function notAccepted(ctx: IngestContext, caseId: string): Promise<NotAcceptedEvent[]> {
  const stored = await ctx.db.syncState.get(notAcceptedKey(caseId));
  return Array.isArray(stored?.value) ? (stored.value as NotAcceptedEvent[]) : [];
}
