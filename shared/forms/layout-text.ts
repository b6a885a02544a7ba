/** Wrapped runs of text and the shared measures of the flow (sizes, line boxes, fills). */
import type { Chunk, LaidItem } from './layout-types';
import type { FontMetrics, FontWeight } from './metrics';
import { bindNoBreak, shown } from './nobreak';
import { splitPlaceholders } from './placeholders';
import { wrapText } from './wrap';

export interface FlowStyle {
  bodySize: number;
  captionSize: number;
  /** Annex references and other secondary fixed text. */
  smallSize: number;
  lineHeight: number;
}

export interface Flow {
  metrics: FontMetrics;
  style: FlowStyle;
  /** Printed text of every declared field ('' when empty). */
  values: ReadonlyMap<string, string>;
  /** A field printed in the form its placeholder asks for (`{orderDate:month:attributive}`); '' when empty. */
  printAs: (field: string, modifiers: readonly string[]) => string;
}

/** What an empty value prints as inside fixed text: the blank of the official form. */
export const EMPTY_FILL = '__________';

export const MM = 72 / 25.4;

/** Widest gap between justified words, in spaces. */
const MAX_GAP = 8;

export function lineBox(flow: Flow, size: number): number {
  return size * flow.style.lineHeight;
}

/** Distance from the top of a line box to its baseline (the extra leading split above and below). */
export function baselineOffset(flow: Flow, size: number): number {
  return (size * (flow.style.lineHeight - 1)) / 2 + size * flow.metrics.ascent;
}

/**
 * Replaces `{field}` with its printed value (an empty value prints as the form's blank) and binds
 * what must not part at a line end («№ 147-ө», «Г. С. Ахметова»).
 */
export function fill(flow: Flow, text: string): string {
  const parts = splitPlaceholders(text) ?? [{ kind: 'text' as const, text }];
  const filled = parts
    .map((p) => {
      if (p.kind === 'text') return p.text;
      const value = p.modifiers.length > 0 ? flow.printAs(p.name, p.modifiers) : flow.values.get(p.name);
      return value || EMPTY_FILL;
    })
    .join('');
  return bindNoBreak(filled);
}

export interface TextRun {
  x: number;
  width: number;
  size: number;
  weight: FontWeight;
  align: 'left' | 'center' | 'right' | 'justify';
  /** First-line indent in points. */
  indent?: number;
  spaceBefore: number;
  /** Keep every line of the run with the next chunk (headings). */
  keepWithNext?: boolean;
}

/** One chunk per wrapped line, so a long paragraph can continue on the next page. */
export function textChunks(flow: Flow, text: string, run: TextRun): Chunk[] {
  const measure = (s: string): number => flow.metrics.width(s, run.weight, run.size);
  const indent = run.indent ?? 0;
  const lines = wrapText(text, run.width, measure, { firstLineWidth: run.width - indent });
  const height = lineBox(flow, run.size);
  const baseline = baselineOffset(flow, run.size);
  return lines.map((line, i) => {
    const left = run.x + (i === 0 ? indent : 0);
    const available = run.width - (i === 0 ? indent : 0);
    const lineWidth = measure(line.text);
    const items: LaidItem[] = [];
    const words = line.text.split(' ');
    const gap =
      words.length > 1 ? (available - words.reduce((sum, w) => sum + measure(w), 0)) / (words.length - 1) : 0;
    // A line of a few long words would get gaping holes; such a line is left ragged instead.
    const stretch =
      run.align === 'justify' && !line.endsParagraph && words.length > 1 && gap <= MAX_GAP * measure(' ');
    if (stretch) {
      // Word by word: PDF word spacing (Tw) does not apply to two-byte Identity-H text.
      let x = left;
      for (const word of words) {
        const w = measure(word);
        items.push({
          kind: 'text',
          text: shown(word),
          x,
          y: baseline,
          size: run.size,
          weight: run.weight,
          width: w,
        });
        x += w + gap;
      }
    } else if (line.text !== '') {
      let x = left;
      if (run.align === 'center') x = left + (available - lineWidth) / 2;
      if (run.align === 'right') x = left + available - lineWidth;
      items.push({
        kind: 'text',
        text: shown(line.text),
        x,
        y: baseline,
        size: run.size,
        weight: run.weight,
        width: lineWidth,
      });
    }
    return {
      height,
      items,
      spaceBefore: i === 0 ? run.spaceBefore : 0,
      keepWithNext: run.keepWithNext ?? false,
    };
  });
}

/** Stacks chunks into one (for rows and reserved boxes that must not be split). */
export function mergeChunks(chunks: Chunk[], spaceBefore: number, keepWithNext: boolean): Chunk {
  const items: LaidItem[] = [];
  let top = 0;
  chunks.forEach((c, i) => {
    if (i > 0) top += c.spaceBefore;
    for (const item of c.items) items.push({ ...item, y: item.y + top });
    top += c.height;
  });
  return { height: top, items, spaceBefore, keepWithNext };
}
