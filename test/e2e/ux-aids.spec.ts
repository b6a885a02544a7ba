// Issue 11's remaining aids: complaints told apart in the queue, the officer's phone remembered,
// form values kept as drafts, the head's approve/return keys, the PDF's text alternative, and
// browser notifications asked for only from a button.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import kkMore from '../../renderer/src/i18n/kk/ux-more.json' with { type: 'json' };
import kkNotify from '../../renderer/src/i18n/kk/notify.json' with { type: 'json' };
import { expectAccessible, shot } from './pages/evidence';
import { demoPin, DeskPage, HEAD, OFFICER } from './pages/DeskPage';
import { FormsPanelPage, kkForms } from './pages/formsPage';
import { kk } from './pages/texts';

const OFFICE_SCREEN = { width: 1366, height: 768 };

test('two complaints of one case stand apart in the queue row: to whom and due when', async ({
  page,
  context,
}, testInfo) => {
  await page.setViewportSize(OFFICE_SCREEN);
  const desk = new DeskPage(page, context);
  const { queue, kase, caseNumber } = await desk.startAtFirstCase(OFFICER, 'complaints');
  // A second complaint, to the other body the rules name (paragraph 26): the quality authority.
  const dialog = await kase.act('complaint-registered');
  await dialog.choose(kk.actions.addressee['quality-authority']);
  await dialog.fill(kk.actions.field.summary, 'Өтініш беруші жауаптың мерзімімен келіспейді');
  await dialog.save();
  await kase.backToQueue();
  await queue.show('complaints');
  await queue.search(caseNumber);
  await expect(queue.rows()).toHaveCount(1);
  const chips = queue.rows().first().getByTestId('complaint-chip');
  await expect(chips).toHaveCount(2);
  const shorts = await chips.allTextContents();
  const to = kkMore.queueComplaints.toShort;
  for (const chip of await chips.all())
    await expect(chip).toHaveText(
      new RegExp(`^(${to.provider}|${to['quality-authority']}) · \\d\\d\\.\\d\\d\\.\\d{4}`),
    );
  // The one just made is due in 15 working days: on time, not red; it says whom in full on hover.
  const fresh = chips.filter({ hasText: to['quality-authority'] }).last();
  await expect(fresh).not.toHaveClass(/tone-bad/);
  await expect(fresh).toHaveAttribute('title', new RegExp(kkMore.queueComplaints.to['quality-authority']));
  expect(new Set(shorts).size).toBe(2);
  // Screen readers hear both in the stage cell, in whole sentences.
  await expect(queue.rows().first().getByTestId('row-complaints')).toContainText(
    kkMore.queueComplaints.to['quality-authority'],
  );
  // Both chips are drawn whole, not cut by the row.
  const cut = await chips.evaluateAll(
    (els) =>
      els.filter((el) => {
        const box = el.getBoundingClientRect();
        const row = el.closest('[role="row"]')!.getBoundingClientRect();
        return box.right > row.right || box.bottom > row.bottom;
      }).length,
  );
  expect(cut).toBe(0);
  await queue.search('');
  // An overdue complaint elsewhere in the queue is red and says so in words.
  const overdue = page.locator('.complaint-chip.tone-bad').first();
  if ((await overdue.count()) > 0)
    await expect(overdue).toHaveAttribute('title', new RegExp(kk.timeliness.overdue));
  await queue.search(caseNumber);
  await shot(page, testInfo, 'queue-complaints-1366x768');
  await expectAccessible(page);
});

