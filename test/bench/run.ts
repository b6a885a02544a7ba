/**
 * `npm run bench`: builds the web bundle, serves it, and measures the desk in Chromium with 10,000
 * cases (desk.ts); then the forms benchmark if its Node side is present (forms-node.ts, written by
 * the forms work). Results: bench-results/desk.json, bench-results/forms.json and a summary.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright';
import { build, preview } from 'vite';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/chromium';
import { benchDesk, type DeskBenchResult } from './desk';
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

async function runDesk(): Promise<DeskBenchResult> {
  step('building the web bundle');
  const built = spawnSync('npm', ['run', '--silent', 'build:web'], {
    cwd: root,
    stdio: 'inherit',
    shell: true,
  });
  if (built.status !== 0) throw new Error('the web build failed');
  const seedScript = await buildSeed();

  step(`desk in Chromium with ${CASES} cases`);
  const server = await preview({
    configFile: `${root}renderer/vite.config.ts`,
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port: PORT, strictPort: true },
  });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    return await benchDesk({
      browser,
      baseUrl: `http://127.0.0.1:${PORT}/`,
      seedScript,
      cases: CASES,
      reloads: 5,
    });
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The forms benchmark's Node side, if the forms work has provided it. */
async function runForms(): Promise<FormRow[] | undefined> {
  const path = `${root}test/bench/forms-node.ts`;
  if (!existsSync(path)) return undefined;
  step('forms (Node)');
  const mod = (await import(pathToFileURL(path).href)) as { benchFormsNode?: () => Promise<FormRow[]> };
  return mod.benchFormsNode ? mod.benchFormsNode() : undefined;
}

async function main(): Promise<void> {
  mkdirSync(out, { recursive: true });
  const at = new Date().toISOString();
  const desk = await runDesk();
  writeFileSync(
    `${out}/desk.json`,
    `${JSON.stringify({ at, chromium: chromiumPath(), ...desk }, null, 2)}\n`,
  );
  const lines = deskSummary(desk);

  let forms: FormRow[] | undefined;
  try {
    forms = await runForms();
  } catch (error) {
    // The desk's numbers stand on their own; a broken forms bench is reported, not fatal to them.
    console.error('forms benchmark failed:', error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
  if (forms) {
    writeFileSync(`${out}/forms.json`, `${JSON.stringify({ at, rows: forms }, null, 2)}\n`);
    lines.push('', ...formsSummary(forms));
  }
  const summary = `${lines.join('\n')}\n`;
  writeFileSync(`${out}/summary.md`, summary);
  process.stdout.write(`\n${summary}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
