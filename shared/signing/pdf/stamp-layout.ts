/**
 * Fits the stamp into the reserved box: the QR code on the left, the signer and certificate lines
 * beside it, the legend across the whole width under both. The largest type size at which
 * everything fits is taken (the boxes of the templates are 90 × 28 mm); below the smallest the
 * stamp is refused rather than printed illegibly or outside its box.
 */
import { wrapText, type Measure } from '../../forms';
import type { FontMetrics, FontWeight } from '../../forms/metrics';
import type { StampText } from './stamp-text';
import { QUIET_ZONE } from './qr';

export interface StampLine {
  text: string;
  weight: FontWeight;
  /** From the box's left edge. */
  x: number;
  /** Baseline, from the box's top edge. */
  y: number;
}

export interface StampLayout {
  size: number;
  lines: StampLine[];
  /** The QR square (quiet zone included), from the box's top-left corner. */
  qr: { x: number; y: number; side: number };
}

/** Type sizes tried, largest first (points). */
const SIZES = Array.from({ length: 11 }, (_, i) => 6.5 - i * 0.25);
const PAD = 2.5;
const GAP = 3;
/** A module under about 0.35 mm no longer scans reliably from paper. */
const MIN_MODULE = 1;
/** The QR code takes at most this share of the width. */
const QR_SHARE = 0.34;

export function layoutStamp(
  text: StampText,
  box: { width: number; height: number },
  metrics: FontMetrics,
  qrModules: number,
): StampLayout | undefined {
  for (const size of SIZES) {
    const laid = tryLayout(text, box, metrics, qrModules, size);
    if (laid) return laid;
  }
  return undefined;
}

function tryLayout(
  text: StampText,
  box: { width: number; height: number },
  metrics: FontMetrics,
  qrModules: number,
  size: number,
): StampLayout | undefined {
  const lh = size * 1.15;
  const measure =
    (weight: FontWeight): Measure =>
    (s) =>
      metrics.width(s, weight, size);
  const inner = box.width - 2 * PAD;
  const legend = wrapText(text.legend, inner, measure('regular'));
  const topHeight = box.height - 2 * PAD - legend.length * lh - GAP / 2;
  const side = Math.min(topHeight, inner * QR_SHARE);
  if (side / (qrModules + 2 * QUIET_ZONE) < MIN_MODULE) return undefined;
  const colX = PAD + side + GAP;
  const colWidth = box.width - colX - PAD;

  const column: { text: string; weight: FontWeight }[] = [];
  // The title in the regular weight too: one font subset to cut and embed, not two (the stamp is
  // made while the officer waits; the bold subset cost as much again as the rest of the stamp).
  for (const l of wrapText(text.title, colWidth, measure('regular')))
    column.push({ text: l.text, weight: 'regular' });
  for (const paragraph of text.lines) {
    for (const l of wrapText(paragraph, colWidth, measure('regular'))) {
      // A word broken with a hyphen would misprint a serial or an IIN: use a smaller size.
      if (l.hyphenated) return undefined;
      column.push({ text: l.text, weight: 'regular' });
    }
  }
  // The hash on one line, or in two halves when the column is narrower than its 64 digits.
  const half = text.hash.length / 2;
  const hashLines =
    metrics.width(text.hash, 'regular', size) <= colWidth
      ? [text.hash]
      : [text.hash.slice(0, half), text.hash.slice(half)];
  if (hashLines.some((h) => metrics.width(h, 'regular', size) > colWidth)) return undefined;
  for (const h of hashLines) column.push({ text: h, weight: 'regular' });
  if (column.length * lh > topHeight) return undefined;

  const first = PAD + metrics.ascent * size;
  const lines: StampLine[] = column.map((c, i) => ({ ...c, x: colX, y: first + i * lh }));
  const legendTop = box.height - PAD - legend.length * lh;
  legend.forEach((l, i) =>
    lines.push({ text: l.text, weight: 'regular', x: PAD, y: legendTop + metrics.ascent * size + i * lh }),
  );
  return { size, lines, qr: { x: PAD, y: PAD, side } };
}
