/**
 * The first half of an ingest: what the store knows of each case, and the new events folded onto
 * it with the one reducer (ingest.ts writes the result). Pure where it can be, so that nothing but
 * IndexedDB requests is awaited inside the transaction.
 */
import {
  applyEvent,
  foldEvents,
  type CaseEvent,
  type CaseState,
  type RejectionReason,
} from '../../../../shared/workflow';
import type { DeskDatabase } from '../database';
import type { Placement } from '../queue-pages';
import type { CaseStateRecord, EventRecord, HeldEventRecord, OutboxRecord } from '../records';
import { isCurrent, placementOf, stateOf } from './projection';
import { caseWithNumber } from './registration';

export type IngestSource = 'local' | 'remote';

/** One case of a batch: its new events, in order. */
export interface IngestItem {
  caseId: string;
  events: readonly CaseEvent[];
}

/** What one case's ingest will write; computed inside the transaction, written in bulk after. */
export interface Staged {
  caseId: string;
  /** Where the case's queue row is; undefined for a new case (placed when written). */
  placement: Placement | undefined;
  state: CaseState;
  /** The projection must be written (something changed, or it was folded by another reducer). */
  changed: boolean;
  first: EventRecord | undefined;
  /**
   * The store held events of the case before this call. Without any, no file reference of the case
   * can be from an earlier event: the new ones are written without being looked up first.
   */
  hadHistory: boolean;
  events: CaseEvent[];
  outbox: OutboxRecord[];
  acked: string[];
  held: HeldEventRecord[];
  heldTotal: number;
  duplicates: string[];
}

export type StageResult =
  { ok: true; staged: Staged } | { ok: false; index: number; reason: RejectionReason };

const between = (caseId: string) =>
  [
    [caseId, 0],
    [caseId, Infinity],
  ] as const;

/** What the store knows of a case before the call: its projection, history, unsent and held events. */
interface Known {
  record: CaseStateRecord | undefined;
  history: EventRecord[];
  pending: OutboxRecord[];
  held: HeldEventRecord[];
}

/**
 * Reads what the store knows of each case, Dexie requests only (a transaction commits as soon as it
 * awaits anything that is not one). A new case costs one key in a bulkGet.
 */
export async function loadKnown(db: DeskDatabase, caseIds: readonly string[]): Promise<Known[]> {
  const records = await db.caseStates.bulkGet([...caseIds]);
  return Promise.all(
    caseIds.map(async (caseId, i): Promise<Known> => {
      const record = records[i];
      if (!record) return { record, history: [], pending: [], held: [] };
      const [lower, upper] = between(caseId);
      const [history, pending, held] = await Promise.all([
        db.caseEvents.where('[caseId+baseVersion]').between(lower, upper).toArray(),
        db.outbox.where('[caseId+seq]').between(lower, upper).toArray(),
        db.heldEvents.where('caseId').equals(caseId).toArray(),
      ]);
      return { record, history, pending, held };
    }),
  );
}

/** Folds one case's new events onto what is known (pure: no storage, so nothing can commit early). */
export function stage(item: IngestItem, source: IngestSource, known: Known, now: string): StageResult {
  const { caseId } = item;
  const { record, history, pending, held } = known;
  let state: CaseState | undefined;
  let changed = false;
  if (record && isCurrent(record)) state = stateOf(record, history[0]);
  else if (record) {
    // Folded by another reducer version: the log is the truth, the projection only its cache.
    const folded = foldEvents(history);
    if (!folded.ok) return { ok: false, index: 0, reason: folded.reason };
    state = folded.state;
    changed = true;
  }
  const knownIds = new Set(history.map((e) => e.id));
  const heldIds = new Set(held.map((h) => h.id));
  const unsent = new Set(pending.map((p) => p.eventId));
  const s: Staged = {
    caseId,
    placement: placementOf(record),
    state: state as CaseState,
    changed,
    first: history[0],
    hadHistory: history.length > 0,
    events: [],
    outbox: [],
    acked: [],
    held: [],
    heldTotal: held.length,
    duplicates: [],
  };
  for (const [index, event] of item.events.entries()) {
    if (event.caseId !== caseId) return { ok: false, index, reason: { code: 'case.mismatch' } };
    if (knownIds.has(event.id) || heldIds.has(event.id)) {
      s.duplicates.push(event.id);
      // The server's history brought back an event this desk made: it arrived.
      if (source === 'remote' && unsent.delete(event.id)) s.acked.push(event.id);
      continue;
    }
    if (source === 'remote' && unsent.size > 0) {
      s.held.push({ id: event.id, caseId, heldAt: now, event });
      heldIds.add(event.id);
      continue;
    }
    const applied = applyEvent(state, event);
    if (!applied.ok) return { ok: false, index, reason: applied.reason };
    state = applied.state;
    s.state = state;
    s.changed = true;
    s.events.push(event);
    s.first ??= event;
    knownIds.add(event.id);
    if (source === 'local') {
      s.outbox.push({
        eventId: event.id,
        caseId,
        seq: event.baseVersion,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: now,
        queuedAt: now,
      });
      unsent.add(event.id);
    }
  }
  if (state === undefined) return { ok: false, index: 0, reason: { code: 'case.not-received' } };
  s.heldTotal += s.held.length;
  return { ok: true, staged: s };
}

/**
 * A local registration under a number another case of the register already has is refused (the
 * reducer sees one case; the register is the store's). Params name the other case, never a person.
 */
export async function numberTaken(
  db: DeskDatabase,
  item: IngestItem,
  staged: Staged,
): Promise<{ ok: false; index: number; reason: RejectionReason } | undefined> {
  for (const event of staged.events) {
    if (event.type !== 'registered') continue;
    const other = await caseWithNumber(db, event.payload.registrationNumber);
    if (other && other.caseId !== item.caseId)
      return {
        ok: false,
        index: item.events.indexOf(event),
        reason: {
          code: 'registration.number-taken',
          params: { registrationNumber: event.payload.registrationNumber, caseNumber: other.caseNumber },
        },
      };
  }
  return undefined;
}
