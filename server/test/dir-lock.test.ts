/**
 * Two server processes on one PGlite directory would corrupt it: the second must refuse to start
 * and say who holds the directory; a lock left by a process that is gone must not keep the
 * directory shut for ever.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDirLock, DataDirLockedError, LOCK_FILE } from '../src/db/dir-lock';
import { openPglite } from '../src/db/pglite';
import { runCentral } from './process';

const PGLITE = { DATABASE_URL: undefined };

const dirs: string[] = [];
function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'central-lock-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The pid of a process that has certainly ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(child.stdout);
}

describe('the PGlite directory lock', () => {
  it('refuses a second holder while the first lives, and frees the directory on release', () => {
    const dir = freshDir();
    const first = acquireDirLock(dir);
    // A second process asking (another pid on this host) while the holder, this one, runs.
    const other = { pid: process.pid + 1, host: hostname(), startedAt: new Date().toISOString() };
    try {
      acquireDirLock(dir, other);
      expect.unreachable('the second lock was granted');
    } catch (error) {
      expect(error).toBeInstanceOf(DataDirLockedError);
      expect((error as Error).message).toContain(`process ${process.pid} on ${hostname()}`);
    }
    first.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    acquireDirLock(dir, other).release();
  });

  it('takes over a lock whose process is gone, and keeps one taken on another host', () => {
    const dir = freshDir();
    const path = join(dir, LOCK_FILE);
    const gone = deadPid();
    writeFileSync(path, JSON.stringify({ pid: gone, host: hostname(), startedAt: '2026-01-01T00:00:00Z' }));
    const lock = acquireDirLock(dir);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() });
    lock.release();

    writeFileSync(
      path,
      JSON.stringify({ pid: gone, host: 'another-host', startedAt: '2026-01-01T00:00:00Z' }),
    );
    expect(() => acquireDirLock(dir)).toThrow(/another host/);
    writeFileSync(path, 'half a lo');
    expect(() => acquireDirLock(dir)).toThrow(/cannot be read/);
  });

  it('is held by an open PGlite directory and released when it closes', async () => {
    const dir = freshDir();
    const db = await openPglite(dir);
    await expect(openPglite(dir)).rejects.toBeInstanceOf(DataDirLockedError);
    await db.close();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    const again = await openPglite(dir);
    await again.close();
  });

  it('keeps a second server process off a directory the first serves, with a clear message', async () => {
    // npm test runs the server suite with DATABASE_URL set (PostgreSQL), which would bypass PGlite here.
    const dir = freshDir();
    const first = await runCentral(['--data-dir', dir, '--port', '0', '--no-seed'], PGLITE);
    try {
      const second = runCentral(['--data-dir', dir, '--port', '0', '--no-seed'], PGLITE);
      await expect(second).rejects.toThrow(/exited \(2\).*PGlite directory .* is in use by process \d+/);
    } finally {
      await first.stop();
    }
    // Stopped cleanly: the lock went with it, and the next server starts on the same data.
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    const next = await runCentral(['--data-dir', dir, '--port', '0', '--no-seed'], PGLITE);
    await next.stop();
  }, 120_000);
});
