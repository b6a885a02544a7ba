/**
 * The applicant's signed application verified on arrival (issue 8): the demo's received
 * applications include one signed with a signature that is not over it. The desk verifies it in the
 * background after the demo arrives, the queue marks that row before anyone opens the case, and the
 * case shows the stored result: its header warns, its application names the broken signature.
 */
import { expect, test } from '@playwright/test';
import kkVerify from '../../renderer/src/i18n/kk/verify.json' with { type: 'json' };
import { DeskPage, OFFICER } from './pages/DeskPage';
import { kk } from './pages/texts';

const BROKEN = kk.queue.signatureWarning.broken.full;

test('a broken applicant signature is marked in the queue before the case opens, and the case shows the stored result', async ({
  page,
  context,
}) => {
  const desk = new DeskPage(page, context);
  const { queue, kase } = await desk.startAtQueue(OFFICER);
  await queue.show('to-register');

  // Verified in the background (no case opened yet): the marker, named by its sentence, on one row.
  const marker = queue.rows().getByRole('img', { name: BROKEN });
  await expect(marker).toHaveCount(1, { timeout: 30_000 });
  const row = queue.rows().filter({ has: page.getByRole('img', { name: BROKEN }) });
  const number = (await row.locator('.case-link').textContent())!.trim();
  // Only that row: the other applications came unsigned.
  await expect(queue.rows().locator('[data-testid="row-signature-warning"]')).toHaveCount(1);

  await queue.open(number);
  await expect(page.getByTestId('case-signature-warning')).toHaveText(BROKEN);
  const application = page.locator('.doc-file').filter({ hasText: 'application.pdf' });
  const brokenText = kkVerify.finding['signature.broken'].split(':')[0]!;
  await expect(application).toContainText(brokenText);
  await expect(application).toContainText(kk.documents.check.fail);

  // After a reload (the desk reopens on the case) the stored result is shown again: kept with the
  // case, not only for the session.
  await desk.reload();
  await expect(page.getByTestId('case-signature-warning')).toHaveText(BROKEN);
  await kase.backToQueue();
  await queue.show('to-register');
  await expect(queue.rows().getByRole('img', { name: BROKEN })).toHaveCount(1);
});
