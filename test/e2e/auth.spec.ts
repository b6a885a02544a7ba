import { expect, test } from '@playwright/test';
import { CasePage } from './pages/CasePage';
import { demoPin, DeskPage, HEAD } from './pages/DeskPage';
import { QueuePage } from './pages/QueuePage';
import { kk } from './pages/texts';
import { UsersPage, type NewUser } from './pages/UsersPage';

const ADMIN = {
  login: 'a.nurlanova',
  fullName: 'Нұрланова Әсел Бекқызы',
  positionKk: 'Ақпараттық технологиялар бөлімінің маманы',
  positionRu: 'Специалист отдела информационных технологий',
  secret: 'күзгі-жапырақ-2026',
};
const OFFICER: NewUser = {
  login: 'a.ivanova',
  fullName: 'Иванова Анна Петровна',
  role: 'officer',
  positionKk: 'Білім бөлімінің бас маманы',
  positionRu: 'Главный специалист отдела образования',
  secret: '918273',
};
const NEW_HEAD: NewUser = {
  login: 'n.seitov',
  fullName: 'Сейітов Нұрлан Асқарұлы',
  role: 'head',
  positionKk: 'Аудан әкімінің орынбасары',
  positionRu: 'Заместитель акима района',
  secret: 'басшының-құпия-сөзі',
};

test('the first start creates the administrator, who adds an officer and a head; the officer signs in with her own PIN and cannot edit users or settings', async ({
  page,
  context,
}) => {
  test.setTimeout(90_000);
  const desk = new DeskPage(page, context);
  const users = new UsersPage(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: kk.auth.firstStart.title })).toBeVisible({ timeout: 30_000 });
  // A new desk holds nothing: no demo case was loaded behind the officer's back.
  await expect(page.getByRole('button', { name: kk.auth.firstStart.openDemo })).toBeVisible();

  await users.createAdministrator(ADMIN);
  // The administrator keeps the desk: settings and users, no queues of cases.
  await expect(page.getByRole('heading', { name: kk.settingsScreen.title, exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: kk.nav.queues })).toHaveCount(0);

  // A PIN anyone would guess is refused with its reason, and nothing is added.
  await users.section().getByRole('button', { name: kk.auth.users.add }).click();
  await users.fill(users.addDialog(), { ...OFFICER, secret: '123456' });
  await users.addDialog().getByRole('button', { name: kk.auth.users.save }).click();
  await expect(users.addDialog()).toContainText(kk.auth.secretIssue.secret['pin-simple']);
  await users.addDialog().getByRole('button', { name: kk.common.cancel }).click();
  await expect(users.row(OFFICER.login)).toHaveCount(0);

  await users.add(OFFICER);
  await users.add(NEW_HEAD);
  await expect(users.row(NEW_HEAD.login)).toContainText(kk.role.head);
  await desk.signOut();

  // A wrong PIN is refused, in words, and nobody is signed in.
  await desk.submitSignIn(OFFICER.fullName, '918274');
  await expect(desk.signInForm().getByRole('alert')).toHaveText(kk.auth.verify['wrong-secret']);
  await expect(page.getByTestId('current-user')).toHaveCount(0);
  // A real desk shows no PINs.
  await expect(page.getByRole('region', { name: kk.auth.signin.demoTitle })).toHaveCount(0);

  await desk.signIn(OFFICER.fullName, OFFICER.secret);
  await desk.openSettings();
  await expect(page.getByText(kk.auth.settingsReadOnly)).toBeVisible();
  await expect(page.getByLabel(kk.settingsScreen.field['akimat.bin'], { exact: true })).toBeDisabled();
  await expect(page.getByRole('button', { name: kk.settingsScreen.save })).toHaveCount(0);
  await expect(users.section()).toContainText(kk.auth.users.readOnly);
  await expect(users.section().getByRole('button')).toHaveCount(0);
  await expect(users.row(OFFICER.login)).toContainText(kk.role.officer);
  await expect(page.getByRole('button', { name: kk.settingsScreen.calendar.import })).toHaveCount(0);
  await expect(page.getByRole('region', { name: kk.settingsScreen.demo.title })).toHaveCount(0);

  // A reload keeps her signed in, still as an officer.
  await desk.reload();
  await expect(page.getByTestId('current-user')).toHaveText(OFFICER.fullName);
  await expect(page.getByText(kk.auth.settingsReadOnly)).toBeVisible();
});

test('the desk locks after the minutes set in the settings and the same person unlocks it with her PIN; what she typed is still there', async ({
  page,
  context,
}) => {
  await page.clock.install();
  const desk = new DeskPage(page, context);
  await desk.startAtSettings(HEAD);
  const lockField = page.getByLabel(kk.settingsScreen.field.lockAfterMinutes, { exact: true });
  await expect(lockField).toHaveValue('10');
  await lockField.fill('1');
  await page.getByRole('button', { name: kk.settingsScreen.save }).click();
  await expect(page.getByText(kk.settingsScreen.saved)).toBeVisible();

  const nameRu = page.getByLabel(kk.settingsScreen.field['akimat.name.ru'], { exact: true });
  await nameRu.fill('Акимат (не сохранено)');
  await page.clock.fastForward('00:50');
  await expect(desk.lockScreen()).toHaveCount(0);
  await page.clock.fastForward('00:20');
  await expect(desk.lockScreen()).toBeVisible();
  await expect(desk.lockScreen()).toContainText(HEAD);

  await desk.lockScreen().getByLabel(kk.auth.field.secret, { exact: true }).fill('000999');
  await desk.lockScreen().getByRole('button', { name: kk.auth.lock.unlock }).click();
  await expect(desk.lockScreen().getByRole('alert')).toHaveText(kk.auth.verify['wrong-secret']);
  await desk.unlock(demoPin(HEAD));
  await expect(nameRu).toHaveValue('Акимат (не сохранено)');
  await expect(page.getByTestId('current-user')).toHaveText(HEAD);
});

test('the head’s approval asks for the head’s own PIN again, and a wrong one approves nothing', async ({
  page,
  context,
}) => {
  const desk = new DeskPage(page, context);
  await desk.open();
  await desk.goOffline();
  // The demo desk shows its users' PINs.
  await expect(page.getByRole('region', { name: kk.auth.signin.demoTitle })).toContainText(demoPin(HEAD));
  await desk.signIn(HEAD);
  const queue = new QueuePage(page);
  const kase = new CasePage(page);
  await queue.show('awaiting-approval');
  const [number] = await queue.caseNumbers();
  await queue.open(number!);

  const dialog = await kase.act('approved');
  await dialog.submit().click();
  const stepUp = page.getByRole('dialog', { name: kk.auth.stepUp.title });
  await expect(stepUp).toContainText(HEAD);
  await stepUp.getByLabel(kk.auth.field.secret, { exact: true }).fill(demoPin('Ахметова Гүлнар Серікқызы'));
  await stepUp.getByRole('button', { name: kk.auth.stepUp.confirm }).click();
  await expect(stepUp.getByRole('alert')).toHaveText(kk.auth.verify['wrong-secret']);
  await stepUp.getByRole('button', { name: kk.common.cancel }).click();
  await expect(stepUp).toBeHidden();
  // Cancelling the step-up records nothing: the case still waits for the head.
  await page.getByRole('dialog').getByRole('button', { name: kk.common.cancel }).click();
  await expect(kase.heading()).toContainText(kk.stage.approval);
  await expect(kase.historyRows().first()).not.toContainText(kk.eventType.approved);

  await kase.actAsHead('approved', demoPin(HEAD));
  await kase.expectStage('ready-to-send');
  await kase.expectLatestEvent('approved');
});
