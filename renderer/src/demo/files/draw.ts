/** Drawing helpers shared by the demo files (reproducible: fixed dates, no random ids). */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

export type FontBytes = { regular: Uint8Array; bold: Uint8Array };

const FIXED_DATE = new Date('2026-01-15T09:00:00Z');
export const A4: [number, number] = [595.28, 841.89];
export const GREY = rgb(0.35, 0.35, 0.35);

export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

export async function newDocument(title: string, fontBytes: { regular: Uint8Array; bold: Uint8Array }) {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const fonts: Fonts = {
    regular: await doc.embedFont(fontBytes.regular, { subset: true }),
    bold: await doc.embedFont(fontBytes.bold, { subset: true }),
  };
  doc.setTitle(title);
  doc.setCreator('externship-desk demo');
  doc.setProducer('pdf-lib');
  doc.setCreationDate(FIXED_DATE);
  doc.setModificationDate(FIXED_DATE);
  return { doc, fonts };
}

export function lines(
  page: PDFPage,
  font: PDFFont,
  from: number,
  texts: readonly string[],
  size = 11,
): number {
  let y = from;
  for (const text of texts) {
    page.drawText(text, { x: 60, y, size, font });
    y -= size * 1.7;
  }
  return y;
}

export function demoMark(page: PDFPage, fonts: Fonts): void {
  page.drawText('ДЕМО / DEMO', {
    x: 170,
    y: 380,
    size: 56,
    font: fonts.bold,
    color: rgb(0.85, 0.85, 0.85),
    opacity: 0.6,
  });
  page.drawText('Демо-құжат: жеке деректер жоқ. Демо-документ: без персональных данных.', {
    x: 60,
    y: 40,
    size: 8,
    font: fonts.regular,
    color: GREY,
  });
}
