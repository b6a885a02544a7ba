import { expect, test } from '@playwright/test';
import { CalendarSettingsPage } from './pages/CalendarSettingsPage';
import { DeskPage, HEAD } from './pages/DeskPage';
import { kk } from './pages/texts';

test('settings are validated with translated errors, saved offline, and kept after a reload', async ({
  page,
  context,
}) => {
  const desk = new DeskPage(page, context);
  await desk.startOffline(HEAD);
  await desk.openSettings();
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
  await desk.startOffline(HEAD);
  await desk.openSettings();
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
