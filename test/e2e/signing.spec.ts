/**
 * Signing on the desk (issue 8), end to end in Chromium: the approved extract signed with a test
 * PKCS#12 made by the test PKI at test time (never a committed key), a wrong password and a key
 * the rules refuse, the stamp seen in the signed PDF, the PDF and CMS exported together and
 * verified on the "check a signature" screen, and a tampered copy failing there; then the head
 * cosigns the signed result (a second detached CMS over the same bytes, the `cosigned` event) and
 * both signatures verify on the check screen.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type BrowserContext, type Locator, type Page } from '@playwright/test';
import kkHeader from '../../renderer/src/i18n/kk/header.json' with { type: 'json' };
import kkSigning from '../../renderer/src/i18n/kk/signing.json' with { type: 'json' };
import { TEST_P12_PASSWORD } from '../signing/containers';
import { testPki } from '../signing/pki';
import { CasePage } from './pages/CasePage';
import { DeskPage, HEAD, OFFICER } from './pages/DeskPage';
import { FormsPanelPage, kkForms } from './pages/formsPage';
import { openFirstCase, QueuePage } from './pages/QueuePage';
import { produceAndSave, readDownload, record } from './pages/recordSteps';
import { kk } from './pages/texts';

const s = kkSigning.signing;

async function chooseFile(page: Page, button: string, name: string, buffer: Buffer, mimeType: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId(button).click();
  await (await chooser).setFiles({ name, mimeType, buffer });
}

/**
 * Both tests' opening: the officer, offline, on her first ready-to-send case whose extract
 * (appendix 3) is still to be produced, produces and saves it.
 */
async function officerWithExtract(page: Page, context: BrowserContext) {
  const pki = await testPki();
  const desk = new DeskPage(page, context);
  await desk.startOffline(OFFICER);
  const queue = new QueuePage(page);
  const kase = new CasePage(page);
  await queue.filterOfficer(OFFICER);
  const actions = page.getByRole('region', { name: kk.actions.title });
  const produceFirst = record.signature.noDocument.replace('{{form}}', kkForms.forms.name['appendix-3']);
  await openFirstCase(
    queue,
    'ready-to-send',
    async () => (await actions.getByText(produceFirst).count()) > 0,
  );
  const caseNumber = await kase.caseNumber();
  await produceAndSave(new FormsPanelPage(page), 'appendix-3', 'kk');
  return { pki, desk, queue, kase, caseNumber };
}

/** In the signing dialog: chooses the PKCS#12 container, types its password, and signs. */
async function signWithContainer(
  page: Page,
  dialog: Locator,
  name: string,
  p12: Uint8Array,
  password: string,
) {
  await chooseFile(page, 'choose-p12', name, Buffer.from(p12), 'application/x-pkcs12');
  await dialog.getByLabel(s.dialog.password).fill(password);
  await dialog.getByRole('button', { name: s.dialog.submit }).click();
}

/** The check screen, with the test root given for this check and the signed PDF opened. */
async function checkScreenWith(page: Page, root: Uint8Array, pdf: Buffer) {
  await page.getByRole('button', { name: kkHeader.signing.check.nav }).click();
  await chooseFile(page, 'check-open-root', 'root.cer', Buffer.from(root), 'application/pkix-cert');
  await chooseFile(page, 'check-open-pdf', 'signed.pdf', pdf, 'application/pdf');
}

