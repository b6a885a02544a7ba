/**
 * Where the stamp goes: the forms' writer marks each reserved box of a page with a marked-content
 * point `/DeskEdsStamp <</Rect [x1 y1 x2 y2]>> DP` (shared/forms/pdf.ts), so the signing step finds
 * the box in the produced file itself, without the values and the layout it was made from.
 */
import { unzlibSync } from 'fflate';
import { PDFArray, PDFName, PDFRawStream, PDFRef, type PDFDocument, type PDFObject } from 'pdf-lib';
import { RESERVED_TAG } from '../../forms';

export interface StampArea {
  /** Index of the page (0-based). */
  page: number;
  /** PDF user space: lower-left and upper-right corners. */
  rect: [number, number, number, number];
}

const latin1 = new TextDecoder('latin1');
const MARK = new RegExp(
  `/${RESERVED_TAG['eds-stamp']}\\s*<<\\s*/Rect\\s*\\[\\s*([-\\d.]+)\\s+([-\\d.]+)\\s+([-\\d.]+)\\s+([-\\d.]+)\\s*\\]\\s*>>\\s*DP`,
  'g',
);

/** The bytes of a content stream (FlateDecode, as the forms write them, or unfiltered). */
function streamText(doc: PDFDocument, obj: PDFObject | undefined): string {
  const stream = obj instanceof PDFRef ? doc.context.lookup(obj) : obj;
  if (!(stream instanceof PDFRawStream)) return '';
  const filter = stream.dict.lookup(PDFName.of('Filter'));
  const raw = stream.getContents();
  if (filter === undefined) return latin1.decode(raw);
  if (filter === PDFName.of('FlateDecode')) return latin1.decode(unzlibSync(raw));
  // The forms' writer uses nothing else; another filter is no marked form.
  return '';
}

/** Every reserved stamp box of the document, in page order. */
export function findStampAreas(doc: PDFDocument): StampArea[] {
  const areas: StampArea[] = [];
  doc.getPages().forEach((page, index) => {
    const contents = page.node.get(PDFName.of('Contents'));
    const resolved = contents instanceof PDFRef ? doc.context.lookup(contents) : contents;
    const parts = resolved instanceof PDFArray ? resolved.asArray() : [contents];
    for (const part of parts) {
      for (const m of streamText(doc, part).matchAll(MARK)) {
        const [x1, y1, x2, y2] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
        areas.push({ page: index, rect: [x1, y1, x2, y2] });
      }
    }
  });
  return areas;
}
