// The host's file store (Host.blobs, issue 9: "files live where they are cheapest to keep"): the
// bytes of attachments and produced documents under `<userData>/files/<aa>/<sha256>`, where <aa> is
// the first two hex digits (256 folders, so no folder holds 50,000 names). The renderer keeps only
// their metadata in IndexedDB. Names are checked SHA-256 hex (the channel schema and here again),
// so a request can never name a path; the bytes are hashed on the way in and on the way out, and a
// file whose bytes changed on disk is refused ('altered'), never served.
import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { HostBlobStore, StoredBlobInfo } from '../../shared/host/contract';
import { HostError } from '../../shared/host/contract';
import { MAX_BLOB_BYTES, SHA256_HEX } from '../../shared/host/checks';
import { log } from '../../shared/log';
import { syncFolder, writeFileAtomic } from './atomicWrite';

/** The store's folder under the user-data folder. */
export const FILES_FOLDER = 'files';

const SHARD = /^[0-9a-f]{2}$/;

/** The temporary file of a write (atomicWrite.ts temporaryFileOf): `.<sha256>.<12 hex>.tmp`; nothing else is removed as one. */
export const TEMPORARY = /^\.[0-9a-f]{64}\.[0-9a-f]{12}\.tmp$/;

/**
 * A temporary file older than this is a crash's leftover (a write takes seconds even for the largest
 * file, MAX_BLOB_BYTES): list() removes it. Younger ones may be a write in flight, and are spared.
 */
export const TEMPORARY_GRACE_MS = 60 * 60 * 1000;

function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function checkedName(sha256: string): string {
  // The schema checked it already; a path must never come from anything else.
  if (!SHA256_HEX.test(sha256)) throw new HostError('invalid-request', 'not a SHA-256');
  return sha256;
}

function errnoOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : 'unknown';
}

function isMissing(error: unknown): boolean {
  return errnoOf(error) === 'ENOENT';
}

export function createBlobStore(
  root: string,
  maxBytes: number = MAX_BLOB_BYTES,
  now: () => number = Date.now,
): HostBlobStore {
  const fileOf = (sha256: string) => path.join(root, sha256.slice(0, 2), sha256);

  /** The shard folder, created (and its entry flushed into the parent) on first use. */
  const folderFor = async (sha256: string): Promise<string> => {
    const dir = path.join(root, sha256.slice(0, 2));
    const created = await mkdir(dir, { recursive: true });
    // A new folder's own name must survive a power cut too, or the rename inside it is lost with it.
    if (created !== undefined) {
      await syncFolder(root);
      if (created !== dir) await syncFolder(path.dirname(root));
    }
    return dir;
  };

  /** Removes a temporary file once it is older than TEMPORARY_GRACE_MS; a failure only waits for the next list. */
  const removeLeftover = async (file: string): Promise<void> => {
    try {
      if (now() - (await stat(file)).mtimeMs < TEMPORARY_GRACE_MS) return;
      await rm(file, { force: true });
    } catch (error) {
      if (!isMissing(error)) log.warn('removing a temporary file failed', { code: errnoOf(error) });
    }
  };

  /**
   * Every kept file with its stat, shard by shard. Temporary files of a write in progress (or of a
   * crash) are `.<sha>.<random>.tmp`: never visited, and a crash's leftovers are removed on the way
   * (the renderer's sweep lists the store at every start).
   */
  const eachFile = async (visit: (sha256: string, stats: Stats) => void): Promise<void> => {
    let shards: string[];
    try {
      shards = await readdir(root);
    } catch (error) {
      if (isMissing(error)) return;
      throw error;
    }
    for (const shard of shards.filter((s) => SHARD.test(s))) {
      let names: string[];
      try {
        names = await readdir(path.join(root, shard));
      } catch (error) {
        if (isMissing(error)) continue;
        throw error;
      }
      for (const name of names.filter((n) => TEMPORARY.test(n) && n.startsWith(`.${shard}`)))
        await removeLeftover(path.join(root, shard, name));
      for (const name of names.filter((n) => SHA256_HEX.test(n) && n.startsWith(shard))) {
        let stats: Stats;
        try {
          stats = await stat(path.join(root, shard, name));
        } catch (error) {
          if (isMissing(error)) continue;
          throw error;
        }
        visit(name, stats);
      }
    }
  };

  return {
    async put(sha256, bytes) {
      const name = checkedName(sha256);
      if (bytes.byteLength > maxBytes) throw new HostError('too-large', `file exceeds ${maxBytes} bytes`);
      if (sha256Of(bytes) !== name) throw new HostError('invalid-request', 'bytes have another SHA-256');
      await folderFor(name);
      // Always written, even when a file of that name exists: a damaged copy is replaced by the
      // checked bytes, and the file's time says it was just put (the renderer's sweep spares it).
      await writeFileAtomic(fileOf(name), bytes);
    },

    async get(sha256) {
      const file = fileOf(checkedName(sha256));
      let size: number;
      try {
        size = (await stat(file)).size;
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
      // Checked before reading: a file grown on disk must not be read whole into memory.
      if (size > maxBytes) throw new HostError('too-large', `file exceeds ${maxBytes} bytes`);
      let bytes: Buffer;
      try {
        bytes = await readFile(file);
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
      if (bytes.byteLength > maxBytes) throw new HostError('too-large', `file exceeds ${maxBytes} bytes`);
      if (sha256Of(bytes) !== sha256) {
        // No hash in the log: the redactor takes runs of its digits for IINs.
        log.warn('stored file altered');
        throw new HostError('altered', 'stored file altered');
      }
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    },

    async delete(sha256s) {
      for (const sha256 of sha256s) await rm(fileOf(checkedName(sha256)), { force: true });
    },

    async list() {
      const found: StoredBlobInfo[] = [];
      await eachFile((sha256, stats) => found.push({ sha256, modifiedAt: stats.mtimeMs }));
      return found;
    },

    async usage() {
      let bytes = 0;
      let count = 0;
      await eachFile((_, stats) => {
        bytes += stats.size;
        count += 1;
      });
      return { bytes, count };
    },
  };
}
