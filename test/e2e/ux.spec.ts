import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, shot } from './pages/evidence';
import { DeskPage, HEAD, OFFICER } from './pages/DeskPage';
import { QueuePage } from './pages/QueuePage';
import { kk } from './pages/texts';
import kkMore from '../../renderer/src/i18n/kk/ux-more.json' with { type: 'json' };
import { SHORTCUTS } from '../../renderer/src/features/help/shortcuts';

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

/** Every visible row's applicant and pupil stand in full (nothing cut by an ellipsis). */
async function peopleCut(page: Page): Promise<string[]> {
  return page
    .locator('.queue-scroll .cell-people > span')
    .evaluateAll((spans) =>
      spans.filter((s) => s.scrollWidth > s.clientWidth + 1).map((s) => s.textContent ?? ''),
    );
}

for (const size of SIZES) {
  test(`the queue at ${size.width}×${size.height}: my cases first, people in full, short ground and stage with the full text, accessible`, async ({
    page,
    context,
  }, testInfo) => {
    await page.setViewportSize(size);
    const desk = new DeskPage(page, context);
    await desk.startOffline(OFFICER);
    await expect(page.locator('#queue-title')).toContainText(kk.queueName.mine);
    const queue = new QueuePage(page);
    await expect(queue.rows().first()).toBeVisible();
    // Every case of «my cases» is held by the officer signed in.
    const mine = await queue.count('mine');
    expect(mine).toBeGreaterThan(0);
    await queue.filterOfficer(OFFICER);
    expect(await queue.count('mine')).toBe(mine);
    await queue.page.getByLabel(kk.queue.officer, { exact: true }).selectOption('');

    await queue.show('all');
    await shot(page, testInfo, `queue-${size.width}x${size.height}`);
    expect(await peopleCut(page)).toEqual([]);
    const ground = queue.rows().first().locator('[role="cell"][title]').nth(1);
    const full = await ground.getAttribute('title');
    expect(Object.values(kk.ground)).toContain(full);
    await expect(ground).toHaveAttribute('aria-label', full!);
    expect(Object.values(kk.ux.groundShort)).toContain((await ground.textContent())?.trim());
    const stage = queue.rows().first().getByTestId('row-stage');
    expect([...Object.values(kk.stage), ...Object.values(kk.queueName)]).toContain(
      await stage.getAttribute('title'),
    );
    // The deadline shown says whose it is: the stage's or the whole term's.
    await expect(queue.rows().first().getByTestId('row-due')).toContainText(
      new RegExp(`${kk.ux.dueKind.stage}|${kk.ux.dueKind.term}`),
    );
    await queue.show('overdue');
    await expect(queue.rows().first().locator('.due-overdue')).toBeVisible();
    const red = await queue
      .rows()
      .first()
      .locator('.due-overdue')
      .evaluate((e) => getComputedStyle(e).color);
    const [r, g, b] = (red.match(/\d+/g) ?? []).map(Number);
    expect(r).toBeGreaterThan(120);
    expect(Math.max(g!, b!)).toBeLessThan(80);
    await queue.show('complaints');
    // Each open complaint in words, to whom and by when (the chips' sentence, ux-aids.spec.ts has the rest).
    await expect(queue.rows().first().getByTestId('row-complaints')).toHaveText(
      new RegExp(`^${kkMore.queueComplaints.full.split(' ')[0]!} .+: .*\\d\\d\\.\\d\\d\\.\\d{4}`),
    );
    await expect(queue.rows().first().getByTestId('complaint-chip').first()).toBeVisible();
    await shot(page, testInfo, `complaints-${size.width}x${size.height}`);
    await expectAccessible(page);
  });
}

test('the head starts from what waits for the head’s approval', async ({ page, context }) => {
  const desk = new DeskPage(page, context);
  await desk.startOffline(HEAD);
  await expect(page.locator('#queue-title')).toContainText(kk.queueName['awaiting-approval']);
});

