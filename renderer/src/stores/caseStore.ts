/**
 * The case on screen: its folded state and its events. Every action goes through `act`, which makes
 * the event on the current version and hands it to the repository, where the reducer decides.
 */
import { create } from 'zustand';
import type { CaseEvent, CaseState, EventPayloads, RejectionReason } from '../../../shared/workflow';
import type { NewFile } from '../db';
import type { StorageProblem } from '../i18n/codes';
import { now } from './clock';
import { useDesk } from './deskStore';
import { makeEvent, retryKey, type ActionType } from './eventFactory';
import { problemOf } from './problems';
import { actorOf, requiresStepUp, useSession } from './sessionStore';

export type { NewFile } from '../db';

export type ActOutcome =
  | { ok: true }
  | { ok: false; reason: RejectionReason }
  | { ok: false; problem: StorageProblem }
  /** A head-only action whose step-up (the head's secret again) did not happen or ran out. */
  | { ok: false; stepUp: true };

export interface ActOptions {
  /** Files the event refers to (a produced document, a signature), stored with it in one transaction. */
  files?: readonly NewFile[];
}

interface CaseStoreState {
  caseId: string | null;
  status: 'idle' | 'loading' | 'ready' | 'missing' | 'failed';
  state: CaseState | null;
  events: CaseEvent[];
  load: (caseId: string) => Promise<void>;
  act: <T extends ActionType>(
    type: T,
    payload: EventPayloads[T],
    options?: ActOptions,
  ) => Promise<ActOutcome>;
}

/**
 * The last event whose write failed for a storage reason (nothing of it may have been stored, or,
 * if the failure came after the commit, all of it). Trying the same action again hands the store
 * this same event: the ingest is idempotent by id, so it can never be recorded twice.
 */
let failedWrite: { key: string; event: CaseEvent } | undefined;

export const useCase = create<CaseStoreState>()((set, get) => ({
  caseId: null,
  status: 'idle',
  state: null,
  events: [],

  async load(caseId) {
    const { desk } = useDesk.getState();
    if (!desk) return;
    if (get().caseId !== caseId) set({ caseId, status: 'loading', state: null, events: [] });
    try {
      const found = await desk.cases.get(caseId);
      // The officer may have opened another case while this one loaded.
      if (get().caseId !== caseId) return;
      if (!found) set({ status: 'missing', state: null, events: [] });
      else set({ status: 'ready', state: found.state, events: found.events });
    } catch (error) {
      useDesk.getState().report(error);
      if (get().caseId === caseId) set({ status: 'failed' });
    }
  },

  async act(type, payload, options) {
    const { desk } = useDesk.getState();
    const { user } = useSession.getState();
    const { state } = get();
    const actor = user ? actorOf(user) : null;
    if (!desk || !user || !actor || !state) return { ok: false, problem: 'unknown' };
    // The head's decisions need the head's secret typed again just now (app/session.ts).
    if (requiresStepUp(type) && !useSession.getState().takeStepUp(user.id))
      return { ok: false, stepUp: true };
    const made = makeEvent(state, type, payload, actor, now());
    const key = retryKey(made);
    const event = failedWrite?.key === key ? failedWrite.event : made;
    try {
      // One transaction: the event, the projection, the queue row, the outbox and the files.
      const result = await desk.cases.ingest(state.caseId, [event], 'local', { files: options?.files ?? [] });
      failedWrite = undefined;
      if (!result.ok) return { ok: false, reason: result.reason };
      if (get().caseId === state.caseId) set({ state: result.state, events: [...get().events, event] });
      return { ok: true };
    } catch (error) {
      failedWrite = { key, event };
      // Shown in the dialog, which keeps what the officer typed so the action can be tried again.
      return { ok: false, problem: problemOf(error) };
    }
  },
}));
