/**
 * Text widths for the layout, from the same TrueType files the PDF embeds, so a line that fits in
 * the layout fits on paper.
 */
import fontkit from '@pdf-lib/fontkit';
import type { FormFonts } from './types';

export type FontWeight = 'regular' | 'bold';

export interface FontMetrics {
  /** Width in points of `text` set in `weight` at `size` points. */
  width(text: string, weight: FontWeight, size: number): number;
  /** PostScript names, used to name the embedded subsets. */
  readonly postscriptNames: Readonly<Record<FontWeight, string>>;
  /** Code points of `text` that the font has no glyph for (printed as empty boxes). */
  missingGlyphs(text: string): number[];
  /** Ascender as a fraction of the font size (where the baseline sits below a line's top). */
  readonly ascent: number;
}

interface Face {
  font: fontkit.Font;
  /** Advance width per code point in font units; cached because every word is measured. */
  advances: Map<number, number>;
}

function face(bytes: Uint8Array): Face {
  return { font: fontkit.create(bytes), advances: new Map() };
}

function advanceOf(f: Face, codePoint: number): number {
  let a = f.advances.get(codePoint);
  if (a === undefined) {
    a = f.font.glyphForCodePoint(codePoint).advanceWidth;
    f.advances.set(codePoint, a);
  }
  return a;
}

/*
 * Widths are the sum of glyph advances, exactly what pdf-lib writes: it places glyphs by their
 * advance and ignores kerning, and Liberation Serif has no ligatures (only subs, sups, mark, kern
 * features), so one code point is one glyph in every text this desk prints.
 */
function createMetrics(fonts: FormFonts): FontMetrics {
  const faces: Record<FontWeight, Face> = { regular: face(fonts.regular), bold: face(fonts.bold) };
  return {
    width(text, weight, size) {
      const f = faces[weight];
      let units = 0;
      // A no-break space is printed as a space (nobreak.ts), so it is as wide as one.
      for (const ch of text) units += advanceOf(f, ch === '\u00a0' ? 0x20 : (ch.codePointAt(0) ?? 0));
      return (units * size) / f.font.unitsPerEm;
    },
    postscriptNames: {
      regular: faces.regular.font.postscriptName ?? 'Regular',
      bold: faces.bold.font.postscriptName ?? 'Bold',
    },
    ascent: faces.regular.font.ascent / faces.regular.font.unitsPerEm,
    missingGlyphs(text) {
      const missing: number[] = [];
      for (const ch of text) {
        const cp = ch.codePointAt(0) ?? 0;
        if (cp > 0x20 && !faces.regular.font.hasGlyphForCodePoint(cp) && !missing.includes(cp))
          missing.push(cp);
      }
      return missing;
    },
  };
}

// Parsing a 400 KB TrueType file costs milliseconds; the same bytes are used for every render.
const cache = new WeakMap<Uint8Array, WeakMap<Uint8Array, FontMetrics>>();

/** Metrics of a pair of font files, parsed once per pair of byte arrays. */
export function metricsFor(fonts: FormFonts): FontMetrics {
  let byBold = cache.get(fonts.regular);
  if (!byBold) {
    byBold = new WeakMap();
    cache.set(fonts.regular, byBold);
  }
  let metrics = byBold.get(fonts.bold);
  if (!metrics) {
    metrics = createMetrics(fonts);
    byBold.set(fonts.bold, metrics);
  }
  return metrics;
}
