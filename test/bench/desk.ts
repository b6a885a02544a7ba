/**
 * The desk benchmark in Chromium: with N cases in IndexedDB, how long from opening the desk to the
 * queue drawn, how long a search keystroke takes to update the list, and how much JS heap is used.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { benchDashboard, type DashboardBenchResult } from './dashboard';
import type { BrowserContext, Page } from 'playwright';
import { storeBench, TYPED, type StoreBenchResult } from './store';

export type BenchProfile = 'disk' | 'memory';

export interface DeskBenchOptions {
  /**
   * A fresh browser context: 'disk' is a persistent profile (IndexedDB on disk, as the desk runs in
   * Electron), 'memory' an incognito one (IndexedDB in memory, with a small quota).
   */
  context: BrowserContext;
  profile: BenchProfile;
  /** Bytes of the profile's IndexedDB on disk, after seeding ('disk' profile only). */
  diskBytes?: () => number;
  baseUrl: string;
  /** The seed bundle (test/bench/seed-entry.ts built as an IIFE). */
  seedScript: string;
  cases: number;
  reloads: number;
  /** Keep a database that already holds `cases` cases (a kept profile) instead of seeding again. */
  reuse?: boolean;
}

export interface DeskBenchResult {
  cases: number;
  /** The head's dashboard over the same cases (absent in results from before it existed). */
  dashboard?: DashboardBenchResult;
  profile: BenchProfile;
  /** Storing every case through the desk's storage code (generation included); 0 when reused. */
  seedMs: number;
  /** Opening the database on the seed page: includes any schema upgrade of a reused database. */
  seedOpenMs: number;
  /** The profile's IndexedDB folder after seeding ('disk'); navigator.storage.estimate() otherwise. */
  storedMb: number;
  storedKbPerCase: number;
  /** Navigation start to the first queue with rows on screen (the app's 'desk:queue-drawn' mark). */
  openMs: { first: number; median: number; runs: number[] };
  /** JavaScript the page had loaded when the queue was drawn (decoded size, last reload). */
  scriptKbAtDraw: number;
  /**
   * The build's start path: the entry script and every chunk index.html preloads for it (what the
   * browser must parse before the desk can start), KB; a figure of the build, not of the machine.
   */
  startPathKb?: number;
  /** One typed character: until the list's DOM changed, and until the next frame was drawn. */
  searchMs: {
    domMedian: number;
    domMax: number;
    frameMedian: number;
    frameMax: number;
    keystrokes: number;
    unchanged: number;
    /** From the queue drawn to the search words of every case built (idle time). */
    indexReadyAfterDrawMs: number;
  };
  heapUsedMb: number;
  rowsInDom: number;
  store: StoreBenchResult;
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const round = (n: number) => Math.round(n * 10) / 10;

async function openAndTime(page: Page, url: string): Promise<{ drawn: number; scriptKb: number }> {
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('desk:queue-drawn').length > 0, null, {
    timeout: 60_000,
  });
  const t = await page.evaluate(() => ({
    drawn: performance.getEntriesByName('desk:queue-drawn')[0]!.startTime,
    dcl: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming)
      .domContentLoadedEventEnd,
    marks: performance.getEntriesByType('mark').map((m) => `${m.name}@${Math.round(m.startTime)}`),
    scripts: (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((e) => /\.m?js$/.test(new URL(e.name).pathname))
      .filter((e) => e.responseEnd <= performance.getEntriesByName('desk:queue-drawn')[0]!.startTime)
      .map((e) => ({ name: new URL(e.name).pathname, bytes: e.decodedBodySize })),
  }));
  if (process.env.BENCH_DEBUG) process.stdout.write(`${JSON.stringify(t)}\n`);
  return { drawn: t.drawn, scriptKb: t.scripts.reduce((sum, s) => sum + s.bytes, 0) / 1024 };
}

/** Types one character into the search box the way React sees typing, and times the list update. */
async function keystroke(page: Page, text: string): Promise<{ dom: number; frame: number }> {
  return page.evaluate(async (value) => {
    const input = document.querySelector<HTMLInputElement>('input[type="search"]')!;
    const list = document.querySelector('[data-testid="queue-scroll"]')!;
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    let dom = -1;
    const t0 = performance.now();
    const changed = new Promise<void>((resolve) => {
      const observer = new MutationObserver(() => {
        dom = performance.now() - t0;
        observer.disconnect();
        resolve();
      });
      observer.observe(list, { childList: true, subtree: true, characterData: true, attributes: true });
    });
    setValue.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await Promise.race([changed, new Promise((r) => setTimeout(r, 2000))]);
    // The frame after the change has been drawn: the officer sees the new list.
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return { dom, frame: performance.now() - t0 };
  }, text);
}

/**
 * Runs `work` under Chromium's CPU profiler when `file` is given, and writes the profile to
 * `<file>.cpuprofile` (open it in DevTools). The profiler slows what it records: such a run is for
 * finding where the time goes, not for the figures.
 */
async function profiled<T>(
  context: BrowserContext,
  page: Page,
  file: string | undefined,
  work: () => Promise<T>,
): Promise<T> {
  if (!file) return work();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const result = await work();
  const { profile } = await cdp.send('Profiler.stop');
  writeFileSync(`${file}.cpuprofile`, JSON.stringify(profile));
  await cdp.detach();
  return result;
}

