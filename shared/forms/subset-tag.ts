/**
 * The `ABCDEF+` prefix that marks an embedded font as a subset (ISO 32000-1, 9.6.4), so PDF checkers
 * (pdffonts, preflight) report the fonts as subsets. The tag is derived from the embedded font
 * program, so the same glyphs always get the same tag and the output stays byte-for-byte
 * reproducible.
 */

/** FNV-1a, 32 bits: enough to tell subsets apart, and available without platform crypto. */
function fnv1a(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  // An indexed loop: a font program is tens of kilobytes and this runs for every document.
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return h >>> 0;
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
