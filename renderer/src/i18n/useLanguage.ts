import { useTranslation } from 'react-i18next';
import type { Language } from './index';

/** t plus the current language, for texts stored in both languages (the akimat's name, positions). */
export function useLanguage() {
  const { t, i18n } = useTranslation();
  const language: Language = i18n.language === 'ru' ? 'ru' : 'kk';
  return { t, language };
}
