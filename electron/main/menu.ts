// A minimal application menu. Its labels are the only strings the shell shows, so they live here
// in a small dictionary rather than in the renderer's i18n resources.
import { Menu, type MenuItemConstructorOptions } from 'electron';

export type MenuLanguage = 'kk' | 'ru';

const LABELS = {
  kk: {
    file: 'Файл',
    quit: 'Шығу',
    edit: 'Түзету',
    undo: 'Болдырмау',
    redo: 'Қайталау',
    cut: 'Қию',
    copy: 'Көшіру',
    paste: 'Қою',
    selectAll: 'Барлығын таңдау',
    view: 'Көрініс',
    zoomIn: 'Үлкейту',
    zoomOut: 'Кішірейту',
    resetZoom: 'Нақты өлшем',
    fullscreen: 'Толық экран',
    reload: 'Қайта жүктеу',
    devTools: 'Әзірлеуші құралдары',
    window: 'Терезе',
    minimize: 'Жию',
    close: 'Жабу',
  },
  ru: {
    file: 'Файл',
    quit: 'Выход',
    edit: 'Правка',
    undo: 'Отменить',
    redo: 'Повторить',
    cut: 'Вырезать',
    copy: 'Копировать',
    paste: 'Вставить',
    selectAll: 'Выделить всё',
    view: 'Вид',
    zoomIn: 'Увеличить',
    zoomOut: 'Уменьшить',
    resetZoom: 'Исходный размер',
    fullscreen: 'Во весь экран',
    reload: 'Перезагрузить',
    devTools: 'Инструменты разработчика',
    window: 'Окно',
    minimize: 'Свернуть',
    close: 'Закрыть',
  },
} as const satisfies Record<MenuLanguage, Record<string, string>>;

export type MenuLabels = (typeof LABELS)[MenuLanguage];

export function menuLabels(language: MenuLanguage): MenuLabels {
  return LABELS[language];
}

function asMenuLanguage(value: unknown): MenuLanguage | null {
  if (typeof value !== 'string') return null;
  const primary = value.toLowerCase().split(/[-_]/)[0];
  return primary === 'kk' || primary === 'ru' ? primary : null;
}

/** The saved setting wins; then the first kk/ru OS language; Kazakh (the state language) otherwise. */
export function resolveMenuLanguage(setting: unknown, systemLanguages: readonly string[]): MenuLanguage {
  const chosen = asMenuLanguage(setting);
  if (chosen) return chosen;
  for (const lang of systemLanguages) {
    const found = asMenuLanguage(lang);
    if (found) return found;
  }
  return 'kk';
}

export interface MenuOptions {
  isMac: boolean;
  /** Reload and developer tools only in development: a reload could drop an unsaved form. */
  developer: boolean;
}

export function buildMenuTemplate(
  language: MenuLanguage,
  options: MenuOptions,
): MenuItemConstructorOptions[] {
  const l = LABELS[language];
  const view: MenuItemConstructorOptions[] = [
    { role: 'zoomIn', label: l.zoomIn },
    { role: 'zoomOut', label: l.zoomOut },
    { role: 'resetZoom', label: l.resetZoom },
    { type: 'separator' },
    { role: 'togglefullscreen', label: l.fullscreen },
  ];
  if (options.developer) {
    view.push(
      { type: 'separator' },
      { role: 'reload', label: l.reload },
      { role: 'toggleDevTools', label: l.devTools },
    );
  }
  return [
    { label: l.file, submenu: [{ role: 'quit', label: l.quit }] },
    {
      label: l.edit,
      submenu: [
        { role: 'undo', label: l.undo },
        { role: 'redo', label: l.redo },
        { type: 'separator' },
        { role: 'cut', label: l.cut },
        { role: 'copy', label: l.copy },
        { role: 'paste', label: l.paste },
        { role: 'selectAll', label: l.selectAll },
      ],
    },
    { label: l.view, submenu: view },
    {
      label: l.window,
      submenu: [
        { role: 'minimize', label: l.minimize },
        { role: 'close', label: l.close },
      ],
    },
  ];
}

export function installMenu(language: MenuLanguage, options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(language, options)));
}
