import type { i18n as I18n } from 'i18next';
import type { Language, Part } from './parts';
import type { Resources } from './resources';

export interface TextLoader {
  /** One part of one language in i18next; fetched once (a failed fetch is tried again next time). */
  ensure(language: Language, part: Part): Promise<void>;
  /**
   * Every text of the current language (and of the one a switch is going to): what the lazy
   * screens wait for, with their own code, before they are drawn.
   */
  loadRest(): Promise<void>;
  /**
   * Switches i18next once the language's parts the desk has asked for so far are there (fetched the
   * first time), then calls `switched`. Rejects if they cannot be fetched; nothing changes then.
   * Where everything is already there it switches before returning (synchronously).
   */
  switchLanguage(language: Language): Promise<void>;
  /** The parts in i18next (`kk:start`). */
  loaded(): ReadonlySet<string>;
}

/**
 * The desk's texts part by part (parts.ts) into one i18next namespace. `load` fetches one part
 * (resources.ts' loadPart; a fake in the tests).
 */
export function textLoader(
  i18n: I18n,
  load: (language: Language, part: Part) => Promise<Resources>,
  switched: (language: Language) => void = () => undefined,
): TextLoader {
  const loaded = new Set<string>();
  const loading = new Map<string, Promise<void>>();
  /** Whether the rest of the texts was asked for (a lazy screen was opened or fetched). */
  let restWanted = false;
  /** The language a switch is on its way to, if any. */
  let switchingTo: Language | null = null;

  function ensure(language: Language, part: Part): Promise<void> {
    const key = `${language}:${part}`;
    if (loaded.has(key)) return Promise.resolve();
    let promise = loading.get(key);
    if (!promise) {
      promise = load(language, part).then(
        (resources) => {
          // Deep, never overwriting: a section two parts share (`ux`, `signing`) keeps both halves.
          i18n.addResourceBundle(language, 'translation', resources, true, false);
          loaded.add(key);
          loading.delete(key);
        },
        (error: unknown) => {
          loading.delete(key);
          throw error;
        },
      );
      loading.set(key, promise);
    }
    return promise;
  }

  const wantedParts = (): Part[] => (restWanted ? ['start', 'rest'] : ['start']);
  const current = (): Language => (i18n.language === 'ru' ? 'ru' : 'kk');

  return {
    ensure,
    loaded: () => loaded,
    loadRest() {
      restWanted = true;
      const languages = new Set<Language>([current(), ...(switchingTo ? [switchingTo] : [])]);
      return Promise.all([...languages].map((l) => ensure(l, 'rest'))).then(() => undefined);
    },
    async switchLanguage(language) {
      switchingTo = language;
      try {
        // A lazy screen may ask for the rest while the start part is on its way: loop until all is there.
        while (!wantedParts().every((part) => loaded.has(`${language}:${part}`)))
          await Promise.all(wantedParts().map((part) => ensure(language, part)));
      } finally {
        if (switchingTo === language) switchingTo = null;
      }
      switched(language);
      await i18n.changeLanguage(language);
    },
  };
}
