/**
 * One sync at a time, also across two windows of the same desk: the Web Locks API
 * (`navigator.locks`, Chromium and Electron have it) gives the lock to one window; another that
 * asks meanwhile skips its turn (the holder's sync covers the same database). Where the API is
 * missing, the fallback is a flag in this window only, which still prevents two syncs in one window.
 */
export interface LockManagerLike {
  request<T>(
    name: string,
    options: { ifAvailable: boolean },
    callback: (lock: unknown) => Promise<T>,
  ): Promise<T>;
}

export const SYNC_LOCK_NAME = 'externship-desk-sync';

export interface SyncLock {
  /** Runs `fn` holding the lock; `undefined` without running it when someone else holds it. */
  run<T>(fn: () => Promise<T>): Promise<T | undefined>;
}

export function createSyncLock(locks: LockManagerLike | undefined, name = SYNC_LOCK_NAME): SyncLock {
  let busy = false;
  const local = async <T>(fn: () => Promise<T>): Promise<T | undefined> => {
    if (busy) return undefined;
    busy = true;
    try {
      return await fn();
    } finally {
      busy = false;
    }
  };
  if (!locks) return { run: local };
  return {
    run: <T>(fn: () => Promise<T>) =>
      // The in-window flag as well: a second call in this window never even waits for the API.
      local(() =>
        locks.request<T | undefined>(name, { ifAvailable: true }, (lock) =>
          lock ? fn() : Promise.resolve(undefined),
        ),
      ),
  };
}
