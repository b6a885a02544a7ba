/** Writes a laid-out form as a PDF: A4 pages, subset-embedded TrueType fonts, document metadata. */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont } from 'pdf-lib';
import type { FormLayout } from './layout-types';
import { metricsFor, type FontWeight } from './metrics';
import { tagSubsetFont } from './subset-tag';
import { PDF_LANGUAGE_TAGS, type FormFonts } from './types';

export const PDF_PRODUCER = 'externship-desk forms (pdf-lib 1.17)';
export const PDF_CREATOR = 'externship-desk';

export interface PdfOptions {
  fonts: FormFonts;
  /** Written as the creation and modification dates: the same input gives the same bytes. */
  createdAt: Date;
}

export async function writePdf(layout: FormLayout, options: PdfOptions): Promise<Uint8Array> {
  // updateMetadata: false, or pdf-lib stamps its own producer and the current time.
  const doc = await PDFDocument.create({ updateMetadata: false });
  // A fresh fontkit face per document, on purpose: sharing one parsed face between documents
  // renders twice as fast but fontkit caches glyphs with the code points of their first use, and
  // later documents then lose letters from their text layer (ToUnicode), which the pdftotext tests
  // caught. Legal text must be extractable, so speed gives way.
  doc.registerFontkit(fontkit);
  const names = metricsFor(options.fonts).postscriptNames;
  const fonts: Partial<Record<FontWeight, PDFFont>> = {};
  for (const weight of ['regular', 'bold'] as const) {
    // An unused weight is not embedded at all (pdf-lib would write an empty subset).
    if (!layout.weights[weight]) continue;
    // customName avoids pdf-lib's random name suffix, which would make every file differ.
    fonts[weight] = await doc.embedFont(options.fonts[weight], { subset: true, customName: names[weight] });
  }

  const black = rgb(0, 0, 0);
  for (const laid of layout.pages) {
    const page = doc.addPage([layout.page.width, layout.page.height]);
    const h = layout.page.height;
    for (const item of laid.items) {
      switch (item.kind) {
        case 'text': {
          const font = fonts[item.weight];
          if (!font) throw new Error(`font ${item.weight} not embedded`);
          page.drawText(item.text, { x: item.x, y: h - item.y, size: item.size, font, color: black });
          break;
        }
        case 'rule':
          page.drawLine({
            start: { x: item.x, y: h - item.y },
            end: { x: item.x + item.width, y: h - item.y },
            thickness: item.thickness,
            color: black,
          });
          break;
        case 'reserved':
          // Left empty on purpose: the signing step draws its stamp here.
          break;
      }
    }
  }

  await doc.flush();
  for (const weight of ['regular', 'bold'] as const) {
    const font = fonts[weight];
    if (font) tagSubsetFont(doc, font, names[weight]);
  }

  doc.setTitle(layout.title, { showInWindowTitleBar: true });
  doc.setLanguage(PDF_LANGUAGE_TAGS[layout.language]);
  doc.setSubject(layout.title);
  doc.setKeywords([`template:${layout.templateId}`, `version:${layout.templateVersion}`]);
  doc.setProducer(PDF_PRODUCER);
  doc.setCreator(PDF_CREATOR);
  doc.setCreationDate(options.createdAt);
  doc.setModificationDate(options.createdAt);
  // No tick pauses: a form is a few dozen objects, and pausing costs milliseconds each time.
  return doc.save({ useObjectStreams: true, updateFieldAppearances: false, objectsPerTick: Infinity });
}