test('the school request: the phone is remembered per officer, form values come back after a reload, the PDF has its text', async ({
  page,
  context,
}, testInfo) => {
  test.setTimeout(120_000);
  await page.setViewportSize(OFFICE_SCREEN);
  const desk = new DeskPage(page, context);
  const forms = new FormsPanelPage(page);
  const { queue, kase, caseNumber } = await desk.startAtFirstCase(OFFICER, 'waiting-school', {
    wanted: async () => (await forms.formItem('school-request').count()) > 0,
  });
  let editor = await forms.open('school-request', 'kk');
  await expect(editor.field('executorPhone')).toHaveValue('');
  // What the case gives (the request's number once it was sent); the officer types over it.
  const prefilled = await editor.field('outgoingNumber').inputValue();
  expect(prefilled).not.toBe('Ш-7788');
  await editor.field('executorPhone').fill('+7 701 555 12 34');
  await editor.field('outgoingNumber').fill('Ш-7788');
  await editor.expectPreviewDrawn();

  // The text alternative of the preview: the lines the desk laid out, typed values among them.
  const text = editor.root.getByTestId('pdf-text');
  await expect(text).toContainText('Ш-7788');
  await editor.root.getByTestId('pdf-as-text').click();
  await expect(text).toBeVisible();
  await expect(text).toHaveAttribute('tabindex', '0');
  await shot(page, testInfo, 'form-text-1366x768');
  await expectAccessible(page);

  // Closing asks; the draft is kept. The tab goes away; the form comes back as it was typed.
  await editor.close('keep');
  await desk.reload();
  await expect(kase.heading()).toContainText(caseNumber);
  editor = await forms.open('school-request', 'kk');
  await expect(editor.field('outgoingNumber')).toHaveValue('Ш-7788');
  await expect(editor.root.getByTestId('form-draft-restored')).toContainText(
    kk.ux.draft.restored.split('(')[0]!.trim(),
  );
  // Discarding drops the form's draft; the phone stays remembered.
  await editor.close('discard');
  editor = await forms.open('school-request', 'kk');
  await expect(editor.field('outgoingNumber')).toHaveValue(prefilled);
  await expect(editor.root.getByTestId('form-draft-restored')).toHaveCount(0);
  await expect(editor.field('executorPhone')).toHaveValue('+7 701 555 12 34');
  await editor.close();

  // Another case's request: the phone is prefilled, and a changed one is what comes next time.
  await kase.backToQueue();
  await queue.show('waiting-school');
  const other = (await queue.caseNumbers()).find((n) => n !== caseNumber);
  await queue.open(other!);
  editor = await forms.open('school-request', 'ru');
  await expect(editor.field('executorPhone')).toHaveValue('+7 701 555 12 34');
  await editor.field('executorPhone').fill('+7 702 000 00 01');
  await editor.close('discard');
  editor = await forms.open('school-request', 'kk');
  await expect(editor.field('executorPhone')).toHaveValue('+7 702 000 00 01');
  await editor.close();

  // Another person at the same desk does not get this officer's phone.
  await desk.signOut();
  await desk.signIn(HEAD);
  await queue.find(other!);
  editor = await forms.open('school-request', 'kk');
  await expect(editor.field('executorPhone')).toHaveValue('');
  void kkForms;
});

test('the head approves and returns by keys; approving still asks the head’s secret; keys listed in help', async ({
  page,
  context,
}) => {
  const desk = new DeskPage(page, context);
  const { queue, kase } = await desk.startAtFirstCase(HEAD, 'awaiting-approval');
  await expect(page.getByTestId('approval-keys')).toContainText('Y');

  await page.keyboard.press('y');
  const dialog = page.getByRole('dialog');
  await expect(dialog.locator('button[type="submit"]')).toHaveText(kk.actions.button.approved);
  await dialog.locator('button[type="submit"]').click();
  const stepUp = page.getByRole('dialog', { name: kk.auth.stepUp.title });
  await expect(stepUp).toBeVisible();
  await stepUp.getByLabel(kk.auth.field.secret, { exact: true }).fill(demoPin(HEAD));
  await stepUp.getByRole('button', { name: kk.auth.stepUp.confirm }).click();
  await expect(page.locator('dialog[open]')).toHaveCount(0);
  await kase.expectLatestEvent('approved');

  // The approved case has left the queue: its first case is the next one waiting.
  await kase.backToQueue();
  await queue.openFirst('awaiting-approval');
  await page.keyboard.press('r');
  await expect(dialog.locator('button[type="submit"]')).toHaveText(kk.actions.button.returned);
  // Typed into the comment, Y and R are letters: no other dialog opens, nothing is approved.
  const comment = dialog.getByLabel(kk.actions.field.comment, { exact: true });
  await comment.pressSequentially('yr ry');
  await expect(comment).toHaveValue('yr ry');
  await expect(page.locator('dialog[open]')).toHaveCount(1);
  await comment.fill('Бұйрықтың күнін тексеріңіз');
  await dialog.locator('button[type="submit"]').click();
  await stepUp.getByLabel(kk.auth.field.secret, { exact: true }).fill(demoPin(HEAD));
  await stepUp.getByRole('button', { name: kk.auth.stepUp.confirm }).click();
  await expect(page.locator('dialog[open]')).toHaveCount(0);
  await kase.expectLatestEvent('returned');
  // Away from the approval stage the keys do nothing.
  await page.keyboard.press('y');
  await expect(page.locator('dialog[open]')).toHaveCount(0);

  await page.keyboard.press('Shift+Slash');
  const help = page.getByRole('dialog');
  await expect(help).toContainText(kkMore.ux.help.keys.approve);
  await expect(help).toContainText(kkMore.ux.help.keys.return);
});

