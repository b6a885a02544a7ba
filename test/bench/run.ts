/**
 * `npm run bench`: builds the web bundle, serves it, and measures the desk in Chromium on a disk
 * profile with 10,000 and with 100,000 cases (desk.ts, store.ts); then the forms benchmark, whose
 * files belong to the forms work (see runForms); then the signing one (signing-bench.ts, see
 * runSigning), the signed-PDF one (pdfsign.ts) and the sync one (sync-bench.ts, see runSync).
 * Results: bench-results/desk.json, forms.json, signing.json, pdfsign.json, sync.json and summary.md; a
 * result kept in bench-results/before/desk.json is shown beside the new one.
 *
 * BENCH_CASES (e.g. "10000,100000"), BENCH_PROFILE ("disk", "memory" or "disk,memory") and
 * BENCH_SKIP_FORMS=1 narrow a run; BENCH_DESK_ONLY=1 runs the desk part alone (no forms, signing,
 * signed-PDF or sync benchmark) and BENCH_SKIP_DASHBOARD=1 leaves out the head's dashboard.
 * BENCH_KEEP_PROFILES=<dir> keeps each disk profile in <dir>/<cases> and reuses it next time
 * (seeding 100,000 cases takes minutes; an older schema in a kept profile is upgraded on the seed
 * page, which the result shows). BENCH_DIST=<dir> measures a build kept from before a change
 * instead of building: <dir>/web is a copy of dist-web and <dir>/seed.js of .tmp/bench/seed.js (for
 * A/B runs, before and after in turn, each on its own kept profile: a newer schema cannot be opened
 * by older code). Where the time goes: BENCH_DEBUG=1 prints each open's marks, BENCH_OPEN_PROFILE=<file>
 * writes a CPU profile of the last open and BENCH_CPU_PROFILE=<file> one of the keystrokes (both
 * <file>.<cases>.cpuprofile; the profiler slows what it records, so not for the figures).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext } from 'playwright';
import { build, preview } from 'vite';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/chromium';
import { benchDesk, type BenchProfile, type DeskBenchResult } from './desk';
import { benchPdfSign, pdfSignSummary } from './pdfsign';
import { deskSummary, formsSummary, type FormRow } from './report';

const root = fileURLToPath(new URL('../..', import.meta.url));
const out = `${root}bench-results`;
const CASES = (process.env.BENCH_CASES ?? '10000,100000').split(',').map(Number);
const PROFILES = (process.env.BENCH_PROFILE ?? 'disk').split(',') as BenchProfile[];
const PORT = Number(process.env.BENCH_PORT ?? 4329);
const KEEP = process.env.BENCH_KEEP_PROFILES;
const DIST = process.env.BENCH_DIST;
const DESK_ONLY = process.env.BENCH_DESK_ONLY === '1';
// No service worker: the desk in Electron has none, and in a kept profile the one the browser build
// registers would answer the seed page's requests before the bench's routes can.
const CONTEXT = {
  viewport: { width: 1400, height: 900 },
  locale: 'kk-KZ',
  timezoneId: 'Asia/Almaty',
  serviceWorkers: 'block',
} as const;

function step(title: string): void {
  process.stdout.write(`\n=== ${title}\n`);
}

async function buildSeed(): Promise<string> {
  const outDir = `${root}.tmp/bench`;
  await build({
    configFile: false,
    logLevel: 'warn',
    root,
    define: { __APP_VERSION__: JSON.stringify('bench') },
    build: {
      outDir,
      emptyOutDir: true,
      lib: {
        entry: `${root}test/bench/seed-entry.ts`,
        formats: ['iife'],
        name: 'deskBenchSeedBundle',
        fileName: () => 'seed.js',
      },
    },
  });
  return `${outDir}/seed.js`;
}

/** Bytes under a folder (the profile's IndexedDB: its LevelDB files and its blob files). */
function folderBytes(path: string): number {
  const du = spawnSync('du', ['-sb', path], { encoding: 'utf8' });
  if (du.status !== 0) throw new Error(`du ${path} failed`);
  return Number(du.stdout.split('\t')[0]);
}

