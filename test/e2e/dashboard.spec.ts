/**
 * The head's dashboard on the demo desk, and the deadline notice at sign-in. Screenshots at
 * 1366×768 go to the test's output folder (test-results/, never committed).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import kkDashboard from '../../renderer/src/i18n/kk/dashboard.json' with { type: 'json' };
import kkHeader from '../../renderer/src/i18n/kk/header.json' with { type: 'json' };
import kkNotify from '../../renderer/src/i18n/kk/notify.json' with { type: 'json' };
import ruDashboard from '../../renderer/src/i18n/ru/dashboard.json' with { type: 'json' };
import { DeskPage, HEAD, OFFICER } from './pages/DeskPage';

const d = kkDashboard.dashboard;
const ru = ruDashboard.dashboard;

/** Today at the office (Asia/Almaty, the demo's zone), as the desk writes it on screen. */
function officeToday(): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Almaty',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(new Date());
  return parts.replace(/\//g, '.');
}

async function screenshot(page: Page, info: TestInfo, name: string): Promise<void> {
  const path = info.outputPath(name);
  await page.screenshot({ path });
  await info.attach(name, { path, contentType: 'image/png' });
}

/** The cells of one table on screen, row by row, as text. */
async function tableText(page: Page, id: string): Promise<string[][]> {
  return page
    .getByTestId(`dash-table-${id}`)
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => (c.textContent ?? '').trim())));
}

test.use({ viewport: { width: 1366, height: 768 } });

test('the head opens the dashboard, filters a period and exports CSV and XLSX with headers in her language', async ({
  page,
  context,
}, info) => {
  // The demo's first start, axe and two exports on two shared cores.
  test.setTimeout(150_000);
  const desk = new DeskPage(page, context);
  await desk.open();
  await desk.signIn(HEAD);
  await page.getByRole('button', { name: kkHeader.dashboard.nav }).click();
  await expect(page.getByRole('heading', { name: d.title, level: 2 })).toBeVisible();
  // The demo's cases are all counted, and the load table names the demo officers.
  await expect(page.getByTestId('dash-period')).toContainText(/барлығы \d{3} өтініш/);
  await expect(page.getByTestId('dash-table-load')).toContainText(OFFICER);
  const sla = await tableText(page, 'sla');
  expect(sla.map((r) => r[0])).toEqual([...Object.values(d.stage), d.sla.overall]);
  await screenshot(page, info, 'dashboard-1366x768.png');

  // axe-core: no serious or critical violation on the dashboard.
  const axe = await new AxeBuilder({ page }).analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // A period of her own: a wrong date is refused in words, a right one is shown.
  await page.getByLabel(d.period, { exact: true }).selectOption('custom');
  await page.getByLabel(d.from, { exact: true }).fill('31.02.2026');
  await page.getByRole('button', { name: d.apply }).click();
  await expect(page.getByText(d.badDate)).toBeVisible();
  await page.getByLabel(d.from, { exact: true }).fill('01.01.2020');
  await page.getByLabel(d.to, { exact: true }).fill('31.12.2030');
  await page.getByRole('button', { name: d.apply }).click();
  await expect(page.getByTestId('dash-period')).toContainText('01.01.2020 – 31.12.2030');
  await page.getByLabel(d.granularity, { exact: true }).selectOption('month');
  const overall = (await tableText(page, 'sla')).at(-1)!;
  // Over eleven years every deadline of the demo falls due in the period: something was met.
  expect(Number(overall[1])).toBeGreaterThan(0);

  // Each complaint of the period by name: its case, to whom it went, registered, due and its state
  // in the words of the counts; the earliest due first. The demo has complaints to both.
  const date = /^\d{2}\.\d{2}\.\d{4}$/;
  const complaints = await tableText(page, 'complaint-list');
  const registered = (await tableText(page, 'complaints')).find((r) => r[0] === d.complaints.registered)!;
  expect(complaints).toHaveLength(Number(registered[1]));
  expect(new Set(complaints.map((r) => r[1]))).toEqual(
    new Set([d.complaints.provider, d.complaints.qualityAuthority]),
  );
  for (const [caseNumber, , registeredOn, dueOn, , state] of complaints) {
    expect(caseNumber).toMatch(/^KZ-\d{4}-\d+$/);
    expect(registeredOn).toMatch(date);
    expect(dueOn).toMatch(date);
    expect([
      d.complaints.answeredInTime,
      d.complaints.answeredLate,
      d.complaints.overdue,
      d.complaints.waiting,
    ]).toContain(state);
  }
  const dueDays = complaints.map((r) => r[3]!.split('.').reverse().join('-'));
  expect(dueDays).toEqual([...dueDays].sort());
  await page.getByTestId('dash-table-complaint-list').scrollIntoViewIfNeeded();
  await screenshot(page, info, 'dashboard-complaints-1366x768.png');

  const [csvDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: d.exportCsv }).click(),
  ]);
  expect(csvDownload.suggestedFilename()).toBe('dashboard_2020-01-01_2030-12-31.csv');
  const csv = readFileSync(await csvDownload.path(), 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.slice(1).split('\r\n');
  expect(lines).toContain(
    [d.sla.stage, d.sla.met, d.sla.late, d.sla.overdue, d.sla.pending, d.sla.rate].join(';'),
  );
  // The file says what the screen says: the overall row, numbers and all.
  const csvOverall = lines.find((l) => l.startsWith(`${d.sla.overall};`))!.split(';');
  expect(csvOverall.slice(0, 5)).toEqual(overall.slice(0, 5));
  await expect(
    page.getByText(d.exported.replace('{{name}}', 'dashboard_2020-01-01_2030-12-31.csv')),
  ).toBeVisible();

  // In Russian the workbook's headers are Russian.
  await desk.switchLanguage('Тіл', 'ru');
  const [xlsxDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: ru.exportXlsx }).click(),
  ]);
  expect(xlsxDownload.suggestedFilename()).toBe('dashboard_2020-01-01_2030-12-31.xlsx');
  const files = unzipSync(new Uint8Array(readFileSync(await xlsxDownload.path())));
  const workbook = strFromU8(files['xl/workbook.xml']!);
  expect(workbook).toContain(`name="${ru.sla.title}"`);
  const text = Object.entries(files)
    .filter(([name]) => name.startsWith('xl/'))
    .map(([, data]) => strFromU8(data))
    .join('\n');
  for (const word of [
    ru.sla.met,
    ru.sla.overdue,
    ru.load.officer,
    ru.stage.completeness,
    ru.complaints.registered,
    ru.complaints.qualityAuthority,
    ru.complaints.dueOn,
  ])
    expect(text).toContain(word);
  // Excel allows 31 characters in a sheet name.
  expect(workbook).toContain(`name="${ru.complaints.listTitle.slice(0, 31)}"`);
  // And the screen names to whom each complaint went in Russian.
  const ruComplaints = await tableText(page, 'complaint-list');
  expect(new Set(ruComplaints.map((r) => r[1]))).toEqual(
    new Set([ru.complaints.provider, ru.complaints.qualityAuthority]),
  );
  await screenshot(page, info, 'dashboard-ru-1366x768.png');
});

