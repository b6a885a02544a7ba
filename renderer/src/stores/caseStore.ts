/**
 * The case on screen: its folded state and its events. Every action goes through `act`, which makes
 * the event on the current version and hands it to the repository, where the reducer decides.
 */
import { create } from 'zustand';
import type { CaseEvent, CaseState, EventPayloads, RejectionReason } from '../../../shared/workflow';
import type { StorageProblem } from '../i18n/codes';
import { now } from './clock';
import { useDesk } from './deskStore';
import { makeEvent, type ActionType } from './eventFactory';
import { problemOf } from './problems';
import { actorOf, useSession } from './sessionStore';

export type ActOutcome =
  { ok: true } | { ok: false; reason: RejectionReason } | { ok: false; problem: StorageProblem };

interface CaseStoreState {
  caseId: string | null;
  status: 'idle' | 'loading' | 'ready' | 'missing' | 'failed';
  state: CaseState | null;
  events: CaseEvent[];
  load: (caseId: string) => Promise<void>;
  act: <T extends ActionType>(type: T, payload: EventPayloads[T]) => Promise<ActOutcome>;
}

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

  async act(type, payload) {
    const { desk } = useDesk.getState();
    const { user } = useSession.getState();
    const { state } = get();
    if (!desk || !user || !state) return { ok: false, problem: 'unknown' };
    const event = makeEvent(state, type, payload, actorOf(user), now());
    try {
      const result = await desk.cases.appendEvent(event);
      if (!result.ok) return { ok: false, reason: result.reason };
      if (get().caseId === state.caseId) set({ state: result.state, events: [...get().events, event] });
      return { ok: true };
    } catch (error) {
      // Shown in the dialog, which keeps what the officer typed so the action can be tried again.
      return { ok: false, problem: problemOf(error) };
    }
  },
}));
