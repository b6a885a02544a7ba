/**
 * The head's approval view (issue 11): the head signs in, lands on what waits for the head's
 * approval, opens a case and sees what is being approved — the proposed decision, the draft of what
 * will be signed open in the viewer, the checks of the documents and who did what — then returns it
 * with a comment, or approves it. The officer cannot send a decision without that draft.
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import forms from '../../renderer/src/i18n/kk/forms.json' with { type: 'json' };
import { expectAccessible } from './pages/evidence';
import { CasePage } from './pages/CasePage';
import { demoPin, DeskPage, HEAD, OFFICER } from './pages/DeskPage';
import { QueuePage } from './pages/QueuePage';
import { sendForApproval } from './pages/recordSteps';
import { kk } from './pages/texts';

const before = (template: string) => template.split('{{')[0] ?? template;
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A message's fixed words before its first value, as a pattern. */
const opening = (template: string) => escaped(before(template));

/** The decision the panel proposes, and the form and words of the document made for it. */
async function proposed(page: Page): Promise<{ grant: boolean; title: string; words: RegExp }> {
  const decision = page.getByTestId('approval-panel').locator('.approval-decision');
  await expect(decision).toContainText(
    new RegExp(`${opening(kk.ux.approval.grant)}|${opening(kk.ux.approval.refusal)}`),
  );
  const grant = (await decision.textContent())?.startsWith(before(kk.ux.approval.grant)) ?? false;
  return grant
    ? { grant, title: forms.forms.name['appendix-3'], words: /ҮЗІНДІ/ }
    : { grant, title: forms.forms.name['appendix-2'], words: /бас\s+тарту\s+туралы\s+хабарлама/i };
}

/** Signed in as the head: the landing queue is the approval queue; its first case is opened. */
async function openFirstAwaiting(page: Page, context: BrowserContext) {
  const desk = new DeskPage(page, context);
  await desk.startOffline(HEAD);
  await expect(page.locator('#queue-title')).toContainText(kk.queueName['awaiting-approval']);
  const queue = new QueuePage(page);
  const [first] = await queue.caseNumbers();
  if (!first) throw new Error('no case waits for approval in the demo');
  await queue.open(first);
  const kase = new CasePage(page);
  await kase.expectStage('approval');
  return { queue, kase, caseNumber: first };
}

test('the head sees the proposed decision with its produced document in the viewer and the checks, and returns it with a comment', async ({
  page,
  context,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const { kase } = await openFirstAwaiting(page, context);
  const panel = page.getByTestId('approval-panel');
  const { title, words } = await proposed(page);

  // The draft the officer produced for the decision, named and already open in the viewer.
  await expect(panel).not.toContainText(kk.ux.approval.noProduced);
  await expect(panel.getByTestId('approval-draft')).toContainText(opening(kk.ux.approval.draft));
  await expect(panel.getByTestId('approval-draft')).toContainText(title);
  const open = panel.getByRole('button', { name: new RegExp(opening(kk.ux.approval.open)) });
  await expect(open).toHaveCount(1);
  await expect(open).toContainText(title);
  await expect(panel.locator('li[data-draft="true"]')).toContainText(kk.ux.approval.draftMark);
  const viewer = kase.viewer();
  await expect(viewer).toContainText(title);
  await expect(viewer.getByTestId('pdf-canvas')).toBeVisible({ timeout: 20_000 });
  // Its text (the viewer's text alternative) is the document's own: the demo result of that form.
  await expect(viewer.getByTestId('pdf-text')).toContainText(words, { timeout: 20_000 });
  // Closed, it stays closed; the panel opens it again.
  await viewer.getByRole('button', { name: kk.ux.case.closeViewer, exact: true }).click();
  await expect(viewer.getByTestId('pdf-canvas')).toHaveCount(0);
  await open.click();
  await expect(viewer.getByTestId('pdf-canvas')).toBeVisible({ timeout: 20_000 });

  // The checks beside it: the case's documents with the officer's verdicts.
  await expect(kase.documentFiles().first()).toBeVisible();
  await expect(
    page.locator('.doc-file').filter({ hasText: kk.documents.verdict.confirmed }).first(),
  ).toBeVisible();
  // Who did what: the officer sent it, last.
  await expect(panel.locator('.approval-trail li').last()).toContainText(kk.eventType['sent-for-approval']);
  await expectAccessible(page);

  const comment = 'Бұйрықтың күнін тексеріңіз';
  await kase.actAsHead('returned', demoPin(HEAD), (d) => d.fill(kk.actions.field.comment, comment));
  await expect(panel).toBeHidden();
  await kase.expectLatestEvent('returned', comment);
});

test('the head approves a case after looking at its document: it is ready to be signed and sent', async ({
  page,
  context,
}) => {
  const { kase } = await openFirstAwaiting(page, context);
  const { title } = await proposed(page);
  await expect(kase.viewer()).toContainText(title);
  await expect(kase.viewer().getByTestId('pdf-canvas')).toBeVisible({ timeout: 20_000 });

  await kase.actAsHead('approved', demoPin(HEAD));
  await kase.expectStage('ready-to-send');
  await kase.expectLatestEvent('approved');
});

test('the officer cannot send without the draft: fills it from the dialog, sends; the head lands on it and sees it in the viewer', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  const desk = new DeskPage(page, context);
  const { queue, kase } = await desk.startAtFirstCase(OFFICER, 'review', {
    mine: true,
    wanted: async (k) => (await k.actionButton('order-prepared').count()) > 0,
  });
  const order = await kase.act('order-prepared');
  await order.fill(kk.actions.field.orderNumber, '412-Б');
  await order.save();
  // The send dialog says the extract is missing and offers only to fill it; then the case is sent.
  await sendForApproval(kase, 'appendix-3');
  await kase.expectStage('approval');
  const number = await kase.caseNumber();

  await desk.signOut();
  await desk.signIn(HEAD);
  await expect(page.locator('#queue-title')).toContainText(kk.queueName['awaiting-approval']);
  await queue.search(number);
  await expect(queue.rows()).toHaveCount(1);
  await queue.open(number);
  await kase.expectStage('approval');
  const panel = page.getByTestId('approval-panel');
  await expect(panel.locator('.approval-decision')).toContainText('412-Б');
  const title = forms.forms.name['appendix-3'];
  await expect(panel.getByTestId('approval-draft')).toContainText(title);
  const viewer = kase.viewer();
  await expect(viewer).toContainText(title);
  await expect(viewer.getByTestId('pdf-canvas')).toBeVisible({ timeout: 20_000 });
  await expect(viewer.getByTestId('pdf-text')).toContainText(/ҮЗІНДІ/, { timeout: 20_000 });
  await expect(viewer.getByTestId('pdf-text')).toContainText('412-Б', { timeout: 20_000 });
});
