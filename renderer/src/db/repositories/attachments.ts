/**
 * The desk's files (attachments, produced documents, signatures), content-addressed by SHA-256.
 * Their metadata is always a record of `attachments`; their bytes live where they are cheapest to
 * keep (issue 9): in the host's file store when the host has one (Host.blobs: the Electron desk's
 * user-data folder), else in the record itself (the browser's IndexedDB). Every read goes through
 * `get`, whichever home the bytes have.
 *
 * The order that keeps a record from ever naming bytes that are gone: bytes are put on the host
 * BEFORE the IndexedDB transaction that adds their record, and deleted from it only AFTER the
 * transaction that removed the record committed (`deleting`). A put whose transaction never
 * commits leaves an unreferenced file: the sweep at open removes those, sparing files put in the
 * last ten minutes (a write in flight). Puts, deletions and the sweep take one lock, so a file put
 * again while its old record is being removed is never deleted under its new record.
 */
import { sha256Hex } from '../../../../shared/hash';
import { HostError, MAX_BLOB_BYTES, MAX_BLOB_DELETE, type HostBlobStore } from '../../../../shared/host';
import { log } from '../../../../shared/log';
import type { DeskDatabase } from '../database';
import { AttachmentTooLargeError, guarded } from '../errors';
import type { AttachmentRecord } from '../records';
import {
  bytesOf,
  fileLock,
  hostRecord,
  metaOf,
  MIGRATE_PAGE,
  moveAllToHost,
  putBytes,
  sweepHostFiles,
  type Lock,
} from './host-files';

export interface AttachmentMeta {
  sha256: string;
  fileName: string;
  mimeType: string;
  size: number;
  storedAt: string;
}

export interface StoredAttachment {
  blob: Blob;
  meta: AttachmentMeta;
}

/** Where the bytes of new files go: the host's file store, or IndexedDB with their metadata. */
export type FileHome = 'host' | 'indexeddb';

export interface AttachmentRepository {
  /** Where new files' bytes are kept. */
  readonly home: FileHome;
  /**
   * Stores the bytes under their SHA-256 (the same bytes are stored once; the first name is kept).
   * Throws AttachmentTooLargeError above the settings' limit, StorageError when storage fails (a
   * full disk under the host's file store too: 'disk-full', nothing stored), HostError when the
   * host's file store refuses them.
   */
  put(blob: Blob, meta: { fileName: string; mimeType: string }): Promise<AttachmentMeta>;
  /**
   * The file, from whichever home its bytes have; undefined when it is not stored (or its bytes
   * are gone from the host: the record is dropped then, so the file can be fetched again). Rejects
   * with HostError('altered') when the host's copy no longer has its SHA-256: never served.
   */
  get(sha256: string): Promise<StoredAttachment | undefined>;
  has(sha256: string): Promise<boolean>;
  /**
   * For the case repository: puts the bytes of checked new files (files.ts checkedFiles) in their
   * home, then runs `write` (the ingest transaction) with the records to store, all under the file
   * lock. In IndexedDB's home the records go through unchanged.
   */
  storing<T>(
    records: readonly AttachmentRecord[],
    write: (records: AttachmentRecord[]) => Promise<T>,
  ): Promise<T>;
  /**
   * For whoever removes records of `attachments` (the working set, clearAll): `work` commits its
   * transaction and hands the records it removed to `drop`; their bytes leave the host only once
   * `work` resolved, i.e. after the commit. Nothing is deleted when `work` throws.
   */
  deleting<T>(work: (drop: (records: readonly AttachmentRecord[]) => void) => Promise<T>): Promise<T>;
  /**
   * Deletes the host's files that no record refers to and that are older than SWEEP_GRACE_MS
   * (openDesk runs it in the background); the number deleted. 0 without a host file store.
   */
  sweep(options?: { now?: number }): Promise<number>;
  /**
   * Moves the bytes IndexedDB still keeps (written before the desk had the host's file store) to
   * the host's file store, one file at a time under the file lock: the bytes are put on the host
   * (which hashes them: bytes that are not what their name says are refused), then ONE transaction
   * switches the record to home 'host' and drops its blob. At every point the bytes are in at least
   * one home and `get` finds them; a run cut short (a crash, a full disk) is finished by the next.
   * A record whose own bytes are damaged stays as it is (logged). Resolves with the number moved;
   * rejects with the failure that stopped it (what was moved stays moved). 0 without a host store.
   */
  migrate(options?: { pageSize?: number }): Promise<number>;
}

