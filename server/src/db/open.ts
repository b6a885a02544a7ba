import type { Database } from './types';

/** `DATABASE_URL` → that PostgreSQL server; otherwise PGlite in `dataDir` (in memory when undefined). */
export async function openDatabase(options: {
  url?: string | undefined;
  dataDir?: string | undefined;
}): Promise<Database> {
  if (options.url) {
    const { openPostgres } = await import('./postgres');
    return openPostgres(options.url);
  }
  const { openPglite } = await import('./pglite');
  return openPglite(options.dataDir);
}
