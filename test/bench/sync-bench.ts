/**
 * The sync benchmark (issue 9), against the real server process (`npm run central` code, seeded in
 * bulk by sync-seed.ts):
 * - pull 10,000 cases with their events into an empty desk in Chromium (IndexedDB on disk, the
 *   desk's own engine and ingest path), through a proxy counting the bytes on the wire; beside it
 *   the naive way (one JSON of everything, downloaded and stored through the same ingest), and the
 *   bytes of every page of /changes plain, in gzip and in brotli;
 * - push 1,000 local events (registrations of 1,000 cases), then 1,000 more that each name a new
 *   file (a produced document of 20 KB: tus uploads first, then the events);
 * - 50 simulated desks syncing at once against one server, on PGlite and (when PostgreSQL's
 *   binaries are installed) on a throwaway PostgreSQL cluster (sync-load.ts).
 * Also alone: `npx tsx test/bench/sync-bench.ts` (BENCH_SYNC_CASES, BENCH_SYNC_DESKS narrow it).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { chromium } from 'playwright';
import { build } from 'vite';
import { PROTOCOL_HEADER, PROTOCOL_VERSION, type ChangesPage } from '../../shared/api';
import { PULL_PAGE_LIMIT } from '../../shared/sync/pull';
import type { CaseEvent } from '../../shared/workflow';
import { openPglite } from '../../server/src/db/pglite';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/chromium';
import type { Phases, PullRun, PushRun } from './sync-entry';
import { loadOn, type LoadResult } from './sync-load';
import { loadGenerator, seedSyncServer } from './sync-seed';
import { countingProxy, startBenchCentral } from './sync-server';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CASES = Number(process.env.BENCH_SYNC_CASES ?? 10_000);
const PUSH_CASES = Number(process.env.BENCH_SYNC_PUSH ?? 1000);
const DESKS = Number(process.env.BENCH_SYNC_DESKS ?? 50);
/** BENCH_SYNC_QUICK=1: the pull, the naive download and the event push only (no file push, no 50 desks). */
const QUICK = process.env.BENCH_SYNC_QUICK === '1';
/** BENCH_SYNC_PAGE: events a page of the pull; unset: the desk's own (PULL_PAGE_LIMIT). */
const PAGE_LIMIT = process.env.BENCH_SYNC_PAGE ? Number(process.env.BENCH_SYNC_PAGE) : undefined;
const FILE_BYTES = 20_000;

export const SYNC_GOALS = { pullMs: 10_000, pushMs: 5000, bytesPerCase: 1024 } as const;

export interface SyncBenchResult {
  at: string;
  load: number[];
  cases: number;
  events: number;
  seedMs: number;
  pull: PullRun & { wireDown: number; wireUp: number; phases: Phases };
  naive: {
    ms: number;
    downloadMs: number;
    cases: number;
    bytes: number;
    gzipBytes: number;
    brotliBytes: number;
  };
  pages: { count: number; limit: number; identity: number; gzip: number; br: number; serverMs: number };
  push: { events: PushRun & { wireUp: number }; withFiles: PushRun & { wireUp: number } };
  loads: LoadResult[];
  notes: string[];
}

async function buildEntry(): Promise<string> {
  const outDir = `${root}.tmp/bench-sync`;
  await build({
    configFile: false,
    logLevel: 'warn',
    root,
    define: { __APP_VERSION__: JSON.stringify('bench') },
    build: {
      outDir,
      emptyOutDir: true,
      lib: {
        entry: `${root}test/bench/sync-entry.ts`,
        formats: ['iife'],
        name: 'deskBenchSyncBundle',
        fileName: () => 'sync.js',
      },
    },
  });
  return `${outDir}/sync.js`;
}

