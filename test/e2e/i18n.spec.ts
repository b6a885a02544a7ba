// The desk fetches its texts part by part (renderer/src/i18n): the first screens' part of its own
// language before the first screen, the rest with the lazy screens, the other language when the
// officer switches. Whatever is shown, no key may stand in place of its text, in either language,
// and a switch must work with the network gone.
import { readdirSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { DeskPage, HEAD, OFFICER } from './pages/DeskPage';

type Texts = { [key: string]: string | Texts };
const dir = new URL('../../renderer/src/i18n/', import.meta.url);

/** One language's files, merged section by section (as the desk merges them). */
function language(lang: 'kk' | 'ru'): Texts {
  const out: Texts = {};
  const into = (target: Texts, source: Texts) => {
    for (const [k, v] of Object.entries(source)) {
      if (typeof v === 'string') target[k] = v;
      else into((target[k] ??= {}) as Texts, v);
    }
  };
  for (const f of readdirSync(new URL(`${lang}/`, dir)).filter((n) => n.endsWith('.json')))
    into(out, JSON.parse(readFileSync(new URL(`${lang}/${f}`, dir), 'utf8')) as Texts);
  return out;
}
const TEXTS = { kk: language('kk'), ru: language('ru') };
const text = (lang: 'kk' | 'ru', key: string): string => {
  const v = key
    .split('.')
    .reduce<string | Texts | undefined>((n, k) => (typeof n === 'object' ? n[k] : undefined), TEXTS[lang]);
  if (typeof v !== 'string') throw new Error(`no text ${lang}:${key}`);
  return v;
};

const PLURAL = /_(zero|one|two|few|many|other)$/;
/** Every key of both languages (`queue.search`, `days.left` for its plural forms), and every section. */
const KEYS = new Set<string>();
(function collect(node: Texts, prefix: string) {
  for (const [k, v] of Object.entries(node)) {
    const at = prefix ? `${prefix}.${k}` : k;
    if (prefix) KEYS.add(at.replace(PLURAL, ''));
    if (typeof v === 'object') collect(v, at);
  }
})({ ...TEXTS.kk, ...TEXTS.ru }, '');

/** Keys shown in place of a text: in the page's text, or in what a screen reader or a hint reads. */
async function keysShown(page: Page): Promise<string[]> {
  const shown = await page.evaluate(() => {
    const attrs = [...document.querySelectorAll('[aria-label],[placeholder],[title],[alt]')].flatMap((e) =>
      ['aria-label', 'placeholder', 'title', 'alt'].map((a) => e.getAttribute(a) ?? ''),
    );
    return [document.body.innerText, document.title, ...attrs].join('\n');
  });
  return [...shown.matchAll(/[a-zA-Z][\w-]*(?:\.[\w-]+)+/g)]
    .map((m) => m[0])
    .filter((k) => KEYS.has(k.replace(PLURAL, '')));
}

async function noKeys(page: Page, where: string): Promise<void> {
  expect(await keysShown(page), where).toEqual([]);
}

test('the first screens and every lazy screen show texts, never keys, in Kazakh and in Russian', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  const desk = new DeskPage(page, context);
  await desk.open();
  // The check itself sees a key (what a missing text would show).
  await page.evaluate(() => document.body.insertAdjacentText('beforeend', 'queue.search'));
  expect(await keysShown(page)).toEqual(['queue.search']);
  await desk.reload();

  for (const lang of ['kk', 'ru'] as const) {
    const t = (key: string) => text(lang, key);
    if (lang === 'ru') {
      await desk.switchLanguage(text('kk', 'app.language'), 'ru');
      // The choice is remembered once the Russian texts are there (a switch whose texts fail to come
      // changes nothing): the sign-in screen turns Russian first, and only then is the desk reopened.
      await expect(page.getByRole('heading', { name: t('signin.title'), exact: true })).toBeVisible();
      // Opened again in Russian: the first screens from the Russian first part alone.
      await desk.reload();
    }
    await expect(page.getByRole('heading', { name: t('signin.title'), exact: true })).toBeVisible();
    await noKeys(page, `${lang}: sign-in`);

    await desk.signIn(OFFICER);
    await expect(page.locator('#queue-title')).toContainText(t('queueName.mine'));
    await expect(page.locator('.queue-scroll [role="row"]').first()).toBeVisible();
    await noKeys(page, `${lang}: queue and header`);

    // The case screen (with the rest of the texts).
    await page.locator('[data-queue="all"]').click();
    const first = (await page.locator('.queue-scroll [role="row"] .case-link').first().textContent()) ?? '';
    await page.getByRole('button', { name: first, exact: true }).click();
    await expect(page.getByRole('heading', { level: 2 })).toContainText(first);
    await expect(page.getByRole('button', { name: t('caseScreen.back') })).toBeVisible();
    await noKeys(page, `${lang}: case`);
    await page.getByRole('button', { name: t('caseScreen.back') }).click();

    // The help panel.
    await page.locator('body').press('Shift+Slash');
    const help = page.getByRole('dialog', { name: t('ux.help.title') });
    await expect(help).toContainText(t('ux.help.stagesTitle'));
    await noKeys(page, `${lang}: help`);
    await help.getByRole('button', { name: t('ux.help.close') }).click();

    // The signature check.
    await page.getByRole('button', { name: t('signing.check.nav') }).click();
    await expect(page.getByRole('heading', { name: t('signing.check.title') }).first()).toBeVisible();
    await noKeys(page, `${lang}: signature check`);

    // The settings.
    await page.getByRole('button', { name: t('nav.settings') }).click();
    await expect(page.getByRole('heading', { name: t('settingsScreen.title') }).first()).toBeVisible();
    await noKeys(page, `${lang}: settings`);

    // The head's dashboard.
    await page.getByRole('button', { name: t('nav.signOut') }).click();
    await expect(page.getByRole('heading', { name: t('signin.title'), exact: true })).toBeVisible();
    await desk.signIn(HEAD);
    await page.getByRole('button', { name: t('dashboard.nav') }).click();
    await expect(page.getByRole('heading', { name: t('dashboard.title') }).first()).toBeVisible();
    await expect(page.locator('table').first()).toBeVisible({ timeout: 30_000 });
    await noKeys(page, `${lang}: dashboard`);
    await page.getByRole('button', { name: t('nav.signOut') }).click();
  }
});