test('an officer is told at sign-in about cases due today and overdue, and opens one from the notice', async ({
  page,
  context,
}, info) => {
  const desk = new DeskPage(page, context);
  await desk.open();
  await desk.signIn(OFFICER);
  const notice = page.getByTestId('deadline-notice');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText(kkNotify.notify.panelTitle);
  const dueToday = notice.getByRole('button', {
    name: new RegExp(`мерзімі ${officeToday().replace(/\./g, '\\.')}`),
  });
  await expect(dueToday.first()).toBeVisible();
  await screenshot(page, info, 'deadline-notice-1366x768.png');
  const number = (await dueToday.first().locator('.notice-number').textContent()) ?? '';
  await dueToday.first().click();
  await expect(page.getByRole('heading', { level: 2 })).toContainText(number);

  // A reload the same day does not tell again; signing in again does.
  await desk.reload();
  await expect(page.getByTestId('current-user')).toHaveText(OFFICER);
  await expect(notice).toBeHidden();
  await desk.signOut();
  await desk.signIn(OFFICER);
  await expect(notice).toBeVisible();
  await notice.getByRole('button', { name: kkNotify.notify.dismiss }).click();
  await expect(notice).toBeHidden();
  // The dashboard is the head's: an officer has no way to it.
  await expect(page.getByRole('button', { name: kkHeader.dashboard.nav })).toHaveCount(0);
});

test('the header says when the computer is offline and back online', async ({ page, context }) => {
  const desk = new DeskPage(page, context);
  await desk.open();
  const status = page.getByTestId('network-status');
  await expect(status).toHaveText(kkHeader.header.online);
  await context.setOffline(true);
  await expect(status).toHaveText(kkHeader.header.offline);
  await context.setOffline(false);
  await expect(status).toHaveText(kkHeader.header.online);
});
