/**
 * `npm run bench`: builds the web bundle, serves it, and measures the desk in Chromium with 10,000
 * cases (desk.ts); then the forms benchmark, whose files belong to the forms work (see runForms).
 * Then the signed-PDF benchmark (pdfsign.ts). Results: bench-results/desk.json, forms.json,
 * pdfsign.json and summary.md.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright';
import { build, preview } from 'vite';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/chromium';
import { benchDesk, type DeskBenchResult } from './desk';
import { benchPdfSign, pdfSignSummary } from './pdfsign';
import { deskSummary, formsSummary, type FormRow } from './report';

const root = fileURLToPath(new URL('../..', import.meta.url));
const out = `${root}bench-results`;
const CASES = Number(process.env.BENCH_CASES ?? 10_000);
const PORT = Number(process.env.BENCH_PORT ?? 4329);

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

async function runDesk(browser: Browser): Promise<DeskBenchResult> {
  const seedScript = await buildSeed();
  step(`desk in Chromium with ${CASES} cases`);
  const server = await preview({
    configFile: `${root}renderer/vite.config.ts`,
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port: PORT, strictPort: true },
  });
  try {
    return await benchDesk({
      browser,
      baseUrl: `http://127.0.0.1:${PORT}/`,
      seedScript,
      cases: CASES,
      reloads: 5,
    });
  } finally {
    await server.close();
  }
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

async function main(): Promise<void> {
  mkdirSync(out, { recursive: true });
  step('building the web bundle');
  const built = spawnSync('npm', ['run', '--silent', 'build:web'], {
    cwd: root,
    stdio: 'inherit',
    shell: true,
  });
  if (built.status !== 0) throw new Error('the web build failed');

  const at = new Date().toISOString();
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const desk = await runDesk(browser);
    writeFileSync(
      `${out}/desk.json`,
      `${JSON.stringify({ at, chromium: chromiumPath(), ...desk }, null, 2)}\n`,
    );
    const lines = deskSummary(desk);
    try {
      const forms = await runForms(browser);
      if (forms) lines.push('', ...forms);
    } catch (error) {
      // The desk's numbers stand on their own; a broken forms bench is reported, not fatal to them.
      process.stderr.write(
        `forms benchmark failed: ${error instanceof Error ? error.message : String(error)}\n`,
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
