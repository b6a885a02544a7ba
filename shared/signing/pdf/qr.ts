/**
 * The stamp's QR code as PDF vector paths: dark modules filled in DeviceGray, runs of a row merged
 * into one rectangle. `qrcode` only computes the symbol (its `create`); nothing is rasterised, so
 * the PDF stays PDF/A (no images, no transparency) and prints sharp at any size.
 */
import QRCode from 'qrcode';

export interface QrSymbol {
  /** Modules per side (without the quiet zone). */
  size: number;
  dark(row: number, col: number): boolean;
}

/** The symbol for `text`, error correction M (15 %: a stained or folded copy still reads). */
export function qrSymbol(text: string): QrSymbol {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return { size: modules.size, dark: (row, col) => modules.get(row, col) === 1 };
}

/** Quiet zone in modules kept free around the symbol inside its square (ISO/IEC 18004 asks 4). */
export const QUIET_ZONE = 2;

/**
 * Content-stream operators drawing `symbol` in the square whose lower-left corner is (x, y) and
 * side `side` (points), quiet zone included.
 */
export function qrOperators(
  symbol: QrSymbol,
  x: number,
  y: number,
  side: number,
  num: (v: number) => string,
): string {
  const m = side / (symbol.size + 2 * QUIET_ZONE);
  const ops: string[] = [];
  for (let row = 0; row < symbol.size; row++) {
    let col = 0;
    while (col < symbol.size) {
      if (!symbol.dark(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < symbol.size && symbol.dark(row, col)) col++;
      const top = y + side - (QUIET_ZONE + row) * m;
      ops.push(`${num(x + (QUIET_ZONE + start) * m)} ${num(top - m)} ${num((col - start) * m)} ${num(m)} re`);
    }
  }
  if (ops.length > 0) ops.push('f');
  return ops.join('\n');
}
