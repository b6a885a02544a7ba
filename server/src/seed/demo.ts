/**
 * The demo akimat a fresh server starts with: its users (the demo desk's, without their PINs:
 * secrets stay on each desk) and a few new applications, so `npm run central` has something to
 * sync on a machine with nothing set up. Applied once: a server that holds cases is left alone.
 */
import { DEMO_USERS } from '../../../shared/auth/demo-users';
import type { Database } from '../db/types';
import { ensureAkimat, upsertUser } from '../store/users';
import { feedApplications } from './portal';

export const DEMO_AKIMAT = {
  id: 'demo-akimat',
  name: { kk: 'Ақсу қаласының әкімдігі (демо)', ru: 'Акимат города Аксу (демо)' },
} as const;

export const DEMO_APPLICATIONS = 12;

export async function seedDemo(db: Database, applications = DEMO_APPLICATIONS): Promise<{ fed: number }> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM akimats');
  if ((rows[0]?.n ?? 0) > 0) return { fed: 0 };
  // Processes starting at once on one PostgreSQL: the one whose row goes in seeds, the others don't.
  const claimed = await db.query(
    "INSERT INTO server_meta (key, value) VALUES ('demo-seeded', now()::text) ON CONFLICT (key) DO NOTHING RETURNING key",
  );
  if (claimed.rows.length === 0) return { fed: 0 };
  await ensureAkimat(db, DEMO_AKIMAT.id, DEMO_AKIMAT.name);
  for (const { profile } of DEMO_USERS) await upsertUser(db, DEMO_AKIMAT.id, profile);
  const caseIds = await feedApplications(db, DEMO_AKIMAT.id, applications);
  return { fed: caseIds.length };
}