/** Every page of /changes with one Accept-Encoding: the bytes each answer carried, and the pages. */
async function pages(url: string, token: string, encoding: string) {
  let cursor: string | undefined;
  let bytes = 0;
  let count = 0;
  const all: ChangesPage[] = [];
  const t0 = performance.now();
  for (;;) {
    const res = await fetch(
      `${url}/changes?limit=${PAGE_LIMIT ?? PULL_PAGE_LIMIT}${cursor ? `&cursor=${cursor}` : ''}`,
      {
        headers: {
          [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
          authorization: `Bearer ${token}`,
          'accept-encoding': encoding,
        },
      },
    );
    if (!res.ok) throw new Error(`/changes: ${res.status}`);
    const length = Number(res.headers.get('content-length'));
    if (!Number.isFinite(length) || length === 0)
      throw new Error('/changes answered without a Content-Length');
    bytes += length;
    count += 1;
    const page = (await res.json()) as ChangesPage;
    all.push(page);
    cursor = page.cursor;
    if (!page.hasMore) break;
  }
  return { bytes, count, all, ms: performance.now() - t0 };
}

/** One JSON of every case with all its events: what a desk would download without the protocol. */
function naiveBody(all: readonly ChangesPage[]): string {
  const byCase = new Map<string, CaseEvent[]>();
  for (const page of all)
    for (const c of page.cases) byCase.set(c.caseId, [...(byCase.get(c.caseId) ?? []), ...c.events]);
  return JSON.stringify([...byCase].map(([caseId, events]) => ({ caseId, events })));
}

/** A few fixed answers by path, on 127.0.0.1 (`port` 0: any free one). */
async function serveFiles(
  port: number,
  files: Record<string, { type: string; body: string }>,
): Promise<{ origin: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const file = files[new URL(req.url ?? '/', 'http://x').pathname];
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'content-type': file.type,
      'access-control-allow-origin': '*',
      'content-length': Buffer.byteLength(file.body),
    });
    res.end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

interface PageApi {
  pullAll(o: { baseUrl: string; token: string; name: string; pageLimit?: number }): Promise<PullRun>;
  phases(o: { baseUrl: string; token: string; name: string; pageLimit?: number }): Promise<Phases>;
  naive(o: { url: string; name: string }): Promise<{ ms: number; downloadMs: number; cases: number }>;
  pushWork(o: {
    baseUrl: string;
    token: string;
    name: string;
    userId: string;
    caseIds: string[];
    fileBytes: number;
    withFiles: boolean;
  }): Promise<{ events: PushRun; withFiles: PushRun }>;
}

