/**
 * Embeds one weight of the forms' font in a PDF as a composite font (ISO 32000-1, 9.7): a Type 0
 * font with the Identity-H encoding over a CIDFontType2 whose CIDs are the glyph IDs of the font
 * file (CIDToGIDMap /Identity), the subset program (FontFile2), widths, and a ToUnicode CMap built
 * from the code points this document printed, so the text layer says exactly what was drawn.
 */
import { PDFString, type PDFContext, type PDFRef } from 'pdf-lib';
import type { FontDescriptorInfo } from './metrics';
import { flateStream } from './deflate';
import { subsetTag } from './subset-tag';
import { retainGlyphs } from './truetype';

/** The glyphs a document draws in one font: glyph ID → the code point it shows. */
export type GlyphUse = Map<number, number>;

export interface EmbeddedFontInput {
  /** The TrueType file (the bundled subset of the forms' characters). */
  program: Uint8Array;
  postscriptName: string;
  descriptor: FontDescriptorInfo;
  used: GlyphUse;
  /** Advance width of a used glyph in PDF glyph space (1/1000 em). */
  widthOf: (gid: number) => number;
}

// FontDescriptor flags (ISO 32000-1, Table 123): Serif, and Symbolic because the font has glyphs
// outside the Adobe standard Latin set (Cyrillic).
const FLAG_SERIF = 1 << 1;
const FLAG_SYMBOLIC = 1 << 2;

const utf8 = new TextEncoder();

const hex4 = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');

/** UTF-16BE hex of a code point (a surrogate pair above U+FFFF). */
function utf16Hex(cp: number): string {
  if (cp <= 0xffff) return hex4(cp);
  const v = cp - 0x10000;
  return hex4(0xd800 + (v >> 10)) + hex4(0xdc00 + (v & 0x3ff));
}

/** A ToUnicode CMap (ISO 32000-1, 9.10.3) mapping each 2-byte CID to its character. */
export function toUnicodeCMap(used: GlyphUse): string {
  const entries = [...used].sort((a, b) => a[0] - b[0]);
  const blocks: string[] = [];
  // At most 100 entries per bfchar block (the CMap specification's limit).
  for (let i = 0; i < entries.length; i += 100) {
    const chunk = entries.slice(i, i + 100);
    blocks.push(
      `${chunk.length} beginbfchar\n${chunk.map(([gid, cp]) => `<${hex4(gid)}> <${utf16Hex(cp)}>`).join('\n')}\nendbfchar`,
    );
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}

/** Rounds to 1/1000 of a unit and drops trailing zeros. */
const num = (n: number) => Math.round(n * 1000) / 1000;

/** The /W array: runs of consecutive CIDs as `first [w1 w2 …]`. */
function widthsArray(used: GlyphUse, widthOf: (gid: number) => number): (number | number[])[] {
  const gids = [...used.keys()].sort((a, b) => a - b);
  const out: (number | number[])[] = [];
  let run: number[] = [];
  let first = -1;
  gids.forEach((gid, i) => {
    if (i > 0 && gid !== gids[i - 1]! + 1) {
      out.push(first, run);
      run = [];
    }
    if (run.length === 0) first = gid;
    run.push(num(widthOf(gid)));
  });
  if (run.length > 0) out.push(first, run);
  return out;
}

/** Registers the font's objects in `context`; returns the Type 0 font dictionary. */
export function embedFont(context: PDFContext, font: EmbeddedFontInput): PDFRef {
  const program = retainGlyphs(font.program, font.used.keys());
  const name = `${subsetTag(program)}+${font.postscriptName}`;
  const d = font.descriptor;
  const fontFile = context.register(flateStream(context, program, { Length1: program.length }));
  const descriptor = context.register(
    context.obj({
      Type: 'FontDescriptor',
      FontName: name,
      Flags: FLAG_SERIF | FLAG_SYMBOLIC,
      FontBBox: d.bbox,
      ItalicAngle: d.italicAngle,
      Ascent: d.ascent,
      Descent: d.descent,
      CapHeight: d.capHeight,
      // Not in TrueType; the usual estimate from the weight class (ISO 32000-1 requires a value).
      StemV: Math.round(50 + (d.weightClass / 65) ** 2),
      FontFile2: fontFile,
    }),
  );
  const cidFont = context.register(
    context.obj({
      Type: 'Font',
      Subtype: 'CIDFontType2',
      BaseFont: name,
      CIDSystemInfo: {
        Registry: PDFString.of('Adobe'),
        Ordering: PDFString.of('Identity'),
        Supplement: 0,
      },
      FontDescriptor: descriptor,
      W: widthsArray(font.used, font.widthOf),
      CIDToGIDMap: 'Identity',
    }),
  );
  const toUnicode = context.register(flateStream(context, utf8.encode(toUnicodeCMap(font.used))));
  return context.register(
    context.obj({
      Type: 'Font',
      Subtype: 'Type0',
      BaseFont: name,
      Encoding: 'Identity-H',
      DescendantFonts: [cidFont],
      ToUnicode: toUnicode,
    }),
  );
}

/** Resource names of the two weights in every page's font dictionary. */
export const FONT_RESOURCE = { regular: 'F1', bold: 'F2' } as const;
