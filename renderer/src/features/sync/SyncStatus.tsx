/** The header's sync status: offline / syncing n of m (with a progress bar) / up to date at HH:mm / problems n. */
import { useEffect, useState } from 'react';
import { useLanguage } from '../../i18n/useLanguage';
import { statusText } from './syncText';
import { useSync } from './syncStore';

function useOnline(): boolean {
  const [online, setOnline] = useState(() => (typeof navigator === 'undefined' ? true : navigator.onLine));
  useEffect(() => {
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, []);
  return online;
}

export function SyncStatusBadge() {
  const { t } = useLanguage();
  const status = useSync((s) => s.status);
  const enrolment = useSync((s) => s.enrolment);
  const online = useOnline();
  if (!enrolment) return null;
  const text = statusText(status, online);
  const p = status?.phase === 'syncing' ? status.progress : null;
  const total = p ? p.filesTotal + p.eventsTotal : 0;
  return (
    <span className={`sync-status sync-${text.tone}`} data-testid="sync-status" role="status">
      {t(text.key, text.values)}
      {p && total > 0 ? (
        <progress max={total} value={p.files + p.events} aria-label={t('sync.status.progress')} />
      ) : null}{' '}
      {status?.phase !== 'syncing' ? (
        <button type="button" className="link-button" onClick={() => void useSync.getState().syncNow()}>
          {t('sync.status.now')}
        </button>
      ) : null}
    </span>
  );
}
