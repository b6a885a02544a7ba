/** PGlite's planner statistics are refreshed by the server itself (PGlite has no autovacuum). */
import { describe, expect, it } from 'vitest';
import { prepareDatabase } from '../src/central';
import { openPglite } from '../src/db/pglite';
import { keepStatistics } from '../src/db/statistics';

describe('keepStatistics', () => {
  it('analyzes at first, then only once the change log grew by a fifth and at least minEvents', async () => {
    const db = await openPglite();
    try {
      await prepareDatabase(db, false);
      const keeper = keepStatistics(db, { intervalMs: 3_600_000, minEvents: 1000 });
      const analyzed = async () =>
        (
          await db.query<{ at: string | null }>(
            "SELECT last_analyze::text AS at FROM pg_stat_user_tables WHERE relname = 'events'",
          )
        ).rows[0]?.at ?? null;
      expect(await keeper.check()).toBe(true);
      const first = await analyzed();
      expect(first).not.toBeNull();
      expect(await keeper.check()).toBe(false);
      await db.query("SELECT setval('change_seq', 999)");
      expect(await keeper.check()).toBe(false);
      await db.query("SELECT setval('change_seq', 1000)");
      expect(await keeper.check()).toBe(true);
      // 1,000 analyzed: the next one needs max(1000, 200) more.
      await db.query("SELECT setval('change_seq', 1999)");
      expect(await keeper.check()).toBe(false);
      await db.query("SELECT setval('change_seq', 2000)");
      expect(await keeper.check()).toBe(true);
      keeper.stop();
    } finally {
      await db.close();
    }
  }, 120_000);
});