/** The page's Notification API replaced by a recorder: what is asked and what is shown. */
async function fakeNotifications(context: BrowserContext) {
  await context.addInitScript(() => {
    const log = { requests: 0, shown: [] as { title: string; body: string }[] };
    let permission: NotificationPermission = 'default';
    class FakeNotification {
      static get permission() {
        return permission;
      }
      static requestPermission(): Promise<NotificationPermission> {
        log.requests += 1;
        permission = (window as unknown as { answer?: NotificationPermission }).answer ?? 'denied';
        return Promise.resolve(permission);
      }
      constructor(title: string, options?: { body?: string }) {
        log.shown.push({ title, body: options?.body ?? '' });
      }
    }
    Object.assign(window, { Notification: FakeNotification, notificationLog: log });
  });
}

const notificationLog = (page: Page) =>
  page.evaluate(
    () =>
      (
        window as unknown as {
          notificationLog: { requests: number; shown: { title: string; body: string }[] };
        }
      ).notificationLog,
  );

test('browser notifications are asked for only from the notice’s button, and a refusal is remembered', async ({
  page,
  context,
}) => {
  await fakeNotifications(context);
  const desk = new DeskPage(page, context);
  await desk.startOffline(OFFICER);
  const offer = page.getByTestId('browser-notify-offer');
  await expect(offer).toBeVisible();
  // Nothing asked on load or at sign-in.
  expect((await notificationLog(page)).requests).toBe(0);
  await offer.getByRole('button', { name: kkMore.browserNotify.noThanks }).click();
  await expect(page.getByTestId('browser-notify-said')).toHaveText(kkMore.browserNotify.refused);
  expect((await notificationLog(page)).requests).toBe(0);
  // The next sign-in shows the deadlines again, without the offer.
  await desk.signOut();
  await desk.signIn(OFFICER);
  await expect(page.getByTestId('deadline-notice')).toBeVisible();
  await expect(offer).toHaveCount(0);
});

test('allowed from the button, the browser notification carries counts only', async ({ page, context }) => {
  await fakeNotifications(context);
  const desk = new DeskPage(page, context);
  await desk.startOffline(OFFICER);
  await page.evaluate(() => Object.assign(window, { answer: 'granted' }));
  const notice = page.getByTestId('deadline-notice');
  await expect(notice).toBeVisible();
  const countOf = async (group: string) => {
    const count = notice.locator(`.notice-${group} .notice-count`);
    return (await count.count()) === 0 ? 0 : Number(await count.textContent());
  };
  const soon = await countOf('due-soon');
  const overdue = await countOf('overdue');
  await page
    .getByTestId('browser-notify-offer')
    .getByRole('button', { name: kkMore.browserNotify.ask })
    .click();
  await expect(page.getByTestId('browser-notify-said')).toHaveText(kkMore.browserNotify.on);
  const log = await notificationLog(page);
  expect(log.requests).toBe(1);
  expect(log.shown).toHaveLength(1);
  expect(log.shown[0]!.title).toBe(kkNotify.notify.osTitle);
  // No case number, IIN or name: the template's words and the two counts the panel shows.
  expect(log.shown[0]!.body).toBe(
    kkNotify.notify.osBody.replace('{{soon}}', String(soon)).replace('{{overdue}}', String(overdue)),
  );
  expect(log.shown[0]!.body).not.toMatch(/KZ-|\d{12}/);
});
