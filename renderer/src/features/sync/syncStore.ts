/**
 * The desk's side of sync: which central system it is enrolled with, the engine and its scheduler
 * (at start, when the network comes back, shortly after a local action, every few minutes, on
 * demand), and the status the header shows. The token is kept by the host (OS key store in
 * Electron, IndexedDB in the browser), never in the desk's database or in this store.
 */
import { create } from 'zustand';
import {
  createApiClient,
  createSyncEngine,
  createSyncLock,
  createSyncScheduler,
  enrol,
  revokeSelf,
  type ApiClient,
  SyncFailure,
  type LockManagerLike,
  type SyncScheduler,
  enrolmentRecordSchema as enrolmentSchema,
  fetchCaseAgain,
  settledBefore,
  trimWorkingSet,
  type Enrolment,
  type SyncStatus,
} from '../../../../shared/sync';
import { isServerOrigin } from '../../../../shared/host/csp';
import { log } from '../../../../shared/log';
import type { Desk } from '../../db';
import type { Host } from '../../host';
import { deskSyncStore } from './deskSyncStore';
import { deskWorkingSet } from './deskWorkingSet';
import { refreshDirectory } from './directory';

export const SYNC_INTERVAL_MS = 5 * 60_000;
const AFTER_ACTION_MS = 3_000;

export type { Enrolment };

export type EnrolOutcome =
  | { ok: true }
  /** `code`: origin.invalid, origin.not-allowed, origin.after-reload, token.not-kept, network, or the server's (sync.settings.error.*). */
  | { ok: false; code: string };

interface SyncState {
  enrolment: Enrolment | null;
  status: SyncStatus | null;
  /** Load the enrolment and start syncing if there is one (the app calls it once the desk is open). */
  start(desk: Desk, host: Host): Promise<void>;
  enrol(desk: Desk, host: Host, origin: string, code: string, deviceName: string): Promise<EnrolOutcome>;
  /** Signs the device out on the server (if reachable) and forgets the token here. */
  signOut(desk: Desk, host: Host): Promise<void>;
  syncNow(): Promise<void>;
  /** The enrolled client (take/release, file downloads); null before enrolment. */
  api(): ApiClient | null;
  /**
   * A case the working set left with only its application, opened: its whole history fetched
   * again from the central system (true when it was put back). Offline it stays as it is.
   */
  restoreCase(desk: Desk, caseId: string): Promise<boolean>;
}

let scheduler: SyncScheduler | null = null;
let client: ApiClient | null = null;
let cleanup: Array<() => void> = [];

function stop() {
  scheduler?.stop();
  scheduler = null;
  client = null;
  for (const c of cleanup) c();
  cleanup = [];
}

const browserFetch = (input: string, init?: RequestInit) => fetch(input, init);

function locks(): LockManagerLike | undefined {
  return typeof navigator !== 'undefined' && 'locks' in navigator ? navigator.locks : undefined;
}

