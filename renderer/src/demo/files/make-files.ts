/**
 * The small demo attachments in resources/demo/, made from code so anyone can see what they hold
 * and remake them (`npx tsx renderer/src/demo/files/write-files.mjs`). Output is byte-for-byte
 * reproducible: fixed dates, no random ids, so the sha256 in manifest.json never drifts.
 */
import { rgb } from 'pdf-lib';
import { A4, demoMark, GREY, lines, newDocument, type FontBytes } from './draw';
import type { FormFonts } from '../../../../shared/forms';
import { produceDemoResult } from './results';
import { encodePng } from './png';

/** The files this module makes, byte for byte the same on every run. */
export const GENERATED_FILE_NAMES = [
  'application.pdf',
  'medical-035-1.pdf',
  'progress-record.pdf',
  'residence-abroad.pdf',
  'study-abroad.png',
  'corrupt.pdf',
  'result-grant.pdf',
  'result-refusal.pdf',
] as const;
/**
 * The two results signed as the desk signs them (stamp drawn, PAdES embedded) and the detached CMS
 * over each signed PDF, made by write-files.mjs with the demo PKI (test/unit/demo/demo-pki.ts):
 * reproducible too, but made by the writer only (making the demo keys takes a while).
 */
export const SIGNED_PDF_NAMES = ['result-grant.signed.pdf', 'result-refusal.signed.pdf'] as const;
export const SIGNATURE_FILE_NAMES = ['result-grant.signed.pdf.cms', 'result-refusal.signed.pdf.cms'] as const;
export const DEMO_FILE_NAMES = [
  ...GENERATED_FILE_NAMES,
  ...SIGNED_PDF_NAMES,
  ...SIGNATURE_FILE_NAMES,
] as const;
export type GeneratedFileName = (typeof GENERATED_FILE_NAMES)[number];
/** The demo files kept as files in resources/demo/ (the CMS are kept base64 in signatures.json). */
export type ServedFileName = GeneratedFileName | (typeof SIGNED_PDF_NAMES)[number];
export type DemoFileName = (typeof DEMO_FILE_NAMES)[number];
export type DemoFiles = Readonly<Record<DemoFileName, Uint8Array>>;

async function application(fontBytes: { regular: Uint8Array; bold: Uint8Array }): Promise<Uint8Array> {
  const { doc, fonts } = await newDocument('Өтініш / Заявление', fontBytes);
  const page = doc.addPage(A4);
  demoMark(page, fonts);
  lines(page, fonts.regular, 780, [
    'Кімге: жергілікті атқарушы органның басшысы',
    'Кімнен: өтініш беруші (Т.А.Ә., ЖСН)',
  ]);
  page.drawText('Экстернат нысанында оқытуға рұқсат беруге өтініш', {
    x: 60,
    y: 700,
    size: 14,
    font: fonts.bold,
  });
  page.drawText('Заявление на получение разрешения на обучение в форме экстерната', {
    x: 60,
    y: 680,
    size: 11,
    font: fonts.regular,
    color: GREY,
  });
  lines(page, fonts.regular, 640, [
    'Оқушының Т.А.Ә., туған күні: ____________________',
    'Білім беру ұйымы, сыныбы: ____________________',
    'Негіз: денсаулық жағдайы / үлгерім / шетелде тұру / шетелде оқу',
    'Дербес деректерді пайдалануға келісемін.',
    '',
    'Күні: ____________        ЭЦҚ: электрондық үкімет порталы арқылы қол қойылды',
  ]);
  return doc.save({ useObjectStreams: false });
}

async function medical(fontBytes: { regular: Uint8Array; bold: Uint8Array }): Promise<Uint8Array> {
  const { doc, fonts } = await newDocument('035-1/у', fontBytes);
  const page = doc.addPage(A4);
  demoMark(page, fonts);
  page.drawText('Нысан № 035-1/у', { x: 440, y: 790, size: 10, font: fonts.regular });
  page.drawText('Дәрігерлік-консультациялық комиссияның қорытындысы', {
    x: 60,
    y: 740,
    size: 14,
    font: fonts.bold,
  });
  page.drawText('Заключение врачебно-консультационной комиссии', {
    x: 60,
    y: 720,
    size: 11,
    font: fonts.regular,
    color: GREY,
  });
  lines(page, fonts.regular, 680, [
    'Тіркеу нөмірі: ________   Күні: ____________',
    'Баланың Т.А.Ә., ЖСН: ______________________',
    'Қорытынды: ______________________________',
    'Ұсыныс: экстернат нысанында оқыту',
    'Комиссия төрағасы: ____________   М.О.',
  ]);
  page.drawCircle({ x: 470, y: 560, size: 45, borderColor: rgb(0.2, 0.3, 0.7), borderWidth: 2 });
  return doc.save({ useObjectStreams: false });
}

