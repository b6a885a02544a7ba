#!/usr/bin/env node
// `npm test`: type-check, lint, unit tests (vitest, with the server's suite on PGlite and on a
// throwaway PostgreSQL) and end-to-end tests (Playwright in Debian's
// Chromium), in that order. Every step runs even when an earlier one failed, so one run shows every
// problem. The last line counts every test that ran: `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = 'test-results';
rmSync(`${results}/unit.json`, { force: true });
rmSync(`${results}/e2e.json`, { force: true });
mkdirSync(results, { recursive: true });

function run(title, command) {
  console.log(`\n=== ${title}: ${command}`);
  const started = Date.now();
  const r = spawnSync(command, { shell: true, stdio: 'inherit', env: process.env });
  const ok = r.status === 0;
  console.log(`=== ${title}: ${ok ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return ok;
}

function readJson(path) {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

// The server's suite runs on PGlite and on a real PostgreSQL: a throwaway cluster is started for the
// unit tests unless DATABASE_URL names one. In CI a missing PostgreSQL fails the suite
// (server/test/postgres-required.test.ts); elsewhere the note below says it was not run.
let cluster;
if (!process.env.DATABASE_URL) {
  const { startCluster } = await import('./postgres.mjs');
  try {
    cluster = await startCluster();
  } catch (error) {
    console.log(`PostgreSQL could not be started: ${error.message}`);
  }
  if (cluster) process.env.DATABASE_URL = cluster.url;
  else console.log('No PostgreSQL here: the server suite runs on PGlite only (in CI this fails).');
}

const steps = [];
steps.push(['type-check', run('type-check', 'npm run --silent typecheck')]);
steps.push(['lint', run('lint', 'npm run --silent lint')]);
steps.push([
  'unit tests',
  run(
    'unit tests',
    `npx vitest run --config test/vitest.config.ts --reporter=default --reporter=json --outputFile.json=${results}/unit.json`,
  ),
]);
if (cluster) {
  // The end-to-end tests' central servers run on PGlite: the cluster is gone, so is its address.
  cluster.stop();
  delete process.env.DATABASE_URL;
}
steps.push(['end-to-end tests', run('end-to-end tests', 'npm run --silent test:e2e')]);

let passed = 0;
let failed = 0;
const unit = readJson(`${results}/unit.json`);
if (unit) {
  passed += unit.numPassedTests ?? 0;
  failed += unit.numFailedTests ?? 0;
}
const e2e = readJson(`${results}/e2e.json`);
if (e2e?.stats) {
  passed += (e2e.stats.expected ?? 0) + (e2e.stats.flaky ?? 0);
  failed += e2e.stats.unexpected ?? 0;
}
// A test runner that crashed before writing its report counts as one failed test, never as none.
for (const [name, report] of [
  ['unit tests', unit],
  ['end-to-end tests', e2e],
]) {
  if (!report) {
    console.log(`${name}: no report was written (the runner did not finish)`);
    failed += 1;
  }
}

const failedSteps = steps.filter(([, ok]) => !ok).map(([name]) => name);
console.log(`\nsteps: ${steps.map(([name, ok]) => `${name} ${ok ? 'ok' : 'FAILED'}`).join(', ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failedSteps.length === 0 && failed === 0 ? 0 : 1);
