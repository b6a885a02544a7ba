/**
 * Numbered SQL migrations (server/migrations/NNN-name.sql), each applied once in its own
 * transaction together with its row in schema_migrations, in the order of their numbers (a number
 * may be missing; one below a migration already applied is refused). Two processes starting at once on one
 * PostgreSQL take the same advisory lock, so each file runs exactly once.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { Database } from './types';

const MIGRATIONS_DIR = new URL('../../migrations/', import.meta.url);
/** Arbitrary constant: the advisory lock that serialises migrations across processes. */
const MIGRATION_LOCK = 9_009_001;
const FILE = /^(\d{3})-[a-z0-9-]+\.sql$/;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function listMigrations(dir: URL = MIGRATIONS_DIR): Migration[] {
  const files = readdirSync(dir).filter((f) => FILE.test(f));
  const migrations = files
    .map((name) => ({
      version: Number(FILE.exec(name)?.[1]),
      name,
      sql: readFileSync(new URL(name, dir), 'utf8'),
    }))
    .sort((a, b) => a.version - b.version);
  // Numbers are handed out ahead of time to work done in parallel, so one may be missing for a while;
  // two files with one number never make sense.
  migrations.forEach((m, i) => {
    const previous = migrations[i - 1];
    if (previous?.version === m.version)
      throw new Error(`migrations ${previous.name} and ${m.name} have the same number`);
  });
  return migrations;
}

/** Applies what is missing; returns the versions applied now. */
export async function migrate(db: Database, migrations: Migration[] = listMigrations()): Promise<number[]> {
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
  });
  const applied: number[] = [];
  for (const migration of migrations) {
    const ran = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const done = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [migration.version]);
      if (done.rows.length > 0) return false;
      // A missing number filled in after a later one ran here would run out of order: refuse it.
      const later = await tx.query<{ name: string }>(
        'SELECT name FROM schema_migrations WHERE version > $1 ORDER BY version LIMIT 1',
        [migration.version],
      );
      if (later.rows[0]) {
        throw new Error(
          `migration ${migration.name} is older than ${later.rows[0].name}, already applied to this database: it would run out of order`,
        );
      }
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      return true;
    });
    if (ran) applied.push(migration.version);
  }
  // The change log's epoch, made once; a restore that wants every desk to start over replaces it.
  await db.query("INSERT INTO server_meta (key, value) VALUES ('epoch', $1) ON CONFLICT (key) DO NOTHING", [
    newEpoch(),
  ]);
  return applied;
}

export function newEpoch(): string {
  return randomBytes(6).toString('hex');
}
