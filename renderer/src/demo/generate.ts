/** Many cases for the benchmark: the demo's mix of stages scaled to n, stored in bulk. */
import { dayOfInstant, kazakhstanCalendar } from '../../../shared/calendar';
import type { IsoDate, WorkingDayCalendar } from '../../../shared/calendar/types';
import { DEMO_SETTINGS, type Settings } from '../../../shared/settings';
import type { Desk } from '../db';
import { buildDemoCases, type DemoCase } from './build';
import { DEMO_COUNTS, type Target } from './plan';

export interface GenerateOptions {
  /** Default: the current day in the calendar's office zone. */
  today?: IsoDate;
  calendar?: WorkingDayCalendar;
  settings?: Settings;
  /** Index of the first generated case (see buildDemoCases); default 0. */
  firstIndex?: number;
}

/** DEMO_COUNTS scaled to `n` cases in total, each target keeping at least one case. */
export function scaledCounts(n: number): Record<Target, number> {
  const entries = Object.entries(DEMO_COUNTS) as Array<[Target, number]>;
  const total = entries.reduce((sum, [, c]) => sum + c, 0);
  const counts = Object.fromEntries(
    entries.map(([t, c]) => [t, Math.max(1, Math.floor((c * n) / total))]),
  ) as Record<Target, number>;
  let assigned = Object.values(counts).reduce((a, b) => a + b, 0);
  // The remainder goes to the largest queues, so the total is exactly n.
  const largest = [...entries].sort((a, b) => b[1] - a[1]).map(([t]) => t);
  for (let i = 0; assigned < n; i++, assigned++) {
    const target = largest[i % largest.length] as Target;
    counts[target] += 1;
  }
  return counts;
}

/** `n` cases (n >= the number of targets), each a real event sequence through the reducer. */
export function generateCases(n: number, seed: number, options: GenerateOptions = {}): DemoCase[] {
  const calendar = options.calendar ?? kazakhstanCalendar;
  const today = options.today ?? dayOfInstant(Date.now(), calendar.officeHours.timeZone);
  return buildDemoCases({
    today,
    seed,
    calendar,
    settings: options.settings ?? DEMO_SETTINGS,
    counts: scaledCounts(n),
    firstIndex: options.firstIndex ?? 0,
  });
}

/** Cases generated at once: 100,000 generated in one go would hold every one of their events in memory. */
const GENERATE_SLICE = 5000;

/**
 * Generates and stores `n` cases, generated in slices and stored in chunks of `chunkSize` (no
 * attachment bytes: the benchmark measures queues).
 */
export async function loadBenchmarkCases(
  desk: Desk,
  n: number,
  seed: number,
  options: { today?: IsoDate; chunkSize?: number } = {},
): Promise<number> {
  const [calendar, settings] = await Promise.all([desk.calendar.get(), desk.settings.get()]);
  const slices = Math.max(1, Math.ceil(n / GENERATE_SLICE));
  let stored = 0;
  for (let i = 0; i < slices; i++) {
    // Even slices, each large enough to hold every target of the mix.
    const size = Math.floor(n / slices) + (i < n % slices ? 1 : 0);
    const cases = generateCases(size, seed + i, {
      calendar,
      settings,
      firstIndex: stored,
      ...(options.today ? { today: options.today } : {}),
    });
    await desk.cases.importCases(cases, options.chunkSize ?? 1000);
    stored += cases.length;
  }
  return stored;
}
