/**
 * The one reducer from events to case state, used alike by the UI, the sync engine and the central
 * server (ARCHITECTURE.md "The case is a fold of events"). Pure: no clock, no storage; every illegal
 * event is refused with a stable reason code instead of being applied.
 */
import { DEFAULT_OFFICE_TIME_ZONE } from './days';
import type { CaseEvent } from './events';
import { guardEvent } from './guards';
import { rejection, type RejectionReason } from './rejections';
import { parseCaseEvent } from './schemas';
import type { CaseState } from './state';
import { receive, step, type ApplyResult, type ReducerContext } from './transitions';

export type { ApplyResult } from './transitions';

export interface ReducerOptions {
  /** The office's IANA zone, for the days stored in the state (`on` fields). Default Asia/Almaty. */
  timeZone?: string;
}

export type FoldResult =
  { ok: true; state: CaseState } | { ok: false; index: number; reason: RejectionReason };

function contextOf(options: ReducerOptions | undefined): ReducerContext {
  return { timeZone: options?.timeZone ?? DEFAULT_OFFICE_TIME_ZONE };
}

/**
 * Applies one event. The event is validated structurally first: it may come from an outbox written by
 * an older version, from the server, or from a file, and TypeScript's types do not reach that far.
 */
export function applyEvent(
  state: CaseState | undefined,
  event: CaseEvent,
  options?: ReducerOptions,
): ApplyResult {
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
  const refused = guardEvent(state, e.type, e.actor);
  if (refused) return { ok: false, reason: refused };

  const result = step(state, e, contextOf(options));
  return result.ok ? { ok: true, state: { ...result.state, version: state.version + 1 } } : result;
}

/** Folds a case's events in order; stops at the first refused event and says which one it was. */
export function foldEvents(events: readonly CaseEvent[], options?: ReducerOptions): FoldResult {
  let state: CaseState | undefined;
  for (const [index, event] of events.entries()) {
    const result = applyEvent(state, event, options);
    if (!result.ok) return { ok: false, index, reason: result.reason };
    state = result.state;
  }
  if (state === undefined) return { ok: false, index: 0, reason: rejection('case.not-received') };
  return { ok: true, state };
}
