import { useEffect } from 'react';
import { markFirstScreen } from '../../app/firstScreen';
import { useLanguage } from '../../i18n/useLanguage';
import { useDesk } from '../../stores/deskStore';
import { useSession } from '../../stores/sessionStore';
import { SignIn } from './SignIn';

export function SignInContainer() {
  const { t, language } = useLanguage();
  const settings = useDesk((s) => s.settings);
  const signIn = useSession((s) => s.signIn);
  useEffect(markFirstScreen, []);
  if (!settings) return null;
  const users = settings.users.map((u) => ({
    id: u.id,
    name: u.fullName,
    detail: `${t(`role.${u.role}`)} · ${u.position[language]}`,
  }));
  return (
    <SignIn
      title={t('signin.title')}
      prompt={t('signin.prompt')}
      note={t('signin.note')}
      users={users}
      onSignIn={(id) => {
        const user = settings.users.find((u) => u.id === id);
        if (user) signIn(user);
      }}
    />
  );
}