test('search folds Kazakh letters typed on a Russian keyboard and Latin letters; numbers by prefix', async ({
  page,
  context,
}) => {
  const desk = new DeskPage(page, context);
  const { queue } = await desk.startAtQueue(OFFICER);
  await queue.show('all');
  // A pupil whose surname has a Kazakh letter.
  const names = await page.locator('.queue-scroll .cell-people .sub').allTextContents();
  const kazakh = names.find((n) => /[әғқңөұүһі]/i.test(n.split(' ')[0] ?? ''));
  expect(kazakh).toBeDefined();
  const surname = kazakh!.split(' ')[0]!;
  const russianKeyboard = surname
    .toLowerCase()
    .replace(/ә/g, 'а')
    .replace(/ғ/g, 'г')
    .replace(/қ/g, 'к')
    .replace(/ң/g, 'н')
    .replace(/ө/g, 'о')
    .replace(/[ұү]/g, 'у')
    .replace(/һ/g, 'х')
    .replace(/і/g, 'и');
  expect(russianKeyboard).not.toBe(surname.toLowerCase());
  await queue.search(russianKeyboard);
  await expect(page.locator('.queue-scroll .cell-people').first()).toContainText(surname);
  const found = await page.locator('.queue-scroll .cell-people').allTextContents();
  expect(found.every((t) => t.includes(surname))).toBe(true);

  // The same surname in Latin letters finds it too.
  const LATIN: Record<string, string> = {
    а: 'a',
    б: 'b',
    в: 'v',
    г: 'g',
    д: 'd',
    е: 'e',
    ж: 'zh',
    з: 'z',
    и: 'i',
    й: 'i',
    к: 'k',
    л: 'l',
    м: 'm',
    н: 'n',
    о: 'o',
    п: 'p',
    р: 'r',
    с: 's',
    т: 't',
    у: 'u',
    ф: 'f',
    х: 'kh',
    ц: 'ts',
    ч: 'ch',
    ш: 'sh',
    ы: 'y',
    э: 'e',
    ю: 'yu',
    я: 'ya',
    ь: '',
    ъ: '',
    щ: 'sh',
  };
  const latin = [...russianKeyboard].map((c) => LATIN[c] ?? c).join('');
  await queue.search(latin);
  await expect(page.locator('.queue-scroll .cell-people').first()).toContainText(surname);

  // The first digits of an IIN, and the start of a case number's last group.
  await queue.search('');
  const number = (await queue.caseNumbers())[0]!;
  const tail = number.split('-').pop()!.replace(/^0+/, '');
  await queue.search(`${number.slice(0, 8)}${tail.slice(0, 1)}`);
  expect(await queue.caseNumbers()).toContain(number);
});

test('scroll and filters survive a case; columns are remembered per user; the next person starts clean', async ({
  page,
  context,
}, testInfo) => {
  await page.setViewportSize(SIZES[0]);
  const desk = new DeskPage(page, context);
  const { queue, kase } = await desk.startAtQueue(OFFICER);
  await queue.show('all');
  await page.getByLabel(kk.queue.ground, { exact: true }).selectOption('health');
  const scroll = page.getByTestId('queue-scroll');
  await scroll.evaluate((e) => (e.scrollTop = 1200));
  await expect.poll(() => scroll.evaluate((e) => e.scrollTop)).toBeGreaterThan(1000);
  const top = await scroll.evaluate((e) => e.scrollTop);
  // A row in the middle of the list's box: opening it scrolls nothing (the rows are drawn a frame
  // after the scroll, hence the poll).
  await scroll.scrollIntoViewIfNeeded();
  const middleRow = () =>
    scroll.evaluate((e) => {
      const box = e.getBoundingClientRect();
      // The part of the list inside the window (a notice above may push it down).
      const bottom = Math.min(box.bottom, window.innerHeight);
      const hit = document.elementFromPoint(box.left + 60, (Math.max(box.top, 0) + bottom) / 2);
      return hit?.closest('[data-case-id]')?.querySelector('.case-link')?.textContent ?? '';
    });
  await expect.poll(middleRow).toMatch(/^KZ-/);
  const visible = await middleRow();
  await queue.open(visible);
  await kase.backToQueue();
  await expect(page.getByLabel(kk.queue.ground, { exact: true })).toHaveValue('health');
  await expect.poll(() => scroll.evaluate((e) => e.scrollTop)).toBe(top);

  // Columns: hidden for this officer, still hidden after a reload.
  await page.getByText(kk.ux.columns.title, { exact: true }).click();
  await page.getByLabel(kk.ux.columns.school, { exact: true }).uncheck();
  const head = page.locator('.queue-head [role="columnheader"]');
  await expect(head).not.toContainText([kk.queue.col.school]);
  await expect(head).toHaveCount(7);
  await shot(page, testInfo, 'queue-column-hidden-1366x768');
  await queue.search('а');
  await desk.reload();
  await expect(page.locator('.queue-head [role="columnheader"]')).toHaveCount(7);

  // Signing out: the next person has neither the search nor the columns of the one before.
  await page.getByRole('button', { name: kk.nav.signOut }).click();
  await desk.signIn(HEAD);
  await queue.show('all');
  await expect(page.getByLabel(kk.queue.search, { exact: true })).toHaveValue('');
  await expect(page.getByLabel(kk.queue.ground, { exact: true })).toHaveValue('');
  await expect(page.locator('.queue-head [role="columnheader"]')).toHaveCount(8);
});

