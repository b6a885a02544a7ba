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
  /** The glyph the PDF shows for `codePoint` (0, the .notdef glyph, when the font has none). */
  glyphId(codePoint: number, weight: FontWeight): number;
  /** Advance width of the glyph of `codePoint`, in 1/1000 of the font size (PDF glyph space). */
  pdfWidth(codePoint: number, weight: FontWeight): number;
  /** What a PDF font descriptor says about a weight, in PDF glyph space (1/1000 em). */
  descriptor(weight: FontWeight): FontDescriptorInfo;
}

export interface FontDescriptorInfo {
  bbox: [number, number, number, number];
  ascent: number;
  descent: number;
  capHeight: number;
  italicAngle: number;
  /** OS/2 usWeightClass (400 regular, 700 bold). */
  weightClass: number;
}

interface Face {
  font: fontkit.Font;
  /** Glyph and advance width (font units) per code point; cached because every word is measured. */
  glyphs: Map<number, { id: number; advance: number }>;
}

function face(bytes: Uint8Array): Face {
  return { font: fontkit.create(bytes), glyphs: new Map() };
}

function glyphOf(f: Face, codePoint: number): { id: number; advance: number } {
  let g = f.glyphs.get(codePoint);
  if (g === undefined) {
    // Only the id and advance are kept: fontkit's glyph objects remember the code point they were
    // first looked up with, which must never decide what a document's text layer says.
    const glyph = f.font.glyphForCodePoint(codePoint);
    g = { id: glyph.id, advance: glyph.advanceWidth };
    f.glyphs.set(codePoint, g);
  }
  return g;
}

function descriptorOf(f: Face): FontDescriptorInfo {
  const scale = (v: number) => Math.round((v * 1000) / f.font.unitsPerEm);
  const { minX, minY, maxX, maxY } = f.font.bbox;
  const os2 = (f.font as unknown as { 'OS/2'?: { usWeightClass?: number } })['OS/2'];
  return {
    bbox: [scale(minX), scale(minY), scale(maxX), scale(maxY)],
    ascent: scale(f.font.ascent),
    descent: scale(f.font.descent),
    capHeight: scale(f.font.capHeight),
    italicAngle: f.font.italicAngle,
    weightClass: os2?.usWeightClass ?? 400,
  };
}

/*
 * Widths are the sum of glyph advances, exactly what the PDF writer draws: it places glyphs by
 * their advance (the /W widths of pdf-font.ts) without kerning, and Desk Serif keeps no layout
 * tables (Liberation Serif has no ligatures anyway), so one code point is one glyph in every text
 * this desk prints.
 */
function createMetrics(fonts: FormFonts): FontMetrics {
  const faces: Record<FontWeight, Face> = { regular: face(fonts.regular), bold: face(fonts.bold) };
  return {
    width(text, weight, size) {
      const f = faces[weight];
      let units = 0;
      // A no-break space is printed as a space (nobreak.ts), so it is as wide as one.
      for (const ch of text) units += glyphOf(f, ch === '\u00a0' ? 0x20 : (ch.codePointAt(0) ?? 0)).advance;
      return (units * size) / f.font.unitsPerEm;
    },
    glyphId: (codePoint, weight) => glyphOf(faces[weight], codePoint).id,
    pdfWidth(codePoint, weight) {
      const f = faces[weight];
      return (glyphOf(f, codePoint).advance * 1000) / f.font.unitsPerEm;
    },
    descriptor: (weight) => descriptorOf(faces[weight]),
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

// Parsing a TrueType file costs milliseconds; the same bytes are used for every render.
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
