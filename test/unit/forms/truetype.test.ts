/**
 * The per-document font subset (shared/forms/truetype.ts) against HarfBuzz's own retain-gids subset
 * of the same glyphs: the same glyphs keep their outlines, at the same IDs and advances, and the
 * file is a valid sfnt (checksums) that fontkit and poppler read.
 */
import { createHash } from 'node:crypto';
import fontkit from '@pdf-lib/fontkit';
import { describe, expect, it } from 'vitest';
import { formCodePoints } from '../../../shared/forms/font-coverage';
import { md5, toHex } from '../../../shared/forms/md5';
import { glyphClosure, readSfnt, retainGlyphs, writeSfnt } from '../../../shared/forms/truetype';
import { hbSubset, HB_SUBSET_FLAGS_RETAIN_GIDS } from '../../pdf-resources/fonts';
import { loadFormFonts } from './support/node-fonts';

const { regular } = loadFormFonts();
const face = fontkit.create(regular);
const TEXT = 'Тәжіғалиева Шаһизада-Гүлнұр, № 147-ө «Йошкар-Ола» ёж Zhumabekova Ǵ ĳ';
const gidsOf = (text: string) => new Set([...text].map((c) => face.glyphForCodePoint(c.codePointAt(0)!).id));

function u32(b: Uint8Array, o: number): number {
  return ((b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!) >>> 0;
}

function sum32(b: Uint8Array): number {
  let s = 0;
  for (let i = 0; i < b.length; i += 4)
    s = (s + u32(Uint8Array.from([b[i] ?? 0, b[i + 1] ?? 0, b[i + 2] ?? 0, b[i + 3] ?? 0]), 0)) >>> 0;
  return s;
}

/** A composite glyph among the form's characters (an accented letter built from two glyphs). */
function compositeCodePoint(): number {
  const cp = formCodePoints().find((c) => glyphClosure(regular, [face.glyphForCodePoint(c).id]).size > 2);
  if (cp === undefined) throw new Error('no composite glyph in the font');
  return cp;
}

describe('retainGlyphs', () => {
  it('keeps the outlines of the used glyphs at their IDs and empties the others, as HarfBuzz does', async () => {
    const gids = gidsOf(TEXT);
    const ours = fontkit.create(retainGlyphs(regular, gids));
    const theirs = fontkit.create(
      await hbSubset(regular, { glyphs: [...gids], flags: HB_SUBSET_FLAGS_RETAIN_GIDS }),
    );
    expect(ours.numGlyphs).toBe(face.numGlyphs);
    // HarfBuzz also drops the empty glyphs after the last one kept, so compare the drawn ones.
    const drawn = (f: fontkit.Font) =>
      Array.from({ length: f.numGlyphs }, (_, gid) => `${gid}:${f.getGlyph(gid).path.toSVG()}`).filter(
        (p) => !p.endsWith(':'),
      );
    expect(drawn(ours)).toEqual(drawn(theirs));
    for (const gid of gids) {
      expect(ours.getGlyph(gid).path.toSVG()).toBe(face.getGlyph(gid).path.toSVG());
      expect(ours.getGlyph(gid).advanceWidth).toBe(face.getGlyph(gid).advanceWidth);
    }
    // Nothing else: only the glyphs asked for and the components they are built from.
    const closure = glyphClosure(regular, gids);
    expect(drawn(ours).filter((p) => !closure.has(Number(p.split(':')[0])))).toEqual([]);
    expect(closure.size).toBeLessThan(face.numGlyphs / 5);
  });

  it('keeps the components of a composite glyph', () => {
    const cp = compositeCodePoint();
    const gid = face.glyphForCodePoint(cp).id;
    const closure = glyphClosure(regular, [gid]);
    const subset = fontkit.create(retainGlyphs(regular, [gid]));
    expect(subset.getGlyph(gid).path.toSVG()).toBe(face.getGlyph(gid).path.toSVG());
    for (const component of closure) {
      expect(subset.getGlyph(component).path.toSVG()).toBe(face.getGlyph(component).path.toSVG());
    }
  });

  it('writes a valid sfnt: table checksums and head.checkSumAdjustment', () => {
    const file = retainGlyphs(regular, gidsOf(TEXT));
    const { tables } = readSfnt(file);
    const count = (file[4]! << 8) | file[5]!;
    for (let i = 0; i < count; i++) {
      const r = 12 + i * 16;
      const tag = String.fromCharCode(...file.subarray(r, r + 4));
      const table = new Uint8Array(tables.get(tag)!);
      if (tag === 'head') table.fill(0, 8, 12);
      expect(u32(file, r + 4), tag).toBe(sum32(table));
    }
    expect(sum32(file)).toBe(0xb1b0afba);
  });

  it('refuses a glyph the font does not have', () => {
    expect(() => retainGlyphs(regular, [face.numGlyphs + 5])).toThrow(RangeError);
  });

  it('reads and writes the shipped font back byte for byte', () => {
    expect(Buffer.from(writeSfnt(readSfnt(regular))).equals(Buffer.from(regular))).toBe(true);
  });
});

describe('md5 (the PDF file identifier)', () => {
  it.each(['', 'abc', 'x'.repeat(55), 'x'.repeat(56), 'x'.repeat(64), 'Тәжіғалиева'.repeat(200)])(
    'agrees with node:crypto (%#)',
    (text) => {
      const bytes = new TextEncoder().encode(text);
      expect(toHex(md5(bytes))).toBe(createHash('md5').update(bytes).digest('hex'));
    },
  );
});
