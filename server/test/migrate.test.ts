/** Migrations run in number order; a number may be missing, but never filled in after a later one ran. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { listMigrations, migrate } from '../src/db/migrate';
import { openPglite } from '../src/db/pglite';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function folder(files: Record<string, string>): URL {
  const dir = mkdtempSync(join(tmpdir(), 'migrations-'));
  dirs.push(dir);
  for (const [name, sql] of Object.entries(files)) writeFileSync(join(dir, name), sql);
  return pathToFileURL(`${dir}/`);
}
const META = 'CREATE TABLE server_meta (key text PRIMARY KEY, value text NOT NULL);';

describe('migrate', () => {
  it('applies 001 and 003 in order, and refuses a 002 that comes after 003 ran', async () => {
    const db = await openPglite();
    try {
      const first = folder({ '001-a.sql': META, '003-c.sql': 'CREATE TABLE c (x int);' });
      expect(await migrate(db, listMigrations(first))).toEqual([1, 3]);
      expect(await migrate(db, listMigrations(first))).toEqual([]);
      const late = folder({
        '001-a.sql': META,
        '002-b.sql': 'CREATE TABLE b (x int);',
        '003-c.sql': 'CREATE TABLE c (x int);',
      });
      await expect(migrate(db, listMigrations(late))).rejects.toThrow(/002-b\.sql is older than 003-c\.sql/);
      const { rows } = await db.query("SELECT 1 FROM pg_tables WHERE tablename = 'b'");
      expect(rows).toHaveLength(0);
    } finally {
      await db.close();
    }
  }, 120_000);

  it('refuses two files with one number', () => {
    expect(() => listMigrations(folder({ '001-a.sql': META, '001-b.sql': META }))).toThrow(/same number/);
  });

  it('lists the project’s own migrations in order', () => {
    const versions = listMigrations().map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(versions).toContain(3);
  });
});
