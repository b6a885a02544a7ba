import { expect, test } from '@playwright/test';
import { FormsPanelPage } from './pages/formsPage';
import { DeskPage, OFFICER } from './pages/DeskPage';
import { dialogNote } from './pages/recordSteps';
import { kk } from './pages/texts';

const HOUR = 3_600_000;

test('a clock set back is shown before the officer acts, its refusal says what to do, and nothing is recorded', async ({
  page,
  context,
}) => {
  const desk = new DeskPage(page, context);
  const { kase } = await desk.startAtFirstCase(OFFICER, 'to-register');
  await (await kase.act('registered')).save();
  const recorded = await kase.historyRows().count();

  // Someone sets the computer's clock two hours back.
  const now = Date.now();
  await page.clock.setFixedTime(now - 2 * HOUR);
  const take = await kase.act('take');
  await expect(dialogNote(page, 'clock')).toContainText('минутқа артта қалған');
  await expect(dialogNote(page, 'clock')).toContainText('компьютердің күні мен уақытын түзетіңіз');
  await take.submit().click();
  await expect(take.root.getByRole('alert')).toContainText('Әрекет жазылмады: компьютердің сағаты');
  await expect(take.root.getByRole('alert')).toContainText('енгізгеніңіз сақталып тұр');
  await expect(kase.historyRows()).toHaveCount(recorded);

  // The clock put right, the same dialog saves.
  await page.clock.setFixedTime(now + 60_000);
  await take.save();
  await expect(page.getByTestId('case-holder')).toContainText(OFFICER);
  await expect(kase.historyRows()).toHaveCount(recorded + 1);
});

test('a clock far ahead of the newest event is shown in every dialog before anything is recorded', async ({
  page,
  context,
}) => {
  const desk = new DeskPage(page, context);
  const { queue, kase } = await desk.startAtQueue(OFFICER);
  await page.clock.setFixedTime(Date.now() + 400 * 24 * HOUR);
  await queue.show('to-register');
  const [number] = await queue.caseNumbers();
  await queue.open(number!);
  const register = await kase.act('registered');
  await expect(dialogNote(page, 'clock')).toContainText(/\d+ күн кейін/);
  await expect(dialogNote(page, 'clock')).toContainText('Күн мен жылдың дұрыс екенін тексеріңіз');
  await register.root.getByRole('button', { name: kk.common.cancel }).click();
  // The forms panel says it too: producing a document records an event.
  await expect(new FormsPanelPage(page).panel().getByRole('status')).toContainText(/\d+ күн кейін/);
});
