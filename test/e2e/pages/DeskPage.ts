import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { DEMO_USERS } from '../../../shared/auth/demo-users';
import { CasePage } from './CasePage';
import { openFirstCase, QueuePage, type QueueKey } from './QueuePage';
import { kk } from './texts';

export const OFFICER = 'Ахметова Гүлнар Серікқызы';
export const HEAD = 'Серікбаев Нұрлан Қайратұлы';
export const ADMIN = 'Жұмабекова Айгерім Талғатқызы';

/** The demo users' public PINs, by name (the sign-in screen of a demo desk shows the same). */
export function demoPin(name: string): string {
  const user = DEMO_USERS.find((u) => u.profile.fullName === name);
  if (!user) throw new Error(`${name} is no demo user`);
  return user.pin;
}

/** The shell of the desk: the first start, signing in and out, the lock, language, going offline. */
export class DeskPage {
  constructor(
    readonly page: Page,
    readonly context: BrowserContext,
  ) {}

  /** The sign-in form, in whichever language is shown. */
  signInForm(): Locator {
    return this.page.locator('section.signin form');
  }

  /**
   * Opens the desk with the demo and waits until it is usable and its offline copy is stored: from
   * then on the network can go away. A new desk offers the demo at its first start; it is taken.
   */
  async open(): Promise<void> {
    await this.page.goto('/');
    const firstStart = this.page.getByRole('heading', { name: kk.auth.firstStart.title });
    const signIn = this.page.getByRole('heading', { name: kk.signin.title, exact: true });
    await expect(firstStart.or(signIn)).toBeVisible({ timeout: 30_000 });
    if (await firstStart.isVisible()) {
      await this.page.getByRole('button', { name: kk.auth.firstStart.openDemo }).click();
      await expect(signIn).toBeVisible({ timeout: 60_000 });
    }
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

  /** Offline, signed in as `name`, at the home queue: the queue and the case screens to drive. */
  async startAtQueue(name: string): Promise<{ queue: QueuePage; kase: CasePage }> {
    await this.startOffline(name);
    return { queue: new QueuePage(this.page), kase: new CasePage(this.page) };
  }

  /** Offline, signed in as `name` (a manager, or an officer who only reads them), at the settings. */
  async startAtSettings(name: string): Promise<void> {
    await this.startOffline(name);
    await this.openSettings();
  }

  /**
   * How most scenarios begin: offline, signed in as `name`, and a case of `queue` open — the first
   * one, or the first `wanted` accepts when the scenario needs a particular kind (leafing through
   * the queue as an officer would). `mine` narrows the queue to the cases `name` holds first.
   */
  async startAtFirstCase(
    name: string,
    queueKey: QueueKey,
    options: { mine?: boolean; wanted?: (kase: CasePage) => Promise<boolean>; limit?: number } = {},
  ): Promise<{ queue: QueuePage; kase: CasePage; caseNumber: string }> {
    const { queue, kase } = await this.startAtQueue(name);
    if (options.mine) await queue.filterOfficer(name);
    const wanted = options.wanted;
    const caseNumber = wanted
      ? await openFirstCase(queue, queueKey, () => wanted(kase), options.limit)
      : await queue.openFirst(queueKey);
    return { queue, kase, caseNumber };
  }

  /** Chooses the user and types the secret (a demo user's PIN unless another is given). */
  async submitSignIn(name: string, secret: string = demoPin(name)): Promise<void> {
    const form = this.signInForm();
    const select = form.locator('select');
    const value = await select.locator('option', { hasText: name }).getAttribute('value');
    if (!value) throw new Error(`${name} is not offered at sign-in`);
    await select.selectOption(value);
    await form.locator('input[type="password"]').fill(secret);
    await form.locator('button[type="submit"]').click();
  }

  async signIn(name: string, secret?: string): Promise<void> {
    await this.submitSignIn(name, secret);
    await expect(this.page.getByTestId('current-user')).toHaveText(name);
  }

  async signOut(): Promise<void> {
    await this.page.getByRole('button', { name: kk.nav.signOut }).click();
    await expect(this.page.getByRole('heading', { name: kk.signin.title, exact: true })).toBeVisible();
  }

  lockScreen(): Locator {
    return this.page.getByRole('dialog', { name: kk.auth.lock.title });
  }

  async unlock(secret: string): Promise<void> {
    const lock = this.lockScreen();
    await lock.getByLabel(kk.auth.field.secret, { exact: true }).fill(secret);
    await lock.getByRole('button', { name: kk.auth.lock.unlock }).click();
    await expect(lock).toBeHidden();
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
