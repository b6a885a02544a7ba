/**
 * The browser's side of the desk's storage: how much the desk uses, and whether the browser may
 * evict it; and, in the Electron desk, what the host's file store holds beside it. In a browser,
 * data not marked persistent is "best effort": under disk pressure the browser may delete it
 * without asking, outbox included; `persist()` asks it not to.
 */

import type { StoredBlobsUsage } from '../../../../shared/host';

/** The part of `navigator.storage` the desk uses (absent in old browsers and in Node). */
export interface StorageManagerLike {
  estimate?: () => Promise<{ usage?: number; quota?: number }>;
  persist?: () => Promise<boolean>;
  persisted?: () => Promise<boolean>;
}

/** The part of the host's file store (Host.blobs) the status reads. */
export interface HostFilesLike {
  usage(): Promise<StoredBlobsUsage>;
}

export interface StorageStatus {
  /** Bytes the desk's origin uses, as the browser estimates them; null when it cannot say. */
  usageBytes: number | null;
  /** Bytes the browser lets the origin use; null when it cannot say. */
  quotaBytes: number | null;
  /** true: kept until the user deletes it; false: the browser may evict it; null: cannot tell. */
  persisted: boolean | null;
  /**
   * What the files kept in the host's file store take (the Electron desk's user-data folder): null
   * without one (the browser keeps them in IndexedDB, inside `usageBytes`) or when it cannot say.
   */
  hostFiles: StoredBlobsUsage | null;
}

export interface StorageRepository {
  status(): Promise<StorageStatus>;
  /**
   * Asks the browser to keep the desk's data (`navigator.storage.persist()`). Chromium decides
   * without a prompt (installed or often used sites are granted), Firefox asks the user. Returns
   * whether the data is persistent now; null when the browser has no such API.
   */
  requestPersistence(): Promise<boolean | null>;
}

/** The browser's StorageManager, when there is one. */
export function browserStorageManager(): StorageManagerLike | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.storage;
}

/** Any failure of the API is "cannot tell": the status is advice, never a reason to stop the desk. */
async function attempt<T>(call: (() => Promise<T>) | undefined): Promise<T | null> {
  if (!call) return null;
  try {
    return await call();
  } catch {
    return null;
  }
}

export function createStorageRepository(
  manager: StorageManagerLike | undefined = browserStorageManager(),
  hostFiles: HostFilesLike | null = null,
): StorageRepository {
  return {
    async status() {
      const [estimate, persisted, files] = await Promise.all([
        attempt(manager?.estimate?.bind(manager)),
        attempt(manager?.persisted?.bind(manager)),
        attempt(hostFiles ? () => hostFiles.usage() : undefined),
      ]);
      return {
        usageBytes: estimate?.usage ?? null,
        quotaBytes: estimate?.quota ?? null,
        persisted,
        hostFiles: files,
      };
    },
    async requestPersistence() {
      const already = await attempt(manager?.persisted?.bind(manager));
      if (already) return true;
      return attempt(manager?.persist?.bind(manager));
    },
  };
}
