import { useEffect, useState } from 'react';
import type { DemoUser } from '../../../../shared/auth/demo-users';
import { markFirstScreen } from '../../app/firstScreen';
import { signIn } from '../../app/session';
import { useSecretCheck } from '../../app/useSecretCheck';
import { useLanguage } from '../../i18n/useLanguage';
import { useDesk } from '../../stores/deskStore';
import { HOME, homeOf, useNavigation } from '../../stores/navigation';
import { SignIn } from './SignIn';

/** The demo's PINs, fetched only on a demo desk (the list is demo code, not on a real desk's path). */
function useDemoPins(isDemo: boolean): readonly DemoUser[] {
  const [pins, setPins] = useState<readonly DemoUser[]>([]);
  useEffect(() => {
    if (!isDemo) return;
    let live = true;
    import('../../../../shared/auth/demo-users').then(
      (m) => live && setPins(m.DEMO_USERS),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [isDemo]);
  return isDemo ? pins : [];
}

export function SignInContainer() {
  const { t, language } = useLanguage();
  const users = useDesk((s) => s.users);
  const [userId, setUserId] = useState('');
  useEffect(markFirstScreen, []);
  const form = useSecretCheck(
    (secret) => signIn(userId, secret),
    () => {
      // Each role starts where its work is (navigation.ts homeOf).
      const role = users.find((u) => u.id === userId)?.role;
      useNavigation.getState().navigate(role ? homeOf(role) : HOME);
    },
  );
  const ready = users.filter((u) => u.active && u.hasSecret);
  const demoUsers = ready.filter((u) => u.demo);
  const pins = useDemoPins(demoUsers.length > 0);

  const options = [
    { value: '', label: t('auth.choose') },
    ...ready.map((u) => ({
      value: u.id,
      label: `${u.fullName} · ${t(`role.${u.role}`)} · ${u.position[language]}`,
    })),
  ];
  return (
    <SignIn
      title={t('signin.title')}
      prompt={t('auth.signin.prompt')}
      userLabel={t('auth.field.user')}
      secretLabel={t('auth.field.secret')}
      submitLabel={t('auth.signin.submit')}
      users={options}
      userId={userId}
      secret={form.secret}
      busy={form.busy}
      failure={form.failure}
      empty={ready.length === 0 ? t('auth.signin.nobody') : undefined}
      demo={
        demoUsers.length > 0
          ? {
              title: t('auth.signin.demoTitle'),
              note: t('auth.signin.demoNote'),
              pins: demoUsers.flatMap((u) => {
                const pin = pins.find((p) => p.profile.id === u.id)?.pin;
                return pin ? [{ name: u.fullName, role: t(`role.${u.role}`), pin }] : [];
              }),
            }
          : undefined
      }
      onUser={(id) => {
        setUserId(id);
        form.reset();
      }}
      onSecret={form.setSecret}
      onSubmit={form.submit}
    />
  );
}