/** Whether any script the page has loaded holds `needle` (read back from the page's own origin). */
function loadedScriptsHold(page: Page, needle: string): Promise<boolean> {
  return page.evaluate(async (n) => {
    const urls = performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((u) => u.endsWith('.js'));
    const bodies = await Promise.all(urls.map(async (u) => (await fetch(u)).text()));
    return bodies.some((b) => b.includes(n));
  }, needle);
}

test('the desk opens with its own language only, and switches to the other with the network gone', async ({
  page,
  context,
}) => {
  const desk = new DeskPage(page, context);
  await desk.open();
  await desk.goOffline();
  await desk.signIn(OFFICER);
  await expect(page.locator('#queue-title')).toContainText(text('kk', 'queueName.mine'));
  // A lazy screen first, so the switch needs the Russian rest too.
  await page.getByRole('button', { name: text('kk', 'nav.settings') }).click();
  await expect(page.getByRole('heading', { name: text('kk', 'settingsScreen.title') }).first()).toBeVisible();
  // Nothing Russian was fetched for a Kazakh desk: neither a first-screen text nor a settings one.
  expect(await loadedScriptsHold(page, text('ru', 'header.offlineHint'))).toBe(false);
  expect(await loadedScriptsHold(page, text('ru', 'settingsScreen.title'))).toBe(false);

  await desk.switchLanguage(text('kk', 'app.language'), 'ru');
  await expect(page.getByRole('heading', { name: text('ru', 'settingsScreen.title') }).first()).toBeVisible();
  await expect(page.getByText(text('ru', 'header.offline'), { exact: true })).toBeVisible();
  await noKeys(page, 'ru offline: settings');
  await page.getByRole('button', { name: text('ru', 'nav.queues') }).click();
  await expect(page.locator('#queue-title')).toContainText(text('ru', 'queueName.mine'));
  await noKeys(page, 'ru offline: queue');

  // Still offline, opened again: in Russian, from the offline copy.
  await desk.reload();
  await expect(page.locator('#queue-title')).toContainText(text('ru', 'queueName.mine'));
  await noKeys(page, 'ru offline: reopened');
  expect(await loadedScriptsHold(page, text('kk', 'header.offlineHint'))).toBe(false);
});
