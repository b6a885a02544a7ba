import { CaseScreen } from '../features/case/CaseScreen';
import { QueueScreen } from '../features/queue/QueueScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { SignInContainer } from '../features/signin/SignInContainer';
import { useNavigation } from '../stores/navigation';
import { useSession } from '../stores/sessionStore';

/** The screen for the route, once the desk is open and someone is signed in. */
export function Main() {
  const user = useSession((s) => s.user);
  const route = useNavigation((s) => s.route);
  if (!user) return <SignInContainer />;
  switch (route.name) {
    case 'queue':
      return <QueueScreen queue={route.queue} />;
    case 'case':
      return <CaseScreen caseId={route.caseId} />;
    case 'settings':
      return <SettingsScreen />;
  }
}
