import { expect, test } from '@playwright/test';
import { demoPin, DeskPage, HEAD, OFFICER } from './pages/DeskPage';
import { kk } from './pages/texts';
import { attachSignature, confirmEveryFile, produceAndSave, sendForApproval } from './pages/recordSteps';
import { FormsPanelPage } from './pages/formsPage';
import { signWithTestKey } from '../signing/openssl';

test('offline, a case goes from registration through the school, the order, the head and delivery, and survives a reload', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  const desk = new DeskPage(page, context);
  const { queue, kase, caseNumber: number } = await desk.startAtFirstCase(OFFICER, 'to-register');
  const register = await kase.act('registered');
  await register.fill(kk.actions.field.registrationNumber, '01-07/9100');
  await register.save();
  await kase.actAndSave('take');

  // Every document confirmed (with a reason where its check did not pass), the package complete:
  // the case goes to the school stage.
  await confirmEveryFile(kase);
  const check = await kase.act('completeness-checked');
  await expect(check.root.getByLabel(kk.actions.option.complete.yes, { exact: true })).toBeChecked();
  await check.save();
  await kase.expectStage('school');

  const request = await kase.act('school-request-sent');
  await request.fill(kk.actions.field.outgoingNumber, 'Ш-501');
  await request.save();
  const answer = await kase.act('school-answer-recorded');
  await answer.fill(kk.actions.field.summary, 'Мектеп оқушының осы сыныпта оқитынын растады.');
  await answer.save();
  await kase.expectStage('review');

  const order = await kase.act('order-prepared');
  await order.fill(kk.actions.field.orderNumber, '245-Б');
  await order.save();
  // The head approves the extract that will be signed: the officer fills its draft, then sends.
  await sendForApproval(kase, 'appendix-3');
  await kase.expectStage('approval');

  // The head approves: only the head is offered it, and only with the head's own secret again.
  await desk.signOut();
  await desk.signIn(HEAD);
  await queue.find(number);
  await kase.actAsHead('approved', demoPin(HEAD));
  await kase.expectStage('ready-to-send');
  await desk.signOut();

  // The officer produces the extract, signs it in NCALayer (here OpenSSL with the НУЦ's test key),
  // records the signature over it, then marks the result delivered.
  await desk.signIn(OFFICER);
  await queue.find(number);
  await expect(page.getByText(kk.actions.note.signingLater)).toBeVisible();
  await expect(kase.actionButton('result-delivered')).toHaveCount(0);
  const extract = await produceAndSave(new FormsPanelPage(page), 'appendix-3', 'kk');
  const sign = await kase.act('signed');
  await attachSignature(sign, 'extract.cms', signWithTestKey(extract));
  await sign.save();
  await kase.actAndSave('result-delivered');
  await expect(kase.heading()).toContainText(kk.queueName.granted);
  await kase.expectLatestEvent('result-delivered');

  // Received, registered, taken, two documents confirmed, complete, request, answer, order, its
  // draft produced, sent, approved, the extract produced, signed, delivered: every step is in the history.
  const events = 15;
  await expect(kase.historyRows()).toHaveCount(events);

  // Still offline: the reload comes from the desk's own cache, the case from IndexedDB.
  await desk.reload();
  await expect(kase.heading()).toContainText(number);
  await expect(kase.heading()).toContainText(kk.queueName.granted);
  await expect(kase.historyRows()).toHaveCount(events);
  await expect(kase.historyRows().nth(1)).toContainText(kk.eventType.signed);
  await kase.backToQueue();
  await queue.show('granted');
  await queue.search(number);
  await expect(queue.rows()).toHaveCount(1);
});
