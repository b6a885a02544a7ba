/**
 * One process per PGlite directory. PGlite is PostgreSQL running inside this process, without a
 * postmaster to keep a second one out: two server processes on one directory would each write the
 * same files and corrupt them. So the process that opens a directory holds `central.lock` in it
 * (its pid, host and start time); a second process refuses to start and says who holds it. A lock
 * whose process is gone (same host, pid not running: a crash, a kill -9) is stale and taken over.
 * On PostgreSQL (DATABASE_URL) no lock is needed: the server arbitrates, and any number of
 * processes share one database.
 */
import { linkSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export const LOCK_FILE = 'central.lock';

export interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
}

/** The directory is held by another live process (or by one on another host, which cannot be checked). */
export class DataDirLockedError extends Error {
  override readonly name = 'DataDirLockedError';
  readonly code = 'datadir.locked';
  constructor(
    readonly dir: string,
    readonly owner: LockOwner | undefined,
  ) {
    super(
      owner
        ? `the PGlite directory ${dir} is in use by process ${owner.pid} on ${owner.host} (since ${owner.startedAt}). ` +
            'Stop that server first, or give this one another --data-dir; several processes share one database only on PostgreSQL (DATABASE_URL).' +
            (owner.host === hostname()
              ? ''
              : ` The lock was taken on another host and cannot be checked from here: if that server is surely stopped, delete ${join(dir, LOCK_FILE)}.`)
        : `the PGlite directory ${dir} holds a lock file that cannot be read (${join(dir, LOCK_FILE)}). If no server uses the directory, delete it.`,
    );
  }
}

export interface DirLock {
  readonly path: string;
  release(): void;
}

function readOwner(path: string): LockOwner | undefined | 'gone' {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as Partial<LockOwner>;
    if (
      typeof parsed.pid === 'number' &&
      typeof parsed.host === 'string' &&
      typeof parsed.startedAt === 'string'
    )
      return { pid: parsed.pid, host: parsed.host, startedAt: parsed.startedAt };
  } catch {
    // Not JSON: reported as unreadable below.
  }
  return undefined;
}

/** True when a process with this pid runs on this host (signal 0 only asks, it sends nothing). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the directory's lock or throws DataDirLockedError. The lock file is written whole under a
 * temporary name and then hard-linked into place: the link fails when the file exists, so of two
 * processes starting at once exactly one gets it, and nobody ever reads a half-written lock.
 */
export function acquireDirLock(dir: string, owner: LockOwner = currentOwner()): DirLock {
  const path = join(dir, LOCK_FILE);
  const temp = join(dir, `${LOCK_FILE}.${owner.pid}.${Date.now()}.tmp`);
  writeFileSync(temp, `${JSON.stringify(owner)}\n`);
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(temp, path);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const held = readOwner(path);
      if (held === 'gone') continue;
      const stale =
        held !== undefined && held.host === owner.host && held.pid !== owner.pid && !processAlive(held.pid);
      // Twice at most: a stale lock removed once, then either ours or a live one's.
      if (!stale || attempt > 0) throw new DataDirLockedError(dir, held);
      rmSync(path, { force: true });
    }
  } finally {
    rmSync(temp, { force: true });
  }
  let released = false;
  return {
    path,
    release() {
      if (released) return;
      released = true;
      // Only our own lock: never remove one a later process took after ours was judged stale.
      const held = readOwner(path);
      if (held !== 'gone' && held?.pid === owner.pid && held.host === owner.host)
        rmSync(path, { force: true });
    },
  };
}

export function currentOwner(): LockOwner {
  return { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
}
