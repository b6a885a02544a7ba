/**
 * The characters the printed forms can show: the code points of the bundled font, which is cut to
 * them at build time (test/fonts/subset-fonts.ts) from Liberation Serif. A value with any other
 * character is refused before it is printed (it would come out as an empty box, and PDF/A forbids
 * the .notdef glyph), so this list is also the validation rule.
 */

/** Inclusive ranges; every code point in them has a glyph in both weights. */
export const FORM_CHARACTER_RANGES: readonly (readonly [number, number])[] = [
  [0x0020, 0x007e], // Basic Latin
  [0x00a0, 0x017f], // Latin-1 Supplement (no-break space, « », §) and Latin Extended-A (names in Latin letters)
  [0x01f4, 0x01f5], // Ǵ ǵ of the Kazakh Latin alphabet
  [0x0400, 0x04ff], // Cyrillic: Russian and Kazakh (ә ғ қ ң ө ұ ү һ і), with their capitals
  [0x2000, 0x2010], // spaces of fixed widths, zero-width space and joiners, hyphen
  [0x2012, 0x2022], // dashes – —, quotation marks ‘ ’ ‚ “ ” „, daggers, bullet
  [0x2026, 0x2026], // …
  [0x202f, 0x2030], // narrow no-break space, ‰
  [0x2032, 0x2033], // ′ ″
  [0x2039, 0x203a], // ‹ ›
  [0x20ac, 0x20ac], // €
  [0x2116, 0x2116], // №
  [0x2122, 0x2122], // ™
  [0x2212, 0x2212], // − (minus)
];

/** Every code point of FORM_CHARACTER_RANGES, in order. */
export function formCodePoints(): number[] {
  const cps: number[] = [];
  for (const [from, to] of FORM_CHARACTER_RANGES) for (let cp = from; cp <= to; cp++) cps.push(cp);
  return cps;
}

/** Whether the forms can print `cp`; line breaks and tabs count as printable (the layout handles them). */
export function isPrintableCodePoint(cp: number): boolean {
  if (cp === 0x0a || cp === 0x0d || cp === 0x09) return true;
  return FORM_CHARACTER_RANGES.some(([from, to]) => cp >= from && cp <= to);
}

/** The characters of `text` the forms cannot print, each once, in order of appearance. */
export function unprintableCharacters(text: string): string[] {
  const found: string[] = [];
  for (const ch of text) {
    if (!isPrintableCodePoint(ch.codePointAt(0) ?? 0) && !found.includes(ch)) found.push(ch);
  }
  return found;
}