async function progress(fontBytes: { regular: Uint8Array; bold: Uint8Array }): Promise<Uint8Array> {
  const { doc, fonts } = await newDocument('Үлгерім табелі', fontBytes);
  const subjects = [
    'Қазақ тілі',
    'Орыс тілі',
    'Ағылшын тілі',
    'Математика / Алгебра',
    'Геометрия',
    'Физика',
    'Тарих',
    'Информатика',
  ];
  for (let p = 0; p < 2; p++) {
    const page = doc.addPage(A4);
    demoMark(page, fonts);
    page.drawText(`Үлгерім табелі — ${p + 1}-бет`, { x: 60, y: 780, size: 14, font: fonts.bold });
    page.drawText('Табель успеваемости', { x: 60, y: 760, size: 11, font: fonts.regular, color: GREY });
    subjects.forEach((subject, i) => {
      const y = 700 - i * 26;
      page.drawRectangle({ x: 60, y: y - 8, width: 470, height: 26, borderColor: GREY, borderWidth: 0.5 });
      page.drawText(subject, { x: 68, y, size: 11, font: fonts.regular });
      page.drawText('—', { x: 480, y, size: 11, font: fonts.regular });
    });
  }
  return doc.save({ useObjectStreams: false });
}

async function residence(fontBytes: { regular: Uint8Array; bold: Uint8Array }): Promise<Uint8Array> {
  const { doc, fonts } = await newDocument('Residence certificate', fontBytes);
  const page = doc.addPage(A4);
  demoMark(page, fonts);
  page.drawText('Справка о временном проживании за рубежом', { x: 60, y: 740, size: 14, font: fonts.bold });
  page.drawText('Certificate of temporary residence abroad', {
    x: 60,
    y: 720,
    size: 11,
    font: fonts.regular,
    color: GREY,
  });
  lines(page, fonts.regular, 680, [
    'Ф.И.О.: ______________________',
    'Страна: ______   Срок действия: с ________ по ________',
    'Выдано: ______________________',
  ]);
  return doc.save({ useObjectStreams: false });
}

/** A phone photo of a paper certificate: a page, a header band, text lines and a round stamp. */
async function studyAbroadScan(): Promise<Uint8Array> {
  const width = 240;
  const height = 320;
  const px = new Uint8Array(width * height * 3);
  const set = (x: number, y: number, r: number, g: number, b: number) => {
    const i = (y * width + x) * 3;
    px[i] = r;
    px[i + 1] = g;
    px[i + 2] = b;
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const margin = x < 12 || x >= width - 12 || y < 12 || y >= height - 12;
      // A desk under the page, and a little uneven light on the paper.
      if (margin) set(x, y, 120, 96, 70);
      else {
        const shade = 236 + ((x + y) % 7);
        set(x, y, shade, shade, shade - 6);
      }
    }
  }
  for (let y = 28; y < 52; y++) for (let x = 28; x < width - 28; x++) set(x, y, 40, 70, 130);
  for (let line = 0; line < 12; line++) {
    const y = 76 + line * 16;
    const end = width - 40 - ((line * 37) % 70);
    for (let x = 32; x < end; x++)
      if ((x >> 2) % 5 !== 4) for (let t = 0; t < 3; t++) set(x, y + t, 70, 70, 70);
  }
  const cx = 176;
  const cy = 268;
  for (let y = cy - 30; y <= cy + 30; y++) {
    for (let x = cx - 30; x <= cx + 30; x++) {
      const d = Math.hypot(x - cx, y - cy);
      if ((d > 24 && d < 29) || (d > 14 && d < 16)) set(x, y, 60, 80, 180);
    }
  }
  return encodePng(width, height, px);
}

/** Looks like a PDF to a file-type sniffer, but its body is damaged: no objects, no xref, no trailer. */
function corruptPdf(): Uint8Array {
  const head = new TextEncoder().encode(
    '%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R',
  );
  const body = new Uint8Array(1536);
  let x = 0x2545;
  for (let i = 0; i < body.length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    body[i] = x & 0xff;
  }
  const out = new Uint8Array(head.length + body.length);
  out.set(head);
  out.set(body, head.length);
  return out;
}

/** `fontBytes`: Liberation Serif for the attachments; `formFonts`: the forms' Desk Serif for the results. */
export async function makeDemoFiles(
  fontBytes: FontBytes,
  formFonts: FormFonts,
): Promise<Readonly<Record<GeneratedFileName, Uint8Array>>> {
  return {
    'application.pdf': await application(fontBytes),
    'medical-035-1.pdf': await medical(fontBytes),
    'progress-record.pdf': await progress(fontBytes),
    'residence-abroad.pdf': await residence(fontBytes),
    'study-abroad.png': await studyAbroadScan(),
    'corrupt.pdf': corruptPdf(),
    'result-grant.pdf': await produceDemoResult('appendix-3', formFonts),
    'result-refusal.pdf': await produceDemoResult('appendix-2', formFonts),
  };
}
