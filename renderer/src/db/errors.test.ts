import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DeskDatabase } from './database';
import { openDesk, type Desk } from './desk';
import { StorageError, storageErrorOf } from './errors';
import { declareSchema, LATEST_VERSION } from './schema';
import { openTestDesk, uniqueName } from './testing';

const opened: Array<{ close(): void }> = [];
afterEach(() => {
  for (const d of opened.splice(0)) d.close();
});

describe('storageErrorOf', () => {
  it('maps Dexie and DOM errors to the four codes by their innermost cause', () => {
    const quota = new DOMException('full', 'QuotaExceededError');
    expect(storageErrorOf(quota)?.code).toBe('quota');
    expect(storageErrorOf(new Dexie.AbortError('aborted', quota))?.code).toBe('quota');
    expect(storageErrorOf(new Dexie.OpenFailedError('open failed', quota))?.code).toBe('quota');
    expect(storageErrorOf(new Dexie.DatabaseClosedError())?.code).toBe('unavailable');
    expect(storageErrorOf(new Dexie.MissingAPIError())?.code).toBe('unavailable');
    expect(storageErrorOf(new Dexie.DataCloneError('cannot clone'))?.code).toBe('corrupt');
    expect(storageErrorOf(new Dexie.UpgradeError('upgrade failed'))?.code).toBe('corrupt');
  });

  it('tells a full disk from the browser’s quota, as Chromium reports each', () => {
    // LevelDB's "no space" comes as an UnknownError, which otherwise means storage is unavailable.
    const leveldb = new DOMException(
      'IO error: /profile/IndexedDB/x.leveldb/000123.log: FILE_ERROR_NO_SPACE (ChromeMethodBFE: 3::WritableFileAppend::8)',
      'UnknownError',
    );
    expect(storageErrorOf(leveldb)?.code).toBe('disk-full');
    expect(storageErrorOf(new Dexie.AbortError('aborted', leveldb))?.code).toBe('disk-full');
    const openOnFullDisk = new DOMException(
      'Encountered full disk while opening backing store for indexedDB.open.',
      'QuotaExceededError',
    );
    expect(storageErrorOf(new Dexie.OpenFailedError('open failed', openOnFullDisk))?.code).toBe('disk-full');
    // The transaction's own quota message does not say the disk is full: it is the browser's quota.
    const quota = new DOMException(
      'The current transaction exceeded its quota limitations.',
      'QuotaExceededError',
    );
    expect(storageErrorOf(quota)?.code).toBe('quota');
    // Any other UnknownError is still storage that cannot be used.
    expect(storageErrorOf(new DOMException('Internal error.', 'UnknownError'))?.code).toBe('unavailable');
    // A programming error is never a full disk, whatever its message says.
    expect(storageErrorOf(new TypeError('ENOSPC in a string'))).toBeUndefined();
  });

  it('keeps the original error as the cause and leaves programming errors alone', () => {
    const closed = new Dexie.DatabaseClosedError();
    expect(storageErrorOf(closed)?.cause).toBe(closed);
    expect(storageErrorOf(new TypeError('x is undefined'))).toBeUndefined();
    expect(storageErrorOf('text')).toBeUndefined();
  });
});

describe('openDesk', () => {
  it("reports 'blocked' when another window keeps an older version open", async () => {
    const name = uniqueName('blocked');
    const old = new Dexie(name);
    declareSchema(old, 1);
    // The other window ignores the request to close (Dexie closes by default; false keeps it open).
    old.on('versionchange', () => false);
    await old.open();
    opened.push(old);
    const error: unknown = await openDesk({ name, blockedTimeoutMs: 50 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).code).toBe('blocked');
  });

  it("reports 'unavailable' when the browser gives no IndexedDB (some private modes)", async () => {
    const saved = Dexie.dependencies.indexedDB;
    Dexie.dependencies.indexedDB = undefined as unknown as IDBFactory;
    try {
      const error: unknown = await openDesk({ name: uniqueName('missing') }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StorageError);
      expect((error as StorageError).code).toBe('unavailable');
    } finally {
      Dexie.dependencies.indexedDB = saved;
    }
  });

  it("reports 'corrupt' for stored settings that no longer validate", async () => {
    const desk: Desk = await openTestDesk();
    opened.push(desk);
    await desk.db.settings.put({ key: 'installation', value: { akimat: 'broken' } });
    await expect(desk.settings.get()).rejects.toMatchObject({ code: 'corrupt' });
  });

  it('opens an existing desk database at the current version', async () => {
    const name = uniqueName('reopen');
    const first = await openDesk({ name });
    first.close();
    const db = new DeskDatabase(name);
    await db.open();
    opened.push(db);
    expect(db.verno).toBe(LATEST_VERSION);
  });
});
