/**
 * The one reducer from events to case state, used alike by the UI, the sync engine and the central
 * server (ARCHITECTURE.md "The case is a fold of events"). Pure and deterministic: no clock, no
 * storage, no host time-zone data (every day is read at the office offset the case recorded), so
 * every machine folds the same events to the same state. Every illegal event is refused with a
 * stable reason code instead of being applied.
 */
import { parseInstant } from '../calendar/instant';
import { guardEvent } from './guards';
import { rejection, type RejectionReason } from './rejections';
import { clockNotBehind, madeUnder } from './rules';
import type { CaseState } from './state';
import { receive, step, type ApplyResult } from './transitions';
import { parseCaseEvent } from './upgrade';

export type { ApplyResult } from './transitions';

/**
 * Bumped whenever folding the same events gives a different state, so that stored projections
 * stamped with an older number are rebuilt from the log.
 * 1: the reducer before issue 7 (projections without a stamp).
 * 2: issue 7's event envelope v2: the office's fixed offset, `registration` (day, law's day,
 *    lateness, calendar version), the check in each review, `latestAt`, `delivered.on`.
 * 3: issue 7's rules for events of version 2 (no backdated registration, no future dates, no clock
 *    set back, reasons against failed checks, no "complete" with a required document missing, one
 *    pending decision, a signature only over the approved decision's produced result): a log that
 *    folded under 2 may now stop at an event these rules refuse.
 */
export const REDUCER_VERSION = 3;

export type FoldResult =
  { ok: true; state: CaseState } | { ok: false; index: number; reason: RejectionReason };

const later = (a: string, b: string): string => (parseInstant(b) > parseInstant(a) ? b : a);

/**
 * Applies one event in any released schema version. The event is upgraded and validated first: it
 * may come from an outbox written by an older version, from the server, or from a file, and
 * TypeScript's types do not reach that far.
 */
export function applyEvent(state: CaseState | undefined, event: unknown): ApplyResult {
  const parsed = parseCaseEvent(event);
  if (!parsed.ok) return { ok: false, reason: rejection(parsed.code, { path: parsed.path }) };
  // The parsed copy is used from here on, so nothing outside the schema reaches the state.
  const e = parsed.event;

  if (e.type === 'received') {
    if (state !== undefined) return { ok: false, reason: rejection('case.already-received') };
    if (e.baseVersion !== 0) {
      return { ok: false, reason: rejection('version.conflict', { expected: 0, actual: e.baseVersion }) };
    }
    const refused = guardEvent(undefined, e.type, e.actor);
    return refused ? { ok: false, reason: refused } : { ok: true, state: receive(e) };
  }

  if (state === undefined) return { ok: false, reason: rejection('case.not-received') };
  if (e.caseId !== state.caseId) return { ok: false, reason: rejection('case.mismatch') };
  if (e.baseVersion !== state.version) {
    return {
      ok: false,
      reason: rejection('version.conflict', { expected: state.version, actual: e.baseVersion }),
    };
  }
  const refused =
    guardEvent(state, e.type, e.actor, e.upgradedFrom ?? e.schemaVersion) ??
    (madeUnder(e, 2) ? clockNotBehind(state, e.at) : undefined);
  if (refused) return { ok: false, reason: refused };

  const result = step(state, e);
  if (!result.ok) return result;
  return {
    ok: true,
    state: { ...result.state, version: state.version + 1, latestAt: later(state.latestAt, e.at) },
  };
}

/** Folds a case's events in order; stops at the first refused event and says which one it was. */
export function foldEvents(events: readonly unknown[]): FoldResult {
  let state: CaseState | undefined;
  for (const [index, event] of events.entries()) {
    const result = applyEvent(state, event);
    if (!result.ok) return { ok: false, index, reason: result.reason };
    state = result.state;
  }
  if (state === undefined) return { ok: false, index: 0, reason: rejection('case.not-received') };
  return { ok: true, state };
}
