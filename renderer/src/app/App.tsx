import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage } from '../i18n';

export function App() {
  const { t, i18n } = useTranslation();
  return (
    <div className="app">
      <header className="app-header">
        <h1>{t('app.title')}</h1>
        <label>
          {t('app.language')}{' '}
          <select value={i18n.language} onChange={(e) => setLanguage(e.target.value as 'kk' | 'ru')}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t(`languageName.${l}`)}
              </option>
            ))}
          </select>
        </label>
      </header>
    </div>
  );
}
