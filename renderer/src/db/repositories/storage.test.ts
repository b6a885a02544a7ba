import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { openDesk } from '../desk';
import { uniqueName } from '../testing';
import { createStorageRepository, type StorageManagerLike } from './storage';

function manager(persisted: boolean, grant: boolean) {
  const state = { persisted };
  return {
    estimate: vi.fn(() => Promise.resolve({ usage: 12_345_678, quota: 9_000_000_000 })),
    persisted: vi.fn(() => Promise.resolve(state.persisted)),
    persist: vi.fn(() => {
      state.persisted = grant;
      return Promise.resolve(grant);
    }),
  } satisfies StorageManagerLike;
}

describe('storage repository', () => {
  it('reports usage, quota and whether the browser may evict the data', async () => {
    const repo = createStorageRepository(manager(false, false));
    expect(await repo.status()).toEqual({
      usageBytes: 12_345_678,
      quotaBytes: 9_000_000_000,
      persisted: false,
      hostFiles: null,
    });
  });

  it('reports what the host’s file store holds beside IndexedDB’s usage, or null when it cannot say', async () => {
    const usage = vi.fn(() => Promise.resolve({ bytes: 7_340_032, count: 12 }));
    const repo = createStorageRepository(manager(true, true), { usage });
    expect(await repo.status()).toMatchObject({
      usageBytes: 12_345_678,
      hostFiles: { bytes: 7_340_032, count: 12 },
    });
    const failing = createStorageRepository(manager(true, true), {
      usage: () => Promise.reject(new Error('io')),
    });
    expect((await failing.status()).hostFiles).toBeNull();
  });

  it('asks for persistence only when the data is not persistent yet, and says what the browser answered', async () => {
    const granted = manager(false, true);
    expect(await createStorageRepository(granted).requestPersistence()).toBe(true);
    expect(granted.persist).toHaveBeenCalledTimes(1);
    expect((await createStorageRepository(granted).status()).persisted).toBe(true);

    const already = manager(true, true);
    expect(await createStorageRepository(already).requestPersistence()).toBe(true);
    expect(already.persist).not.toHaveBeenCalled();

    const refused = manager(false, false);
    expect(await createStorageRepository(refused).requestPersistence()).toBe(false);
  });

  it('says "cannot tell" where the browser has no API or the API fails, never throws', async () => {
    const none = createStorageRepository(undefined);
    expect(await none.status()).toEqual({
      usageBytes: null,
      quotaBytes: null,
      persisted: null,
      hostFiles: null,
    });
    expect(await none.requestPersistence()).toBeNull();
    const broken = createStorageRepository({
      estimate: () => Promise.reject(new Error('no')),
      persisted: () => Promise.reject(new Error('no')),
      persist: () => Promise.reject(new Error('no')),
    });
    expect(await broken.status()).toEqual({
      usageBytes: null,
      quotaBytes: null,
      persisted: null,
      hostFiles: null,
    });
    expect(await broken.requestPersistence()).toBeNull();
  });

  it('opening the desk asks the browser to keep its data', async () => {
    const m = manager(false, true);
    const desk = await openDesk({ name: uniqueName('persist'), storageManager: m });
    try {
      await vi.waitFor(() => expect(m.persist).toHaveBeenCalledTimes(1));
      expect((await desk.storage.status()).persisted).toBe(true);
    } finally {
      desk.close();
    }
  });
});