export function createAttachmentRepository(
  db: DeskDatabase,
  maxBytes: () => Promise<number>,
  blobs: HostBlobStore | null = null,
  lock: Lock = fileLock(),
): AttachmentRepository {
  const limitOf = async () => Math.min(await maxBytes(), blobs ? MAX_BLOB_BYTES : Infinity);

  const putInIndexedDb = (blob: Blob, sha256: string, meta: { fileName: string; mimeType: string }) =>
    guarded(() =>
      db.transaction('rw', db.attachments, async () => {
        const existing = await db.attachments.get(sha256);
        if (existing) return metaOf(existing);
        const record: AttachmentRecord = {
          sha256,
          blob,
          fileName: meta.fileName,
          mimeType: meta.mimeType,
          size: blob.size,
          storedAt: new Date().toISOString(),
        };
        await db.attachments.add(record);
        return metaOf(record);
      }),
    );

  const putOnHost = (
    store: HostBlobStore,
    bytes: Uint8Array,
    sha256: string,
    size: number,
    meta: { fileName: string; mimeType: string },
  ) =>
    lock(async () => {
      const existing = await guarded(() => db.attachments.get(sha256));
      if (existing && existing.home !== 'host') return metaOf(existing);
      // Put again even when a record names it: a copy lost or damaged on disk is mended.
      await putBytes(store, sha256, bytes);
      if (existing) return metaOf(existing);
      return guarded(() =>
        db.transaction('rw', db.attachments, async () => {
          const again = await db.attachments.get(sha256);
          if (again) return metaOf(again);
          const record = hostRecord({ sha256, size, storedAt: new Date().toISOString(), ...meta });
          await db.attachments.add(record);
          return metaOf(record);
        }),
      );
    });

  /** A host record whose file is gone: dropped (unless it was put again meanwhile), so it can come back. */
  const forgetLost = (store: HostBlobStore, sha256: string) =>
    lock(async () => {
      if ((await store.get(sha256)) !== null) return;
      await guarded(() =>
        db.transaction('rw', db.attachments, async () => {
          if ((await db.attachments.get(sha256))?.home === 'host') await db.attachments.delete(sha256);
        }),
      );
      log.warn('a stored file was missing; its record is dropped');
    });

  return {
    home: blobs ? 'host' : 'indexeddb',

    async put(blob, meta) {
      const limit = await limitOf();
      // Checked before reading the bytes: hashing a 2 GB file by mistake would freeze the desk.
      if (blob.size > limit) throw new AttachmentTooLargeError(blob.size, limit);
      const bytes = await bytesOf(blob);
      const sha256 = await sha256Hex(bytes);
      return blobs ? putOnHost(blobs, bytes, sha256, blob.size, meta) : putInIndexedDb(blob, sha256, meta);
    },

    async get(sha256) {
      const key = sha256.toLowerCase();
      const record = await guarded(() => db.attachments.get(key));
      if (!record) return undefined;
      if (record.home !== 'host') return { blob: record.blob, meta: metaOf(record) };
      // A record of the host's store read where there is none (cannot happen: each host has its own
      // IndexedDB); refused rather than shown as missing.
      if (!blobs) throw new HostError('io', 'no host file store');
      const bytes = await blobs.get(key);
      if (bytes === null) {
        await forgetLost(blobs, key);
        return undefined;
      }
      const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: record.mimeType });
      return { blob, meta: metaOf(record) };
    },

    has: (sha256) =>
      guarded(async () => (await db.attachments.where('sha256').equals(sha256.toLowerCase()).count()) > 0),

    async storing(records, write) {
      const store = blobs;
      if (!store || records.length === 0) return write([...records]);
      return lock(async () => {
        const existing = await guarded(() => db.attachments.bulkGet(records.map((r) => r.sha256)));
        const placed: AttachmentRecord[] = [];
        for (const [i, record] of records.entries()) {
          // Bytes already kept in IndexedDB stay there (ingest keeps the stored record).
          if (record.home === 'host' || (existing[i] && existing[i].home !== 'host')) {
            placed.push(record);
            continue;
          }
          await putBytes(store, record.sha256, await bytesOf(record.blob));
          placed.push(hostRecord(record));
        }
        return write(placed);
      });
    },

    deleting(work) {
      const store = blobs;
      return lock(async () => {
        const dropped: string[] = [];
        const result = await work((records) => {
          for (const r of records) if (r.home === 'host') dropped.push(r.sha256);
        });
        // `work` resolved: the transaction that removed the records committed.
        if (store) {
          try {
            for (let i = 0; i < dropped.length; i += MAX_BLOB_DELETE)
              await store.delete(dropped.slice(i, i + MAX_BLOB_DELETE));
          } catch (error) {
            // Unreferenced now, so the next sweep removes them; the records are gone either way.
            log.warn('deleting stored files failed', {
              code: (error as { code?: string }).code ?? 'unknown',
            });
          }
        }
        return result;
      });
    },

    sweep: ({ now = Date.now() } = {}) => (blobs ? sweepHostFiles(db, blobs, lock, now) : Promise.resolve(0)),

    migrate: ({ pageSize = MIGRATE_PAGE } = {}) =>
      blobs ? moveAllToHost(db, blobs, lock, pageSize) : Promise.resolve(0),
  };
}
