/**
 * Long values wrap inside the margins, whole words only, keep their order, and flow onto a second
 * page with page numbers; checked from poppler's word boxes, i.e. from the PDF as printed.
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { layoutForm, PAGE, renderForm } from '../../../shared/forms';
import type { FormId, FormLanguage } from '../../../shared/forms/types';
import {
  KAZAKH_LETTERS_NAME,
  LONG_REFUSAL_REASON,
  LONG_SCHOOL_NAME,
  sampleValues,
} from '../../fixtures/forms/sample-values';
import { loadFormFonts } from './support/node-fonts';
import { bboxWords, normalizeSpace, requirePoppler, tempPdf, type BboxDocument } from './support/poppler';

const createdAt = new Date('2026-11-24T09:30:00Z');
const cleanups: (() => void)[] = [];
beforeEach(() => requirePoppler());
afterAll(() => cleanups.forEach((c) => c()));

const LEFT = PAGE.margins.left;
const RIGHT = PAGE.width - PAGE.margins.right;
const BOTTOM = PAGE.height - PAGE.margins.bottom;
/** poppler rounds box coordinates; half a point is far below anything visible. */
const EPS = 0.5;

async function rendered(
  form: FormId,
  language: FormLanguage,
  overrides: Record<string, string>,
): Promise<BboxDocument> {
  const values = { ...sampleValues(form, language), ...overrides };
  const bytes = await renderForm({ form, language, values, fonts: loadFormFonts(), createdAt });
  const file = tempPdf(bytes);
  cleanups.push(file.cleanup);
  return bboxWords(file.path);
}

/** Body words (the page-number footer sits in the bottom margin and is left out) joined in order. */
function bodyText(doc: BboxDocument): string {
  return doc.words
    .filter((w) => w.yMin < BOTTOM)
    .map((w) => w.text)
    .join(' ');
}

function footers(doc: BboxDocument): string[] {
  return doc.pages.map((_, i) =>
    doc.words
      .filter((w) => w.page === i + 1 && w.yMin >= BOTTOM)
      .map((w) => w.text)
      .join(' '),
  );
}

function expectInsideMargins(doc: BboxDocument): void {
  const outside = doc.words.filter((w) => w.xMin < LEFT - EPS || w.xMax > RIGHT + EPS);
  expect(outside.map((w) => `${w.text}@${w.xMin.toFixed(1)}-${w.xMax.toFixed(1)}`)).toEqual([]);
  const belowBody = doc.words.filter((w) => w.yMin < BOTTOM && w.yMax > BOTTOM + EPS);
  expect(belowBody.map((w) => w.text)).toEqual([]);
}

/** Index of `phrase` in `text`, failing the test when it is absent. */
function at(text: string, phrase: string): number {
  const i = text.indexOf(normalizeSpace(phrase));
  expect(i, `missing: ${phrase.slice(0, 60)}`).toBeGreaterThanOrEqual(0);
  return i;
}

describe('a long refusal reason and a name with every Kazakh letter', () => {
  it.each([
    ['kk', 'бет 1 / 2', 'бет 2 / 2', 'жоқтығы және/немесе жалғандығы анықталды'],
    ['ru', 'стр. 1 из 2', 'стр. 2 из 2', 'в связи с чем в рассмотрении заявления'],
  ] as const)('appendix-2.%s flows onto page 2 with page numbers', async (language, first, second, after) => {
    const doc = await rendered('appendix-2', language, { refusalReasons: LONG_REFUSAL_REASON });
    expect(doc.pages.length).toBe(2);
    expect(footers(doc)).toEqual([first, second]);
    expectInsideMargins(doc);

    // Whole words in their order: a word cut in two or a line out of order breaks the sequence.
    const text = bodyText(doc);
    const name = at(text, KAZAKH_LETTERS_NAME);
    const reason = at(text, LONG_REFUSAL_REASON);
    const closing = at(text, after);
    expect(name).toBeLessThan(reason);
    expect(reason).toBeLessThan(closing);
    expect(text).not.toMatch(/\S-\s/u);

    // The reason really crosses the page break.
    const reasonWords = LONG_REFUSAL_REASON.split(' ');
    const pagesOfReason = new Set(
      doc.words.filter((w) => reasonWords.includes(w.text) && w.yMin < BOTTOM).map((w) => w.page),
    );
    expect([...pagesOfReason].sort()).toEqual([1, 2]);
  });

  it('keeps a one-page form free of page numbers', async () => {
    const doc = await rendered('appendix-2', 'kk', {});
    expect(doc.pages.length).toBe(1);
    expect(footers(doc)).toEqual(['']);
    expect(bodyText(doc)).toContain(KAZAKH_LETTERS_NAME);
  });
});

