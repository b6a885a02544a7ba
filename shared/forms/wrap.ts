/**
 * Greedy word wrapping. Lines break only between words; a single word wider than a whole line is
 * the one exception (a long URL or number pasted into a field), broken with a hyphen so that it never
 * runs past the margin. A no-break space (U+00A0, see `nobreak.ts`) joins what it stands between
 * into one word: «№ 147-ө», «Г. С. Ахметова», «8 «Ә»», «ЖСН 880315400128» never part at a line end.
 */

/** Width in points of a piece of text in the current font and size. */
export type Measure = (text: string) => number;

export interface WrapOptions {
  /** Width of the first line when it differs (a first-line indent, or a label before a blank). */
  firstLineWidth?: number;
}

export interface WrappedLine {
  text: string;
  /** True when the line ends inside a word that was broken with a hyphen. */
  hyphenated: boolean;
  /** True for the last line of a hard-broken paragraph (not stretched when justifying). */
  endsParagraph: boolean;
}

const HYPHEN = '-';

/** Wraps `text` (hard breaks at `\n`) into lines no wider than their width. */
export function wrapText(
  text: string,
  width: number,
  measure: Measure,
  options: WrapOptions = {},
): WrappedLine[] {
  const lines: WrappedLine[] = [];
  const widthOf = (): number => (lines.length === 0 ? (options.firstLineWidth ?? width) : width);
  const space = measure(' ');

  for (const paragraph of text.split('\n')) {
    const words = paragraph.split(/[ \t]+/).filter((w) => w.length > 0);
    let current = '';
    let currentWidth = 0;
    const flush = (hyphenated: boolean, endsParagraph: boolean): void => {
      lines.push({ text: current, hyphenated, endsParagraph });
      current = '';
      currentWidth = 0;
    };

    for (const word of words) {
      const w = measure(word);
      if (current !== '' && currentWidth + space + w <= widthOf()) {
        current += ` ${word}`;
        currentWidth += space + w;
        continue;
      }
      if (current !== '') flush(false, false);
      if (w <= widthOf()) {
        current = word;
        currentWidth = w;
        continue;
      }
      // Only a word longer than an empty line gets here.
      let rest = [...word];
      while (rest.length > 0 && measure(rest.join('')) > widthOf()) {
        const take = longestPrefix(rest, widthOf(), measure);
        current = rest.slice(0, take).join('') + HYPHEN;
        flush(true, false);
        rest = rest.slice(take);
      }
      current = rest.join('');
      currentWidth = measure(current);
    }
    flush(false, true);
  }
  return lines;
}

/** How many characters, followed by a hyphen, fit in `width` (at least one, so wrapping ends). */
function longestPrefix(chars: string[], width: number, measure: Measure): number {
  let lo = 1;
  let hi = chars.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(chars.slice(0, mid).join('') + HYPHEN) <= width) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
