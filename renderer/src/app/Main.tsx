import { Suspense, useCallback, useState } from 'react';
import { QueueScreen } from '../features/queue/QueueScreen';
import { FirstStart } from '../features/signin/FirstStart';
import { SignInContainer } from '../features/signin/SignInContainer';
import { useDesk } from '../stores/deskStore';
import { useNavigation, type Route } from '../stores/navigation';
import { useSession } from '../stores/sessionStore';
import { LockScreen } from './LockScreen';
import { useShortcuts } from '../features/help/useShortcuts';
import { useLanguage } from '../i18n/useLanguage';
// Every screen but the queue comes in its own chunk (screens.ts): the way to the first queue
// carries none of them.
import { CaseScreen, CheckSignatureScreen, DashboardScreen, HelpPanel, SettingsScreen } from './screens';

function Screen({ route, admin, head }: { route: Route; admin: boolean; head: boolean }) {
  // The administrator keeps the desk and its users; the cases and the personal data in them are
  // the officers' and the head's work, so an administrator sees the settings only.
  if (admin) return <SettingsScreen.Screen />;
  switch (route.name) {
    case 'queue':
      return <QueueScreen queue={route.queue} />;
    case 'case':
      return <CaseScreen.Screen caseId={route.caseId} />;
    case 'settings':
      return <SettingsScreen.Screen />;
    case 'check-signature':
      return <CheckSignatureScreen.Screen />;
    case 'dashboard':
      // Only the head: an officer who follows a link to it sees the queues.
      return head ? <DashboardScreen.Screen /> : <QueueScreen queue="all" />;
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
      {help ? (
        <Suspense fallback={null}>
          <HelpPanel.Screen onClose={() => setHelp(false)} />
        </Suspense>
      ) : null}
      {/* Kept mounted under the lock, so what was being typed is still there after unlocking. */}
      <Suspense fallback={null}>
        <Screen route={route} admin={user.role === 'admin'} head={user.role === 'head'} />
      </Suspense>
      {locked ? <LockScreen name={user.fullName} /> : null}
    </>
  );
}