/**
 * KB of JavaScript on the start path of the built desk: the entry script of dist-web/index.html and
 * the chunks it preloads (its static imports). Deterministic, so a change to it is the bundle's.
 */
function startPathKb(dist: string): number {
  const html = readFileSync(`${dist}index.html`, 'utf8');
  const files = new Set(
    [...html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="\.\/([^"]+\.m?js)"/g)].map((m) => m[1]!),
  );
  let bytes = 0;
  for (const f of files) bytes += statSync(`${dist}${f}`).size;
  return Math.round(bytes / 1024);
}

/** One measured desk: a fresh profile each, so no run reads another's data or caches. */
async function runOne(
  browser: Browser,
  seedScript: string,
  profile: BenchProfile,
  cases: number,
): Promise<DeskBenchResult> {
  step(`desk in Chromium, ${profile} profile, ${cases} cases`);
  const kept = profile === 'disk' && KEEP ? join(KEEP, String(cases)) : undefined;
  if (kept) mkdirSync(kept, { recursive: true });
  // A service worker a kept profile registered before would still answer navigations, blocked or not.
  if (kept) rmSync(join(kept, 'Default', 'Service Worker'), { recursive: true, force: true });
  const dir = kept ?? mkdtempSync(join(tmpdir(), 'desk-bench-'));
  let context: BrowserContext;
  if (profile === 'disk') {
    context = await chromium.launchPersistentContext(dir, {
      executablePath: chromiumPath(),
      args: CHROMIUM_ARGS,
      ...CONTEXT,
    });
  } else context = await browser.newContext(CONTEXT);
  try {
    return await benchDesk({
      context,
      profile,
      ...(profile === 'disk' ? { diskBytes: () => folderBytes(join(dir, 'Default', 'IndexedDB')) } : {}),
      baseUrl: `http://127.0.0.1:${PORT}/`,
      seedScript,
      cases,
      reloads: 5,
      reuse: kept !== undefined,
    });
  } finally {
    await context.close();
    if (!kept) rmSync(dir, { recursive: true, force: true });
  }
}

async function runDesk(browser: Browser): Promise<DeskBenchResult[]> {
  const seedScript = DIST ? join(DIST, 'seed.js') : await buildSeed();
  const server = await preview({
    configFile: `${root}renderer/vite.config.ts`,
    logLevel: 'warn',
    ...(DIST ? { build: { outDir: join(DIST, 'web') } } : {}),
    preview: { host: '127.0.0.1', port: PORT, strictPort: true },
  });
  const results: DeskBenchResult[] = [];
  const startPath = startPathKb(DIST ? join(DIST, 'web/') : `${root}dist-web/`);
  try {
    for (const profile of PROFILES)
      for (const cases of CASES)
        results.push({ ...(await runOne(browser, seedScript, profile, cases)), startPathKb: startPath });
  } finally {
    await server.close();
  }
  return results;
}

/** The results kept from before a change (bench-results/before/desk.json), if any. */
function before(): DeskBenchResult[] {
  const path = `${out}/before/desk.json`;
  if (!existsSync(path)) return [];
  return (JSON.parse(readFileSync(path, 'utf8')) as { results: DeskBenchResult[] }).results;
}

interface FormsBenchModule {
  benchForms(options: { browser: Browser; out: string }): Promise<unknown>;
  formsBenchSummary(result: unknown): string[];
}

/**
 * The forms benchmark, from the forms work's own files: forms-bench.ts (Node and Chromium, writes
 * bench-results/forms.json itself) when present, else the Node side alone (forms-node.ts).
 * Returns the summary's lines, or nothing when neither file exists.
 */
