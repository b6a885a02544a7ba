import { expect, test } from '@playwright/test';

test('the browser build opens the desk in Kazakh and switches to Russian', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Экстернат: рұқсат беру үстелі');
  await page.getByLabel('Тіл').selectOption('ru');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Экстернат: стол выдачи разрешений');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Экстернат: стол выдачи разрешений');
});
