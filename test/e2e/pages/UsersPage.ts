import { expect, type Locator, type Page } from '@playwright/test';
import { kk } from './texts';

const f = kk.auth.field;

export interface NewUser {
  login: string;
  fullName: string;
  role: 'officer' | 'head' | 'admin';
  positionKk: string;
  positionRu: string;
  secret: string;
}

/** The first start's administrator form, and Settings → the desk's users. */
export class UsersPage {
  constructor(readonly page: Page) {}

  section(): Locator {
    return this.page.getByRole('region', { name: kk.auth.users.title });
  }

  row(login: string): Locator {
    return this.section().locator(`tr[data-user="${login}"]`);
  }

  /** Fills the fields of a user's form (the first start's, or the add dialog's). */
  async fill(root: Locator, user: Omit<NewUser, 'role'> & { role?: NewUser['role'] }): Promise<void> {
    await root.getByLabel(f.id, { exact: true }).fill(user.login);
    await root.getByLabel(f.fullName, { exact: true }).fill(user.fullName);
    if (user.role) await root.getByLabel(f.role, { exact: true }).selectOption(user.role);
    await root.getByLabel(f.positionKk, { exact: true }).fill(user.positionKk);
    await root.getByLabel(f.positionRu, { exact: true }).fill(user.positionRu);
    await root.getByLabel(f.secret, { exact: true }).fill(user.secret);
    await root.getByLabel(f.repeat, { exact: true }).fill(user.secret);
  }

  async createAdministrator(user: Omit<NewUser, 'role'>): Promise<void> {
    const form = this.page.getByRole('form', { name: kk.auth.firstStart.adminTitle });
    await this.fill(form, user);
    await form.getByRole('button', { name: kk.auth.firstStart.create }).click();
    await expect(this.page.getByTestId('current-user')).toHaveText(user.fullName);
  }

  addDialog(): Locator {
    return this.page.getByRole('dialog', { name: kk.auth.users.addTitle });
  }

  /** Adds a user through the dialog; resolves once the desk says the user was added. */
  async add(user: NewUser): Promise<void> {
    await this.section().getByRole('button', { name: kk.auth.users.add }).click();
    await this.fill(this.addDialog(), user);
    await this.addDialog().getByRole('button', { name: kk.auth.users.save }).click();
    await expect(this.addDialog()).toBeHidden();
    await expect(this.row(user.login)).toContainText(user.fullName);
  }
}