export async function benchDesk(o: DeskBenchOptions): Promise<DeskBenchResult> {
  const { context } = o;
  const page = await context.newPage();
  const seedPage = new URL('__bench/seed.html', o.baseUrl).href;
  const seedJs = new URL('__bench/seed.js', o.baseUrl).href;
  // Same origin as the desk, so the cases land in the desk's own database; never part of the build.
  // UTF-8 said explicitly: without it the bundle is read as Latin-1 and every name is mojibake.
  await page.route(seedPage, (r) =>
    r.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><meta charset="utf-8"><script src="${seedJs}"></script>`,
    }),
  );
  await page.route(seedJs, (r) =>
    r.fulfill({ contentType: 'text/javascript; charset=utf-8', body: readFileSync(o.seedScript, 'utf8') }),
  );
  await page.goto(seedPage);
  const seedStart = Date.now();
  const {
    stored,
    openMs: seedOpenMs,
    seeded,
  } = await page.evaluate(
    ([n, seed, reuse]) =>
      (
        globalThis as unknown as {
          deskBenchSeed: (
            n: number,
            s: number,
            r: boolean,
          ) => Promise<{ stored: number; openMs: number; seeded: boolean }>;
        }
      ).deskBenchSeed(n, seed, reuse),
    [o.cases, 20_261_124, o.reuse ?? false] as const,
  );
  const seedMs = Date.now() - seedStart - seedOpenMs;
  if (stored !== o.cases) throw new Error(`seeded ${stored} cases, expected ${o.cases}`);
  const estimated = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
  const storedBytes = o.diskBytes ? o.diskBytes() : estimated;
  // Signed in for the tab, as after a reload: opening the desk goes straight to the queue. (Should the
  // inactivity lock come during the runs, the queue is still drawn under the lock screen.)
  await page.evaluate(() =>
    sessionStorage.setItem(
      'desk.session',
      JSON.stringify({ userId: 'officer-1', lastActiveAt: Date.now(), locked: false }),
    ),
  );

  const first = (await openAndTime(page, o.baseUrl)).drawn;
  const runs: number[] = [];
  let scriptKb = 0;
  for (let i = 0; i < o.reloads; i++) {
    // BENCH_OPEN_PROFILE=<file>: a CPU profile of the last open (navigation to the queue drawn).
    const file = i === o.reloads - 1 ? process.env.BENCH_OPEN_PROFILE : undefined;
    const opened = await profiled(context, page, file && `${file}.${o.cases}`, () =>
      openAndTime(page, o.baseUrl),
    );
    runs.push(opened.drawn);
    scriptKb = opened.scriptKb;
  }

  // The desk builds its search words in idle time once the queue is drawn; an officer does not type
  // within that moment, so the keystrokes start when it is done (how long it took is reported).
  await page.waitForFunction(() => performance.getEntriesByName('desk:search-ready').length > 0, null, {
    timeout: 180_000,
  });
  const searchReadyMs = await page.evaluate(
    () =>
      performance.getEntriesByName('desk:search-ready')[0]!.startTime -
      performance.getEntriesByName('desk:queue-drawn')[0]!.startTime,
  );
  // BENCH_CPU_PROFILE=<file>: a CPU profile of the keystrokes.
  const cpuProfile = process.env.BENCH_CPU_PROFILE;
  // Each step changes the matching cases, so every keystroke redraws the list.
  const samples = await profiled(context, page, cpuProfile && `${cpuProfile}.${o.cases}`, async () => {
    const taken = [];
    for (const text of TYPED) {
      const sample = await keystroke(page, text);
      if (process.env.BENCH_DEBUG) process.stdout.write(`${JSON.stringify({ text, ...sample })}\n`);
      taken.push(sample);
    }
    return taken;
  });
  await keystroke(page, '');
  const rowsInDom = await page.locator('.queue-scroll [role="row"]').count();

  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
  // After the heap is read: the dashboard's own memory is not the queue's.
  const dashboard =
    process.env.BENCH_SKIP_DASHBOARD === '1' ? undefined : await benchDashboard(page, o.baseUrl);
  // The store's own figures last, on the seed page: they end with a rebuild of every projection,
  // whose writes (about 60 MB at 10,000 cases) the storage engine goes on compacting after; timed
  // before the opens, that work ran under them.
  await page.goto(seedPage);
  const store = await storeBench(page, o.cases <= 10_000);
  await page.close();

  // A keystroke that left the list as it was has no DOM change to time (counted in `unchanged`).
  const changed = samples.filter((s) => s.dom >= 0);
  const dom = changed.map((s) => s.dom);
  const frame = changed.map((s) => s.frame);
  return {
    cases: o.cases,
    ...(dashboard ? { dashboard } : {}),
    profile: o.profile,
    seedMs: seeded ? seedMs : 0,
    seedOpenMs: round(seedOpenMs),
    storedMb: round(storedBytes / 1024 / 1024),
    storedKbPerCase: round(storedBytes / 1024 / o.cases),
    store,
    openMs: { first: round(first), median: round(median(runs)), runs: runs.map(round) },
    scriptKbAtDraw: Math.round(scriptKb),
    searchMs: {
      domMedian: round(median(dom)),
      domMax: round(Math.max(...dom)),
      frameMedian: round(median(frame)),
      frameMax: round(Math.max(...frame)),
      keystrokes: samples.length,
      unchanged: samples.length - changed.length,
      indexReadyAfterDrawMs: round(searchReadyMs),
    },
    heapUsedMb: round(heap / 1024 / 1024),
    rowsInDom,
  };
}
