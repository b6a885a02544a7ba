/**
 * The shipped fonts: OFL-licensed, and every letter the forms print (Latin, Russian, Kazakh, in both
 * cases and both weights) has a real glyph, so nothing prints as an empty box.
 */
import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { describe, expect, it } from 'vitest';
import { layoutForm } from '../../../shared/forms';
import { KAZAKH_CAPITALS, KAZAKH_LETTERS, sampleValues } from '../../fixtures/forms/sample-values';
import { loadFormFonts } from './support/node-fonts';

const RUSSIAN = 'абвгдеёжзийклмнопрстуфхцчшщъыьэюя';
const LATIN = 'abcdefghijklmnopqrstuvwxyz';
const SIGNS = '0123456789.,:;!?()[]/-–—«»"\'№%_';
const ALL = [KAZAKH_LETTERS, RUSSIAN, LATIN].flatMap((s) => [s, s.toUpperCase()]).join('') + SIGNS;

describe('resources/fonts', () => {
  it.each(['regular', 'bold'] as const)('%s covers every letter the forms print', (weight) => {
    const font = fontkit.create(loadFormFonts()[weight]);
    expect(KAZAKH_LETTERS.toUpperCase()).toBe(KAZAKH_CAPITALS);
    const missing = [...ALL].filter((ch) => !font.hasGlyphForCodePoint(ch.codePointAt(0) ?? 0));
    expect(missing).toEqual([]);
    expect(font.postscriptName).toMatch(/^DeskSerif-(Regular|Bold)$/);
  });

  it('ships the SIL Open Font License beside the fonts', () => {
    const licence = readFileSync(
      new URL('../../../resources/fonts/LiberationSerif-OFL.txt', import.meta.url),
      'utf8',
    );
    expect(licence).toContain('SIL OPEN FONT LICENSE Version 1.1');
    expect(licence).toContain('Reserved Font Name Liberation');
  });

  it('lets the desk warn about characters the font cannot show', () => {
    const values = { ...sampleValues('appendix-2', 'kk'), refusalReasons: `құжат 中 жоқ ${KAZAKH_CAPITALS}` };
    const layout = layoutForm({ form: 'appendix-2', language: 'kk', values, fonts: loadFormFonts() });
    expect(layout.missingGlyphs).toEqual(['中'.codePointAt(0)]);
  });
});
