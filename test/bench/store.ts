/**
 * Storage-level measures, taken on the seed page (same origin, same database, no UI): the queue's
 * in-memory search over rows read once, and the rebuild of every projection from the log. Before
 * version 5 the repository also searched IndexedDB (`caseSearch`, `list({ search })`); that was
 * measured here beside the memory search at 10,000 and 100,000 cases, found slower at both, and
 * removed (the kept results in bench-results/before show it).
 */
import type { Page } from 'playwright';

/** The words the desk benchmark types, one keystroke each. */
export const TYPED = [
  'а',
  'ах',
  'ахм',
  'ахме',
  '8',
  '85',
  '850',
  '8501',
  'kz-2026-01',
  'kz-2026-012',
] as const;

export interface SearchTimes {
  median: number;
  max: number;
}

export interface StoreBenchResult {
  /** Before version 5 only: `desk.cases.list({ search })` over `caseSearch`, one call per typed word. */
  repositorySearch?: SearchTimes;
  /** `viewQueue` over the prepared rows in memory, one call per typed word (search words built). */
  memorySearch: SearchTimes;
  /** Reading every row, preparing and sorting them, building their search words: the memory search's set-up. */
  memorySetupMs: number;
  /** Rebuilding every projection from the log (undefined where the build has no rebuild). */
  rebuildMs?: number;
  /** Records per table and their size as JSON (a sample's average times the count), MB. */
  tables?: Record<string, { count: number; mb: number }>;
  /** Where opening spends its time: each step's median of three opens, ms. */
  openSteps: Record<string, number>;
}

/** What the seed bundle's `deskBenchStore` returns: raw times in ms. */
export interface StoreBenchRaw {
  repository?: number[];
  memory: number[];
  setupMs: number;
  rebuildMs?: number;
  tables?: Record<string, { count: number; mb: number }>;
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const round = (n: number) => Math.round(n * 10) / 10;
const times = (xs: readonly number[]): SearchTimes => ({
  median: round(median(xs)),
  max: round(Math.max(...xs)),
});

/** `rebuild`: also time rebuilding every projection (the issue times it on 10,000 cases). */
async function openSteps(page: Page): Promise<Record<string, number>> {
  const runs: Array<Record<string, number>> = [];
  for (let i = 0; i < 3; i++)
    runs.push(
      await page.evaluate(() =>
        (
          globalThis as unknown as { deskBenchOpenSteps: () => Promise<Record<string, number>> }
        ).deskBenchOpenSteps(),
      ),
    );
  return Object.fromEntries(
    Object.keys(runs[0]!).map((k) => [k, round(median(runs.map((r) => r[k] ?? NaN)))]),
  );
}

export async function storeBench(page: Page, rebuild: boolean): Promise<StoreBenchResult> {
  const steps = await openSteps(page);
  const raw = await page.evaluate(
    ([words, r]) =>
      (
        globalThis as unknown as {
          deskBenchStore: (w: readonly string[], r: boolean) => Promise<StoreBenchRaw>;
        }
      ).deskBenchStore(words, r),
    [TYPED, rebuild] as const,
  );
  if (process.env.BENCH_DEBUG) process.stdout.write(`${JSON.stringify({ memory: raw.memory })}\n`);
  const result: StoreBenchResult = {
    memorySearch: times(raw.memory),
    memorySetupMs: round(raw.setupMs),
    openSteps: steps,
  };
  if (raw.repository) result.repositorySearch = times(raw.repository);
  if (raw.rebuildMs !== undefined) result.rebuildMs = round(raw.rebuildMs);
  if (raw.tables) result.tables = raw.tables;
  return result;
}