describe('a very long school name', () => {
  it.each([
    ['appendix-4', 'kk'],
    ['appendix-4', 'ru'],
    ['order', 'kk'],
    ['order', 'ru'],
    ['school-request', 'kk'],
  ] as const)('%s.%s wraps it over several lines inside the margins', async (form, language) => {
    const doc = await rendered(form, language, { schoolName: LONG_SCHOOL_NAME });
    expectInsideMargins(doc);
    const text = bodyText(doc);
    at(text, LONG_SCHOOL_NAME);
    const words = LONG_SCHOOL_NAME.split(' ');
    const first = doc.words.find((w) => w.text === words[0]);
    // In the application the class follows after a comma («… мекемесі, 8 «Ә»»).
    const last = doc.words.find((w) => w.text.replace(/,$/, '') === words[words.length - 1]);
    expect(first && last && last.yMin - first.yMin).toBeGreaterThan(10);
  });
});

describe('a single word longer than the line', () => {
  it('is broken with hyphens as a last resort and never crosses the margin', async () => {
    const word = 'Әбдіғаппарқызы'.repeat(6);
    const doc = await rendered('appendix-2', 'kk', { applicantFullName: word });
    expectInsideMargins(doc);
    const pieces = doc.words.filter((w) => /^[Әбдіғаппарқызы]+-?$/u.test(w.text));
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.slice(0, -1).every((w) => w.text.endsWith('-'))).toBe(true);
    expect(pieces.map((w) => w.text.replace(/-$/, '')).join('')).toBe(word);
  });
});

describe('the layout model', () => {
  it('keeps every text item of every form inside the margins with long values', () => {
    for (const form of ['appendix-2', 'appendix-3', 'appendix-4', 'school-request', 'order'] as const) {
      for (const language of ['kk', 'ru'] as const) {
        const values = {
          ...sampleValues(form, language),
          schoolName: LONG_SCHOOL_NAME,
          refusalReasons: LONG_REFUSAL_REASON,
          providerName: LONG_SCHOOL_NAME.slice(0, 290),
        };
        const layout = layoutForm({ form, language, values, fonts: loadFormFonts() });
        for (const page of layout.pages) {
          for (const item of page.items) {
            if (item.kind === 'reserved') continue;
            const right = item.x + item.width;
            expect(item.x, `${form}.${language}`).toBeGreaterThanOrEqual(LEFT - 0.01);
            expect(
              right,
              `${form}.${language}: ${item.kind === 'text' ? item.text : 'rule'}`,
            ).toBeLessThanOrEqual(RIGHT + 0.01);
          }
        }
      }
    }
  });

  it('reserves the EDS stamp box on the page, inside the body area', () => {
    const layout = layoutForm({
      form: 'appendix-3',
      language: 'kk',
      values: sampleValues('appendix-3', 'kk'),
      fonts: loadFormFonts(),
    });
    const boxes = layout.pages.flatMap((p) => p.items.filter((i) => i.kind === 'reserved'));
    expect(boxes).toHaveLength(1);
    const box = boxes[0]!;
    expect(box.y + box.height).toBeLessThanOrEqual(BOTTOM + 0.01);
    expect(box.x).toBeCloseTo(LEFT, 5);
  });
});
