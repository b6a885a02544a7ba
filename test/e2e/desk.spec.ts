import { expect, test } from '@playwright/test';
import { DeskPage, OFFICER } from './pages/DeskPage';
import { openFirstCase } from './pages/QueuePage';
import { kk } from './pages/texts';

test('the desk switches between Kazakh and Russian at run time and remembers it offline', async ({
  page,
  context,
}) => {
  const desk = new DeskPage(page, context);
  await desk.open();
  await desk.goOffline();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Экстернат: рұқсат беру үстелі');
  await desk.switchLanguage('Тіл', 'ru');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Экстернат: стол выдачи разрешений');
  await expect(page.getByRole('heading', { name: 'Вход' })).toBeVisible();
  await desk.signIn(OFFICER);
  // An officer starts from her own cases.
  await expect(page.locator('#queue-title')).toContainText('Мои дела');
  await expect(page.locator('#queue-title')).toContainText(/\d+ заявлени(е|я|й)$/);
  await expect(page.getByRole('button', { name: /Просроченные/ })).toBeVisible();

  await desk.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Экстернат: стол выдачи разрешений');
  await expect(page.locator('#queue-title')).toContainText('Мои дела');
  await desk.switchLanguage('Язык', 'kk');
  await expect(page.locator('#queue-title')).toContainText(kk.queueName.mine);
});

test('queues count and search cases; a corrupt file and a bad IIN are named, and the case stays usable', async ({
  page,
  context,
}) => {
  const desk = new DeskPage(page, context);
  const { queue, kase } = await desk.startAtQueue(OFFICER);

  const all = await queue.count('all');
  expect(all).toBeGreaterThan(150);
  expect(await queue.count('overdue')).toBeGreaterThan(0);
  await queue.show('overdue');
  await expect(queue.rows().first()).toContainText(kk.timeliness.overdue);

  // Search by the tail of a case number and by an IIN prefix.
  await queue.show('all');
  const [number] = await queue.caseNumbers();
  await queue.search(number!.slice(-5));
  await expect(queue.rows()).toHaveCount(1);
  await queue.open(number!);
  const iin = (await page.locator('[data-section="applicant"] dd').nth(1).textContent())!.trim();
  await kase.backToQueue();
  await queue.search(iin.slice(0, 8));
  await expect(queue.rows().filter({ hasText: number! })).toHaveCount(1);
  await queue.search('');

  await openFirstCase(queue, 'to-register', async () => (await page.getByText('corrupt.pdf').count()) > 0);
  await kase
    .documentFiles()
    .filter({ hasText: 'corrupt.pdf' })
    .getByRole('button', { name: kk.documents.open })
    .click();
  await expect(kase.viewer().getByRole('alert')).toHaveText(kk.documents.viewer.corrupt);
  await kase.viewer().getByRole('button', { name: kk.ux.case.closeViewer }).click();
  await expect(kase.actionButton('registered')).toBeEnabled();

  await kase.backToQueue();
  await openFirstCase(queue, 'to-register', async () => (await page.locator('.flag').count()) > 0);
  await expect(page.locator('[data-section="pupil"] .flag').first()).toBeVisible();
});

test('a PDF opens inside the desk with pages and zoom, and an image shows, offline', async ({
  page,
  context,
}) => {
  const desk = new DeskPage(page, context);
  const { queue, kase } = await desk.startAtFirstCase(OFFICER, 'to-register');
  await kase
    .documentFiles()
    .filter({ hasText: 'application.pdf' })
    .getByRole('button', { name: kk.documents.open })
    .click();
  const viewer = kase.viewer();
  await expect(viewer.getByTestId('pdf-page')).toHaveText(/^1-бет, барлығы \d+$/);
  await expect(viewer.getByTestId('pdf-zoom')).toHaveText('100%');
  await viewer.getByRole('button', { name: kk.documents.viewer.zoomIn }).click();
  await expect(viewer.getByTestId('pdf-zoom')).toHaveText('125%');
  const width = await viewer.getByTestId('pdf-canvas').evaluate((c: HTMLCanvasElement) => c.width);
  expect(width).toBeGreaterThan(100);
  await viewer.getByRole('button', { name: kk.ux.case.closeViewer }).click();

  await kase.backToQueue();
  await openFirstCase(
    queue,
    'to-register',
    async () => (await page.getByText('study-abroad.png').count()) > 0,
  );
  await kase
    .documentFiles()
    .filter({ hasText: 'study-abroad.png' })
    .getByRole('button', { name: kk.documents.open })
    .click();
  const image = kase.viewer().getByRole('img', { name: 'study-abroad.png' });
  await expect(image).toBeVisible();
  // An image zooms in the PDF's steps.
  await expect(kase.viewer().getByTestId('image-zoom')).toHaveText('100%');
  const before = (await image.boundingBox())!.width;
  await kase.viewer().getByRole('button', { name: kk.documents.viewer.zoomIn }).click();
  await expect(kase.viewer().getByTestId('image-zoom')).toHaveText('125%');
  await expect.poll(async () => (await image.boundingBox())!.width).toBeGreaterThan(before);
  expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
});
