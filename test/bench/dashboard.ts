/**
 * The head's dashboard at N cases: the head's tab opens #/dashboard; timed are reading every case
 * whole and deriving its deadlines ('dashboard:load'), the aggregation for the period
 * ('dashboard:aggregate'), and navigation start to the dashboard drawn with its charts.
 */
import type { Page } from 'playwright';
import { median as medianOrNull } from '../../shared/metrics';

const median = (xs: readonly number[]) => medianOrNull(xs) ?? NaN;

export interface DashboardBenchResult {
  /** Median of the runs: read all cases and derive their deadlines (MetricCase). */
  loadMs: number;
  /** Median: dashboardMetrics over every case for this month. */
  aggregateMs: number;
  /** Median: navigation start → the dashboard's tables and charts drawn (next frame). */
  drawnMs: number;
  runs: number;
}

const round = (n: number) => Math.round(n * 10) / 10;

export async function benchDashboard(page: Page, baseUrl: string, runs = 3): Promise<DashboardBenchResult> {
  await page.evaluate(() =>
    sessionStorage.setItem(
      'desk.session',
      JSON.stringify({ userId: 'head-1', lastActiveAt: Date.now(), locked: false }),
    ),
  );
  const samples: Array<{ load: number; aggregate: number; drawn: number }> = [];
  for (let i = 0; i < runs; i++) {
    await page.goto(new URL('#/dashboard', baseUrl).href);
    await page.reload();
    await page.waitForFunction(() => performance.getEntriesByName('dashboard:drawn').length > 0, null, {
      timeout: 120_000,
    });
    samples.push(
      await page.evaluate(async () => {
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        // No named helper in here: tsx would wrap it in a `__name` call the page does not have.
        return {
          load: performance.getEntriesByName('dashboard:load')[0]?.duration ?? NaN,
          aggregate: performance.getEntriesByName('dashboard:aggregate')[0]?.duration ?? NaN,
          drawn: performance.getEntriesByName('dashboard:drawn')[0]!.startTime,
        };
      }),
    );
  }
  return {
    loadMs: round(median(samples.map((s) => s.load))),
    aggregateMs: round(median(samples.map((s) => s.aggregate))),
    drawnMs: round(median(samples.map((s) => s.drawn))),
    runs,
  };
}