export const useSync = create<SyncState>((set, get) => ({
  enrolment: null,
  status: null,

  async start(desk, host) {
    stop();
    const parsed = enrolmentSchema.safeParse(await desk.sync.enrolment());
    if (!parsed.success) {
      set({ enrolment: null, status: null });
      return;
    }
    const enrolment = parsed.data;
    set({ enrolment });
    const api = createApiClient({
      baseUrl: enrolment.serverOrigin,
      fetch: browserFetch,
      token: () => host.readDeviceToken(),
      compressRequests: true,
    });
    client = api;
    const engine = createSyncEngine({
      api,
      store: deskSyncStore(desk),
      lock: createSyncLock(locks()),
      now: () => new Date(),
      random: Math.random,
      upload: { fetch: browserFetch },
      // The working set: only the cases this desk needs are pulled, and older settled ones shrink.
      closedBefore: () => settledBefore(new Date()),
      afterSync: async (a) => {
        await refreshDirectory(desk, a);
        await trimWorkingSet(deskWorkingSet(desk), { now: () => new Date(), userId: enrolment.userId });
      },
      lastSyncedAt: await desk.sync.lastSyncedAt(),
    });
    const unsubscribe = engine.subscribe((status) => {
      set({ status });
      if (status.phase === 'idle' && status.lastSyncedAt) void desk.sync.setLastSyncedAt(status.lastSyncedAt);
    });
    set({ status: engine.status() });
    scheduler = createSyncScheduler({
      engine,
      intervalMs: SYNC_INTERVAL_MS,
      debounceMs: AFTER_ACTION_MS,
      setTimeout: (fn, ms) => window.setTimeout(fn, ms),
      clearTimeout: (h) => window.clearTimeout(h as number),
      onError: (error) => {
        // The status already says it; the log gets the code only.
        log.warn('sync failed', { code: error instanceof SyncFailure ? error.code : 'internal' });
      },
    });
    const s = scheduler;
    const online = () => void s.now();
    window.addEventListener('online', online);
    // After a local action: the outbox grew. Pulled pages change cases too, but add nothing to send.
    const unwatch = desk.cases.onChange(() => {
      void desk.outbox.countPending().then((n) => {
        if (n > 0) s.request();
        void engine.refreshCounts();
      });
    });
    cleanup = [unsubscribe, unwatch, () => window.removeEventListener('online', online)];
    s.start();
  },

  async enrol(desk, host, origin, code, deviceName) {
    const serverOrigin = origin.trim().replace(/\/+$/, '');
    if (!isServerOrigin(serverOrigin)) return { ok: false, code: 'origin.invalid' };
    // The Content-Security-Policy must allow the server before the desk can reach it.
    const policy = await host.setServerOrigin(serverOrigin);
    if (policy === 'not-allowed') return { ok: false, code: 'origin.not-allowed' };
    if (policy === 'after-reload') {
      // This page keeps the policy it was served with: the officer enrols again after the reload.
      window.location.reload();
      return { ok: false, code: 'origin.after-reload' };
    }
    try {
      const answer = await enrol(
        createApiClient({ baseUrl: serverOrigin, fetch: browserFetch }),
        code,
        deviceName.trim(),
      );
      try {
        await host.storeDeviceToken(answer.token);
      } catch {
        return { ok: false, code: 'token.not-kept' };
      }
      await desk.sync.setEnrolment({
        serverOrigin,
        deviceId: answer.deviceId,
        userId: answer.user.id,
        userName: answer.user.fullName,
        akimat: answer.akimat.name,
        enrolledAt: answer.serverTime,
      } satisfies Enrolment);
      await get().start(desk, host);
      return { ok: true };
    } catch (error) {
      if (error instanceof SyncFailure)
        return { ok: false, code: error.kind === 'network' ? 'network' : error.code };
      throw error;
    }
  },

  async signOut(desk, host) {
    const enrolment = get().enrolment;
    stop();
    if (enrolment) {
      try {
        await revokeSelf(
          createApiClient({
            baseUrl: enrolment.serverOrigin,
            fetch: browserFetch,
            token: () => host.readDeviceToken(),
          }),
        );
      } catch (error) {
        // Unreachable or already revoked: the token is forgotten here all the same.
        log.warn('device sign-out on the server failed', {
          code: error instanceof SyncFailure ? error.code : 'internal',
        });
      }
    }
    await host.storeDeviceToken(null);
    await desk.sync.setEnrolment(null);
    set({ enrolment: null, status: null });
  },

  async syncNow() {
    await scheduler?.now();
  },

  api: () => client,

  async restoreCase(desk, caseId) {
    if (!client || (typeof navigator !== 'undefined' && !navigator.onLine)) return false;
    try {
      return await fetchCaseAgain(client, deskWorkingSet(desk), caseId);
    } catch (error) {
      // The case keeps its application and row; the next opening tries again. No ids in the log.
      log.warn('fetching a case again failed', {
        code: error instanceof SyncFailure ? error.code : 'internal',
      });
      return false;
    }
  },
}));
