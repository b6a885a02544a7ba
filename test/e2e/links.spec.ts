import { expect, test } from '@playwright/test';
import { DeskPage, OFFICER } from './pages/DeskPage';
import { kk } from './pages/texts';

// A link with a broken %-escape used to throw while the desk loaded: a blank window, no desk.
test('a malformed link opens the desk at the home queue and says why', async ({ page, context }) => {
  const desk = new DeskPage(page, context);
  await desk.open();
  const failures: string[] = [];
  page.on('pageerror', (error) => failures.push(error.name));
  // The desk is loaded afresh from the bad link, as when an officer opens it from a message.
  await page.goto('about:blank');
  await page.goto('/#/case/%E0%A4%A');

  await expect(page.getByRole('heading', { name: kk.signin.title })).toBeVisible({ timeout: 30_000 });
  const notice = page.getByRole('status').filter({ hasText: kk.recovery.badLink });
  await expect(notice).toBeVisible();
  // The address bar no longer holds the bad link, so a reload does not read it again.
  expect(new URL(page.url()).hash).toBe('#/queue/all');

  await notice.getByRole('button', { name: kk.common.dismiss }).click();
  await expect(notice).toBeHidden();
  await desk.signIn(OFFICER);
  await expect(page.locator('#queue-title')).toContainText(kk.queueName.mine);
  expect(failures).toEqual([]);
});
