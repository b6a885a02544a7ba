// Steps of the record-truths specs (registration, documents, signature, clock) in the officer's
// words; the shared page objects stay as they are.
import { readFileSync } from 'node:fs';
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import recordKk from '../../../renderer/src/i18n/kk/record.json' with { type: 'json' };
import { ActionDialog, type CasePage } from './CasePage';
import { FormEditorPage, kkForms, type FormsPanelPage } from './formsPage';
import type { QueuePage } from './QueuePage';
import { kk } from './texts';

/** The Kazakh texts of renderer/src/i18n/kk/record.json. */
export const record = recordKk.record;

/** What the documents panel shows about a file once its bytes were read. */
export async function checkOf(file: Locator): Promise<string> {
  await expect(file).not.toHaveAttribute('data-check', 'checking', { timeout: 15_000 });
  return (await file.getAttribute('data-check')) ?? '';
}

const NEEDS_REASON = new Set(['fail', 'judgement', 'unreadable']);

/** Confirms a file; a file whose check did not pass is confirmed with `reason`. */
export async function confirmFile(kase: CasePage, file: Locator, reason: string): Promise<void> {
  const status = await checkOf(file);
  await file.getByRole('button', { name: kk.documents.confirm }).click();
  const dialog = new ActionDialog(kase.page);
  if (NEEDS_REASON.has(status)) await dialog.fill(kk.actions.field.comment, reason);
  await dialog.save();
  await expect(file).toContainText(kk.documents.verdict.confirmed);
}

/** Confirms every file of the case, with a reason where its check did not pass. */
export async function confirmEveryFile(
  kase: CasePage,
  reason = 'Түпнұсқасымен салыстырылды.',
): Promise<void> {
  const files = kase.documentFiles();
  for (let i = 0; i < (await files.count()); i++) await confirmFile(kase, files.nth(i), reason);
}

/** Opens the first case of a queue whose row shows `text` (e.g. overdue). */
export async function openRowWith(
  queue: QueuePage,
  key: Parameters<QueuePage['show']>[0],
  text: string,
): Promise<string> {
  await queue.show(key);
  const row = queue.rows().filter({ hasText: text }).first();
  const number = (await row.locator('.case-link').textContent())?.trim() ?? '';
  expect(number).not.toBe('');
  await queue.open(number);
  return number;
}

/** The note of a dialog by its field name (data-note). */
export function dialogNote(page: Page, name: string): Locator {
  return page.getByRole('dialog').locator(`[data-note="${name}"]`);
}

/**
 * Produces a form of the case from the forms panel and saves it: the bytes the officer then signs
 * in NCALayer (here: OpenSSL with the НУЦ's test key).
 */
export async function produceAndSave(
  forms: FormsPanelPage,
  form: Parameters<FormsPanelPage['open']>[0],
  language: 'kk' | 'ru',
): Promise<Buffer> {
  const editor = await forms.open(form, language);
  await editor.expectPreviewDrawn();
  const download = await editor.save();
  const bytes = await readDownload(download);
  await editor.close();
  return bytes;
}

export async function readDownload(download: Download): Promise<Buffer> {
  const path = await download.path();
  return readFileSync(path);
}

/** The history row of the newest produced document, with its buttons. */
export function producedRow(kase: CasePage): Locator {
  return kase
    .historyRows()
    .filter({ has: kase.page.locator('.history-document') })
    .first();
}

/** Chooses the signature file in the signature dialog. */
export async function attachSignature(dialog: ActionDialog, name: string, buffer: Buffer): Promise<void> {
  await dialog.attach(record.field.signatureFile, { name, mimeType: 'application/pkcs7-signature', buffer });
}

/** A message's fixed words before its first value. */
const opening = (template: string) => template.split('{{')[0] ?? template;

/**
 * Sends the case to the head as the desk asks: the head approves the draft of what will be signed.
 * Without it the dialog says so and its one button fills it (the form editor of the decision's form,
 * in the officer's language); the draft is produced, and the case is sent with it.
 */
export async function sendForApproval(kase: CasePage, form: 'appendix-2' | 'appendix-3'): Promise<void> {
  const page = kase.page;
  const first = await kase.act('sent-for-approval');
  await expect(dialogNote(page, 'draft')).toContainText(opening(kk.actions.note.draftMissing));
  const fill = first.submit();
  await expect(fill).toHaveText(kk.actions.produceDraft.replace('{{form}}', kkForms.forms.name[form]));
  await fill.click();
  const editor = new FormEditorPage(page);
  await expect(editor.root.locator('.form-editor')).toHaveAttribute('data-form', form);
  await editor.expectPreviewDrawn();
  await editor.save();
  await editor.close();
  const send = await kase.act('sent-for-approval');
  await expect(dialogNote(page, 'draft')).toContainText(opening(kk.actions.note.draftReady));
  await expect(send.submit()).toHaveText(kk.actions.button['sent-for-approval']);
  await send.save();
}
