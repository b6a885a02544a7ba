/**
 * Storage-level measures, taken on the seed page (same origin, same database, no UI): the two ways
 * the desk could answer a search — the repository's `list({ search })` over IndexedDB, and the
 * queue's in-memory filter over rows read once — and, where the build has it, the rebuild of every
 * projection from the log.
 */
import type { Page } from 'playwright';

/** The words the desk benchmark types, one keystroke each. */
export const TYPED = ['а', 'ах', 'ахм', 'ахме', '8', '85', '850', '8501', 'kz-2026-01', 'kz-2026-012'] as const;

export interface SearchTimes {
  median: number;
  max: number;
}

export interface StoreBenchResult {
  /** `desk.cases.list({ search })`, one call per typed word. */
  repositorySearch: SearchTimes;
  /** `viewQueue` over the prepared rows in memory, one call per typed word (search words built). */
  memorySearch: SearchTimes;
  /** Reading every row, preparing and sorting them, building their search words: the memory search's set-up. */
  memorySetupMs: number;
  /** Rebuilding every projection from the log (undefined where the build has no rebuild). */
  rebuildMs?: number;
}

/** What the seed bundle's `deskBenchStore` returns: raw times in ms. */
export interface StoreBenchRaw {
  repository: number[];
  memory: number[];
  setupMs: number;
  rebuildMs?: number;
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const round = (n: number) => Math.round(n * 10) / 10;
const times = (xs: readonly number[]): SearchTimes => ({ median: round(median(xs)), max: round(Math.max(...xs)) });

export async function storeBench(page: Page): Promise<StoreBenchResult> {
  const raw = await page.evaluate(
    (words) =>
      (
        globalThis as unknown as { deskBenchStore: (w: readonly string[]) => Promise<StoreBenchRaw> }
      ).deskBenchStore(words),
    TYPED,
  );
  const result: StoreBenchResult = {
    repositorySearch: times(raw.repository),
    memorySearch: times(raw.memory),
    memorySetupMs: round(raw.setupMs),
  };
  if (raw.rebuildMs !== undefined) result.rebuildMs = round(raw.rebuildMs);
  return result;
}
