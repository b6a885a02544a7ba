/**
 * Bundled for the benchmark only (never part of the desk): renderForm as the desk runs it in the
 * renderer, exposed to the benchmark page as `formsBench`.
 */
import { renderForm, type FormFonts, type FormId, type FormLanguage } from '../../shared/forms';
import { sampleValues } from '../fixtures/forms/sample-values';

let fonts: FormFonts | undefined;

const bytesOf = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
}

/** Warm median of `runs` renders after `warmup` ones, timed inside the page. */
async function render(
  form: FormId,
  language: FormLanguage,
  runs: number,
  warmup: number,
): Promise<{ warmMs: number; bestMs: number; bytes: number }> {
  if (!fonts) throw new Error('fonts not set');
  const input = {
    form,
    language,
    values: sampleValues(form, language),
    fonts,
    createdAt: new Date('2026-11-24T09:30:00Z'),
  };
  let bytes = 0;
  for (let i = 0; i < warmup; i++) bytes = (await renderForm(input)).length;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await renderForm(input);
    times.push(performance.now() - t0);
  }
  return {
    warmMs: Math.round(median(times) * 10) / 10,
    bestMs: Math.round(Math.min(...times) * 10) / 10,
    bytes,
  };
}

(globalThis as unknown as { formsBench: unknown }).formsBench = {
  setFonts(regular: string, bold: string) {
    fonts = { regular: bytesOf(regular), bold: bytesOf(bold) };
  },
  render,
};
