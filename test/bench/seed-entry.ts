/**
 * Bundled for the benchmark only (never part of the desk): fills the desk's own IndexedDB, on the
 * desk's origin, with generated cases through the same storage code the desk uses.
 */
import { DEMO_USERS } from '../../shared/auth/demo-users';
import { openDesk } from '../../renderer/src/db';
import { loadBenchmarkCases } from '../../renderer/src/demo/generate';

async function seed(n: number, seedValue: number): Promise<number> {
  const desk = await openDesk();
  try {
    const stored = await loadBenchmarkCases(desk, n, seedValue, { chunkSize: 1000 });
    // The demo's users, so the desk opens on its queues rather than on its first start.
    const users = await desk.users.createDemoUsers(DEMO_USERS);
    if (!users.ok) throw new Error('the demo users were refused');
    return stored;
  } finally {
    desk.close();
  }
}

(globalThis as unknown as { deskBenchSeed: typeof seed }).deskBenchSeed = seed;
