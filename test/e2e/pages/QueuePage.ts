import { expect, type Locator, type Page } from '@playwright/test';
import { kk } from './texts';

export type QueueKey = keyof typeof kk.queueName;

/** The work queues: pick a queue, filter, search, open a case. */
export class QueuePage {
  constructor(readonly page: Page) {}

  rows(): Locator {
    return this.page.locator('.queue-scroll [role="row"]');
  }

  async show(queue: QueueKey): Promise<void> {
    await this.page.locator(`[data-queue="${queue}"]`).click();
    await expect(this.page.locator('#queue-title')).toContainText(kk.queueName[queue]);
  }

  async count(queue: QueueKey): Promise<number> {
    return Number(await this.page.locator(`[data-queue="${queue}"] .queue-nav-count`).textContent());
  }

  async search(text: string): Promise<void> {
    await this.page.getByLabel(kk.queue.search, { exact: true }).fill(text);
  }

  async filterOfficer(name: string): Promise<void> {
    await this.page.getByLabel(kk.queue.officer, { exact: true }).selectOption({ label: name });
  }

  async caseNumbers(): Promise<string[]> {
    return this.rows().locator('.case-link').allTextContents();
  }

  async open(caseNumber: string): Promise<void> {
    await this.page.getByRole('button', { name: caseNumber, exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 2 })).toContainText(caseNumber);
  }

  /** Opens the first case of a queue and returns its number. */
  async openFirst(queue: QueueKey): Promise<string> {
    await this.show(queue);
    const [number] = await this.caseNumbers();
    if (!number) throw new Error(`queue ${queue} is empty`);
    await this.open(number);
    return number;
  }

  /** Finds a case by its number wherever it is. */
  async find(caseNumber: string): Promise<void> {
    await this.show('all');
    await this.search(caseNumber);
    await expect(this.rows()).toHaveCount(1);
    await this.open(caseNumber);
  }
}

/**
 * Opens the cases of a queue in turn, as an officer leafing through it, until `wanted` says the open
 * case is the one, and returns its number; fails the test if none of the first `limit` is.
 */
export async function openFirstCase(
  queue: QueuePage,
  queueKey: QueueKey,
  wanted: () => Promise<boolean>,
  limit = 25,
): Promise<string> {
  await queue.show(queueKey);
  const numbers = (await queue.caseNumbers()).slice(0, limit);
  for (const number of numbers) {
    await queue.open(number);
    if (await wanted()) return number;
    await queue.page.getByRole('button', { name: kk.caseScreen.back }).click();
  }
  throw new Error(`no case in ${queueKey} (first ${limit}) is the one the test looks for`);
}
