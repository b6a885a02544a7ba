/**
 * PGlite: PostgreSQL compiled to WebAssembly, in this process. The default store, so that
 * `npm run central` starts on a fresh machine with nothing installed. One process owns a data
 * directory (PGlite serialises every query and transaction of that process itself).
 */
import { PGlite } from '@electric-sql/pglite';
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

/** `dataDir` undefined: in memory (tests). */
export async function openPglite(dataDir?: string): Promise<Database> {
  const pg = dataDir === undefined ? new PGlite() : new PGlite(dataDir);
  await pg.waitReady;
  return {
    kind: 'pglite',
    ...wrap(pg),
    transaction: <T>(work: (tx: Queryable) => Promise<T>) => pg.transaction((tx) => work(wrap(tx))),
    close: () => pg.close(),
  };
}
