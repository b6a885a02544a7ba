/**
 * The `ABCDEF+` prefix that marks an embedded font as a subset (ISO 32000-1, 9.6.4). pdf-lib embeds
 * subsets without it, so PDF checkers (pdffonts, preflight) report the fonts as whole fonts. The tag
 * is derived from the embedded font program, so the same glyphs always get the same tag and the
 * output stays byte-for-byte reproducible.
 */
import { PDFArray, PDFDict, PDFName, PDFStream, type PDFDocument, type PDFFont, type PDFRef } from 'pdf-lib';

/** FNV-1a, 32 bits: enough to tell subsets apart, and available without platform crypto. */
function fnv1a(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (const b of bytes) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Six uppercase letters from the bytes of a font program. */
export function subsetTag(fontProgram: Uint8Array): string {
  let h = fnv1a(fontProgram);
  let tag = '';
  for (let i = 0; i < 6; i++) {
    tag += String.fromCharCode(65 + (h % 26));
    h = Math.floor(h / 26);
  }
  return tag;
}

function lookupDict(doc: PDFDocument, ref: PDFRef | PDFDict | undefined): PDFDict {
  const obj = ref instanceof PDFDict ? ref : ref ? doc.context.lookup(ref) : undefined;
  if (!(obj instanceof PDFDict)) throw new Error('font dictionary not found after embedding');
  return obj;
}

/**
 * Renames an embedded Type0 font, its CIDFont and its descriptor to `TAG+PostScriptName`. Must run
 * after `doc.flush()` (which embeds the subsets) and before `save()`; save does not re-embed a font
 * whose text has not changed since.
 */
export function tagSubsetFont(doc: PDFDocument, font: PDFFont, postscriptName: string): string {
  const type0 = lookupDict(doc, font.ref);
  const descendants = type0.lookup(PDFName.of('DescendantFonts'), PDFArray);
  const cidFont = lookupDict(doc, descendants.lookup(0, PDFDict));
  const descriptor = cidFont.lookup(PDFName.of('FontDescriptor'), PDFDict);
  const fileKey = descriptor.has(PDFName.of('FontFile2')) ? 'FontFile2' : 'FontFile3';
  const program = descriptor.lookup(PDFName.of(fileKey), PDFStream);
  const name = `${subsetTag(program.getContents())}+${postscriptName}`;
  const pdfName = PDFName.of(name);
  type0.set(PDFName.of('BaseFont'), pdfName);
  cidFont.set(PDFName.of('BaseFont'), pdfName);
  descriptor.set(PDFName.of('FontName'), pdfName);
  return name;
}
