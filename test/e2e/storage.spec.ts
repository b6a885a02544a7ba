import { expect, test } from '@playwright/test';
import storage from '../../renderer/src/i18n/kk/storage.json' with { type: 'json' };
import { DeskPage, HEAD, OFFICER } from './pages/DeskPage';
import { kk } from './pages/texts';

const s = storage.storageSection;

test('settings say how much the desk stores and whether the browser may evict it; a reset that would lose unsent work is refused', async ({
  page,
  context,
}) => {
  test.setTimeout(90_000);
  const desk = new DeskPage(page, context);
  // An action of this desk: queued for the central system, which this desk has never reached.
  const { queue, kase, caseNumber: number } = await desk.startAtFirstCase(OFFICER, 'to-register');
  const register = await kase.act('registered');
  await register.fill(kk.actions.field.registrationNumber, '01-07/9200');
  await register.save();
  await kase.expectStage('completeness');

  await desk.openSettings();
  const section = page.getByTestId('storage-section');
  await expect(section.getByRole('heading', { name: s.title })).toBeVisible();
  // The demo desk holds some megabytes: the figure is the browser's own estimate.
  await expect(section.getByTestId('storage-usage')).toContainText(/\d+\.\d/);
  await expect(section.getByTestId('storage-persistence')).toHaveText(
    new RegExp(
      `^(${[s.persisted, s.evictable, s.unknown].map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`,
    ),
  );

  // Only a manager may reset the demo: the head tries, and is refused with the count of unsent events.
  await desk.signOut();
  await desk.signIn(HEAD);
  await desk.openSettings();
  await page.getByRole('button', { name: kk.settingsScreen.demo.reset }).click();
  await page.getByRole('dialog').getByRole('button', { name: kk.settingsScreen.demo.reset }).click();
  await expect(page.getByText(kk.auth.demo.outboxNotEmpty_one.replace('{{count}}', '1'))).toBeVisible();

  // Nothing was cleared: the registration is still there.
  await page.getByRole('button', { name: kk.nav.queues }).click();
  await queue.find(number);
  await kase.expectStage('completeness');
});
