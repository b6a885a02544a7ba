import { lazy, Suspense, useCallback, useState } from 'react';
import { CaseScreen } from '../features/case/CaseScreen';
import { QueueScreen } from '../features/queue/QueueScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { FirstStart } from '../features/signin/FirstStart';
import { SignInContainer } from '../features/signin/SignInContainer';
import { useDesk } from '../stores/deskStore';
import { useNavigation, type Route } from '../stores/navigation';
import { useSession } from '../stores/sessionStore';
import { LockScreen } from './LockScreen';
import { HelpPanel } from '../features/help/HelpPanel';
import { useShortcuts } from '../features/help/useShortcuts';
import { useLanguage } from '../i18n/useLanguage';

// The signature checker brings the signing code (pkijs, pdf-lib): loaded when first opened.
const CheckSignatureScreen = lazy(() =>
  import('../features/signing/CheckSignatureScreen').then((m) => ({ default: m.CheckSignatureScreen })),
);

// The head's dashboard and its chart library load only when opened, never on the way to the queue.
const DashboardScreen = lazy(() => import('../features/dashboard/DashboardScreen'));

function Screen({ route, admin, head }: { route: Route; admin: boolean; head: boolean }) {
  // The administrator keeps the desk and its users; the cases and the personal data in them are
  // the officers' and the head's work, so an administrator sees the settings only.
  if (admin) return <SettingsScreen />;
  switch (route.name) {
    case 'queue':
      return <QueueScreen queue={route.queue} />;
    case 'case':
      return <CaseScreen caseId={route.caseId} />;
    case 'settings':
      return <SettingsScreen />;
    case 'check-signature':
      return (
        <Suspense fallback={null}>
          <CheckSignatureScreen />
        </Suspense>
      );
    case 'dashboard':
      // Only the head: an officer who follows a link to it sees the queues.
      return head ? (
        <Suspense fallback={null}>
          <DashboardScreen />
        </Suspense>
      ) : (
        <QueueScreen queue="all" />
      );
  }
}

/** The screen for the route, once the desk is open and someone is signed in. */
export function Main() {
  const user = useSession((s) => s.user);
  const locked = useSession((s) => s.locked);
  const setup = useDesk((s) => s.setup);
  const route = useNavigation((s) => s.route);
  const { t } = useLanguage();
  const [help, setHelp] = useState(false);
  const openHelp = useCallback(() => setHelp(true), []);
  useShortcuts(openHelp, !!user && !locked);
  if (!user) return setup ? <FirstStart /> : <SignInContainer />;
  return (
    <>
      <button type="button" className="help-button" aria-keyshortcuts="Shift+/" onClick={openHelp}>
        {t('ux.help.open')}
      </button>
      {help ? <HelpPanel onClose={() => setHelp(false)} /> : null}
      {/* Kept mounted under the lock, so what was being typed is still there after unlocking. */}
      <Screen route={route} admin={user.role === 'admin'} head={user.role === 'head'} />
      {locked ? <LockScreen name={user.fullName} /> : null}
    </>
  );
}
