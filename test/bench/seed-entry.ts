/**
 * Bundled for the benchmark only (never part of the desk): fills the desk's own IndexedDB, on the
 * desk's origin, with generated cases through the same storage code the desk uses.
 */
import { openDesk } from '../../renderer/src/db';
import { loadBenchmarkCases } from '../../renderer/src/demo/generate';

async function seed(n: number, seedValue: number): Promise<number> {
  const desk = await openDesk();
  try {
    return await loadBenchmarkCases(desk, n, seedValue, { chunkSize: 1000 });
  } finally {
    desk.close();
  }
}

(globalThis as unknown as { deskBenchSeed: typeof seed }).deskBenchSeed = seed;
