import { expect, test } from '@playwright/test';
import { OFFICER } from './pages/DeskPage';
import { kk } from './pages/texts';

// A link with a broken %-escape used to throw while the desk loaded: a blank window, no desk.
test('a malformed link opens the desk at the home queue and says why', async ({ page }) => {
  const failures: string[] = [];
  page.on('pageerror', (error) => failures.push(error.name));
  await page.goto('/#/case/%E0%A4%A');

  await expect(page.getByRole('heading', { name: kk.signin.title })).toBeVisible({ timeout: 30_000 });
  const notice = page.getByRole('status').filter({ hasText: kk.recovery.badLink });
  await expect(notice).toBeVisible();
  // The address bar no longer holds the bad link, so a reload does not read it again.
  expect(new URL(page.url()).hash).toBe('#/queue/all');

  await page.getByRole('button', { name: new RegExp(OFFICER) }).click();
  await expect(page.locator('#queue-title')).toContainText(kk.queueName.all);
  await notice.getByRole('button', { name: kk.common.dismiss }).click();
  await expect(notice).toBeHidden();
  expect(failures).toEqual([]);
});
