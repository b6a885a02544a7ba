/**
 * The forms benchmark as `npm run bench` runs it: per form and language, the warm render time in
 * Node and in Chromium, the PDF size, and the same form from equivalent HTML through Chromium's
 * `page.pdf()`, side by side. Writes bench-results/forms.json; returns the summary's lines.
 * Alone: `npx tsx test/bench/forms-bench.ts` (launches Debian's Chromium itself).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/chromium';
import { benchFormsChromium, type FormChromiumRow } from './forms-chromium';
import { benchFormsNode, type FormBenchRow } from './forms-node';

/** The goals of the forms issues: a one-page form under 10 ms warm, under 40 KB, ≥ 3× the HTML route. */
export const FORM_GOALS = { warmMs: 10, onePageBytes: 40 * 1024, htmlSpeedup: 3 } as const;

export interface FormsBenchRow {
  form: string;
  language: string;
  nodeWarmMs: number;
  /** Fastest warm run: what a render costs when no other process takes the cores. */
  nodeBestMs: number;
  chromiumWarmMs: number;
  chromiumBestMs: number;
  bytes: number;
  htmlWarmMs: number;
  htmlBestMs: number;
  /** page.pdf() alone, the content already laid out. */
  htmlPrintMs: number;
  htmlBytes: number;
  htmlPages: number;
  /** How many times faster renderForm in Chromium is than the HTML route (medians). */
  speedup: number;
  /** The same from the fastest runs of each. */
  bestSpeedup: number;
}

export interface FormsBenchResult {
  at: string;
  chromium: string;
  goals: typeof FORM_GOALS;
  /** 1-minute load average before and after, and the cores: the benchmark shares the machine. */
  load: { before: number; after: number; cores: number };
  rows: FormsBenchRow[];
}

function join(node: readonly FormBenchRow[], browser: readonly FormChromiumRow[]): FormsBenchRow[] {
  return node.map((n) => {
    const c = browser.find((r) => r.form === n.form && r.language === n.language);
    if (!c) throw new Error(`no Chromium result for ${n.form}.${n.language}`);
    return {
      form: n.form,
      language: n.language,
      nodeWarmMs: n.warmMs,
      nodeBestMs: n.bestMs,
      chromiumWarmMs: c.pdfLib.warmMs,
      chromiumBestMs: c.pdfLib.bestMs,
      bytes: n.bytes,
      htmlWarmMs: c.html.warmMs,
      htmlBestMs: c.html.bestMs,
      htmlPrintMs: c.html.printMs,
      htmlBytes: c.html.bytes,
      htmlPages: c.html.pages,
      speedup: Math.round((c.html.warmMs / Math.max(c.pdfLib.warmMs, 0.1)) * 10) / 10,
      bestSpeedup: Math.round((c.html.bestMs / Math.max(c.pdfLib.bestMs, 0.1)) * 10) / 10,
    };
  });
}

/** Runs both sides; `out` is the bench-results folder. */
export async function benchForms(options: { browser: Browser; out: string }): Promise<FormsBenchResult> {
  const before = loadavg()[0] ?? 0;
  const node = await benchFormsNode();
  const browser = await benchFormsChromium({ browser: options.browser });
  const round = (x: number) => Math.round(x * 10) / 10;
  const result: FormsBenchResult = {
    at: new Date().toISOString(),
    chromium: chromiumPath(),
    goals: FORM_GOALS,
    load: { before: round(before), after: round(loadavg()[0] ?? 0), cores: cpus().length },
    rows: join(node, browser),
  };
  mkdirSync(options.out, { recursive: true });
  writeFileSync(`${options.out}/forms.json`, `${JSON.stringify(result, null, 2)}\n`);
  return result;
}

const mark = (ok: boolean) => (ok ? 'met' : 'NOT met');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export function formsBenchSummary(r: FormsBenchResult): string[] {
  const rows = r.rows;
  const worstWarm = Math.max(...rows.flatMap((x) => [x.nodeWarmMs, x.chromiumWarmMs]));
  const worstBest = Math.max(...rows.flatMap((x) => [x.nodeBestMs, x.chromiumBestMs]));
  // One-page forms are those the HTML route also prints on one page: renderForm's own page count
  // follows the same wording, and both are single-page for the sample values.
  const biggest = Math.max(...rows.map((x) => x.bytes));
  const slowestRatio = Math.min(...rows.map((x) => x.speedup));
  const slowestBestRatio = Math.min(...rows.map((x) => x.bestSpeedup));
  return [
    '# Forms benchmark (warm render of the sample values; median, fastest run in brackets)',
    '',
    `Load average ${r.load.before} before, ${r.load.after} after, on ${r.load.cores} cores: above the core count, other processes share the CPU and the medians grow with them; the fastest run is the render's own cost.`,
    '',
    '| form | lang | Node ms | Chromium ms | PDF size | HTML→PDF ms [fastest] (page.pdf() alone) | HTML PDF size (pages) | faster × |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (x) =>
        `| ${x.form} | ${x.language} | ${x.nodeWarmMs} (${x.nodeBestMs}) | ${x.chromiumWarmMs} (${x.chromiumBestMs}) | ${kb(x.bytes)} | ${x.htmlWarmMs} [${x.htmlBestMs}] (${x.htmlPrintMs}) | ${kb(x.htmlBytes)} (${x.htmlPages}) | ${x.speedup} (${x.bestSpeedup}) |`,
    ),
    '',
    `- warm render < ${r.goals.warmMs} ms: slowest median ${worstWarm} ms — ${mark(worstWarm < r.goals.warmMs)}; slowest fastest-run ${worstBest} ms — ${mark(worstBest < r.goals.warmMs)}`,
    `- one-page PDF < ${kb(r.goals.onePageBytes)}: largest ${kb(biggest)} — ${mark(biggest < r.goals.onePageBytes)}`,
    `- faster than HTML printing (≥ ${r.goals.htmlSpeedup}×): least ${slowestRatio}× by medians — ${mark(slowestRatio >= r.goals.htmlSpeedup)}; least ${slowestBestRatio}× by fastest runs — ${mark(slowestBestRatio >= r.goals.htmlSpeedup)}`,
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const out = fileURLToPath(new URL('../../bench-results', import.meta.url));
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const result = await benchForms({ browser, out });
    process.stdout.write(`${formsBenchSummary(result).join('\n')}\n`);
  } finally {
    await browser.close();
  }
}
