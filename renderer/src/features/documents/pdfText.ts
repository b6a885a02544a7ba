/**
 * The text alternative of a PDF page, as lines: what a screen reader reads and a keyboard user can
 * show instead of the picture the canvas draws. From pdf.js's text content for any PDF, or from the
 * desk's own layout for a form it fills (the very lines it placed, in reading order).
 */
import type { FormLayout } from '../../../../shared/forms';

/** What pdf.js's getTextContent gives per item: a text run, or a marked-content marker (no `str`). */
export type TextItemLike = { str: string; hasEOL: boolean } | { type: string };

/** pdf.js text items joined into lines: a run ends its line where pdf.js saw the line end. */
export function linesOfTextContent(items: readonly TextItemLike[]): string[] {
  const lines: string[] = [];
  let line = '';
  for (const item of items) {
    if (!('str' in item)) continue;
    line += item.str;
    if (item.hasEOL) {
      lines.push(line);
      line = '';
    }
  }
  lines.push(line);
  return lines.map((l) => l.replace(/\s+/g, ' ').trim()).filter((l) => l !== '');
}

/** Points within which two runs count as one line (a baseline shared by a label and its value). */
const SAME_LINE = 1;

/** Each page of a laid-out form as lines, top to bottom and left to right. */
export function linesOfLayout(layout: FormLayout): string[][] {
  return layout.pages.map((page) => {
    const texts = page.items.flatMap((i) => (i.kind === 'text' && i.text.trim() !== '' ? [i] : []));
    texts.sort((a, b) => (Math.abs(a.y - b.y) <= SAME_LINE ? a.x - b.x : a.y - b.y));
    const lines: { y: number; parts: string[] }[] = [];
    for (const t of texts) {
      const last = lines[lines.length - 1];
      if (last && Math.abs(last.y - t.y) <= SAME_LINE) last.parts.push(t.text.trim());
      else lines.push({ y: t.y, parts: [t.text.trim()] });
    }
    return lines.map((l) => l.parts.join(' '));
  });
}
