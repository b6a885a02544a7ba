/** Reads the stamp back out of a signed PDF: its content stream and the QR modules it draws. */
import { decodePDFRawStream, PDFArray, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';

/** The last content stream of the stamp's page (the stamp's own), decoded. */
export async function stampStream(pdf: Uint8Array, page: number): Promise<string> {
  const doc = await PDFDocument.load(pdf);
  const contents = doc.getPage(page).node.lookup(PDFName.of('Contents'), PDFArray);
  const last = doc.context.lookup(contents.get(contents.size() - 1));
  if (!(last instanceof PDFRawStream)) throw new Error('the stamp is no stream');
  return new TextDecoder('latin1').decode(decodePDFRawStream(last).decode());
}

/**
 * The QR matrix the stamp's filled rectangles draw (rows of booleans), given the symbol's size:
 * every module's centre is tested against the rectangles.
 */
export function drawnQr(stream: string, size: number): boolean[][] {
  // The QR's rectangles are filled together (`re` lines, then `f`); the border is `re S`.
  const rects = [...stream.matchAll(/([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) re\n/g)].map(
    (m) => [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number],
  );
  const minX = Math.min(...rects.map((r) => r[0]));
  const maxY = Math.max(...rects.map((r) => r[1] + r[3]));
  const module = Math.min(...rects.map((r) => r[3]));
  const matrix: boolean[][] = [];
  for (let row = 0; row < size; row++) {
    const line: boolean[] = [];
    for (let col = 0; col < size; col++) {
      // The top-left finder pattern's corner is dark: (minX, maxY) is module (0, 0).
      const cx = minX + (col + 0.5) * module;
      const cy = maxY - (row + 0.5) * module;
      line.push(rects.some(([x, y, w, h]) => cx > x && cx < x + w && cy > y && cy < y + h));
    }
    matrix.push(line);
  }
  return matrix;
}
