/**
 * Every form in both languages, rendered with realistic values and read back by poppler: the fixed
 * wording and every value are in the text layer, the fonts are embedded subsets, and the file renders.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getBundledTemplate, renderForm } from '../../../shared/forms';
import { FORM_IDS, FORM_LANGUAGES } from '../../../shared/forms/types';
import { sampleValues } from '../../fixtures/forms/sample-values';
import { loadFormFonts } from './support/node-fonts';
import { fixedPhrases, printedValues } from './support/phrases';
import { normalizeSpace, pdffonts, pdftotext, pdftoppm, requirePoppler, tempPdf } from './support/poppler';

const createdAt = new Date('2026-11-24T09:30:00Z');
const cleanups: (() => void)[] = [];

beforeEach(() => requirePoppler());
afterAll(() => cleanups.forEach((c) => c()));

describe.each(FORM_IDS.flatMap((form) => FORM_LANGUAGES.map((language) => ({ form, language }))))(
  '$form.$language',
  ({ form, language }) => {
    let path = '';
    let dir = '';
    const template = getBundledTemplate(form, language);
    const values = sampleValues(form, language);

    beforeAll(async () => {
      const bytes = await renderForm({ form, language, values, fonts: loadFormFonts(), createdAt });
      const file = tempPdf(bytes);
      cleanups.push(file.cleanup);
      path = file.path;
      dir = file.dir;
    });

    // Wrapped text comes back with line breaks where the layout broke lines (and justified words
    // with wider gaps), so both sides are compared with every whitespace run collapsed to a space.
    it('has every fixed phrase of the template in its text layer', () => {
      const text = normalizeSpace(pdftotext(path));
      const missing = fixedPhrases(template).filter((p) => !text.includes(normalizeSpace(p)));
      expect(missing).toEqual([]);
    });

    it('has every filled value, as printed in each place it is used, in its text layer', () => {
      const text = normalizeSpace(pdftotext(path));
      const printed = printedValues(template, values);
      expect(new Set(printed.map((p) => p.field)).size).toBe(template.fields.length);
      const missing = printed
        .filter((p) => !text.includes(normalizeSpace(p.text)))
        .map((p) => `${p.field}: ${p.text}`);
      expect(missing).toEqual([]);
    });

    it('embeds every font as a tagged subset', () => {
      const fonts = pdffonts(path);
      expect(fonts.length).toBeGreaterThan(0);
      for (const font of fonts) {
        expect(font).toMatchObject({ emb: 'yes', sub: 'yes', uni: 'yes' });
        expect(font.name).toMatch(/^[A-Z]{6}\+DeskSerif-(Regular|Bold)$/);
      }
    });

    it('renders with pdftoppm without errors', () => {
      const { pages, stderr } = pdftoppm(path, dir, 50);
      expect(stderr).toBe('');
      expect(pages.length).toBeGreaterThanOrEqual(1);
    });

    it('prints the dates of its blanks as dd.MM.yyyy and never as ISO', () => {
      const text = pdftotext(path);
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      expect(text).toMatch(/\b\d{2}\.\d{2}\.\d{4}\b/);
    });
  },
);
