/**
 * The underscored blanks of the official forms: an optional label, a ruled line carrying the value
 * (continued on further full-width ruled lines when long), an optional suffix, and the small caption
 * centred under the line.
 */
import type { Chunk, LaidItem } from './layout-types';
import { baselineOffset, fill, lineBox, mergeChunks, MM, textChunks, type Flow } from './layout-text';
import { bindNoBreak, shown } from './nobreak';
import type { BlankItem, TemplateBlock } from './template-schema';
import { wrapText } from './wrap';

/** Space between the rule's ends and the value written on it. */
const PAD = 2;
/** Space between a label or suffix and the rule. */
const GAP = 3;
const RULE = 0.5;
/** A label wider than this share of the line goes on lines of its own, the blank below it. */
const MAX_LABEL_SHARE = 0.6;

export interface BlankParts {
  lines: Chunk[];
  caption?: Chunk;
}

/** The printed value of a blank: its fields' values, empty ones left out. */
export function blankValue(flow: Flow, item: BlankItem): string {
  const parts = item.fields.map((f) => flow.values.get(f) ?? '').filter((v) => v !== '');
  return bindNoBreak(parts.join(item.joiner ?? ', '));
}

/** Lays a blank out in the column [x, x + width]. */
export function layoutBlank(flow: Flow, item: BlankItem, x: number, width: number): BlankParts {
  const size = flow.style.bodySize;
  const measure = (s: string): number => flow.metrics.width(s, 'regular', size);
  const height = lineBox(flow, size);
  const baseline = baselineOffset(flow, size);
  const underline = baseline + Math.max(2, size * 0.16);

  const lines: Chunk[] = [];
  const label = item.label === undefined ? undefined : fill(flow, item.label);
  const suffix = item.suffix === undefined ? undefined : fill(flow, item.suffix);
  const suffixWidth = suffix === undefined ? 0 : measure(suffix) + GAP;
  const right = x + width - suffixWidth;

  let firstStart = x;
  if (label !== undefined) {
    const labelWidth = measure(label);
    if (labelWidth + GAP > (right - x) * MAX_LABEL_SHARE) {
      lines.push(
        ...textChunks(flow, label, {
          x,
          width,
          size,
          weight: 'regular',
          align: 'left',
          spaceBefore: 0,
          keepWithNext: true,
        }),
      );
    } else {
      firstStart = x + labelWidth + GAP;
    }
  }

  const value = blankValue(flow, item);
  const wrapped =
    value === ''
      ? [{ text: '' }]
      : wrapText(value, right - x - 2 * PAD, measure, {
          firstLineWidth: right - firstStart - 2 * PAD,
        });
  const labelInline = label !== undefined && firstStart > x;
  wrapped.forEach((line, i) => {
    const start = i === 0 ? firstStart : x;
    const items: LaidItem[] = [];
    if (i === 0 && labelInline) {
      items.push({
        kind: 'text',
        text: label,
        x,
        y: baseline,
        size,
        weight: 'regular',
        width: measure(label),
      });
    }
    if (line.text !== '') {
      items.push({
        kind: 'text',
        text: shown(line.text),
        x: start + PAD,
        y: baseline,
        size,
        weight: 'regular',
        width: measure(line.text),
        fields: [...item.fields],
      });
    }
    items.push({ kind: 'rule', x: start, y: underline, width: right - start, thickness: RULE });
    if (i === wrapped.length - 1 && suffix !== undefined) {
      items.push({
        kind: 'text',
        text: suffix,
        x: right + GAP,
        y: baseline,
        size,
        weight: 'regular',
        width: measure(suffix),
      });
    }
    lines.push({ height, items, spaceBefore: 0, keepWithNext: false });
  });

  if (item.caption === undefined) return { lines };
  const lastStart = wrapped.length === 1 ? firstStart : x;
  const captionChunks = textChunks(flow, fill(flow, item.caption), {
    x: lastStart,
    width: right - lastStart,
    size: flow.style.captionSize,
    weight: 'regular',
    align: 'center',
    spaceBefore: 0,
  });
  return { lines, caption: mergeChunks(captionChunks, 0, false) };
}

