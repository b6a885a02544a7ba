import type { MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, installMenu, menuLabels, resolveMenuLanguage } from './menu';
import { electronFake, resetElectronFake } from './testing/fakeElectron';

vi.mock('electron', async () => (await import('./testing/fakeElectron')).electronFake);

beforeEach(resetElectronFake);

function allItems(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? allItems(item.submenu) : [])]);
}

describe('resolveMenuLanguage', () => {
  it('follows the saved setting first', () => {
    expect(resolveMenuLanguage('ru', ['kk-KZ'])).toBe('ru');
    expect(resolveMenuLanguage('kk', ['ru-RU'])).toBe('kk');
  });

  it('falls back to the first Kazakh or Russian OS language', () => {
    expect(resolveMenuLanguage(undefined, ['en-US', 'ru-KZ', 'kk-KZ'])).toBe('ru');
    expect(resolveMenuLanguage(null, ['kk_KZ'])).toBe('kk');
  });

  it('ignores a setting it does not know and defaults to Kazakh', () => {
    expect(resolveMenuLanguage('de', ['en-US'])).toBe('kk');
    expect(resolveMenuLanguage(42, [])).toBe('kk');
  });
});

describe('buildMenuTemplate', () => {
  it('labels every item from the chosen dictionary', () => {
    for (const lang of ['kk', 'ru'] as const) {
      const labels = new Set<string>(Object.values(menuLabels(lang)));
      const items = allItems(buildMenuTemplate(lang, { isMac: false, developer: true }));
      const labelled = items.filter((i) => i.type !== 'separator');
      expect(labelled.length).toBeGreaterThan(10);
      for (const item of labelled) expect(labels.has(item.label!)).toBe(true);
    }
  });

  it('shows Russian labels for ru and Kazakh ones for kk', () => {
    const top = (lang: 'kk' | 'ru') =>
      buildMenuTemplate(lang, { isMac: false, developer: false }).map((i) => i.label);
    expect(top('ru')).toContain('Правка');
    expect(top('kk')).toContain('Түзету');
  });

  it('offers reload and developer tools only in development', () => {
    const roles = (developer: boolean) =>
      allItems(buildMenuTemplate('kk', { isMac: false, developer })).map((i) => i.role);
    expect(roles(false)).not.toContain('reload');
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
  });

  it('keeps both dictionaries complete', () => {
    const kk = menuLabels('kk');
    const ru = menuLabels('ru');
    expect(Object.keys(kk).sort()).toEqual(Object.keys(ru).sort());
    expect(Object.values({ ...kk, ...ru }).every((v) => v.trim() !== '')).toBe(true);
  });
});

describe('installMenu', () => {
  it('sets the application menu built from the template', () => {
    installMenu('ru', { isMac: false, developer: false });
    expect(electronFake.Menu.buildFromTemplate).toHaveBeenCalledWith(
      buildMenuTemplate('ru', { isMac: false, developer: false }),
    );
    expect(electronFake.Menu.setApplicationMenu).toHaveBeenCalledOnce();
  });
});
