/**
 * The upkeep of the host's file store (the Electron desk's user-data folder), beside the attachment
 * repository that puts and reads files (attachments.ts): the sweep that removes the files no record
 * refers to, and the move of the bytes IndexedDB still keeps to the host. Both run in the
 * background at open, under the same file lock as puts and deletions, and keep the repository's
 * order: bytes are on the host BEFORE a record names them there, and leave it only once no record
 * does. Also the few pieces both need (the lock, the host put, a record's metadata).
 */
import { HostError, type HostBlobStore } from '../../../../shared/host';
import { log } from '../../../../shared/log';
import type { DeskDatabase } from '../database';
import { guarded, storageErrorOf } from '../errors';
import type { AttachmentRecord } from '../records';
import type { AttachmentMeta, AttachmentRepository } from './attachments';

/** A file younger than this is never swept: its record may be on its way (a put in flight). */
export const SWEEP_GRACE_MS = 10 * 60 * 1000;
const SWEEP_CHUNK = 500;
/** Records read at a time when looking for bytes to move (each holds a Blob handle, not its bytes). */
export const MIGRATE_PAGE = 500;

export type Lock = <T>(work: () => Promise<T>) => Promise<T>;

/**
 * One file operation at a time: Web Locks where the page has them (every window of the desk), else
 * a queue in this page (Node, old browsers).
 */
export function fileLock(name = 'desk-files'): Lock {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (locks) return (work) => locks.request(name, work);
  let tail: Promise<unknown> = Promise.resolve();
  return (work) => {
    const run = tail.then(work, work);
    tail = run.catch(() => undefined);
    return run;
  };
}

export function metaOf(record: AttachmentMeta): AttachmentMeta {
  return {
    sha256: record.sha256,
    fileName: record.fileName,
    mimeType: record.mimeType,
    size: record.size,
    storedAt: record.storedAt,
  };
}

/** The record of a file whose bytes are in the host's file store: metadata only. */
export function hostRecord(record: AttachmentMeta): AttachmentRecord {
  return { ...metaOf(record), home: 'host' };
}

/** A put to the host's file store; its full disk is a StorageError('disk-full'), like IndexedDB's. */
export const putBytes = (store: HostBlobStore, sha256: string, bytes: Uint8Array) =>
  guarded(() => store.put(sha256, bytes));

export async function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer());
}

/**
 * Deletes the host's files that no record refers to and that are older than SWEEP_GRACE_MS; the
 * number deleted (AttachmentRepository.sweep).
 */
export async function sweepHostFiles(
  db: DeskDatabase,
  store: HostBlobStore,
  lock: Lock,
  now: number,
): Promise<number> {
  const old = (await store.list()).filter((f) => now - f.modifiedAt >= SWEEP_GRACE_MS).map((f) => f.sha256);
  let removed = 0;
  for (let i = 0; i < old.length; i += SWEEP_CHUNK) {
    const chunk = old.slice(i, i + SWEEP_CHUNK);
    removed += await lock(async () => {
      // Read under the lock: a file put again since it was listed has its record by now.
      const records = await guarded(() => db.attachments.bulkGet(chunk));
      const orphans = chunk.filter((_, j) => records[j]?.home !== 'host');
      if (orphans.length > 0) await store.delete(orphans);
      return orphans.length;
    });
  }
  return removed;
}

/**
 * Moves one record's bytes to the host: true when moved, false when there was nothing to move,
 * 'damaged' when its bytes are unreadable or are not what their SHA-256 says (left in IndexedDB).
 */
function moveToHost(db: DeskDatabase, store: HostBlobStore, lock: Lock, sha256: string) {
  return lock(async (): Promise<boolean | 'damaged'> => {
    const record = await guarded(() => db.attachments.get(sha256));
    if (!record || record.home === 'host') return false;
    let bytes: Uint8Array;
    try {
      bytes = await bytesOf(record.blob);
    } catch {
      return 'damaged';
    }
    try {
      await putBytes(store, sha256, bytes);
    } catch (error) {
      // The host hashed them: these bytes are not the file the record names. Never moved.
      if (error instanceof HostError && error.code === 'invalid-request') return 'damaged';
      throw error;
    }
    // The host keeps them now; one transaction makes the record say so and drops IndexedDB's copy.
    return guarded(() =>
      db.transaction('rw', db.attachments, async () => {
        const again = await db.attachments.get(sha256);
        if (!again || again.home === 'host') return false;
        await db.attachments.put(hostRecord(again));
        return true;
      }),
    );
  });
}

/** Every record's bytes IndexedDB still keeps, moved to the host (AttachmentRepository.migrate). */
export async function moveAllToHost(
  db: DeskDatabase,
  store: HostBlobStore,
  lock: Lock,
  pageSize: number,
): Promise<number> {
  let moved = 0;
  let damaged = 0;
  let after = '';
  for (;;) {
    // Read by key, page by page: 50,000 records are never held at once. Every start reads them
    // all (metadata once moved: no marker to trust, so a record IndexedDB got later still moves).
    const page = await guarded(() => db.attachments.where('sha256').above(after).limit(pageSize).toArray());
    if (page.length === 0) break;
    after = page[page.length - 1]!.sha256;
    for (const record of page) {
      if (record.home === 'host') continue;
      const outcome = await moveToHost(db, store, lock, record.sha256);
      if (outcome === 'damaged') damaged += 1;
      else if (outcome) moved += 1;
    }
  }
  // Counts only: a file's hash is taken for an IIN by the redactor, and its name is personal.
  if (damaged > 0) log.warn('files kept in IndexedDB are damaged and stay there', { damaged });
  if (moved > 0) log.info('files moved to the host file store', { moved });
  return moved;
}

/** Runs the move to the host's file store without anyone waiting: a failure is logged (by code). */
export function migrateInBackground(attachments: AttachmentRepository): Promise<number> {
  const run = attachments.migrate();
  run.catch((error: unknown) => {
    const code = storageErrorOf(error)?.code ?? (error as { code?: string } | null)?.code ?? 'unknown';
    log.error('moving files to the host file store failed; the next start goes on', { code });
  });
  return run;
}

/** Runs the sweep without anyone waiting: a failure is logged (by code), never raised. */
export function sweepInBackground(attachments: AttachmentRepository): Promise<number> {
  const run = attachments.sweep();
  run.catch((error: unknown) => {
    const code = storageErrorOf(error)?.code ?? (error as { code?: string } | null)?.code ?? 'unknown';
    log.error('sweeping stored files failed', { code });
  });
  return run;
}
