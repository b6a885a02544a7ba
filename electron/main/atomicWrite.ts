import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * Errors of fsync on a folder that mean "this platform or file system cannot do that", not "the
 * disk failed": Windows cannot open a folder for syncing at all (NTFS journals the rename itself),
 * and some network file systems refuse fsync on a folder.
 */
const FOLDER_SYNC_UNSUPPORTED = new Set(['EISDIR', 'EPERM', 'EACCES', 'EINVAL', 'ENOTSUP', 'EBADF']);

/** Flushes the folder's entry list, so that the rename itself survives a power cut. */
export async function syncFolder(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  let handle;
  try {
    handle = await open(dir, 'r');
  } catch (error) {
    if (FOLDER_SYNC_UNSUPPORTED.has((error as NodeJS.ErrnoException).code ?? '')) return;
    throw error;
  }
  try {
    await handle.sync();
  } catch (error) {
    if (!FOLDER_SYNC_UNSUPPORTED.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
  } finally {
    await handle.close();
  }
}

/** The temporary file a write of `target` goes to first: `.<name>.<12 hex>.tmp`, beside it. */
export function temporaryFileOf(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
}

/**
 * Writes `bytes` to `target` so that the target is either the old file or the complete new one:
 * the bytes go to a temporary file in the same folder (same volume, so rename is atomic), are
 * flushed to disk, and only then replace the target; then the folder is flushed, so that after a
 * power cut the name points at the new bytes rather than at nothing. A crash mid-write leaves at
 * most a hidden temporary file, never a half-written document.
 */
export async function writeFileAtomic(target: string, bytes: Uint8Array): Promise<void> {
  const dir = path.dirname(target);
  const temp = temporaryFileOf(target);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(bytes);
      // Without this the rename can reach the disk before the bytes do: a crash then leaves an
      // empty or partial file under the real name.
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncFolder(dir);
}
