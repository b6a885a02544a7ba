/**
 * Chromium side of the forms benchmark, per form and language: renderForm in a page (warm, timed in
 * the page, as the desk renders), and the same form as HTML printed by Chromium's own `page.pdf()`
 * (warm, timed from setting the content to having the PDF bytes), with the sizes of both.
 */
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright';
import { build } from 'vite';
import { getBundledTemplate } from '../../shared/forms';
import { FORM_IDS, FORM_LANGUAGES, type FormId, type FormLanguage } from '../../shared/forms/types';
import { sampleValues } from '../fixtures/forms/sample-values';
import { loadFormFonts } from '../unit/forms/support/node-fonts';
import { formHtml } from './forms-html';

export interface FormChromiumRow {
  form: FormId;
  language: FormLanguage;
  /** renderForm in the page: median and fastest warm ms, and PDF size. */
  pdfLib: { warmMs: number; bestMs: number; bytes: number };
  /**
   * The equivalent HTML through page.pdf(): median warm ms from setting the content to the PDF
   * bytes, of page.pdf() alone, the PDF size and page count.
   */
  html: { warmMs: number; bestMs: number; printMs: number; bytes: number; pages: number };
}

export interface FormChromiumOptions {
  browser: Browser;
  runs?: number;
  warmup?: number;
}

const root = fileURLToPath(new URL('../..', import.meta.url));

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};
const round = (n: number) => Math.round(n * 10) / 10;

async function buildEntry(): Promise<string> {
  const outDir = `${root}.tmp/bench-forms`;
  await build({
    configFile: false,
    logLevel: 'warn',
    root,
    build: {
      outDir,
      emptyOutDir: true,
      minify: true,
      lib: {
        entry: `${root}test/bench/forms-entry.ts`,
        formats: ['iife'],
        name: 'formsBenchBundle',
        fileName: () => 'forms.js',
      },
    },
  });
  return `${outDir}/forms.js`;
}

type InPage = {
  formsBench: {
    setFonts(regular: string, bold: string): void;
    render(
      form: FormId,
      language: FormLanguage,
      runs: number,
      warmup: number,
    ): Promise<{ warmMs: number; bestMs: number; bytes: number }>;
  };
};

const FONT_ORIGIN = 'http://fonts.bench.invalid';

async function htmlToPdf(page: Page, html: string): Promise<{ pdf: Buffer; printMs: number }> {
  await page.setContent(html, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const t0 = performance.now();
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: false });
  return { pdf, printMs: performance.now() - t0 };
}

/** `/Type /Page` objects (not `/Pages`) in an uncompressed-object PDF as Chromium writes it. */
function pageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

export async function benchFormsChromium(options: FormChromiumOptions): Promise<FormChromiumRow[]> {
  const runs = options.runs ?? 20;
  const warmup = options.warmup ?? 10;
  const script = await buildEntry();
  const fonts = loadFormFonts();
  const context = await options.browser.newContext();
  try {
    const pdfPage = await context.newPage();
    await pdfPage.goto('about:blank');
    await pdfPage.addScriptTag({ path: script });
    await pdfPage.evaluate(
      ([regular, bold]) => (globalThis as unknown as InPage).formsBench.setFonts(regular, bold),
      [Buffer.from(fonts.regular).toString('base64'), Buffer.from(fonts.bold).toString('base64')] as const,
    );
    const htmlPage = await context.newPage();
    // The fonts answered from memory, cacheable, so warm runs take them from the browser's cache.
    await htmlPage.route(`${FONT_ORIGIN}/**`, (route) =>
      route.fulfill({
        status: 200,
        contentType: 'font/ttf',
        headers: { 'cache-control': 'max-age=31536000, immutable', 'access-control-allow-origin': '*' },
        body: Buffer.from(route.request().url().endsWith('bold.ttf') ? fonts.bold : fonts.regular),
      }),
    );
    const fontUrls = { regular: `${FONT_ORIGIN}/regular.ttf`, bold: `${FONT_ORIGIN}/bold.ttf` };
    const rows: FormChromiumRow[] = [];
    for (const form of FORM_IDS) {
      for (const language of FORM_LANGUAGES) {
        const pdfLib = await pdfPage.evaluate(
          (args) =>
            (globalThis as unknown as InPage).formsBench.render(
              args.form,
              args.language,
              args.runs,
              args.warmup,
            ),
          { form, language, runs, warmup },
        );
        const html = formHtml(getBundledTemplate(form, language), sampleValues(form, language), fontUrls);
        let pdf: Buffer = Buffer.alloc(0);
        for (let i = 0; i < warmup; i++) pdf = (await htmlToPdf(htmlPage, html)).pdf;
        const times: number[] = [];
        const prints: number[] = [];
        for (let i = 0; i < runs; i++) {
          const t0 = performance.now();
          const printed = await htmlToPdf(htmlPage, html);
          times.push(performance.now() - t0);
          prints.push(printed.printMs);
          pdf = printed.pdf;
        }
        rows.push({
          form,
          language,
          pdfLib,
          html: {
            warmMs: round(median(times)),
            bestMs: round(Math.min(...times)),
            printMs: round(median(prints)),
            bytes: pdf.length,
            pages: pageCount(pdf),
          },
        });
      }
    }
    return rows;
  } finally {
    await context.close();
  }
}
