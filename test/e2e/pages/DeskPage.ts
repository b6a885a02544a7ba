import { expect, type BrowserContext, type Page } from '@playwright/test';
import { kk } from './texts';

/** The shell of the desk: loading, signing in and out, language, going offline. */
export class DeskPage {
  constructor(
    readonly page: Page,
    readonly context: BrowserContext,
  ) {}

  /**
   * Opens the desk and waits until it is usable and its offline copy is stored: from then on the
   * network can go away. The first start also loads the demo cases.
   */
  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.page.getByRole('heading', { name: kk.signin.title })).toBeVisible({ timeout: 30_000 });
    await expect(this.page.locator('html[data-offline-ready="true"]')).toBeAttached({ timeout: 30_000 });
  }

  async goOffline(): Promise<void> {
    await this.context.setOffline(true);
  }

  /** How every offline scenario starts: load the desk once, cut the network, sign in. */
  async startOffline(name: string): Promise<void> {
    await this.open();
    await this.goOffline();
    await this.signIn(name);
  }

  async signIn(name: string): Promise<void> {
    await this.page.getByRole('button', { name: new RegExp(name) }).click();
    await expect(this.page.getByTestId('current-user')).toHaveText(name);
  }

  async signOut(): Promise<void> {
    await this.page.getByRole('button', { name: kk.nav.signOut }).click();
    await expect(this.page.getByRole('heading', { name: kk.signin.title })).toBeVisible();
  }

  /** The language select is labelled in the language currently shown. */
  async switchLanguage(label: string, language: 'kk' | 'ru'): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).selectOption(language);
  }

  async reload(): Promise<void> {
    await this.page.reload();
  }

  async openSettings(): Promise<void> {
    await this.page.getByRole('button', { name: kk.nav.settings }).click();
  }
}

export const OFFICER = 'Ахметова Гүлнар Серікқызы';
export const HEAD = 'Серікбаев Нұрлан Қайратұлы';
