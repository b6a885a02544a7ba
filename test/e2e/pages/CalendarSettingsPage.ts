import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { kk } from './texts';

const calendar = kk.settingsScreen.calendar;

/** Settings → the working-day calendar: the years in use, importing a year file, removing one. */
export class CalendarSettingsPage {
  constructor(readonly page: Page) {}

  section(): Locator {
    return this.page.getByRole('region', { name: calendar.title });
  }

  row(year: number): Locator {
    return this.section().locator(`tr[data-year="${year}"]`);
  }

  /** Chooses a file of test/fixtures/calendar in the desk's file dialog. */
  async importFixture(name: string): Promise<void> {
    const [chooser] = await Promise.all([
      this.page.waitForEvent('filechooser'),
      this.section().getByRole('button', { name: calendar.import }).click(),
    ]);
    await chooser.setFiles(fileURLToPath(new URL(`../../fixtures/calendar/${name}`, import.meta.url)));
  }

  async remove(year: number): Promise<void> {
    await this.row(year).getByRole('button', { name: calendar.remove }).click();
  }
}
