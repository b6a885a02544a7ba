/**
 * The demo's produced results: one extract from the order (appendix 3) and one refusal (appendix 2),
 * the documents the head's demo signatures are made over. Samples with the demo mark, not the forms
 * renderer's output: the demo must not depend on the templates an akimat may replace.
 */
import { A4, demoMark, GREY, lines, newDocument, type FontBytes } from './draw';

export async function grantExtract(fontBytes: FontBytes): Promise<Uint8Array> {
  const { doc, fonts } = await newDocument('3-қосымша / Приложение 3', fontBytes);
  const page = doc.addPage(A4);
  demoMark(page, fonts);
  page.drawText('3-қосымша', { x: 480, y: 790, size: 10, font: fonts.regular });
  page.drawText('Бұйрықтан үзінді', { x: 60, y: 740, size: 14, font: fonts.bold });
  page.drawText('Выписка из приказа', { x: 60, y: 720, size: 11, font: fonts.regular, color: GREY });
  lines(page, fonts.regular, 680, [
    'Бұйрық № ______   Күні: ____________',
    'Оқушыға экстернат нысанында оқуға рұқсат берілсін:',
    'Т.А.Ә., ЖСН: ______________________   Сыныбы: ______',
    'Білім беру ұйымы: ______________________',
    '',
    'Басшы: ______________    ЭЦҚ-мен қол қойылды (демо)',
  ]);
  return doc.save({ useObjectStreams: false });
}

export async function refusalNotice(fontBytes: FontBytes): Promise<Uint8Array> {
  const { doc, fonts } = await newDocument('2-қосымша / Приложение 2', fontBytes);
  const page = doc.addPage(A4);
  demoMark(page, fonts);
  page.drawText('2-қосымша', { x: 480, y: 790, size: 10, font: fonts.regular });
  page.drawText('Мемлекеттік қызмет көрсетуден бас тарту туралы дәлелді жауап', {
    x: 60,
    y: 740,
    size: 13,
    font: fonts.bold,
  });
  page.drawText('Мотивированный ответ об отказе в оказании государственной услуги', {
    x: 60,
    y: 720,
    size: 11,
    font: fonts.regular,
    color: GREY,
  });
  lines(page, fonts.regular, 680, [
    'Кімге: ______________________',
    'Бас тарту негізі: ______________________',
    'Себептері: ______________________',
    '',
    'Басшы: ______________    ЭЦҚ-мен қол қойылды (демо)',
  ]);
  return doc.save({ useObjectStreams: false });
}
