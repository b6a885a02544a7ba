import { expect, test } from '@playwright/test';
import { CalendarSettingsPage } from './pages/CalendarSettingsPage';
import { DeskPage, HEAD } from './pages/DeskPage';
import issuerTexts from '../../renderer/src/i18n/kk/issuer.json' with { type: 'json' };
import { kk } from './pages/texts';

test('settings are validated with translated errors, saved offline, and kept after a reload', async ({
  page,
  context,
}) => {
  const desk = new DeskPage(page, context);
  await desk.startAtSettings(HEAD);
  const f = kk.settingsScreen.field;
  const bin = page.getByLabel(f['akimat.bin'], { exact: true });
  await bin.fill('12345');
  await page.getByRole('button', { name: kk.settingsScreen.save }).click();
  await expect(page.getByText(kk.settingsIssue['bin.format'])).toBeVisible();

  await bin.fill('990340003217');
  await page.getByLabel(f['akimat.name.ru'], { exact: true }).fill('Акимат Бурабайского района (проверка)');
  await page.getByRole('button', { name: kk.settingsScreen.save }).click();
  await expect(page.getByText(kk.settingsScreen.saved)).toBeVisible();

  // The calendar years in use, with their status.
  const years = page.getByRole('region', { name: kk.settingsScreen.calendar.title });
  await expect(years.getByRole('row', { name: /^2026/ })).toContainText(
    kk.settingsScreen.calendar.statusName.official,
  );
  await expect(years.getByRole('row', { name: /^2027/ })).toContainText(
    kk.settingsScreen.calendar.statusName.provisional,
  );

  await desk.reload();
  await expect(page.getByLabel(f['akimat.name.ru'], { exact: true })).toHaveValue(
    'Акимат Бурабайского района (проверка)',
  );
});

test('a calendar year file is imported offline, a broken one is refused with its reasons, and an import can be removed', async ({
  page,
  context,
}) => {
  const desk = new DeskPage(page, context);
  await desk.startAtSettings(HEAD);
  const calendar = new CalendarSettingsPage(page);
  const texts = kk.settingsScreen.calendar;
  await expect(calendar.row(2027)).toContainText(texts.statusName.provisional);

  await calendar.importFixture('2027.json');
  await expect(calendar.section().getByRole('status')).toContainText('2027');
  await expect(calendar.row(2027)).toContainText('2027.1');
  await expect(calendar.row(2027)).toContainText(texts.statusName.partial);
  await expect(calendar.row(2027)).toContainText(texts.sourceName.imported);

  // Two mistakes: a version of another year, a "working weekend" on a Wednesday. Nothing changes.
  await calendar.importFixture('2027-broken.json');
  const refusal = calendar.section().getByRole('alert');
  await expect(refusal).toContainText(texts.refused);
  await expect(refusal).toContainText(`version: ${texts.error['version-year']}`);
  await expect(refusal).toContainText(`workingWeekends[0].date: ${texts.error['not-a-weekend']}`);
  await expect(calendar.row(2027)).toContainText('2027.1');
  await expect(calendar.row(2027)).toContainText(texts.statusName.partial);

  // Kept after a reload, still offline; removing the import brings the law's provisional year back.
  await desk.reload();
  await expect(calendar.row(2027)).toContainText(texts.statusName.partial);
  await calendar.remove(2027);
  await expect(calendar.row(2027)).toContainText(texts.statusName.provisional);
  await expect(calendar.row(2027).getByRole('button')).toHaveCount(0);
});

test('the issuing body: its act and signatory follow its kind, its contacts are checked, and it is kept', async ({
  page,
  context,
}) => {
  const desk = new DeskPage(page, context);
  await desk.startAtSettings(HEAD);
  const f = issuerTexts.issuerSection.field;
  const section = page.locator('[data-section="issuer"]');
  const notes = page.getByTestId('issuer-notes');
  await expect(section.getByLabel(f['issuer.name.kk'], { exact: true })).toHaveValue(
    'Бурабай ауданының білім бөлімі',
  );
  await expect(notes).not.toContainText(issuerTexts.issuerSection.actNotOrder);

  // An akimat adopts a resolution and its akim signs: shown as what an empty field means.
  await section.getByLabel(f['issuer.kind'], { exact: true }).selectOption('akimat');
  await expect(
    section.getByText(issuerTexts.issuerSection.derivedHint.replace('{{value}}', 'Аудан әкімі')),
  ).toBeVisible();
  await expect(notes).toContainText(issuerTexts.issuerSection.actNotOrder);

  // A wrong e-mail is refused in words; an empty phone is asked for.
  await section.getByLabel(f['issuer.email'], { exact: true }).fill('bilim@');
  await section.getByLabel(f['issuer.phone'], { exact: true }).fill('');
  await expect(notes).toContainText(issuerTexts.issuerSection.contactsMissing);
  await page.getByRole('button', { name: kk.settingsScreen.save }).click();
  await expect(section.getByText(kk.settingsIssue['email.format'])).toBeVisible();

  await section.getByLabel(f['issuer.email'], { exact: true }).fill('akimat@burabay.example.kz');
  await section.getByLabel(f['issuer.phone'], { exact: true }).fill('8 (71636) 4-10-01');
  await section.getByLabel(f['issuer.signatory.title.kk'], { exact: true }).fill('Аудан әкімінің м.а.');
  await section.getByLabel(f['issuer.signatory.title.ru'], { exact: true }).fill('И.о. акима района');
  await page.getByRole('button', { name: kk.settingsScreen.save }).click();
  await expect(page.getByText(kk.settingsScreen.saved)).toBeVisible();

  await desk.reload();
  await expect(section.getByLabel(f['issuer.kind'], { exact: true })).toHaveValue('akimat');
  await expect(section.getByLabel(f['issuer.signatory.title.ru'], { exact: true })).toHaveValue(
    'И.о. акима района',
  );
  await expect(section.getByLabel(f['issuer.email'], { exact: true })).toHaveValue(
    'akimat@burabay.example.kz',
  );
});