/** A full-width blank as chunks: each ruled line may start a page, but the caption stays with its line. */
export function blankChunks(
  flow: Flow,
  item: BlankItem,
  x: number,
  width: number,
  spaceBefore: number,
): Chunk[] {
  const { lines, caption } = layoutBlank(flow, item, x, width);
  const chunks = lines.map((c) => ({ ...c }));
  const first = chunks[0];
  if (first) first.spaceBefore = spaceBefore;
  const last = chunks[chunks.length - 1];
  if (caption && last) {
    last.keepWithNext = true;
    chunks.push(caption);
  }
  return chunks;
}

const COLUMN_GAP = 6 * MM;

/**
 * Several blanks side by side (position and name of a signature, number and date); never split.
 * As official papers sign, the columns share their last ruled line — a position that wraps onto
 * two lines has the name beside its last line — and the captions stand on one row under them.
 */
export function blankRowChunk(
  flow: Flow,
  items: BlankItem[],
  x: number,
  width: number,
  spaceBefore: number,
): Chunk {
  const fixed = items.reduce((sum, it) => sum + (it.widthMm ?? 0) * MM, 0);
  const flexible = items.filter((it) => it.widthMm === undefined).length;
  const free = width - fixed - COLUMN_GAP * (items.length - 1);
  const flexWidth = flexible > 0 ? Math.max(free / flexible, 0) : 0;
  const columns: { lines: Chunk; caption?: Chunk }[] = [];
  let cx = x;
  for (const item of items) {
    const w = item.widthMm === undefined ? flexWidth : Math.min(item.widthMm * MM, x + width - cx);
    const { lines, caption } = layoutBlank(flow, item, cx, w);
    columns.push({ lines: mergeChunks(lines, 0, false), ...(caption ? { caption } : {}) });
    cx += w + COLUMN_GAP;
  }
  const linesHeight = Math.max(...columns.map((c) => c.lines.height));
  const captionHeight = Math.max(0, ...columns.map((c) => c.caption?.height ?? 0));
  const laidItems: LaidItem[] = [];
  for (const c of columns) {
    const drop = linesHeight - c.lines.height;
    for (const item of c.lines.items) laidItems.push({ ...item, y: item.y + drop });
    for (const item of c.caption?.items ?? []) laidItems.push({ ...item, y: item.y + linesHeight });
  }
  return { height: linesHeight + captionHeight, items: laidItems, spaceBefore, keepWithNext: false };
}

/** Texts side by side in equal columns (the bilingual letterhead), with an optional rule under them. */
export function columnsChunk(
  flow: Flow,
  block: Extract<TemplateBlock, { type: 'columns' }>,
  x: number,
  width: number,
  spaceBefore: number,
): Chunk {
  const n = block.columns.length;
  const w = (width - COLUMN_GAP * (n - 1)) / n;
  const laid = block.columns.map((c, i) =>
    mergeChunks(
      textChunks(flow, fill(flow, c.text), {
        x: x + i * (w + COLUMN_GAP),
        width: w,
        size: c.size === 'small' ? flow.style.smallSize : flow.style.bodySize,
        weight: c.bold ? 'bold' : 'regular',
        align: c.align ?? 'center',
        spaceBefore: 0,
      }),
      0,
      false,
    ),
  );
  const height = Math.max(...laid.map((c) => c.height));
  const items: LaidItem[] = laid.flatMap((c) => c.items);
  let total = height;
  if (block.rule) {
    const gap = flow.style.bodySize * 0.35;
    items.push({ kind: 'rule', x, y: height + gap, width, thickness: RULE * 2 });
    total = height + gap + RULE * 2;
  }
  return { height: total, items, spaceBefore, keepWithNext: false };
}