test('the case: header in words, window title, focus, documents beside their findings, keys and help', async ({
  page,
  context,
}, testInfo) => {
  await page.setViewportSize(SIZES[0]);
  const desk = new DeskPage(page, context);
  const { queue, kase } = await desk.startAtQueue(OFFICER);
  await queue.show('to-register');
  const [first, second] = await queue.caseNumbers();
  await queue.open(first!);
  await expect(kase.heading()).toBeFocused();
  await expect(page.getByTestId('case-people')).toContainText(kk.ux.case.people.split(':')[0]!);
  await expect(page.getByTestId('case-ground')).toHaveText(new RegExp(Object.values(kk.ground).join('|')));
  await expect(page.getByTestId('case-due')).toContainText(/\d\d\.\d\d\.\d{4}/);
  await expect(page).toHaveTitle(new RegExp(first!));

  // The documents beside the viewer: opening one keeps the findings in view.
  await kase.documentFiles().first().getByRole('button', { name: kk.documents.open }).click();
  await expect(kase.viewer()).toBeVisible();
  await expect(page.locator('dialog[open]')).toHaveCount(0);
  const [list, viewer] = await Promise.all([
    page.locator('.documents').boundingBox(),
    kase.viewer().boundingBox(),
  ]);
  expect(viewer!.x).toBeGreaterThan(list!.x + list!.width - 1);
  await shot(page, testInfo, 'case-1366x768');
  await expectAccessible(page);

  // Keys: J opens the next case of the queue, U goes back, Shift+/ opens the help.
  await page.locator('body').press('KeyJ');
  await expect(kase.heading()).toContainText(second!);
  await expect(kase.heading()).toBeFocused();
  // K goes back to the previous case, then J forward again.
  await page.locator('body').press('KeyK');
  await expect(kase.heading()).toContainText(first!);
  await page.locator('body').press('KeyJ');
  await expect(kase.heading()).toContainText(second!);
  // A opens the case's first main action (registration, in this queue): its one primary button
  // records it, and the desk says what happened in plain words.
  await page.locator('body').press('KeyA');
  const action = page.getByRole('dialog');
  await expect(action.locator('.dialog-purpose')).toHaveText(kk.ux.purpose.registered);
  await expect(action.locator('button.primary')).toHaveCount(1);
  await action.locator('button.primary').click();
  await expect(page.locator('dialog[open]')).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: kk.ux.done.registered })).toBeVisible();
  await page.locator('body').press('Shift+Slash');
  const help = page.getByRole('dialog', { name: kk.ux.help.title });
  await expect(help).toContainText(kk.ux.help.stagesTitle);
  await expect(help).toContainText(kk.ux.help.keys.next);
  await expect(help.locator('kbd')).toHaveCount(SHORTCUTS.length);
  await shot(page, testInfo, 'help-1366x768');
  await help.getByRole('button', { name: kk.ux.help.close }).click();
  await page.locator('body').press('KeyU');
  await expect(page.locator('#queue-title')).toContainText(kk.queueName['to-register']);
  // / puts the cursor in the queue's search.
  await page.locator('body').press('Slash');
  await expect(page.getByLabel(kk.queue.search, { exact: true })).toBeFocused();

  await page.setViewportSize(SIZES[1]);
  await queue.open(first!);
  await shot(page, testInfo, 'case-1920x1080');
});

