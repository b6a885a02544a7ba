import { expect, test } from '@playwright/test';
import { DeskPage, OFFICER } from './pages/DeskPage';
import { openFirstCase } from './pages/QueuePage';
import { sendForApproval } from './pages/recordSteps';
import { kk } from './pages/texts';

test('an offline officer registers a case, finds a document failing its check and refuses on ground 1', async ({
  page,
  context,
}) => {
  const desk = new DeskPage(page, context);
  const { queue, kase } = await desk.startAtQueue(OFFICER);

  // Registration: the first case waiting for it leaves the queue once registered.
  await queue.show('to-register');
  const waiting = await queue.count('to-register');
  const [first] = await queue.caseNumbers();
  await queue.open(first!);
  const register = await kase.act('registered');
  await register.fill(kk.actions.field.registrationNumber, '01-07/9001');
  await register.save();
  await kase.expectStage('completeness');
  await kase.expectLatestEvent('registered', '01-07/9001');
  await kase.actAndSave('take');
  await expect(page.getByTestId('case-holder')).toContainText(OFFICER);
  await kase.backToQueue();
  await expect.poll(() => queue.count('to-register')).toBe(waiting - 1);

  // A case of this officer whose supporting document fails its automated check.
  await queue.filterOfficer(OFFICER);
  await openFirstCase(queue, 'completeness-due', async () => (await kase.failingFiles().count()) > 0);
  const failing = kase.failingFiles().first();
  await expect(failing.locator('.finding').first()).toContainText(kk.documents.severity.fail);
  await kase.review(
    failing,
    'rejected',
    'Құжат тексеруден өтпеді: деректері өтініштегі оқушыға сәйкес келмейді.',
  );

  // The completeness decision proposes the rejected document as missing; the refusal lists it.
  const check = await kase.act('completeness-checked');
  await expect(check.root.getByLabel(kk.actions.option.complete.no, { exact: true })).toBeChecked();
  const kind = (await failing
    .locator('xpath=ancestor::li[@data-kind]')
    .getAttribute('data-kind')) as keyof typeof kk.documentKind;
  await expect(check.root.getByLabel(kk.documentKind[kind], { exact: true })).toBeChecked();
  await check.save();
  await kase.expectLatestEvent('completeness-checked', kk.documentKind[kind]);

  const refuse = await kase.act('refused');
  await refuse.fill(kk.actions.field.reasons, 'Құжаттардың толық топтамасы ұсынылмаған.');
  await refuse.fill(kk.actions.field.decisionNumber, 'БТ-17');
  await refuse.save();
  await kase.expectLatestEvent('refused', 'БТ-17');
  await expect(kase.historyRows().first()).toContainText(kk.documentKind[kind]);

  // The head approves the notice that will be signed: the officer fills it first, then sends.
  await sendForApproval(kase, 'appendix-2');
  await kase.expectStage('approval');
  // Only the head approves: the officer is not offered it.
  await expect(kase.actionButton('approved')).toHaveCount(0);
});

test('a rejection without its reason is not saved, and the dialog says what is missing', async ({
  page,
  context,
}) => {
  const desk = new DeskPage(page, context);
  const { kase } = await desk.startAtFirstCase(OFFICER, 'completeness-due', {
    mine: true,
    wanted: async (k) => (await k.documentFiles().count()) > 1,
  });
  await kase.documentFiles().last().getByRole('button', { name: kk.documents.reject }).click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('button[type="submit"]').click();
  await expect(dialog).toContainText(kk.actions.error.required);
  await dialog.getByRole('button', { name: kk.common.cancel }).click();
  await expect(dialog).toBeHidden();
  await expect(kase.historyRows().first()).not.toContainText(kk.eventType['document-reviewed']);
});
