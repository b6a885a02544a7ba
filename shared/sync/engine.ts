/**
 * The sync engine: one run pushes the outbox (files, then events), pulls the server's changes,
 * folds remote events held over work that has now been acknowledged, and refreshes the users and
 * the reference data. Everything it touches is injected (HTTP client, storage port, clock,
 * randomness, lock), so a test drives it with a fake server in Node.
 */
import type { ApiClient } from './client';
import { SyncFailure } from './client';
import type { SyncLock } from './lock';
import { pull } from './pull';
import { push, type PushOptions } from './push';
import type { SyncStore } from './store';
import { MemoryUrlStorage, type UploadOptions } from './upload';

/**
 * What the header shows. `offline`: no answer from the server; `revoked`: this device was signed
 * out (sync stops until it is enrolled again); `unauthorized`: the server does not know the token;
 * `failed`: an answer the desk cannot use (another protocol version, a broken answer).
 */
export type SyncPhase = 'idle' | 'syncing' | 'offline' | 'revoked' | 'unauthorized' | 'failed';

export interface SyncProgress {
  /** Cases pulled so far in this run. */
  cases: number;
  files: number;
  filesTotal: number;
  events: number;
  eventsTotal: number;
}

export interface SyncStatus {
  phase: SyncPhase;
  /** When the last run finished without a failure (ISO 8601), null before the first. */
  lastSyncedAt: string | null;
  progress: SyncProgress | null;
  /** Outbox entries waiting to be sent (pending or sending). */
  pending: number;
  /** Outbox entries that need the officer (conflict or rejected), and remote cases refused. */
  problems: number;
  /** The code of the last failure (for the officer's language), when phase says one. */
  error?: string;
}

export interface SyncOutcome {
  pushed: { applied: number; conflicts: number; rejected: number; deferred: number };
  pulled: { pages: number; cases: number; events: number; held: number; startedOver: boolean };
  released: number;
  refusedRemote: Array<{ caseId: string; code: string }>;
}

export interface SyncEngineOptions {
  api: ApiClient;
  store: SyncStore;
  lock: SyncLock;
  now: () => Date;
  random: () => number;
  /** Pull page size (events). */
  pageLimit?: number;
  /** The working set's day (settledBefore), asked at each pull; undefined: pull every case. */
  closedBefore?: () => string | undefined;
  upload?: Partial<Omit<UploadOptions, 'fetch' | 'onBytes'>> & Pick<UploadOptions, 'fetch'>;
  /** After each successful exchange: users, reference data (settings wiring). */
  afterSync?: (api: ApiClient) => Promise<void>;
  lastSyncedAt?: string | null;
}

export interface SyncEngine {
  /** One run; undefined when another window or call holds the sync (nothing done here). */
  sync(): Promise<SyncOutcome | undefined>;
  status(): SyncStatus;
  subscribe(listener: (status: SyncStatus) => void): () => void;
  /** Recounts pending and problems (after a local action) without syncing. */
  refreshCounts(): Promise<void>;
}

const PHASE_OF: Record<SyncFailure['kind'], SyncPhase> = {
  network: 'offline',
  retry: 'offline',
  revoked: 'revoked',
  auth: 'unauthorized',
  'start-over': 'failed',
  protocol: 'failed',
  refused: 'failed',
};

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { api, store, lock } = options;
  const listeners = new Set<(s: SyncStatus) => void>();
  let refusedRemote = 0;
  let status: SyncStatus = {
    phase: 'idle',
    lastSyncedAt: options.lastSyncedAt ?? null,
    progress: null,
    pending: 0,
    problems: 0,
  };
  const set = (next: Partial<SyncStatus>) => {
    status = { ...status, ...next };
    if (next.error === undefined && 'error' in next) delete status.error;
    for (const l of listeners) l(status);
  };
  const counts = async () => {
    const entries = await store.outbox();
    return {
      pending: entries.filter((e) => e.status === 'pending' || e.status === 'sending').length,
      problems:
        entries.filter((e) => e.status === 'conflict' || e.status === 'rejected').length + refusedRemote,
    };
  };
  const upload: PushOptions['upload'] = {
    fetch: options.upload?.fetch ?? ((input, init) => fetch(input, init)),
    urlStorage: options.upload?.urlStorage ?? new MemoryUrlStorage(),
    chunkSize: options.upload?.chunkSize ?? 1024 * 1024,
    retryDelays: options.upload?.retryDelays ?? [0, 1000, 3000],
  };

  const run = async (): Promise<SyncOutcome> => {
    const progress: SyncProgress = { cases: 0, files: 0, filesTotal: 0, events: 0, eventsTotal: 0 };
    set({ phase: 'syncing', progress: { ...progress }, ...(await counts()) });
    try {
      const pushed = await push(api, store, {
        now: options.now,
        random: options.random,
        upload,
        onProgress: (p) => {
          Object.assign(progress, p);
          set({ progress: { ...progress } });
        },
      });
      const closedBefore = options.closedBefore?.();
      const pulled = await pull(api, store, {
        ...(options.pageLimit ? { limit: options.pageLimit } : {}),
        ...(closedBefore ? { closedBefore } : {}),
        onProgress: (p) => {
          progress.cases = p.cases;
          set({ progress: { ...progress } });
        },
      });
      const released = await store.releaseHeld();
      refusedRemote = pulled.refused.length;
      await options.afterSync?.(api);
      set({
        phase: 'idle',
        lastSyncedAt: options.now().toISOString(),
        progress: null,
        error: undefined,
        ...(await counts()),
      });
      return {
        pushed: {
          applied: pushed.applied,
          conflicts: pushed.conflicts,
          rejected: pushed.rejected,
          deferred: pushed.deferred,
        },
        pulled: {
          pages: pulled.pages,
          cases: pulled.cases,
          events: pulled.events,
          held: pulled.held,
          startedOver: pulled.startedOver,
        },
        released,
        refusedRemote: pulled.refused,
      };
    } catch (error) {
      const phase = error instanceof SyncFailure ? PHASE_OF[error.kind] : 'failed';
      const code = error instanceof SyncFailure ? error.code : 'sync.internal';
      set({ phase, progress: null, error: code, ...(await counts()) });
      throw error;
    }
  };

  return {
    async sync() {
      // A signed-out device does not knock again: the officer enrols it anew (a new engine).
      if (status.phase === 'revoked') return undefined;
      return lock.run(run);
    },
    status: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async refreshCounts() {
      set(await counts());
    },
  };
}