test('the officer signs the extract on the desk, exports PDF and CMS, and checks them; a tampered copy fails', async ({
  page,
  context,
}) => {
  test.setTimeout(240_000);
  const { pki, kase } = await officerWithExtract(page, context);

  const panel = page.getByTestId('signing-panel');
  await panel.getByTestId('sign-on-desk').click();
  const dialog = page.getByRole('dialog', { name: s.dialog.title });

  // An authentication key is refused by the rule that names it, before anything is signed.
  await signWithContainer(
    page,
    dialog,
    'auth.p12',
    pki.pkcs12(pki.authentication, 'modern'),
    TEST_P12_PASSWORD,
  );
  await expect(dialog.getByTestId('sign-failure')).toContainText(s.error.rule['not-signing-key']);

  // The officer's signing key (legacy container, as the НУЦ issues them): a wrong password says so.
  await signWithContainer(page, dialog, 'officer.p12', pki.pkcs12(pki.signing, 'legacy'), 'not-the-password');
  await expect(dialog.getByTestId('sign-failure')).toHaveText(s.error.password.wrong);
  // The password field is emptied after every attempt: it is kept only while signing.
  await expect(dialog.getByLabel(s.dialog.password)).toHaveValue('');

  await dialog.getByLabel(s.dialog.password).fill(TEST_P12_PASSWORD);
  await dialog.getByRole('button', { name: s.dialog.submit }).click();
  await expect(dialog).toBeHidden({ timeout: 60_000 });
  await expect(panel.getByTestId('signed-by')).toContainText('1001');
  await kase.expectLatestEvent('signed', '1001');

  // The stamp, in the signed PDF as the desk shows it.
  await panel.getByTestId('open-signed-pdf').click();
  const viewer = page.getByRole('dialog', { name: s.panel.signedTitle });
  await expect(viewer.getByTestId('pdf-page')).toBeVisible();
  await viewer.getByRole('button', { name: kk.common.close }).click();

  // Exported together: the PDF, then its CMS.
  const downloads: Buffer[] = [];
  const names: string[] = [];
  page.on('download', (d) => {
    names.push(d.suggestedFilename());
    void readDownload(d).then((b) => downloads.push(b));
  });
  await panel.getByTestId('save-signed-both').click();
  await expect.poll(() => downloads.length, { timeout: 30_000 }).toBe(2);
  const [pdf, cms] = names[0]!.endsWith('.pdf')
    ? [downloads[0]!, downloads[1]!]
    : [downloads[1]!, downloads[0]!];
  expect(names.some((n) => n.endsWith('_signed.pdf.cms'))).toBe(true);

  // The printed stamp, as an independent reader sees it.
  const dir = mkdtempSync(join(tmpdir(), 'e2e-signed-'));
  writeFileSync(join(dir, 'signed.pdf'), pdf);
  const text = spawnSync('pdftotext', [join(dir, 'signed.pdf'), '-'], { encoding: 'utf8' }).stdout;
  expect(text).toContain('Электрондық цифрлық қолтаңбамен қол қойылған');
  expect(text).toContain(`ЖСН ${pki.signing.iin}`);

  // The check screen: the root given for this check, then the PDF and its CMS.
  await checkScreenWith(page, pki.root.cert, pdf);
  await chooseFile(page, 'check-open-cms', 'signed.pdf.cms', cms, 'application/pkcs7-signature');
  const cards = page.getByTestId('signature-card');
  await expect(cards).toHaveCount(2);
  for (const card of await cards.all()) {
    await expect(card.locator('[data-field="integrity"]')).toHaveAttribute('data-status', 'valid');
    await expect(card.locator('[data-field="chain"]')).toHaveAttribute('data-status', 'valid');
    await expect(card.getByTestId('certificate')).toContainText(pki.signing.iin!);
    await expect(card.getByTestId('certificate')).toContainText(s.role['legal-entity']);
  }
  await expect(cards.first().locator('[data-field="coverage"]')).toHaveAttribute('data-status', 'valid');
  // Offline: no time stamp, said as "not checked", never "valid".
  await expect(cards.first().locator('[data-field="timestamp"]')).toHaveAttribute(
    'data-status',
    'not-checked',
  );

  // A copy with one byte changed fails both signatures.
  const tampered = Buffer.from(pdf);
  tampered[2000] = tampered[2000] === 0x41 ? 0x42 : 0x41;
  await chooseFile(page, 'check-open-pdf', 'tampered.pdf', tampered, 'application/pdf');
  await expect(cards).toHaveCount(2);
  for (const card of await cards.all())
    await expect(card.locator('[data-field="integrity"]')).toHaveAttribute('data-status', 'invalid');
});

test('the head cosigns the officer’s signed result: two detached CMS over the same bytes, both verified on screen', async ({
  page,
  context,
}) => {
  test.setTimeout(300_000);
  const { pki, desk, queue, kase, caseNumber } = await officerWithExtract(page, context);

  // The officer signs with a modern PKCS#12.
  const panel = page.getByTestId('signing-panel');
  await panel.getByTestId('sign-on-desk').click();
  const dialog = page.getByRole('dialog', { name: s.dialog.title });
  await signWithContainer(page, dialog, 'officer.p12', pki.pkcs12(pki.signing, 'modern'), TEST_P12_PASSWORD);
  await expect(dialog).toBeHidden({ timeout: 60_000 });
  await kase.expectLatestEvent('signed', '1001');

  // The head, signed in on the same desk, adds her signature over the signed result.
  await desk.signOut();
  await desk.signIn(HEAD);
  await queue.find(caseNumber);
  await panel.getByTestId('cosign-on-desk').click();
  const cosign = page.getByRole('dialog', { name: s.dialog.cosignTitle });
  await expect(cosign.getByTestId('cosign-over')).toContainText('1001');
  await signWithContainer(page, cosign, 'head.p12', pki.pkcs12(pki.head, 'legacy'), TEST_P12_PASSWORD);
  await expect(cosign).toBeHidden({ timeout: 60_000 });
  await expect(panel.getByTestId('cosigned-by')).toContainText('1002');
  await kase.expectLatestEvent('cosigned', '1002');

  // Exported: the signed PDF with the officer's CMS, and the head's CMS.
  const downloads = new Map<string, Buffer>();
  page.on('download', (d) => void readDownload(d).then((b) => downloads.set(d.suggestedFilename(), b)));
  await panel.getByTestId('save-signed-both').click();
  await panel.getByTestId('save-cosignature-cms').click();
  await expect.poll(() => downloads.size, { timeout: 30_000 }).toBe(3);
  const named = (test: (n: string) => boolean) => [...downloads].find(([n]) => test(n))![1];
  const pdf = named((n) => n.endsWith('.pdf'));
  const officerCms = named((n) => n.endsWith('_signed.pdf.cms'));
  const headCms = named((n) => n.endsWith('.cms') && !n.endsWith('_signed.pdf.cms'));

  // Both verified on the check screen, each over the same PDF, each naming its signer.
  await checkScreenWith(page, pki.root.cert, pdf);
  const cards = page.getByTestId('signature-card');
  for (const [cms, party] of [
    [officerCms, pki.signing],
    [headCms, pki.head],
  ] as const) {
    await chooseFile(page, 'check-open-cms', 'signature.cms', cms, 'application/pkcs7-signature');
    await expect(cards).toHaveCount(2);
    const detached = cards.last();
    await expect(detached.getByTestId('certificate')).toContainText(party.iin!);
    await expect(detached.locator('[data-field="integrity"]')).toHaveAttribute('data-status', 'valid');
    await expect(detached.locator('[data-field="chain"]')).toHaveAttribute('data-status', 'valid');
  }
});
