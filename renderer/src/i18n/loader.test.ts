import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { textLoader } from './loader';
import { LANGUAGES, START_FILES, type Language, type Part } from './parts';
import { loadPart, partOf, pathsOf, type Resources } from './resources';

/** A fake fetch of one part, recording what was asked; `hold` keeps a part's answer until released. */
function fakeParts() {
  const asked: string[] = [];
  const held = new Map<string, () => void>();
  let failing: string | null = null;
  const texts: Record<string, Resources> = {
    'kk:start': { queue: { title: 'Кезек' }, ux: { a: 'kk-a' } },
    'kk:rest': { caseScreen: { title: 'Іс' }, ux: { b: 'kk-b' } },
    'ru:start': { queue: { title: 'Очередь' }, ux: { a: 'ru-a' } },
    'ru:rest': { caseScreen: { title: 'Дело' }, ux: { b: 'ru-b' } },
  };
  const hold = new Set<string>();
  const load = async (language: Language, part: Part): Promise<Resources> => {
    const key = `${language}:${part}`;
    asked.push(key);
    if (hold.has(key)) await new Promise<void>((r) => held.set(key, r));
    if (failing === key) throw new Error('offline, not cached');
    return texts[key]!;
  };
  return {
    asked,
    load,
    hold: (key: string) => hold.add(key),
    release: (key: string) => {
      hold.delete(key);
      held.get(key)?.();
    },
    fail: (key: string | null) => {
      failing = key;
    },
  };
}

async function desk(language: Language) {
  const i18n = i18next.createInstance();
  await i18n.init({ resources: {}, lng: language, fallbackLng: false });
  const parts = fakeParts();
  const switched: Language[] = [];
  const texts = textLoader(i18n, parts.load, (l) => switched.push(l));
  return { i18n, parts, texts, switched };
}

describe('the text loader', () => {
  it('fetches only the first part of the desk’s language before the first screen', async () => {
    const { i18n, parts, texts } = await desk('ru');
    await texts.ensure('ru', 'start');
    expect(parts.asked).toEqual(['ru:start']);
    expect(i18n.t('queue.title')).toBe('Очередь');
    // The rest is not there yet: a lazy screen asks for it first.
    expect(i18n.exists('caseScreen.title')).toBe(false);
  });

  it('fetches a part once, however often it is asked for', async () => {
    const { parts, texts } = await desk('kk');
    await Promise.all([texts.ensure('kk', 'start'), texts.ensure('kk', 'start')]);
    await texts.ensure('kk', 'start');
    expect(parts.asked).toEqual(['kk:start']);
  });

  it('gives the lazy screens the rest of the current language, a shared section keeping both halves', async () => {
    const { i18n, parts, texts } = await desk('kk');
    await texts.ensure('kk', 'start');
    await texts.loadRest();
    expect(parts.asked).toEqual(['kk:start', 'kk:rest']);
    expect(i18n.t('caseScreen.title')).toBe('Іс');
    expect(i18n.t('ux.a')).toBe('kk-a');
    expect(i18n.t('ux.b')).toBe('kk-b');
  });

  it('switches language only once its texts are there, and with the rest if a lazy screen had it', async () => {
    const { i18n, parts, texts, switched } = await desk('kk');
    await texts.ensure('kk', 'start');
    await texts.loadRest();
    parts.hold('ru:rest');
    const switching = texts.switchLanguage('ru');
    await Promise.resolve();
    // Still Kazakh while the Russian rest is on its way: never a key in place of a text.
    expect(i18n.language).toBe('kk');
    expect(switched).toEqual([]);
    parts.release('ru:rest');
    await switching;
    expect(i18n.language).toBe('ru');
    expect(switched).toEqual(['ru']);
    expect(i18n.t('caseScreen.title')).toBe('Дело');
    expect(parts.asked.sort()).toEqual(['kk:rest', 'kk:start', 'ru:rest', 'ru:start']);
  });

  it('switches before returning when the language is there already (the settings’ save, a test)', async () => {
    const { i18n, texts } = await desk('kk');
    await Promise.all([texts.ensure('kk', 'start'), texts.ensure('ru', 'start')]);
    void texts.switchLanguage('ru');
    expect(i18n.language).toBe('ru');
  });

  it('does not fetch the rest on a switch before any lazy screen, but waits for it if one opens meanwhile', async () => {
    const { i18n, parts, texts } = await desk('kk');
    await texts.ensure('kk', 'start');
    parts.hold('ru:start');
    const switching = texts.switchLanguage('ru');
    const rest = texts.loadRest();
    parts.release('ru:start');
    await Promise.all([switching, rest]);
    expect(i18n.language).toBe('ru');
    expect(i18n.t('caseScreen.title')).toBe('Дело');
  });

  it('stays in its language when the other cannot be fetched, and fetches again next time', async () => {
    const { i18n, parts, texts } = await desk('kk');
    await texts.ensure('kk', 'start');
    parts.fail('ru:start');
    await expect(texts.switchLanguage('ru')).rejects.toThrow(/offline/);
    expect(i18n.language).toBe('kk');
    parts.fail(null);
    await texts.switchLanguage('ru');
    expect(i18n.language).toBe('ru');
    expect(parts.asked).toEqual(['kk:start', 'ru:start', 'ru:start']);
  });
});

describe('the parts of the desk’s own files', () => {
  it.each(LANGUAGES)(
    'split %s into the first screens’ files and the rest, each file in one part',
    (language) => {
      const start = pathsOf(language, 'start');
      const rest = pathsOf(language, 'rest');
      const names = (paths: string[]) => paths.map((p) => p.replace(/^.*\//, '').replace('.json', ''));
      expect(names(start).sort()).toEqual([...START_FILES].sort());
      // Every file of the folder is in one part or the other, none in both.
      const all = Object.keys(import.meta.glob(`./kk/*.json`)).length;
      expect(start.length + rest.length).toBe(all);
      expect(rest.length).toBeGreaterThan(5);
      expect(start.filter((p) => rest.includes(p))).toEqual([]);
      for (const p of [...start, ...rest]) expect(p.startsWith(`./${language}/`)).toBe(true);
      expect(partOf(`./${language}/queue.json`)).toBe('start');
      expect(partOf(`./${language}/case.json`)).toBe('rest');
    },
  );

  it('loads a part of one language merged, without the other language', async () => {
    const start = await loadPart('kk', 'start');
    const rest = await loadPart('kk', 'rest');
    expect((start['queue'] as Resources)['loading']).toBeTypeOf('string');
    expect(start['caseScreen']).toBeUndefined();
    expect(rest['caseScreen']).toBeDefined();
    const ruStart = await loadPart('ru', 'start');
    expect(JSON.stringify(ruStart)).not.toContain(JSON.stringify(start['queue']));
  });
});