test('an IIN finding shows both IINs', async ({ page, context }) => {
  const desk = new DeskPage(page, context);
  await desk.startAtFirstCase(OFFICER, 'all', {
    wanted: async () => (await page.getByTestId('finding-evidence').count()) > 0,
    limit: 60,
  });
  await expect(page.getByTestId('finding-evidence').first()).toHaveText(/\d{12}.*\d{12}/);
});

test('what is typed in a dialog survives closing it and reloading the desk; closing asks first', async ({
  page,
  context,
}, testInfo) => {
  const desk = new DeskPage(page, context);
  const { kase } = await desk.startAtFirstCase(OFFICER, 'completeness-due', {
    mine: true,
    wanted: async (k) => (await k.documentFiles().count()) > 1,
  });
  const file = kase.documentFiles().last();
  const reject = file.getByRole('button', { name: kk.documents.reject });
  await reject.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.locator('.dialog-purpose')).toHaveText(kk.ux.purpose['document-reviewed']);
  await expect(dialog.locator('button.primary')).toHaveCount(1);
  const comment = dialog.getByLabel(kk.actions.field.comment, { exact: true });
  await comment.fill('Табельдегі бағалар оқу жылына сәйкес емес');
  await shot(page, testInfo, 'dialog-1366x768');

  // The tab goes away (a reload) with the dialog open: the text comes back with the dialog.
  await desk.reload();
  await file.getByRole('button', { name: kk.documents.reject }).click();
  await expect(dialog.getByRole('status')).toContainText(kk.ux.draft.restored.split('(')[0]!.trim());
  await expect(comment).toHaveValue('Табельдегі бағалар оқу жылына сәйкес емес');

  // Closing asks; keeping keeps it, discarding drops it.
  await dialog.getByRole('button', { name: kk.common.cancel }).click();
  const ask = page.getByRole('dialog', { name: kk.ux.draft.keepTitle });
  await ask.getByRole('button', { name: kk.ux.draft.keep }).click();
  await expect(page.locator('dialog[open]')).toHaveCount(0);
  await file.getByRole('button', { name: kk.documents.reject }).click();
  await expect(comment).toHaveValue('Табельдегі бағалар оқу жылына сәйкес емес');
  await comment.fill('x'.repeat(9_000));
  await expect(dialog).toContainText('9000 / 10000');
  await dialog.getByRole('button', { name: kk.common.cancel }).click();
  await ask.getByRole('button', { name: kk.ux.draft.discard }).click();
  await file.getByRole('button', { name: kk.documents.reject }).click();
  await expect(comment).toHaveValue('');
  await expect(kase.historyRows().first()).not.toContainText(kk.eventType['document-reviewed']);
});

test('the head sees what is being approved: the decision, who did what, and the documents in the viewer', async ({
  page,
  context,
}, testInfo) => {
  await page.setViewportSize(SIZES[0]);
  const desk = new DeskPage(page, context);
  const { kase } = await desk.startAtFirstCase(HEAD, 'awaiting-approval');
  const panel = page.getByTestId('approval-panel');
  await expect(panel).toContainText(
    new RegExp(`${kk.ux.approval.grant.split(':')[0]}|${kk.ux.approval.refusal.split(' ')[0]}`),
  );
  await expect(panel.locator('.approval-trail li').last()).toContainText(kk.eventType['sent-for-approval']);
  // The checks are beside it, and the action bar offers the head's two answers.
  await expect(kase.actionButton('approved')).toBeVisible();
  await expect(kase.actionButton('returned')).toBeVisible();
  await shot(page, testInfo, 'approval-1366x768');
  await expectAccessible(page);
});