async function runForms(browser: Browser): Promise<string[] | undefined> {
  const full = `${root}test/bench/forms-bench.ts`;
  const nodeOnly = `${root}test/bench/forms-node.ts`;
  if (existsSync(full)) {
    step('forms (Node and Chromium)');
    const mod = (await import(pathToFileURL(full).href)) as FormsBenchModule;
    return mod.formsBenchSummary(await mod.benchForms({ browser, out }));
  }
  if (existsSync(nodeOnly)) {
    step('forms (Node)');
    const mod = (await import(pathToFileURL(nodeOnly).href)) as { benchFormsNode: () => Promise<FormRow[]> };
    const rows = await mod.benchFormsNode();
    writeFileSync(
      `${out}/forms.json`,
      `${JSON.stringify({ at: new Date().toISOString(), rows }, null, 2)}\n`,
    );
    return formsSummary(rows);
  }
  return undefined;
}

interface SigningBenchModule {
  benchSigning(): Promise<unknown>;
  signingBenchSummary(result: unknown): string[];
}

/** The sign/verify benchmark (issue 8), from its own file when the branch has it. */
async function runSigning(): Promise<string[] | undefined> {
  const file = `${root}test/bench/signing-bench.ts`;
  if (!existsSync(file)) return undefined;
  step('signing (sign and verify, against openssl)');
  const mod = (await import(pathToFileURL(file).href)) as SigningBenchModule;
  const result = await mod.benchSigning();
  writeFileSync(
    `${out}/signing.json`,
    `${JSON.stringify({ at: new Date().toISOString(), result }, null, 2)}\n`,
  );
  return mod.signingBenchSummary(result);
}

interface SyncBenchModule {
  benchSync(options: { out: string; port: number }): Promise<unknown>;
  syncBenchSummary(result: unknown): string[];
}

/** The sync benchmark (issue 9: pull, push, 50 desks), from its own file; writes bench-results/sync.json. */
async function runSync(): Promise<string[] | undefined> {
  const file = `${root}test/bench/sync-bench.ts`;
  if (!existsSync(file)) return undefined;
  step('sync (pull, push, 50 desks at once against the central server)');
  const mod = (await import(pathToFileURL(file).href)) as SyncBenchModule;
  return mod.syncBenchSummary(await mod.benchSync({ out, port: PORT }));
}

async function main(): Promise<void> {
  mkdirSync(out, { recursive: true });
  if (!DIST) {
    step('building the web bundle');
    const built = spawnSync('npm', ['run', '--silent', 'build:web'], {
      cwd: root,
      stdio: 'inherit',
      shell: true,
    });
    if (built.status !== 0) throw new Error('the web build failed');
  }

  const at = new Date().toISOString();
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const results = await runDesk(browser);
    writeFileSync(
      `${out}/desk.json`,
      `${JSON.stringify({ at, chromium: chromiumPath(), results }, null, 2)}\n`,
    );
    const lines = deskSummary(results, before());
    if (DESK_ONLY) {
      const summary = `${lines.join('\n')}\n`;
      writeFileSync(`${out}/summary.md`, summary);
      process.stdout.write(`\n${summary}`);
      return;
    }
    try {
      const forms = process.env.BENCH_SKIP_FORMS ? undefined : await runForms(browser);
      if (forms) lines.push('', ...forms);
    } catch (error) {
      // The desk's numbers stand on their own; a broken forms bench is reported, not fatal to them.
      process.stderr.write(
        `forms benchmark failed: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      process.exitCode = 1;
    }
    try {
      const signing = await runSigning();
      if (signing) lines.push('', ...signing);
    } catch (error) {
      process.stderr.write(
        `signing benchmark failed: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      process.exitCode = 1;
    }
    try {
      step('signed PDF (Node)');
      const rows = await benchPdfSign();
      writeFileSync(`${out}/pdfsign.json`, `${JSON.stringify({ at, rows }, null, 2)}\n`);
      lines.push('', ...pdfSignSummary(rows));
    } catch (error) {
      process.stderr.write(
        `signed-PDF benchmark failed: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      process.exitCode = 1;
    }
    try {
      const sync = await runSync();
      if (sync) lines.push('', ...sync);
    } catch (error) {
      process.stderr.write(
        `sync benchmark failed: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      process.exitCode = 1;
    }
    const summary = `${lines.join('\n')}\n`;
    writeFileSync(`${out}/summary.md`, summary);
    process.stdout.write(`\n${summary}`);
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
