/**
 * The build-time resources of the PDF writer (`npm run pdf:resources`): the fonts cut from Liberation
 * Serif and the output intent's ICC profile. Committed, so each is rebuilt here and compared; and
 * the cut fonts must draw exactly what the originals draw, under a name the OFL allows.
 */
import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { describe, expect, it } from 'vitest';
import { formCodePoints } from '../../../shared/forms/font-coverage';
import { srgbProfile } from '../../../shared/forms/pdfa';
import { readSfnt } from '../../../shared/forms/truetype';
import { buildFormFont, FONT_DIR, FORM_FONT_FILES } from '../../pdf-resources/fonts';
import { ICC_FILE, ICC_MODULE, iccModuleSource } from '../../pdf-resources/icc';

const read = (file: string) => new Uint8Array(readFileSync(file));

describe.each(['regular', 'bold'] as const)('Desk Serif %s', (weight) => {
  const files = FORM_FONT_FILES[weight];
  const original = read(`${FONT_DIR}${files.source}`);
  const shipped = read(`${FONT_DIR}${files.output}`);
  const font = fontkit.create(shipped);
  const source = fontkit.create(original);

  it('is what `npm run pdf:resources` builds from Liberation Serif today', async () => {
    const rebuilt = await buildFormFont(original, files.style);
    expect(Buffer.from(rebuilt).equals(Buffer.from(shipped))).toBe(true);
  });

  it('has exactly the characters of shared/forms/font-coverage.ts, each with a glyph of its own', () => {
    // (fontkit lists U+FFFF, the end marker of a format 4 cmap, which maps to no glyph)
    const mapped = font.characterSet.filter((cp) => font.glyphForCodePoint(cp).id !== 0);
    expect(mapped.sort((a, b) => a - b)).toEqual(formCodePoints());
    // One glyph per code point: the ToUnicode map names each glyph by one character.
    const glyphs = formCodePoints().map((cp) => font.glyphForCodePoint(cp).id);
    expect(new Set(glyphs).size).toBe(glyphs.length);
    expect(glyphs).not.toContain(0);
  });

  it('draws every character with the outline and advance of the original', () => {
    const differ = formCodePoints().filter((cp) => {
      const a = font.glyphForCodePoint(cp);
      const b = source.glyphForCodePoint(cp);
      return a.advanceWidth !== b.advanceWidth || a.path.toSVG() !== b.path.toSVG();
    });
    expect(differ).toEqual([]);
    expect([font.unitsPerEm, font.ascent, font.descent]).toEqual([
      source.unitsPerEm,
      source.ascent,
      source.descent,
    ]);
  });

  it('is renamed as the OFL requires of a Modified Version, keeping the copyright and licence', () => {
    const names = [font.familyName, font.fullName, font.postscriptName, font.subfamilyName].join(' | ');
    expect(names).toBe(`Desk Serif | Desk Serif ${files.style} | DeskSerif-${files.style} | ${files.style}`);
    // The Reserved Font Names of the source: "Liberation", and "Arimo", "Tinos", "Cousine".
    expect(names).not.toMatch(/Liberation|Arimo|Tinos|Cousine/);
    expect(font.copyright).toContain('Copyright (c) 2012 Red Hat, Inc.');
    expect(font.copyright).toContain('Modified Version of Liberation Serif');
    const name = (key: string) => (font as unknown as { getName(k: string): string | null }).getName(key);
    expect(name('licenseURL') ?? '').not.toBe('');
    expect(name('license') ?? '').toMatch(/Open Font License/);
  });

  it('keeps no hinting and no layout tables (the PDF writer places glyphs by their advances)', () => {
    const tables = [...readSfnt(shipped).tables.keys()].sort();
    expect(tables).toEqual(['OS/2', 'cmap', 'glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp', 'name', 'post']);
    expect(shipped.length).toBeLessThan(original.length / 6);
  });
});

describe('the output intent profile', () => {
  it('shared/forms/srgb-profile.ts is resources/icc/sRGB.icc as `npm run pdf:resources` writes it', () => {
    expect(readFileSync(ICC_MODULE, 'utf8')).toBe(iccModuleSource());
    expect(Buffer.from(srgbProfile()).equals(readFileSync(ICC_FILE))).toBe(true);
  });
});
