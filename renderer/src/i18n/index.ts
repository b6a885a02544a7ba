import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { kk, ru } from './resources';

export type Language = 'kk' | 'ru';
export const LANGUAGES: readonly Language[] = ['kk', 'ru'];
const STORAGE_KEY = 'desk.language';

function initialLanguage(): Language {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  return saved === 'ru' || saved === 'kk' ? saved : 'kk';
}

void i18n.use(initReactI18next).init({
  resources: { kk: { translation: kk }, ru: { translation: ru } },
  lng: initialLanguage(),
  // A missing Kazakh string shows its key, never silently Russian: the parity test keeps both full.
  fallbackLng: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** Switch the whole UI at run time and remember the choice for the next start. */
export function setLanguage(language: Language): void {
  globalThis.localStorage?.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
  void i18n.changeLanguage(language);
}

export function currentLanguage(): Language {
  return i18n.language === 'ru' ? 'ru' : 'kk';
}

if (typeof document !== 'undefined') document.documentElement.lang = i18n.language;
export default i18n;
