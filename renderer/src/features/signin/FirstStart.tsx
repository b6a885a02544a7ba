/**
 * The first start of an installation (or the first start after the upgrade that gave users their
 * own secrets): whoever installs the desk creates its administrator, who then adds the officers and
 * the head. An empty desk may instead open the demo, which brings demo users with public PINs.
 */
import { useEffect, useState } from 'react';
import { markFirstScreen } from '../../app/firstScreen';
import { useLanguage } from '../../i18n/useLanguage';
import { useDesk } from '../../stores/deskStore';
import { useNavigation } from '../../stores/navigation';
import { useSession } from '../../stores/sessionStore';
import { Alert } from '../../ui/Alert';
import { useProfileForm } from '../settings/useProfileForm';
import { directoryFailure } from '../settings/usersModel';
import { emptyDeskText } from '../settings/demoText';

export function FirstStart() {
  const { t } = useLanguage();
  const desk = useDesk((s) => s.desk);
  const empty = useDesk((s) => s.empty);
  const carried = useDesk((s) => s.users.length);
  const profile = useProfileForm({ withLogin: true, withRole: false, withSecret: true });
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  useEffect(markFirstScreen, []);

  async function create() {
    if (!desk || busy) return;
    const secret = profile.secretCheck();
    if (!secret.ok) return;
    setBusy(true);
    setFailure(undefined);
    try {
      const result = await desk.users.createAdministrator(profile.input(), secret.secret);
      if (!result.ok) {
        const shown = directoryFailure(t, result);
        profile.showErrors(shown.fields);
        setFailure(shown.text);
        return;
      }
      // The person who just chose the secret is signed in with it, and starts with the settings.
      useSession.getState().signIn(result.value);
      await useDesk.getState().refreshUsers();
      useNavigation.getState().navigate({ name: 'settings' });
    } catch (error) {
      useDesk.getState().report(error);
    } finally {
      setBusy(false);
    }
  }

  async function demo() {
    setFailure(undefined);
    const outcome = await useDesk.getState().openDemo();
    if (!outcome.ok) setFailure(emptyDeskText(t, outcome));
  }

  return (
    <section className="signin first-start" aria-labelledby="first-start-title">
      <h2 id="first-start-title">{t('auth.firstStart.title')}</h2>
      <p>{t('auth.firstStart.intro')}</p>
      {carried > 0 ? <Alert tone="info">{t('auth.firstStart.carried', { count: carried })}</Alert> : null}
      <form
        className="panel"
        aria-labelledby="first-admin-title"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <h3 id="first-admin-title">{t('auth.firstStart.adminTitle')}</h3>
        {profile.element}
        {failure ? <Alert tone="error">{failure}</Alert> : null}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>
            {t('auth.firstStart.create')}
          </button>
        </div>
      </form>
      {empty ? (
        <section className="panel" aria-labelledby="first-demo-title">
          <h3 id="first-demo-title">{t('auth.firstStart.demoTitle')}</h3>
          <p className="muted">{t('auth.firstStart.demoNote')}</p>
          <button type="button" onClick={() => void demo()}>
            {t('auth.firstStart.openDemo')}
          </button>
        </section>
      ) : null}
    </section>
  );
}
