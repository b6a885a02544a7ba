/**
 * A desk and a server fold the same events to the same state whatever the host's time-zone data:
 * the same fixtures and random legal walks are folded in child processes under two TZ values
 * (one east of Almaty across the date line, one west of Greenwich) and compared.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const SCRIPT = fileURLToPath(new URL('./fold-walks.ts', import.meta.url));

interface Output {
  zone: string;
  offsetAtEpoch: number;
  folds: Array<{ ok: boolean }>;
}

function foldUnder(tz: string, seed: number, runs: number): Output {
  const out = execFileSync(process.execPath, ['--import', 'tsx', SCRIPT, String(seed), String(runs)], {
    cwd: ROOT,
    env: { ...process.env, TZ: tz },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return JSON.parse(out) as Output;
}

describe('folding under different host time zones', () => {
  it('gives identical states for every fixture and every random legal walk', { timeout: 120_000 }, () => {
    const east = foldUnder('Pacific/Kiritimati', 20_261_124, 120);
    const west = foldUnder('America/Los_Angeles', 20_261_124, 120);
    // The children really ran in different zones, so the comparison can fail.
    expect(east.zone).toBe('Pacific/Kiritimati');
    expect(west.zone).toBe('America/Los_Angeles');
    expect(east.offsetAtEpoch).not.toBe(west.offsetAtEpoch);
    expect(east.folds.length).toBeGreaterThan(100);
    expect(east.folds.every((f) => f.ok)).toBe(true);
    expect(west.folds).toEqual(east.folds);
  });
});
