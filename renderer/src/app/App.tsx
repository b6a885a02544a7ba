import { lazy, Suspense, useEffect } from 'react';
import { LANGUAGES, loadRest, setLanguage } from '../i18n';
import { storageText } from '../i18n/codes';
import { useLanguage } from '../i18n/useLanguage';
import { useDesk } from '../stores/deskStore';
import { HOME, useNavigation } from '../stores/navigation';
import { useSession } from '../stores/sessionStore';
import { Alert } from '../ui/Alert';
import { DeadlinePanel } from '../features/notify/DeadlinePanel';
import { useDeadlineNotice } from '../features/notify/useDeadlineNotice';
import { Header } from './Header';
import { getHost } from '../host';
import { Main } from './Main';
import { afterFirstScreen, useAfterFirstScreen } from './screens';
import { useInactivityLock } from './useInactivityLock';
import { useOnline } from './useOnline';

// The sync engine (its HTTP client, tus uploads, the API's schemas) and the header's status are in
// their own chunk: sync starts once the first screen is shown, never on the way to it.
const SyncStatusBadge = lazy(() =>
  Promise.all([import('../features/sync/SyncStatus'), loadRest()]).then(([m]) => ({
    default: m.SyncStatusBadge,
  })),
);

export function App() {
  const { t, language } = useLanguage();
  const status = useDesk((s) => s.status);
  const fatal = useDesk((s) => s.fatal);
  const notice = useDesk((s) => s.notice);
  const settings = useDesk((s) => s.settings);
  const users = useDesk((s) => s.users);
  const user = useSession((s) => s.user);
  const locked = useSession((s) => s.locked);
  const route = useNavigation((s) => s.route);
  const navigate = useNavigation((s) => s.navigate);
  const lastQueue = useNavigation((s) => s.lastQueue);
  const online = useOnline();
  const later = useAfterFirstScreen();

  useEffect(() => {
    // The host's file store keeps the files' bytes where there is one (Electron).
    void useDesk.getState().open({ blobs: getHost().blobs });
  }, []);
  const desk = useDesk((s) => s.desk);
  useEffect(() => {
    // Sync starts once the desk is open, whoever is signed in: the exchange is the desk's, not a person's.
    if (!desk) return;
    let current = true;
    afterFirstScreen(() => {
      if (!current) return;
      void import('../features/sync/syncStore').then(({ useSync }) => {
        if (current) void useSync.getState().start(desk, getHost());
      });
    });
    return () => {
      current = false;
    };
  }, [desk]);
  const lockAfterMs = (settings?.lockAfterMinutes ?? 10) * 60_000;
  useEffect(() => {
    // A user deactivated, or given another role, is taken from the new list (or signed out).
    if (settings) useSession.getState().restore(users, lockAfterMs);
  }, [settings, users, lockAfterMs]);
  useInactivityLock(lockAfterMs);
  useDeadlineNotice();

  const nav =
    user && !locked
      ? [
          ...(user.role === 'admin'
            ? []
            : [
                {
                  key: 'queues',
                  label: t('nav.queues'),
                  current: route.name === 'queue' || route.name === 'case',
                  onClick: () => navigate({ name: 'queue', queue: lastQueue }),
                },
                {
                  key: 'check-signature',
                  label: t('signing.check.nav'),
                  current: route.name === 'check-signature',
                  onClick: () => navigate({ name: 'check-signature' }),
                },
              ]),
          ...(user.role === 'head'
            ? [
                {
                  key: 'dashboard',
                  label: t('dashboard.nav'),
                  current: route.name === 'dashboard',
                  onClick: () => navigate({ name: 'dashboard' }),
                },
              ]
            : []),
          {
            key: 'settings',
            label: t('nav.settings'),
            current: user.role === 'admin' || route.name === 'settings',
            onClick: () => navigate({ name: 'settings' }),
          },
        ]
      : [];

  return (
    <div className="app">
      {/* A button-like link: an href="#…" would become the desk's route (the hash is the route). */}
      <a
        className="skip-link"
        href="#desk-main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('desk-main')?.focus();
        }}
      >
        {t('header.skipToMain')}
      </a>
      <Header
        title={t('app.title')}
        akimat={settings ? settings.akimat.name[language] : ''}
        languageLabel={t('app.language')}
        language={language}
        languages={LANGUAGES.map((l) => ({ value: l, label: t(`languageName.${l}`) }))}
        onLanguage={setLanguage}
        network={{
          online,
          label: t(online ? 'header.online' : 'header.offline'),
          hint: t(online ? 'header.onlineHint' : 'header.offlineHint'),
        }}
        nav={nav}
        status={
          later ? (
            <Suspense fallback={null}>
              <SyncStatusBadge />
            </Suspense>
          ) : null
        }
        {...(user && !locked
          ? {
              user: {
                name: user.fullName,
                role: t(`role.${user.role}`),
                lockLabel: t('auth.lock.lockNow'),
                onLock: () => useSession.getState().lock(),
                signOutLabel: t('nav.signOut'),
                onSignOut: () => {
                  useSession.getState().signOut();
                  // The next person starts from the queues, not from the case left open.
                  navigate(HOME);
                },
              },
            }
          : {})}
      />
      {notice ? (
        <Alert
          tone="error"
          actions={
            <button type="button" onClick={() => useDesk.getState().dismissNotice()}>
              {t('common.dismiss')}
            </button>
          }
        >
          {storageText(t, notice)}
        </Alert>
      ) : null}
      <main className="app-main" id="desk-main" tabIndex={-1}>
        {status === 'failed' && fatal ? (
          <Alert
            tone="error"
            actions={
              <button type="button" onClick={() => void useDesk.getState().open({ blobs: getHost().blobs })}>
                {t('common.tryAgain')}
              </button>
            }
          >
            <strong>{t('boot.failed')}</strong> {storageText(t, fatal)}
          </Alert>
        ) : status !== 'ready' ? (
          <p className="muted" role="status">
            {t(status === 'loading-demo' ? 'boot.loadingDemo' : 'boot.opening')}
          </p>
        ) : (
          <>
            {user && !locked ? <DeadlinePanel /> : null}
            <Main />
          </>
        )}
      </main>
    </div>
  );
}
