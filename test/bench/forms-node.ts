/**
 * Node side of the forms benchmark: warm render time (median) and size of every form. Wired into
 * `npm run bench` by the bench runner; run alone with `npx tsx test/bench/forms-node.ts`.
 */
import { pathToFileURL } from 'node:url';
import { renderForm } from '../../shared/forms';
import { FORM_IDS, FORM_LANGUAGES, type FormId, type FormLanguage } from '../../shared/forms/types';
import { sampleValues } from '../fixtures/forms/sample-values';
import { loadFormFonts } from '../unit/forms/support/node-fonts';

export interface FormBenchRow {
  form: FormId;
  language: FormLanguage;
  /** Median of the warm runs, milliseconds. */
  warmMs: number;
  /** Fastest warm run, milliseconds: the cost without other processes taking the cores. */
  bestMs: number;
  /** Size of the PDF, bytes. */
  bytes: number;
}

export interface FormBenchOptions {
  /** Timed runs per form (after the warm-up ones). */
  runs?: number;
  warmup?: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

export async function benchFormsNode(options: FormBenchOptions = {}): Promise<FormBenchRow[]> {
  // Warm means the JIT has compiled the render path, as it has while a preview redraws on every
  // keystroke: a few renders are not enough for that.
  const runs = options.runs ?? 30;
  const warmup = options.warmup ?? 15;
  const fonts = loadFormFonts();
  const createdAt = new Date('2026-11-24T09:30:00Z');
  const rows: FormBenchRow[] = [];
  for (const form of FORM_IDS) {
    for (const language of FORM_LANGUAGES) {
      const input = { form, language, values: sampleValues(form, language), fonts, createdAt };
      let bytes = 0;
      for (let i = 0; i < warmup; i++) bytes = (await renderForm(input)).length;
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        await renderForm(input);
        times.push(performance.now() - t0);
      }
      rows.push({
        form,
        language,
        warmMs: Math.round(median(times) * 10) / 10,
        bestMs: Math.round(Math.min(...times) * 10) / 10,
        bytes,
      });
    }
  }
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = await benchFormsNode();
  process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
}
