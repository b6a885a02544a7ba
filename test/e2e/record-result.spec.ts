import { createHash } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { signWithTestKey, TEST_SIGNER } from '../signing/openssl';
import { DeskPage, OFFICER } from './pages/DeskPage';
import { FormsPanelPage, kkForms } from './pages/formsPage';
import {
  attachSignature,
  dialogNote,
  produceAndSave,
  producedRow,
  readDownload,
  record,
} from './pages/recordSteps';
import { kk } from './pages/texts';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

test('a produced document is kept with the case, opens and re-sends from the history, and is what the signature is recorded over', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  const desk = new DeskPage(page, context);
  const forms = new FormsPanelPage(page);
  // An approved order waiting for its signature: the case says the extract is to be produced first.
  const actions = page.getByRole('region', { name: kk.actions.title });
  const produceFirst = record.signature.noDocument.replace('{{form}}', kkForms.forms.name['appendix-3']);
  const { kase } = await desk.startAtFirstCase(OFFICER, 'ready-to-send', {
    mine: true,
    wanted: async () => (await actions.getByText(produceFirst).count()) > 0,
  });
  // Nothing to sign yet: the signature is recorded over a document produced after the approval.
  await expect(kase.actionButton('signed')).toHaveCount(0);

  const extract = await produceAndSave(forms, 'appendix-3', 'kk');
  const row = producedRow(kase);
  await expect(row).toContainText(kk.eventType['document-produced']);

  // The bytes are the case's: opened in the viewer, and saved again identical.
  await row.getByRole('button', { name: record.produced.open }).click();
  const viewer = page.getByRole('dialog');
  await expect(viewer.getByTestId('pdf-page')).toHaveText(/^1-бет, барлығы \d+$/);
  await viewer.getByRole('button', { name: kk.common.close }).click();
  const [again] = await Promise.all([
    page.waitForEvent('download'),
    row.getByRole('button', { name: record.produced.save }).click(),
  ]);
  expect(sha256(await readDownload(again))).toBe(sha256(extract));
  await expect(page.getByRole('region', { name: kk.caseScreen.history })).toContainText(
    record.produced.saved,
  );

  // A random file is not a signature; a signature over another document is not this one's.
  const sign = await kase.act('signed');
  await attachSignature(sign, 'notes.sig', Buffer.from('this is not a signature'));
  await expect(dialogNote(page, 'signatureRead')).toContainText(record.signature.problem['not-cms']);
  await sign.submit().click();
  await expect(sign.root).toContainText(record.error['not-a-signature']);
  await attachSignature(
    sign,
    'other.cms',
    signWithTestKey(new TextEncoder().encode('%PDF-1.7 another decision')),
  );
  await expect(dialogNote(page, 'signatureRead')).toContainText(record.signature.read.digest.none);
  await sign.submit().click();
  await expect(sign.root).toContainText(record.error['signs-other-document']);

  // The signature over the extract: its serial and signer come from the file.
  await attachSignature(sign, 'extract.cms', signWithTestKey(extract));
  await expect(dialogNote(page, 'signatureRead')).toContainText(record.signature.read.digest.matches);
  await expect(sign.root.getByLabel(kk.actions.field.certificateSerial, { exact: true })).toHaveValue(
    TEST_SIGNER.certificateSerial,
  );
  await expect(sign.root.getByLabel(kk.actions.field.signerName, { exact: true })).toHaveValue(
    TEST_SIGNER.name,
  );
  await sign.save();
  await kase.expectLatestEvent('signed', TEST_SIGNER.certificateSerial);
  await expect(kase.actionButton('result-delivered')).toBeVisible();

  // Kept offline across a reload: the document still opens from the history.
  await desk.reload();
  await producedRow(kase).getByRole('button', { name: record.produced.open }).click();
  await expect(page.getByRole('dialog').getByTestId('pdf-page')).toBeVisible();
});
