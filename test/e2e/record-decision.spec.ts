import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createCalendar, DEFAULT_OFFICE_HOURS } from '../../shared/calendar/calendar';
import { parseCalendarYear, type CalendarYear } from '../../shared/calendar/schema';
import { demoPin, DeskPage, HEAD, OFFICER } from './pages/DeskPage';
import { confirmEveryFile, record, sendForApproval } from './pages/recordSteps';
import { kk } from './pages/texts';

// The bundled calendar years, read as data: the spec runs in Node, where the JSON imports of
// shared/calendar/index.ts need attributes.
const years = [2026].flatMap((year): CalendarYear[] => {
  const parsed = parseCalendarYear(
    JSON.parse(readFileSync(new URL(`../../resources/calendar/${year}.json`, import.meta.url), 'utf8')),
  );
  return parsed.ok ? [parsed.year] : [];
});
const kazakhstanCalendar = createCalendar(years, DEFAULT_OFFICE_HOURS);

test('one pending decision: once an order is prepared neither another order nor a refusal is offered', async ({
  page,
  context,
}) => {
  const desk = new DeskPage(page, context);
  const { queue, kase } = await desk.startAtFirstCase(OFFICER, 'review', {
    mine: true,
    wanted: async (k) => (await k.actionButton('order-prepared').count()) > 0,
  });
  await expect(kase.actionButton('refused')).toBeVisible();

  const order = await kase.act('order-prepared');
  await order.fill(kk.actions.field.orderNumber, '311-Б');
  await order.save();
  await expect(kase.actionButton('order-prepared')).toHaveCount(0);
  await expect(kase.actionButton('refused')).toHaveCount(0);
  await expect(kase.actionButton('sent-for-approval')).toBeVisible();
  const actions = page.getByRole('region', { name: kk.actions.title });
  await expect(actions).toContainText('Шешім дайындалды: бұйрық № 311-Б');

  // With the head it is still the one decision; the head's return makes room for another.
  await sendForApproval(kase, 'appendix-3');
  await expect(actions).toContainText('Басшының келісуінде: бұйрық № 311-Б');
  const number = await kase.caseNumber();
  await desk.signOut();
  await desk.signIn(HEAD);
  await queue.find(number);
  await kase.actAsHead('returned', demoPin(HEAD), (back) =>
    back.fill(kk.actions.field.comment, 'Бұйрықтың нөмірін тексеріңіз.'),
  );
  await desk.signOut();
  await desk.signIn(OFFICER);
  await queue.find(number);
  await expect(kase.actionButton('order-prepared')).toBeVisible();
  await expect(kase.actionButton('refused')).toBeVisible();
  await expect(actions).not.toContainText(record.pending.prepared.slice(0, 10));
});

/** 10:00 in Almaty on `day` (YYYY-MM-DD), as epoch ms. */
const atTen = (day: string) => Date.parse(`${day}T10:00:00+05:00`);

/** dd.MM.yyyy → YYYY-MM-DD. */
const isoOf = (text: string) => text.split('.').reverse().join('-');
const shown = (iso: string) => iso.split('-').reverse().join('.');

function deadlineRow(page: Page, stage: keyof typeof kk.deadlineStage) {
  return page
    .getByRole('region', { name: kk.caseScreen.deadlines })
    .locator('tbody tr')
    .filter({ hasText: kk.deadlineStage[stage] });
}

test('a case past its 10-day term is overdue everywhere, though its school stage would end later', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  // The desk's first start is on a Monday: the demo cases are made around it.
  await page.clock.setFixedTime(atTen('2026-11-02'));
  const desk = new DeskPage(page, context);
  const { queue, kase } = await desk.startAtQueue(OFFICER);

  // A case to register on time today; registered, taken, its documents confirmed.
  await queue.show('to-register');
  const onTime = queue.rows().filter({ hasNotText: kk.timeliness.overdue }).first();
  const number = (await onTime.locator('.case-link').textContent())!.trim();
  await queue.open(number);
  await (await kase.act('registered')).save();
  await kase.actAndSave('take');
  await confirmEveryFile(kase);
  const registeredDue = isoOf(
    (await deadlineRow(page, 'registration').locator('td').nth(2).textContent())!.trim(),
  );
  const term = kazakhstanCalendar.addWorkingDays(registeredDue, 10);

  // The package is found complete three days late: the school's 6 days would end after the term.
  await page.clock.setFixedTime(atTen(kazakhstanCalendar.addWorkingDays(registeredDue, 5)));
  await (await kase.act('completeness-checked')).save();
  await kase.expectStage('school');

  // The day after the term's last day.
  const dayAfter = kazakhstanCalendar.addWorkingDays(registeredDue, 11);
  await page.clock.setFixedTime(atTen(dayAfter));
  await desk.reload();
  // Days without use: the desk opens locked, and the officer types her secret again.
  await desk.unlock(demoPin(OFFICER));
  await expect(kase.heading()).toContainText(number);
  await expect(page.getByTestId('case-urgency')).toHaveAttribute('data-urgency', 'overdue');
  await expect(page.getByTestId('case-urgency')).toContainText(kk.timeliness.overdue);
  const school = deadlineRow(page, 'school');
  await expect(school.locator('td').nth(2)).toHaveText(shown(term));
  await expect(school).toContainText(kk.deadlineStatus.overdue);
  await expect(deadlineRow(page, 'term')).toContainText(kk.deadlineStatus.overdue);

  await kase.backToQueue();
  await queue.show('overdue');
  await queue.search(number);
  await expect(queue.rows()).toHaveCount(1);
  await expect(queue.rows().first()).toContainText(kk.timeliness.overdue);
  await expect(queue.rows().first()).toContainText(shown(term));
});
