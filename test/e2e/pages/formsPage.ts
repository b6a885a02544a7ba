import { expect, type Download, type Locator, type Page } from '@playwright/test';
import forms from '../../../renderer/src/i18n/kk/forms.json' with { type: 'json' };
import { kk } from './texts';

type FormKey = keyof typeof forms.forms.name;
type Language = 'kk' | 'ru';

/** The Kazakh texts of the forms panel, the form editor and the template settings. */
export const kkForms = forms;

/** The forms panel of a case and the form editor dialog. */
export class FormsPanelPage {
  constructor(readonly page: Page) {}

  panel(): Locator {
    return this.page.getByRole('region', { name: forms.forms.title });
  }

  formItem(form: FormKey): Locator {
    return this.panel().locator(`li[data-form="${form}"]`);
  }

  async open(form: FormKey, language: Language): Promise<FormEditorPage> {
    const label = `${forms.forms.name[form]}: ${forms.forms.language[language]}`;
    await this.panel().getByRole('button', { name: label, exact: true }).click();
    const editor = new FormEditorPage(this.page);
    await expect(editor.root).toBeVisible();
    await expect(editor.root.locator('.form-editor')).toHaveAttribute('data-form', form);
    return editor;
  }
}

export class FormEditorPage {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByRole('dialog');
  }

  field(name: string): Locator {
    return this.root.locator(`[data-field="${name}"]`).locator('input, textarea, select');
  }

  fieldError(name: string): Locator {
    return this.root.locator(`[data-field="${name}"] .field-error`);
  }

  canvas(): Locator {
    return this.root.getByTestId('pdf-canvas');
  }

  /** Waits until the preview is up to date with the fields and pdf.js has drawn ink on the canvas. */
  async expectPreviewDrawn(): Promise<void> {
    await expect(this.root.getByTestId('preview-state')).toHaveText('', { timeout: 15_000 });
    await expect
      .poll(
        () =>
          this.canvas().evaluate((c: HTMLCanvasElement) => {
            if (c.width === 0 || c.height === 0) return 0;
            const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data;
            let dark = 0;
            for (let i = 0; data && i < data.length; i += 4) if ((data[i] ?? 255) < 128) dark += 1;
            return dark;
          }),
        { timeout: 15_000 },
      )
      .toBeGreaterThan(1000);
  }

  saveButton(): Locator {
    return this.root.getByRole('button', { name: forms.forms.editor.save, exact: true });
  }

  /** Clicks Save and returns the download it starts. */
  async save(): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.saveButton().click()]);
    return download;
  }

  /**
   * Closes the editor. With something typed the desk first asks whether to keep the draft; the
   * answer is `draft` (keeping, the desk's own default, unless told otherwise).
   */
  async close(draft: 'keep' | 'discard' = 'keep'): Promise<void> {
    await this.root.getByRole('button', { name: kk.common.close, exact: true }).click();
    const ask = this.page.getByRole('dialog', { name: kk.ux.draft.keepTitle });
    const editor = this.page.locator('.form-editor');
    await expect.poll(async () => (await ask.isVisible()) || !(await editor.isVisible())).toBe(true);
    if (await ask.isVisible())
      await ask
        .getByRole('button', { name: draft === 'keep' ? kk.ux.draft.keep : kk.ux.draft.discard })
        .click();
    await expect(this.page.locator('dialog[open]')).toHaveCount(0);
  }
}

/** Settings → the form templates. */
export class TemplateSettingsPage {
  constructor(readonly page: Page) {}

  section(): Locator {
    return this.page.getByRole('region', { name: forms.formTemplates.title });
  }

  row(form: FormKey, language: Language): Locator {
    return this.section().locator(`tr[data-form="${form}"][data-language="${language}"]`);
  }

  version(form: FormKey, language: Language): Locator {
    return this.row(form, language).getByTestId('template-version');
  }

  async importFile(form: FormKey, language: Language, file: { name: string; buffer: Buffer }): Promise<void> {
    const [chooser] = await Promise.all([
      this.page.waitForEvent('filechooser'),
      this.row(form, language).getByRole('button', { name: forms.formTemplates.import }).click(),
    ]);
    await chooser.setFiles({ name: file.name, mimeType: 'application/json', buffer: file.buffer });
  }

  async useVersion(form: FormKey, language: Language, version: string): Promise<void> {
    const row = this.row(form, language);
    await row.getByText(forms.formTemplates.history).click();
    await row
      .locator('li', { hasText: version })
      .getByRole('button', { name: forms.formTemplates.use })
      .click();
  }
}
