/**
 * A PostgreSQL server through `pg` (DATABASE_URL). Many server processes may share one database:
 * nothing that matters is kept in a process, and every rule that must hold across them (one answer
 * per event id, one writer per case) is a constraint or a lock in the database.
 */
import pg from 'pg';
import type { Database, Queryable, Rows } from './types';

// bigint (int8) columns arrive as strings by default; every one of ours fits a JS number
// (sequence positions and sizes far below 2^53), except xid8, which is always read as ::text.
pg.types.setTypeParser(20, (value) => Number(value));

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<R>(sql: string, params: readonly unknown[] = []): Promise<Rows<R>> {
      const result = await client.query(sql, [...params]);
      return { rows: result.rows as R[] };
    },
    async exec(sql: string): Promise<void> {
      await client.query(sql);
    },
  };
}

export async function openPostgres(url: string, max = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle client that loses its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  await pool.query('SELECT 1');
  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
