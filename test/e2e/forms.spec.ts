import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { FormTemplate } from '../../shared/forms/template-schema';
import { fixedPhrases } from '../unit/forms/support/phrases';
import { normalizeSpace, pdffonts, pdftotext, requirePoppler } from '../unit/forms/support/poppler';
import type { CasePage } from './pages/CasePage';
import { DeskPage, HEAD, OFFICER } from './pages/DeskPage';
import { FormsPanelPage, kkForms, TemplateSettingsPage } from './pages/formsPage';
import type { QueuePage } from './pages/QueuePage';
import { kk } from './pages/texts';

const GROUND_ONE = /1-негіз/;
// Read as data: the spec runs in Node, where shared/forms' bundled JSON imports need attributes.
const bundledJson = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../../resources/forms/${name}.json`, import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;

/** Leafs through the officer's cases with a decision (approval, sending, refused) for a ground-1 refusal. */
async function openGroundOneRefusal(queue: QueuePage, kase: CasePage, forms: FormsPanelPage): Promise<void> {
  await queue.filterOfficer(OFFICER);
  for (const key of ['awaiting-approval', 'ready-to-send', 'refused'] as const) {
    await queue.show(key);
    for (const number of (await queue.caseNumbers()).slice(0, 25)) {
      await queue.open(number);
      await expect(forms.panel()).toBeVisible();
      const refusal = await forms.formItem('appendix-2').count();
      if (refusal > 0 && GROUND_ONE.test((await kase.historyRows().allTextContents()).join('\n'))) return;
      await kase.backToQueue();
    }
  }
  throw new Error(`no ground-1 refusal held by ${OFFICER} in the demo data`);
}

test('an offline officer fills a ground-1 refusal (appendix 2) in Kazakh, previews it and saves the PDF', async ({
  page,
  context,
}, testInfo) => {
  requirePoppler();
  const desk = new DeskPage(page, context);
  const { queue, kase } = await desk.startAtQueue(OFFICER);
  const forms = new FormsPanelPage(page);
  await openGroundOneRefusal(queue, kase, forms);
  const caseNumber = await kase.caseNumber();

  const editor = await forms.open('appendix-2', 'kk');
  await expect(editor.root.getByTestId('form-template')).toContainText('2.0.0');
  await expect(editor.root.getByTestId('form-template')).toContainText(kkForms.forms.status.official);
  const applicant = await editor.field('applicantFullName').inputValue();
  expect(applicant.split(' ').length).toBeGreaterThanOrEqual(2);
  await expect(editor.field('refusedDocuments')).not.toHaveValue('');
  // The refusal is signed for the issuing body, as the order and the extract are.
  await expect(editor.field('signatoryName')).toHaveValue('С. М. Жұмабаева');
  await expect(editor.field('providerName')).toHaveValue('Бурабай ауданының білім бөлімі');
  await editor.expectPreviewDrawn();

  // A required field emptied: the field says so, and Save exports nothing.
  let downloads = 0;
  page.on('download', () => (downloads += 1));
  await editor.field('refusalReasons').fill('');
  await expect(editor.fieldError('refusalReasons')).toHaveText(kkForms.forms.problem.required);
  await editor.saveButton().click();
  await expect(editor.root.getByRole('alert')).toContainText('Құжатты шығаруға болмайды: 1 жолды');
  await page.waitForTimeout(500);
  expect(downloads).toBe(0);

  const reason = 'Дәрігерлік-консультациялық комиссияның қорытындысы өтінішке қоса берілмеген.';
  await editor.field('refusalReasons').fill(reason);
  await expect(editor.fieldError('refusalReasons')).toHaveCount(0);
  await editor.expectPreviewDrawn();
  const download = await editor.save();
  expect(download.suggestedFilename()).toBe(`${caseNumber}_appendix-2_kk.pdf`);
  const path = testInfo.outputPath('appendix-2.kk.pdf');
  await download.saveAs(path);
  await expect(editor.root.getByRole('status').filter({ hasText: kkForms.forms.editor.saved })).toBeVisible();

  // The file as a court or an archive would read it.
  const bytes = readFileSync(path);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const text = normalizeSpace(pdftotext(path));
  expect(text).toContain(normalizeSpace(applicant));
  expect(text).toContain(normalizeSpace(reason));
  const missing = fixedPhrases(bundledJson('appendix-2.kk') as unknown as FormTemplate).filter(
    (p) => !text.includes(normalizeSpace(p)),
  );
  expect(missing).toEqual([]);
  const fonts = pdffonts(path);
  expect(fonts.length).toBeGreaterThan(0);
  for (const font of fonts) {
    expect(font.name).toMatch(/^[A-Z]{6}\+/);
    expect([font.emb, font.sub]).toEqual(['yes', 'yes']);
  }

  await editor.close();
  // The history names the form, its language and the template version (not the form's id).
  const produced = kk.history.detail.produced
    .replace('{{form}}', kkForms.forms.name['appendix-2'])
    .replace('{{language}}', kkForms.forms.language.kk)
    .replace('{{version}}', '2.0.0');
  await kase.expectLatestEvent('document-produced', produced);
});

test('a broken template file is refused with its reasons and the template in use stays; a good one can be rolled back', async ({
  page,
  context,
}) => {
  const desk = new DeskPage(page, context);
  await desk.startAtSettings(HEAD);
  const settings = new TemplateSettingsPage(page);
  await expect(settings.version('appendix-2', 'kk')).toHaveText('2.0.0');
  // The bundled notes are in the desk's language, not English, and say how the 2020 text stands.
  const note = settings.row('appendix-2', 'ru').getByTestId('template-note');
  await expect(note).toContainText('№ 248');
  await expect(note).toContainText('үлгіні файлдан жүктейді');
  await expect(note).not.toContainText('translation');

  const broken = readFileSync(new URL('../fixtures/forms/broken-template.json', import.meta.url));
  await settings.importFile('appendix-2', 'kk', { name: 'broken-template.json', buffer: broken });
  const alert = settings.section().getByRole('alert');
  await expect(alert).toContainText('файл қабылданбады, қолданыстағы үлгі өзгерген жоқ');
  await expect(alert).toContainText(`status: ${kkForms.formTemplates.error['invalid-value']}`);
  await expect(alert).toContainText(`pageNumberFormat: ${kkForms.formTemplates.error['invalid-type']}`);
  await expect(settings.version('appendix-2', 'kk')).toHaveText('2.0.0');

  // A corrected wording under a new version is taken, and the bundled one can be brought back.
  const corrected = Buffer.from(JSON.stringify({ ...bundledJson('appendix-2.kk'), version: '1.0.1' }));
  await settings.importFile('appendix-2', 'kk', { name: 'appendix-2.kk.json', buffer: corrected });
  await expect(settings.section().getByRole('status')).toContainText('1.0.1');
  await expect(settings.version('appendix-2', 'kk')).toHaveText('1.0.1');
  await settings.useVersion('appendix-2', 'kk', '2.0.0');
  await expect(settings.version('appendix-2', 'kk')).toHaveText('2.0.0');
  await expect(settings.row('appendix-2', 'kk')).toContainText(kkForms.forms.status.official);
  // Other slots were never touched.
  await expect(settings.version('appendix-2', 'ru')).toHaveText('2.0.0');
});
