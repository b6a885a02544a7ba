/**
 * poppler-utils as an independent reader of the PDFs: what pdftotext, pdffonts and pdftoppm see is
 * what a viewer, an archive or a court's software will see.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TOOLS = ['pdftotext', 'pdffonts', 'pdftoppm'] as const;

let found = false;

/**
 * Fails (never skips) when poppler is missing: the checks are the point of these tests. Called
 * before each test, so that every test that needs poppler is counted as failed, not skipped.
 */
export function requirePoppler(): void {
  if (found) return;
  for (const tool of TOOLS) {
    const r = spawnSync(tool, ['-v'], { encoding: 'utf8' });
    if (r.error) {
      throw new Error(`${tool} is not installed; the PDF tests need poppler: apt-get install poppler-utils`);
    }
  }
  found = true;
}

function run(tool: string, args: string[]): string {
  const r = spawnSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw new Error(`${tool}: ${r.error.message} (apt-get install poppler-utils)`);
  if (r.status !== 0) throw new Error(`${tool} exited with ${r.status}: ${r.stderr}`);
  return r.stdout;
}

/** Writes bytes to a fresh temporary directory; returns the path and a cleanup. */
export function tempPdf(
  bytes: Uint8Array,
  name = 'form.pdf',
): { path: string; dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'forms-'));
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return { path, dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function pdftotext(path: string, ...options: string[]): string {
  return run('pdftotext', ['-enc', 'UTF-8', ...options, path, '-']);
}

/** The text layer of PDF bytes as pdftotext reads it, whitespace collapsed (see normalizeSpace). */
export function textLayer(bytes: Uint8Array): string {
  const file = tempPdf(bytes);
  try {
    return normalizeSpace(pdftotext(file.path));
  } finally {
    file.cleanup();
  }
}

export interface PdfFontRow {
  name: string;
  type: string;
  emb: string;
  sub: string;
  uni: string;
}

/** Rows of `pdffonts`: name, type, encoding, emb, sub, uni, object id. */
export function pdffonts(path: string): PdfFontRow[] {
  const lines = run('pdffonts', [path])
    .split('\n')
    .slice(2)
    .filter((l) => l.trim() !== '');
  return lines.map((line) => {
    const cols = line.trim().split(/\s+/);
    // The type column holds spaces ("CID TrueType"); emb/sub/uni are the 3rd–5th from the end.
    const n = cols.length;
    return {
      name: cols[0] ?? '',
      type: cols.slice(1, n - 6).join(' '),
      emb: cols[n - 5] ?? '',
      sub: cols[n - 4] ?? '',
      uni: cols[n - 3] ?? '',
    };
  });
}

/** Renders every page to PNG; returns the files made and what poppler printed on stderr. */
export function pdftoppm(path: string, dir: string, dpi = 50): { pages: string[]; stderr: string } {
  const r = spawnSync('pdftoppm', ['-r', String(dpi), '-png', path, join(dir, 'page')], { encoding: 'utf8' });
  if (r.error) throw new Error(`pdftoppm: ${r.error.message} (apt-get install poppler-utils)`);
  if (r.status !== 0) throw new Error(`pdftoppm exited with ${r.status}: ${r.stderr}`);
  const pages = readdirSync(dir).filter((f) => f.startsWith('page') && f.endsWith('.png'));
  return { pages, stderr: r.stderr };
}

export interface BboxWord {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface BboxDocument {
  pages: { width: number; height: number }[];
  /** Words in poppler's reading order, page by page. */
  words: BboxWord[];
}

function unescapeHtml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Word boxes from `pdftotext -bbox-layout` (points, origin top left). */
export function bboxWords(path: string): BboxDocument {
  const html = pdftotext(path, '-bbox-layout');
  const pages: BboxDocument['pages'] = [];
  const words: BboxWord[] = [];
  const token =
    /<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  for (const m of html.matchAll(token)) {
    if (m[1] !== undefined) {
      pages.push({ width: Number(m[1]), height: Number(m[2]) });
      continue;
    }
    words.push({
      page: pages.length,
      text: unescapeHtml(m[7] ?? ''),
      xMin: Number(m[3]),
      yMin: Number(m[4]),
      xMax: Number(m[5]),
      yMax: Number(m[6]),
    });
  }
  return { pages, words };
}

/** Collapses every run of whitespace (line breaks of wrapped text included) to one space. */
export function normalizeSpace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
