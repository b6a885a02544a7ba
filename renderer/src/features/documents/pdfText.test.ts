import { describe, expect, it } from 'vitest';
import { layoutForm } from '../../../../shared/forms';
import { testFormFonts } from '../forms/testing';
import { linesOfLayout, linesOfTextContent } from './pdfText';

describe('linesOfTextContent', () => {
  it('joins pdf.js runs into lines where pdf.js saw a line end, skipping markers and empty lines', () => {
    expect(
      linesOfTextContent([
        { str: 'ҮЗІНДІ ', hasEOL: false },
        { str: 'КӨШІРМЕ', hasEOL: true },
        { type: 'beginMarkedContent' },
        { str: '   ', hasEOL: true },
        { str: 'Ахметов  Нұрлан', hasEOL: false },
      ]),
    ).toEqual(['ҮЗІНДІ КӨШІРМЕ', 'Ахметов Нұрлан']);
  });
});

describe('linesOfLayout', () => {
  it('gives every line the desk laid out, the typed values among them, top to bottom', () => {
    const fonts = testFormFonts();
    const layout = layoutForm({
      form: 'appendix-3',
      language: 'kk',
      values: { applicantFullName: 'Ахметов Нұрлан Серікұлы', caseNumber: 'KZ-2026-00123' },
      fonts,
    });
    const pages = linesOfLayout(layout);
    expect(pages).toHaveLength(layout.pages.length);
    const text = pages.flat().join('\n');
    expect(text).toContain('Ахметов Нұрлан Серікұлы');
    expect(text).toContain('KZ-2026-00123');
    // Every word placed on the first page is in its lines, in the order they are read.
    const placed = layout.pages[0]!.items.flatMap((i) => (i.kind === 'text' ? i.text.split(/\s+/) : []));
    for (const word of placed.filter(Boolean)) expect(pages[0]!.join(' ')).toContain(word);
  });
});
