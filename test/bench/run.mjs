#!/usr/bin/env node
// `npm run bench`: the benchmark is TypeScript (run.ts); tsx runs it without a build step.
import { spawnSync } from 'node:child_process';

const r = spawnSync('npx', ['tsx', 'test/bench/run.ts', ...process.argv.slice(2)], {
  stdio: 'inherit',
  shell: true,
});
process.exit(r.status ?? 1);
