import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { log } from '../../../shared/log';
import { textLoader } from './loader';
import { LANGUAGES, type Language } from './parts';
import { loadPart } from './resources';

export { LANGUAGES, type Language };
const STORAGE_KEY = 'desk.language';

function initialLanguage(): Language {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  return saved === 'ru' || saved === 'kk' ? saved : 'kk';
}

const opening = initialLanguage();
const initialized = i18n.use(initReactI18next).init({
  // Filled part by part (loader.ts), never all at once: no backend, nothing fetched behind our back.
  resources: {},
  lng: opening,
  // A missing Kazakh string shows its key, never silently Russian: the parity test keeps both full.
  fallbackLng: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

// The texts come with import(), one part of one language at a time (parts.ts): the other language
// only when the officer switches to it, from the build's own files (the service worker keeps them
// for offline use; Electron serves them from app://).
const texts = textLoader(i18n, loadPart, (language) => {
  globalThis.localStorage?.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
});

/**
 * Resolves when the first screens' texts (the `start` part of the language the desk opens in) are
 * there: `main.tsx` draws only then, so no key is ever shown in place of its text.
 */
export const i18nReady: Promise<void> = Promise.all([initialized, texts.ensure(opening, 'start')]).then(
  () => undefined,
);

/** The rest of the current language's texts: the lazy screens come with it (app/screens.ts). */
export const loadRest = (): Promise<void> => texts.loadRest();

/** Switches the whole UI (once its texts are there) and remembers the choice for the next start. */
export const switchLanguage = (language: Language): Promise<void> => texts.switchLanguage(language);

/**
 * The language switch of the header and the settings: at once where the texts are there (the
 * language the desk has shown already); a failed fetch changes nothing and is logged.
 */
export function setLanguage(language: Language): void {
  switchLanguage(language).catch(() => log.warn('language texts unavailable', { language }));
}

export function currentLanguage(): Language {
  return i18n.language === 'ru' ? 'ru' : 'kk';
}

if (typeof document !== 'undefined') document.documentElement.lang = i18n.language;

// Tests read any text of either language right after importing the desk's modules, as before.
if (import.meta.env.MODE === 'test')
  await Promise.all(LANGUAGES.flatMap((l) => [texts.ensure(l, 'start'), texts.ensure(l, 'rest')]));

export default i18n;
