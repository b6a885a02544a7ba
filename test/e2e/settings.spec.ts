import { expect, test } from '@playwright/test';
import { DeskPage, HEAD } from './pages/DeskPage';
import { kk } from './pages/texts';

test('settings are validated with translated errors, saved offline, and kept after a reload', async ({
  page,
  context,
}) => {
  const desk = new DeskPage(page, context);
  await desk.open();
  await desk.goOffline();
  await desk.signIn(HEAD);
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
    kk.settingsScreen.calendar.statusName.partial,
  );
  await expect(years.getByRole('row', { name: /^2027/ })).toContainText(
    kk.settingsScreen.calendar.statusName.provisional,
  );

  await desk.reload();
  await expect(page.getByLabel(f['akimat.name.ru'], { exact: true })).toHaveValue(
    'Акимат Бурабайского района (проверка)',
  );
});
