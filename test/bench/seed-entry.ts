/**
 * Bundled for the benchmark only (never part of the desk): fills the desk's own IndexedDB, on the
 * desk's origin, with generated cases through the same storage code the desk uses, and times the
 * storage-level operations of test/bench/store.ts there.
 */
import { DEMO_USERS } from '../../shared/auth/demo-users';
import { openDesk } from '../../renderer/src/db';
import { loadBenchmarkCases } from '../../renderer/src/demo/generate';
import { buildSearchIndex, prepareRows, sortRows } from '../../renderer/src/features/queue/queueModel';
import { EMPTY_FILTER, viewQueue } from '../../renderer/src/features/queue/queueView';
import type { StoreBenchRaw } from './store';

/**
 * Stores `n` cases; with `reuse`, a database already holding `n` cases is kept (opening it runs any
 * schema upgrade and projection rebuild, which `openMs` then times).
 */
async function seed(
  n: number,
  seedValue: number,
  reuse: boolean,
): Promise<{ stored: number; openMs: number; seeded: boolean }> {
  const t0 = performance.now();
  const desk = await openDesk();
  // A kept database of an older schema is upgraded, and its projections rebuilt, before the bench
  // opens the desk: the opens measured are the desk's everyday ones.
  if ('rebuilt' in desk) await (desk as { rebuilt: Promise<unknown> }).rebuilt;
  const openMs = performance.now() - t0;
  try {
    if (reuse && (await desk.cases.count()) === n) return { stored: n, openMs, seeded: false };
    const stored = await loadBenchmarkCases(desk, n, seedValue, { chunkSize: 1000 });
    // The demo's users, so the desk opens on its queues rather than on its first start.
    const users = await desk.users.createDemoUsers(DEMO_USERS);
    if (!users.ok) throw new Error('the demo users were refused');
    return { stored, openMs, seeded: true };
  } finally {
    desk.close();
  }
}

/**
 * Each table's records, and their size as JSON (UTF-8) from a sample: not IndexedDB's own bytes
 * (keys, indexes and compression are not in it), but what each table holds, comparable across
 * versions.
 */
async function tableSizes(
  tables: ReadonlyArray<{
    name: string;
    count(): Promise<number>;
    limit(n: number): { toArray(): Promise<unknown[]> };
  }>,
): Promise<NonNullable<StoreBenchRaw['tables']>> {
  const out: NonNullable<StoreBenchRaw['tables']> = {};
  for (const t of tables) {
    const count = await t.count();
    const sample = await t.limit(300).toArray();
    const bytes = sample.reduce<number>((n, r) => n + new Blob([JSON.stringify(r)]).size, 0);
    out[t.name] = { count, mb: sample.length === 0 ? 0 : (count * bytes) / sample.length / 1024 / 1024 };
  }
  return out;
}

/**
 * The same bundle is built from earlier versions of the desk too (to measure them side by side), so
 * what a version lacks is looked up rather than assumed: versions 1–4 searched IndexedDB.
 */
interface Earlier {
  list(query: { search: string }): Promise<unknown>;
}

async function store(words: readonly string[], rebuild: boolean): Promise<StoreBenchRaw> {
  const desk = await openDesk();
  try {
    let repository: number[] | undefined;
    if (desk.db.tables.some((t) => t.name === 'caseSearch')) {
      repository = [];
      for (const search of words) {
        const t = performance.now();
        await (desk.cases as unknown as Earlier).list({ search });
        repository.push(performance.now() - t);
      }
    }
    const t0 = performance.now();
    const calendar = await desk.calendar.get();
    const rows = await desk.cases.listAll();
    const today = new Date().toISOString().slice(0, 10);
    const sorted = sortRows(prepareRows(rows, calendar, today), 'deadline');
    buildSearchIndex(sorted, 0, Infinity);
    const setupMs = performance.now() - t0;
    const memory: number[] = [];
    for (const search of words) {
      const t1 = performance.now();
      viewQueue(sorted, { ...EMPTY_FILTER, search });
      memory.push(performance.now() - t1);
    }
    const raw: StoreBenchRaw = { memory, setupMs, tables: await tableSizes(desk.db.tables) };
    if (repository) raw.repository = repository;
    if (rebuild && 'rebuildStale' in desk.cases) {
      // As after an update whose reducer folds differently: every projection stamped stale.
      await desk.db.caseStates.toCollection().modify({ reducerVersion: -1 });
      const t2 = performance.now();
      await desk.cases.rebuildStale();
      raw.rebuildMs = performance.now() - t2;
    }
    return raw;
  } finally {
    desk.close();
  }
}

/** Where opening the desk spends its time: each step the desk takes before its queue is drawn. */
async function openSteps(): Promise<Record<string, number>> {
  const steps: Record<string, number> = {};
  let t = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    steps[name] = now - t;
    t = now;
  };
  const desk = await openDesk();
  lap('open');
  try {
    await desk.settings.get();
    lap('settings');
    await desk.cases.count();
    lap('count');
    const rows = await desk.cases.listAll();
    lap('rows');
    const calendar = await desk.calendar.get();
    lap('calendar');
    const prepared = prepareRows(rows, calendar, new Date().toISOString().slice(0, 10));
    lap('prepare');
    sortRows(prepared, 'deadline');
    lap('sort');
    return steps;
  } finally {
    desk.close();
  }
}

const g = globalThis as unknown as {
  deskBenchSeed: typeof seed;
  deskBenchStore: typeof store;
  deskBenchOpenSteps: typeof openSteps;
};
g.deskBenchSeed = seed;
g.deskBenchStore = store;
g.deskBenchOpenSteps = openSteps;
