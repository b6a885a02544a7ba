/**
 * Writes a laid-out form as a PDF/A-2b file: A4 pages whose content streams the writer composes
 * itself, the forms' font embedded per weight as a subset of the glyphs the document uses
 * (pdf-font.ts), and the metadata, output intent and identifier of PDF/A (pdfa.ts). pdf-lib only
 * holds the objects and serialises them (object streams, cross-reference stream).
 */
import { PDFDocument, PDFName, type PDFRef } from 'pdf-lib';
import type { FormLayout } from './layout-types';
import { flateStream } from './deflate';
import { metricsFor, type FontMetrics, type FontWeight } from './metrics';
import { embedFont, FONT_RESOURCE, type GlyphUse } from './pdf-font';
import { documentId, makePdfA } from './pdfa';
import { PDF_LANGUAGE_TAGS, type FormFonts } from './types';

export const PDF_PRODUCER = 'externship-desk forms (pdf-lib 1.17)';
export const PDF_CREATOR = 'externship-desk';

export interface PdfOptions {
  fonts: FormFonts;
  /** Written as the creation and modification dates: the same input gives the same bytes. */
  createdAt: Date;
  /** The issuing body, written as the document's author. */
  author?: string;
}

const WEIGHTS = ['regular', 'bold'] as const;

/** The marked-content tag of each reserved box (ISO 32000-1, 14.6): what the box is kept for. */
export const RESERVED_TAG = { 'eds-stamp': 'DeskEdsStamp' } as const;

/** A number as a content stream writes it: at most three decimals, no trailing zeros. */
const n = (v: number) => String(Math.round(v * 1000) / 1000);

const hex4 = (gid: number) => gid.toString(16).padStart(4, '0');

/**
 * One page's content stream. Text is shown as 2-byte glyph IDs (Identity-H); every code point is
 * recorded against its glyph, which the ToUnicode CMap turns back into the text. Black is DeviceGray
 * 0, allowed under a PDF/A output intent (ISO 19005-2, 6.2.4.3).
 */
function pageContent(
  items: FormLayout['pages'][number]['items'],
  pageHeight: number,
  metrics: FontMetrics,
  used: Record<FontWeight, GlyphUse>,
  referenced: Set<FontWeight>,
): string {
  const ops: string[] = ['0 g 0 G'];
  let inText = false;
  let font = '';
  for (const item of items) {
    if (item.kind === 'text') {
      if (!inText) ops.push('BT');
      inText = true;
      referenced.add(item.weight);
      const f = `/${FONT_RESOURCE[item.weight]} ${n(item.size)} Tf`;
      if (f !== font) ops.push(f);
      font = f;
      let glyphs = '';
      for (const ch of item.text) {
        const cp = ch.codePointAt(0) ?? 0;
        const gid = metrics.glyphId(cp, item.weight);
        glyphs += hex4(gid);
        // The first code point shown with a glyph names it; the bundled font gives each code
        // point its own glyph (a test checks), so none is ever named wrongly.
        if (gid !== 0 && !used[item.weight].has(gid)) used[item.weight].set(gid, cp);
      }
      ops.push(`1 0 0 1 ${n(item.x)} ${n(pageHeight - item.y)} Tm <${glyphs}> Tj`);
    } else if (item.kind === 'rule') {
      if (inText) ops.push('ET');
      inText = false;
      const y = n(pageHeight - item.y);
      ops.push(`${n(item.thickness)} w ${n(item.x)} ${y} m ${n(item.x + item.width)} ${y} l S`);
    } else {
      // 'reserved': left empty, but marked (a marked-content point whose property list gives the
      // box in page space) so that the signing step finds it in the produced file without the
      // values and the layout it was made from (shared/signing/pdf/area.ts reads it).
      if (inText) ops.push('ET');
      inText = false;
      const top = pageHeight - item.y;
      const rect = [item.x, top - item.height, item.x + item.width, top].map(n).join(' ');
      ops.push(`/${RESERVED_TAG[item.purpose]} <</Rect [${rect}]>> DP`);
    }
  }
  if (inText) ops.push('ET');
  return ops.join('\n');
}

// Content streams are ASCII: operators, numbers and hex glyph codes.
const ascii = new TextEncoder();

export async function writePdf(layout: FormLayout, options: PdfOptions): Promise<Uint8Array> {
  // updateMetadata: false, or pdf-lib stamps its own producer and the current time.
  const doc = await PDFDocument.create({ updateMetadata: false });
  const { context } = doc;
  const metrics = metricsFor(options.fonts);
  const used: Record<FontWeight, GlyphUse> = { regular: new Map(), bold: new Map() };
  const referenced = new Set<FontWeight>();

  const contents = layout.pages.map((p) =>
    ascii.encode(pageContent(p.items, layout.page.height, metrics, used, referenced)),
  );

  // A weight the document does not use is not embedded at all.
  const fonts: Partial<Record<FontWeight, PDFRef>> = {};
  for (const weight of WEIGHTS) {
    if (!referenced.has(weight)) continue;
    fonts[weight] = embedFont(context, {
      program: options.fonts[weight],
      postscriptName: metrics.postscriptNames[weight],
      descriptor: metrics.descriptor(weight),
      used: used[weight],
      widthOf: (gid) => metrics.pdfWidth(used[weight].get(gid) ?? 0, weight),
    });
  }
  const fontDict = context.obj({});
  for (const weight of WEIGHTS) {
    const ref = fonts[weight];
    if (ref) fontDict.set(PDFName.of(FONT_RESOURCE[weight]), ref);
  }
  // One resource dictionary for every page, each page pointing to it (ISO 19005-2, 6.2.2).
  const resources = context.register(context.obj({ Font: fontDict }));

  for (const content of contents) {
    const page = doc.addPage([layout.page.width, layout.page.height]);
    page.node.set(PDFName.of('Resources'), resources);
    page.node.set(PDFName.of('Contents'), context.register(flateStream(context, content)));
  }

  const meta = {
    title: layout.title,
    subject: layout.title,
    ...(options.author ? { author: options.author } : {}),
    keywords: [`template:${layout.templateId}`, `version:${layout.templateVersion}`],
    language: PDF_LANGUAGE_TAGS[layout.language],
    producer: PDF_PRODUCER,
    creator: PDF_CREATOR,
    createdAt: options.createdAt,
  };
  makePdfA(doc, meta, documentId(meta, contents));
  // Every stream is compressed already. Without object streams pdf-lib compresses nothing more:
  // the two dozen small dictionaries cost a few hundred bytes, not milliseconds of deflate.
  // No tick pauses: pausing costs milliseconds each time.
  return doc.save({ useObjectStreams: false, updateFieldAppearances: false, objectsPerTick: Infinity });
}
