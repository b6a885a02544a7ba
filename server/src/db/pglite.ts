/**
 * PGlite: PostgreSQL compiled to WebAssembly, in this process. The default store, so that
 * `npm run central` starts on a fresh machine with nothing installed. One process owns a data
 * directory (PGlite serialises every query and transaction of that process itself); the directory's
 * lock file keeps a second process out (dir-lock.ts).
 */
import { PGlite } from '@electric-sql/pglite';
import { acquireDirLock } from './dir-lock';
import type { Database, Queryable, Rows } from './types';

function wrap(target: Pick<PGlite, 'query' | 'exec'>): Queryable {
  return {
    async query<R>(sql: string, params: readonly unknown[] = []): Promise<Rows<R>> {
      const result = await target.query<R>(sql, [...params]);
      return { rows: result.rows };
    },
    async exec(sql: string): Promise<void> {
      await target.exec(sql);
    },
  };
}

/** `dataDir` undefined: in memory (tests). A directory another live process holds: DataDirLockedError. */
export async function openPglite(dataDir?: string): Promise<Database> {
  const lock = dataDir === undefined ? undefined : acquireDirLock(dataDir);
  // A process that ends without closing (an uncaught error, process.exit) leaves no lock behind;
  // one killed outright leaves a stale lock, which the next start recognises and takes over.
  const onExit = () => lock?.release();
  if (lock) process.once('exit', onExit);
  let pg: PGlite;
  try {
    pg = dataDir === undefined ? new PGlite() : new PGlite(dataDir);
    await pg.waitReady;
  } catch (error) {
    lock?.release();
    process.off('exit', onExit);
    throw error;
  }
  return {
    kind: 'pglite',
    ...wrap(pg),
    transaction: <T>(work: (tx: Queryable) => Promise<T>) => pg.transaction((tx) => work(wrap(tx))),
    close: async () => {
      try {
        await pg.close();
      } finally {
        lock?.release();
        process.off('exit', onExit);
      }
    },
  };
}
