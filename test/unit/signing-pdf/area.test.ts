/** The reserved stamp box is found in the produced file exactly where the layout put it. */
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { getBundledTemplate, layoutForm, renderForm } from '../../../shared/forms';
import { FORM_IDS, FORM_LANGUAGES } from '../../../shared/forms/types';
import { findStampAreas } from '../../../shared/signing/pdf/area';
import { LONG_REFUSAL_REASON, sampleValues } from '../../fixtures/forms/sample-values';
import { loadFormFonts } from '../forms/support/node-fonts';

const fonts = loadFormFonts();

describe('findStampAreas', () => {
  for (const form of FORM_IDS) {
    for (const language of FORM_LANGUAGES) {
      it(`${form}.${language}: the marked box is the layout's reserved box, in page space`, async () => {
        const values = sampleValues(form, language);
        const layout = layoutForm({
          form,
          language,
          values,
          fonts,
          template: getBundledTemplate(form, language),
        });
        const pdf = await renderForm({ form, language, values, fonts, createdAt: new Date(0) });
        const areas = findStampAreas(await PDFDocument.load(pdf));
        const expected = layout.pages.flatMap((p, page) =>
          p.items
            .filter((i) => i.kind === 'reserved')
            .map((i) => ({
              page,
              rect: [i.x, layout.page.height - i.y - i.height, i.x + i.width, layout.page.height - i.y],
            })),
        );
        expect(expected.length).toBeGreaterThan(0);
        expect(areas).toHaveLength(expected.length);
        areas.forEach((a, k) => {
          expect(a.page).toBe(expected[k]!.page);
          a.rect.forEach((v, j) => expect(v).toBeCloseTo(expected[k]!.rect[j]!, 2));
        });
      });
    }
  }

  it('finds the box on the page it fell on in a two-page document', async () => {
    const values = { ...sampleValues('appendix-2', 'kk'), refusalReasons: LONG_REFUSAL_REASON };
    const pdf = await renderForm({
      form: 'appendix-2',
      language: 'kk',
      values,
      fonts,
      createdAt: new Date(0),
    });
    const doc = await PDFDocument.load(pdf);
    expect(doc.getPageCount()).toBe(2);
    expect(findStampAreas(doc).map((a) => a.page)).toEqual([1]);
  });

  it('finds nothing in a PDF that is no marked form', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    expect(findStampAreas(await PDFDocument.load(await doc.save()))).toEqual([]);
  });
});
