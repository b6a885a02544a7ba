import { expect, type Locator, type Page } from '@playwright/test';
import { kk } from './texts';

type ActionKey = keyof typeof kk.actions.button;

/** An action's dialog: fields by their labels, and the save that must succeed or say why not. */
export class ActionDialog {
  readonly root: Locator;
  constructor(page: Page) {
    this.root = page.getByRole('dialog');
  }

  async fill(label: string, value: string): Promise<void> {
    await this.root.getByLabel(label, { exact: true }).fill(value);
  }

  /** A radio button or a checkbox, by its own label. */
  async choose(label: string, checked = true): Promise<void> {
    await this.root.getByLabel(label, { exact: true }).setChecked(checked);
  }

  /** Chooses a file through the desk's file dialog (the browser host's picker here). */
  async attach(label: string, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    const chooser = this.root.page().waitForEvent('filechooser');
    await this.root
      .getByRole('group', { name: label })
      .getByRole('button', { name: kk.actions.chooseFile })
      .click();
    await (await chooser).setFiles(file);
    await expect(this.root).toContainText(file.name);
  }

  /** The dialog's one primary button, which names the action (never a bare "Save"). */
  submit(): Locator {
    return this.root.locator('button[type="submit"]');
  }

  async save(): Promise<void> {
    await this.submit().click();
    await expect(this.root).toBeHidden();
  }
}

export class CasePage {
  constructor(readonly page: Page) {}

  heading(): Locator {
    return this.page.getByRole('heading', { level: 2 });
  }

  async expectStage(stage: keyof typeof kk.stage): Promise<void> {
    await expect(this.heading()).toContainText(kk.stage[stage]);
  }

  caseNumber(): Promise<string> {
    return this.heading()
      .textContent()
      .then((t) => /KZ-[\d-]+/.exec(t ?? '')?.[0] ?? '');
  }

  actionButton(action: ActionKey): Locator {
    return this.page
      .getByRole('region', { name: kk.actions.title })
      .getByRole('button', { name: kk.actions.button[action], exact: true });
  }

  async act(action: ActionKey): Promise<ActionDialog> {
    await this.actionButton(action).click();
    const dialog = new ActionDialog(this.page);
    await expect(dialog.root).toBeVisible();
    return dialog;
  }

  /** An action without questions (taking the case, sending it to the head). */
  async actAndSave(action: ActionKey): Promise<void> {
    const dialog = await this.act(action);
    await dialog.save();
  }

  /**
   * A head-only decision (approve, return): its dialog, then the head's own secret typed again in
   * the step-up dialog that opens over it.
   */
  async actAsHead(action: 'approved' | 'returned', secret: string, fill?: (d: ActionDialog) => Promise<void>) {
    const dialog = await this.act(action);
    await fill?.(dialog);
    await dialog.submit().click();
    const stepUp = this.page.getByRole('dialog', { name: kk.auth.stepUp.title });
    await stepUp.getByLabel(kk.auth.field.secret, { exact: true }).fill(secret);
    await stepUp.getByRole('button', { name: kk.auth.stepUp.confirm }).click();
    await expect(this.page.locator('dialog[open]')).toHaveCount(0);
  }

  /** The document viewer beside the documents' findings (split view, not a dialog). */
  viewer(): Locator {
    return this.page.getByRole('region', { name: kk.ux.case.viewer });
  }

  documentFiles(): Locator {
    return this.page.locator('.doc-file');
  }

  failingFiles(): Locator {
    return this.documentFiles().filter({ hasText: kk.documents.check.fail });
  }

  async review(file: Locator, verdict: 'confirmed' | 'rejected', comment?: string): Promise<void> {
    await file
      .getByRole('button', { name: verdict === 'confirmed' ? kk.documents.confirm : kk.documents.reject })
      .click();
    const dialog = new ActionDialog(this.page);
    if (comment) await dialog.fill(kk.actions.field.comment, comment);
    await dialog.save();
    await expect(file).toContainText(kk.documents.verdict[verdict]);
  }

  historyRows(): Locator {
    return this.page.getByRole('region', { name: kk.caseScreen.history }).locator('tbody tr');
  }

  /** The newest event is the first row. */
  async expectLatestEvent(type: keyof typeof kk.eventType, detail?: string): Promise<void> {
    const first = this.historyRows().first();
    await expect(first).toContainText(kk.eventType[type]);
    if (detail) await expect(first).toContainText(detail);
  }

  async backToQueue(): Promise<void> {
    await this.page.getByRole('button', { name: kk.caseScreen.back }).click();
  }
}
