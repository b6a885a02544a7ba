/**
 * The lock screen after inactivity: a modal over everything (its backdrop hides the case that was
 * open), so the screens below stay mounted and keep what was typed; the same person unlocks with
 * their secret. Anyone else signs the first person out, which drops their unsaved work, and says so.
 */
import { useLanguage } from '../i18n/useLanguage';
import { HOME, useNavigation } from '../stores/navigation';
import { useSession } from '../stores/sessionStore';
import { SecretDialog } from './SecretDialog';
import { unlock } from './session';

export function LockScreen({ name }: { name: string }) {
  const { t } = useLanguage();
  return (
    <SecretDialog
      title={t('auth.lock.title')}
      prompt={t('auth.lock.prompt', { name })}
      submitLabel={t('auth.lock.unlock')}
      className="dialog-lock"
      check={unlock}
      onOk={() => undefined}
      // Escape must not dismiss a lock.
      onClose={() => undefined}
      secondary={
        <button
          type="button"
          className="link-button"
          onClick={() => {
            useSession.getState().signOut();
            useNavigation.getState().navigate(HOME);
          }}
        >
          {t('auth.lock.signOut')}
        </button>
      }
    />
  );
}
