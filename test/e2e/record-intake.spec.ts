import { expect, test, type Page } from '@playwright/test';
import { ActionDialog } from './pages/CasePage';
import { DeskPage, HEAD, OFFICER } from './pages/DeskPage';
import { checkOf, dialogNote, openRowWith, record } from './pages/recordSteps';
import { kk } from './pages/texts';

/** Today in the office, as the desk writes it (the browser runs in Asia/Almaty). */
async function todayText(page: Page): Promise<string> {
  return page.evaluate(() =>
    new Intl.DateTimeFormat('ru-RU', {
      timeZone: 'Asia/Almaty',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
    }).format(new Date()),
  );
}

test('a registration is recorded for today, says how late it is, and takes the register’s next free number', async ({
  page,
  context,
}) => {
  const desk = new DeskPage(page, context);
  const { queue, kase } = await desk.startAtQueue(OFFICER);

  // A number another case already has, read from the queue.
  await queue.show('completeness-due');
  const taken = (await queue.rows().first().locator('.sub').first().textContent())?.trim() ?? '';
  expect(taken).not.toBe('');

  // A case whose registration day has passed.
  await openRowWith(queue, 'to-register', kk.timeliness.overdue);
  const register = await kase.act('registered');
  await expect(register.root.getByLabel(kk.actions.field.registeredOn, { exact: true })).toHaveCount(0);
  const day = dialogNote(page, 'registrationDay');
  await expect(day).toContainText(await todayText(page));
  await expect(day).toContainText(/\d+ жұмыс күнге кешікті/);
  const number = register.root.getByLabel(kk.actions.field.registrationNumber, { exact: true });
  const suggested = await number.inputValue();
  expect(suggested).not.toBe('');
  expect(suggested).not.toBe(taken);

  // A number already used is refused, and the dialog keeps what was typed.
  await number.fill(taken);
  await register.submit().click();
  await expect(register.root.getByRole('alert')).toContainText(`«${taken}» тіркеу нөмірі`);
  await expect(number).toHaveValue(taken);

  await number.fill(suggested);
  await register.save();
  await kase.expectStage('completeness');
  await kase.expectLatestEvent('registered', suggested);
  await expect(kase.historyRows().first()).toContainText('Кешігіп тіркелді: заң бойынша');
  const registered = page.locator('[data-section="application"] .fact-flagged');
  await expect(registered).toContainText(suggested);
  await expect(registered.locator('.flag')).toContainText(
    /Кешігіп тіркелді: заң бойынша \d{2}\.\d{2}\.\d{4}, \d+ жұмыс күнге кешікті/,
  );
});

test('a document that failed its check is confirmed only with a reason, and completeness follows the findings', async ({
  page,
  context,
}) => {
  const desk = new DeskPage(page, context);
  const { kase } = await desk.startAtFirstCase(OFFICER, 'completeness-due', {
    mine: true,
    wanted: async (kase) => {
      const files = kase.documentFiles();
      for (let i = 0; i < (await files.count()); i++) await checkOf(files.nth(i));
      // One failing file, and every other one passing or not checked automatically.
      const checks = await files.evaluateAll((els) => els.map((e) => e.getAttribute('data-check')));
      return (
        checks.filter((c) => c === 'fail').length === 1 &&
        checks.every((c) => c === 'fail' || c === 'pass' || c === 'none')
      );
    },
  });
  const failing = page.locator('.doc-file[data-check="fail"]');
  const kind = await failing.locator('xpath=ancestor::li[@data-kind]').getAttribute('data-kind');
  const kindName = kk.documentKind[kind as keyof typeof kk.documentKind];

  // Confirming without a reason: the dialog says why and saves nothing.
  await failing.getByRole('button', { name: kk.documents.confirm }).click();
  const confirm = new ActionDialog(page);
  await expect(dialogNote(page, 'checkNote')).toHaveText(record.review.against.fail);
  await confirm.submit().click();
  await expect(confirm.root).toContainText(record.error['reason-required']);
  await confirm.root.getByRole('button', { name: kk.common.cancel }).click();
  await expect(kase.historyRows().first()).not.toContainText(kk.eventType['document-reviewed']);

  // The completeness dialog proposes it missing, says why, and does not offer "complete".
  let check = await kase.act('completeness-checked');
  await expect(check.root.getByLabel(kk.actions.option.complete.yes, { exact: true })).toHaveCount(0);
  await expect(check.root.getByLabel(kk.actions.option.complete.no, { exact: true })).toBeChecked();
  await expect(check.root.getByLabel(kindName, { exact: true })).toBeChecked();
  await expect(dialogNote(page, 'findings')).toContainText(
    record.completeness.why.failed.replace('{{kind}}', kindName),
  );
  await check.root.getByRole('button', { name: kk.common.cancel }).click();

  // Confirmed with a reason: the history keeps it, and the package may now be called complete.
  const reason = 'Түпнұсқасы көрсетілді, ЖСН дұрыс: порталда қате жазылған.';
  await failing.getByRole('button', { name: kk.documents.confirm }).click();
  await confirm.fill(kk.actions.field.comment, reason);
  await confirm.save();
  await kase.expectLatestEvent('document-reviewed', reason);
  check = await kase.act('completeness-checked');
  await expect(check.root.getByLabel(kk.actions.option.complete.yes, { exact: true })).toBeChecked();
  await check.save();
  await kase.expectStage('school');
});

test('a corrupt attachment never shows a passed check: it is unreadable and proposed missing', async ({
  page,
  context,
}) => {
  const desk = new DeskPage(page, context);
  const { kase } = await desk.startAtFirstCase(HEAD, 'to-register', {
    wanted: async () => (await page.getByText('corrupt.pdf').count()) > 0,
  });
  const corrupt = kase.documentFiles().filter({ hasText: 'corrupt.pdf' });
  expect(await checkOf(corrupt)).toBe('unreadable');
  await expect(corrupt).toContainText(record.check.unreadable);
  await expect(corrupt).toContainText(record.file.damaged);
  await expect(corrupt).not.toContainText(kk.documents.check.pass);
  const kind = await corrupt.locator('xpath=ancestor::li[@data-kind]').getAttribute('data-kind');
  const kindName = kk.documentKind[kind as keyof typeof kk.documentKind];

  // Registered (with the register's number), the package is checked: the unreadable file counts as failing.
  await (await kase.act('registered')).save();
  const check = await kase.act('completeness-checked');
  await expect(check.root.getByLabel(kk.actions.option.complete.yes, { exact: true })).toHaveCount(0);
  await expect(check.root.getByLabel(kindName, { exact: true })).toBeChecked();
  await expect(dialogNote(page, 'findings')).toContainText(
    record.completeness.why.unreadable.replace('{{kind}}', kindName),
  );
});
