/**
 * Draws the visible stamp into the reserved box of a produced form (issue 8): a second content
 * stream on the box's page and, for that page only, a resource dictionary naming the document's
 * fonts plus the stamp's own subsets. The stamp's text is embedded like the forms' text (Type 0 /
 * Identity-H over a CIDFontType2 subset with ToUnicode, shared/forms/pdf-font.ts), black is
 * DeviceGray and the QR code is vector paths, so a PDF/A-2b document stays PDF/A-2b.
 */
import { PDFArray, PDFDict, PDFName, PDFRef, type PDFDocument, type PDFPage } from 'pdf-lib';
import type { FormFonts } from '../../forms';
import { flateStream } from '../../forms/deflate';
import { metricsFor, type FontMetrics, type FontWeight } from '../../forms/metrics';
import { embedFont, type GlyphUse } from '../../forms/pdf-font';
import type { StampArea } from './area';
import { PdfSigningError } from './errors';
import { qrOperators, qrSymbol } from './qr';
import { layoutStamp } from './stamp-layout';
import type { StampText } from './stamp-text';

/** Resource names of the stamp's subsets (the form's own are F1 and F2). */
const STAMP_FONT = { regular: 'SF1', bold: 'SF2' } as const;

const num = (v: number) => String(Math.round(v * 1000) / 1000);
const hex4 = (gid: number) => gid.toString(16).padStart(4, '0');
const ascii = new TextEncoder();

export interface DrawStampInput {
  area: StampArea;
  text: StampText;
  qrText: string;
  fonts: FormFonts;
}

export function drawStamp(doc: PDFDocument, input: DrawStampInput): void {
  const metrics = metricsFor(input.fonts);
  const all = [input.text.title, ...input.text.lines, input.text.hash, input.text.legend].join(' ');
  if (metrics.missingGlyphs(all).length > 0) throw new PdfSigningError('stamp.unprintable');

  const [x1, y1, x2, y2] = input.area.rect;
  const box = { width: x2 - x1, height: y2 - y1 };
  const symbol = qrSymbol(input.qrText);
  const laid = layoutStamp(input.text, box, metrics, symbol.size);
  if (!laid) throw new PdfSigningError('stamp.does-not-fit');

  const used: Record<FontWeight, GlyphUse> = { regular: new Map(), bold: new Map() };
  const ops = ['q', '0 g 0 G', `0.5 w ${num(x1)} ${num(y1)} ${num(box.width)} ${num(box.height)} re S`];
  const q = laid.qr;
  ops.push(qrOperators(symbol, x1 + q.x, y2 - q.y - q.side, q.side, num));
  ops.push('BT');
  let font = '';
  for (const line of laid.lines) {
    const f = `/${STAMP_FONT[line.weight]} ${num(laid.size)} Tf`;
    if (f !== font) ops.push(f);
    font = f;
    ops.push(
      `1 0 0 1 ${num(x1 + line.x)} ${num(y2 - line.y)} Tm <${glyphs(line.text, line.weight, metrics, used)}> Tj`,
    );
  }
  ops.push('ET', 'Q');

  const page = doc.getPage(input.area.page);
  const fonts = stampFonts(doc, input.fonts, metrics, used);
  giveOwnResources(doc, page, fonts);
  const stream = doc.context.register(flateStream(doc.context, ascii.encode(ops.join('\n'))));
  const contents = page.node.get(PDFName.of('Contents'));
  const list = contents instanceof PDFRef ? doc.context.lookup(contents) : contents;
  const parts = list instanceof PDFArray ? list.asArray() : contents ? [contents] : [];
  page.node.set(PDFName.of('Contents'), doc.context.obj([...parts, stream]));
}

/** 2-byte glyph IDs of `text`, recording which code point each glyph shows (for ToUnicode). */
function glyphs(
  text: string,
  weight: FontWeight,
  metrics: FontMetrics,
  used: Record<FontWeight, GlyphUse>,
): string {
  let out = '';
  for (const ch of text) {
    const cp = ch === '\u00a0' ? 0x20 : (ch.codePointAt(0) ?? 0);
    const gid = metrics.glyphId(cp, weight);
    out += hex4(gid);
    if (gid !== 0 && !used[weight].has(gid)) used[weight].set(gid, cp);
  }
  return out;
}

function stampFonts(
  doc: PDFDocument,
  files: FormFonts,
  metrics: FontMetrics,
  used: Record<FontWeight, GlyphUse>,
): Partial<Record<FontWeight, PDFRef>> {
  const refs: Partial<Record<FontWeight, PDFRef>> = {};
  for (const weight of ['regular', 'bold'] as const) {
    if (used[weight].size === 0) continue;
    refs[weight] = embedFont(doc.context, {
      program: files[weight],
      postscriptName: metrics.postscriptNames[weight],
      descriptor: metrics.descriptor(weight),
      used: used[weight],
      widthOf: (gid) => metrics.pdfWidth(used[weight].get(gid) ?? 0, weight),
    });
  }
  return refs;
}

/**
 * The stamp's page gets a resource dictionary of its own: the one every page of the form shares,
 * plus the stamp's fonts. The other pages keep theirs untouched.
 */
function giveOwnResources(doc: PDFDocument, page: PDFPage, fonts: Partial<Record<FontWeight, PDFRef>>): void {
  const shared = page.node.lookup(PDFName.of('Resources'), PDFDict);
  const resources = shared.clone(doc.context);
  const oldFonts = shared.lookupMaybe(PDFName.of('Font'), PDFDict);
  const fontDict = oldFonts ? oldFonts.clone(doc.context) : doc.context.obj({});
  for (const weight of ['regular', 'bold'] as const) {
    const ref = fonts[weight];
    if (ref) fontDict.set(PDFName.of(STAMP_FONT[weight]), ref);
  }
  resources.set(PDFName.of('Font'), fontDict);
  page.node.set(PDFName.of('Resources'), doc.context.register(resources));
}