async function deskRuns(
  port: number,
  entry: string,
  central: { url: string; token: string },
  naiveUrl: string,
  pushCases: string[],
) {
  const profile = mkdtempSync(join(tmpdir(), 'desk-sync-bench-'));
  const proxy = await countingProxy(central.url);
  // The desk's page from a real server on this machine: Chromium lets only a page it loaded from a
  // loopback address call another one (Local Network Access), and 127.0.0.1 is a secure context.
  const pageServer = await serveFiles(port, {
    '/__bench/sync.html': {
      type: 'text/html; charset=utf-8',
      body: `<!doctype html><meta charset="utf-8"><script src="/__bench/sync.js"></script>`,
    },
    '/__bench/sync.js': { type: 'text/javascript; charset=utf-8', body: readFileSync(entry, 'utf8') },
  });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
    serviceWorkers: 'block',
  });
  try {
    const page = await context.newPage();
    const base = `http://127.0.0.1:${port}/__bench/`;
    await page.goto(`${base}sync.html`);
    const call = <K extends keyof PageApi>(name: K, arg: Parameters<PageApi[K]>[0]) =>
      page.evaluate(
        ([n, a]) =>
          (globalThis as unknown as { deskBenchSync: Record<string, (x: unknown) => Promise<unknown>> })
            .deskBenchSync[n]!(a),
        [name, arg] as const,
      ) as ReturnType<PageApi[K]>;

    proxy.reset();
    const pull = await call('pullAll', {
      baseUrl: proxy.url,
      token: central.token,
      name: 'bench-sync',
      ...(PAGE_LIMIT ? { pageLimit: PAGE_LIMIT } : {}),
    });
    const pullWire = { wireDown: proxy.down(), wireUp: proxy.up() };
    const phases = await call('phases', {
      baseUrl: proxy.url,
      token: central.token,
      name: 'bench-sync',
      ...(PAGE_LIMIT ? { pageLimit: PAGE_LIMIT } : {}),
    });
    const naive = await call('naive', { url: naiveUrl, name: 'bench-naive' });
    proxy.reset();
    const pushed = await call('pushWork', {
      baseUrl: proxy.url,
      token: central.token,
      name: 'bench-sync',
      userId: 'officer-1',
      caseIds: pushCases,
      fileBytes: FILE_BYTES,
      withFiles: !QUICK,
    });
    const totalUp = proxy.up();
    return {
      pull: { ...pull, ...pullWire, phases },
      naive,
      // Upload bytes of both pushes together; the files' share is nearly all of it.
      push: {
        events: { ...pushed.events, wireUp: 0 },
        withFiles: { ...pushed.withFiles, wireUp: totalUp },
      },
    };
  } finally {
    await context.close();
    await proxy.close();
    await pageServer.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

export async function benchSync(options: { out: string; port: number }): Promise<SyncBenchResult> {
  const notes: string[] = [];
  const at = new Date().toISOString();
  const load = loadavg().map((l) => Math.round(l * 10) / 10);
  const [generate, entry] = await Promise.all([loadGenerator(), buildEntry()]);
  const dir = mkdtempSync(join(tmpdir(), 'central-sync-bench-'));
  try {
    const db = await openPglite(dir);
    const seeded = await seedSyncServer(db, { history: CASES, fresh: { 'officer-1': PUSH_CASES } }, generate);
    await db.close();
    const central = await startBenchCentral({ dataDir: dir });
    let desk;
    let wire;
    let naiveSizes;
    try {
      const token = await central.enrol('officer-1', 'bench desk');
      const identity = await pages(central.url, token, 'identity');
      const gz = await pages(central.url, token, 'gzip');
      const br = await pages(central.url, token, 'br, gzip');
      wire = {
        count: br.count,
        limit: PAGE_LIMIT ?? PULL_PAGE_LIMIT,
        identity: identity.bytes,
        gzip: gz.bytes,
        br: br.bytes,
        serverMs: Math.round(br.ms),
      };
      const body = naiveBody(identity.all);
      naiveSizes = {
        bytes: Buffer.byteLength(body),
        gzipBytes: gzipSync(body).byteLength,
        brotliBytes: brotliCompressSync(body).byteLength,
      };
      const naiveServer = await serveFiles(0, { '/everything.json': { type: 'application/json', body } });
      try {
        desk = await deskRuns(
          options.port,
          entry,
          { url: central.url, token },
          `${naiveServer.origin}/everything.json`,
          seeded.fresh['officer-1'] ?? [],
        );
      } finally {
        await naiveServer.close();
      }
    } finally {
      await central.stop();
    }
    const loads: LoadResult[] = [];
    for (const backend of QUICK ? [] : (['pglite', 'postgres'] as const)) {
      const r = await loadOn(backend, DESKS, notes);
      if (r) loads.push(r);
    }
    const result: SyncBenchResult = {
      at,
      load,
      cases: CASES + PUSH_CASES,
      events: seeded.historyEvents + 2 * PUSH_CASES,
      seedMs: seeded.ms,
      pull: desk.pull,
      naive: { ...desk.naive, ...naiveSizes },
      pages: wire,
      push: desk.push,
      loads,
      notes,
    };
    mkdirSync(options.out, { recursive: true });
    writeFileSync(`${options.out}/sync.json`, `${JSON.stringify(result, null, 2)}\n`);
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(bytes < 10_240 ? 2 : 0)} KB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mark = (ok: boolean) => (ok ? 'met' : 'NOT met');

export function syncBenchSummary(r: SyncBenchResult): string[] {
  const perCase = r.pull.wireDown / r.pull.cases;
  const lines = [
    `# Sync benchmark (${r.cases} cases, ${r.events} events on the server; load average ${r.load.join(' / ')} on ${'2'} cores)`,
    '',
    '| measure | value | goal |',
    '| --- | --- | --- |',
    `| pull every case into an empty desk (Chromium, IndexedDB on disk) | ${s(r.pull.ms)}: ${r.pull.cases} cases, ${r.pull.events} events, ${r.pull.pages} pages, ${r.pull.requests} requests | < ${s(SYNC_GOALS.pullMs)}: ${mark(r.pull.ms < SYNC_GOALS.pullMs)} |`,
    `| where the pull's time went | in the page transactions ${s(r.pull.storeMs)}, waiting for pages ${s(r.pull.waitMs)}; alone, over the same pages: server to headers ${s(r.pull.phases.serverMs)}, body ${s(r.pull.phases.bodyMs)}, JSON.parse ${s(r.pull.phases.parseMs)}, schema ${s(r.pull.phases.validateMs)}, reducer fold + row + facts ${s(r.pull.phases.foldMs)} | |`,
    `| bytes on the wire per case pulled (headers included, brotli) | ${kb(perCase)} (${mb(r.pull.wireDown)} in all) | < 1 KB: ${mark(perCase < SYNC_GOALS.bytesPerCase)} |`,
    `| the same pages: plain / gzip / brotli | ${mb(r.pages.identity)} / ${mb(r.pages.gzip)} / ${mb(r.pages.br)} (brotli saves ${Math.round(100 - (100 * r.pages.br) / r.pages.identity)}%, ${mb(r.pages.identity - r.pages.br)}) | |`,
    `| server time for every page (one client, brotli) | ${s(r.pages.serverMs)} for ${r.pages.count} pages of ${r.pages.limit} events | |`,
    `| naive: one JSON of everything, downloaded and stored | ${s(r.naive.ms)} (download ${s(r.naive.downloadMs)}), ${mb(r.naive.bytes)} plain (${kb(r.naive.bytes / r.naive.cases)} a case; gzip ${mb(r.naive.gzipBytes)}, brotli ${mb(r.naive.brotliBytes)}) | for comparison |`,
    `| push ${r.push.events.events} local events (one per case) | ${s(r.push.events.ms)}, ${r.push.events.requests} requests, ${r.push.events.applied} applied, ${r.push.events.unsent} left | < ${s(SYNC_GOALS.pushMs)}: ${mark(r.push.events.ms < SYNC_GOALS.pushMs && r.push.events.unsent === 0)} |`,
    `| push ${r.push.withFiles.events} events naming ${r.push.withFiles.files} new files of ${kb(FILE_BYTES)} (tus first) | ${s(r.push.withFiles.ms)}, ${r.push.withFiles.requests} requests, ${r.push.withFiles.applied} applied, ${r.push.withFiles.unsent} left; ${mb(r.push.withFiles.wireUp)} up for both pushes | |`,
    ...r.loads.map(
      (l) =>
        `| ${l.desks} desks at once on ${l.backend}: ${l.events} events in ${l.requests} pushes | ${l.eventsPerSecond} events/s applied (${s(l.wallMs)} with pulls); POST /events median ${l.pushMs.median} ms, p95 ${l.pushMs.p95} ms, max ${l.pushMs.max} ms; GET /changes p95 ${l.pullMs.p95} ms | nothing lost: ${mark(l.missing === 0 && l.duplicated === 0 && l.notApplied === 0)} (${l.missing} missing, ${l.duplicated} twice, ${l.notApplied} not applied) |`,
    ),
    '',
    ...r.notes,
  ];
  return lines;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = `${root}bench-results`;
  benchSync({ out, port: Number(process.env.BENCH_PORT ?? 4329) })
    .then((r) => process.stdout.write(`${syncBenchSummary(r).join('\n')}\n`))
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    });
}
