/**
 * The lock screen after inactivity: a modal over everything (its backdrop hides the case that was
 * open), so the screens below stay mounted and keep what was typed; the same person unlocks with
 * their secret. Anyone else signs the first person out, which drops their unsaved work, and says so.
 */
import { useLanguage } from '../i18n/useLanguage';
import { HOME, useNavigation } from '../stores/navigation';
import { useSession } from '../stores/sessionStore';
import { Alert } from '../ui/Alert';
import { Dialog } from '../ui/Dialog';
import { TextField } from '../ui/fields';
import { unlock } from './session';
import { useSecretCheck } from './useSecretCheck';

export function LockScreen({ name }: { name: string }) {
  const { t } = useLanguage();
  const form = useSecretCheck(unlock, () => undefined);
  return (
    <Dialog
      title={t('auth.lock.title')}
      className="dialog-lock"
      // Escape must not dismiss a lock.
      onClose={() => undefined}
      onSubmit={form.submit}
      footer={
        <>
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
          <button type="submit" className="primary" disabled={form.busy || form.secret === ''}>
            {t('auth.lock.unlock')}
          </button>
        </>
      }
    >
      <p>{t('auth.lock.prompt', { name })}</p>
      <TextField
        label={t('auth.field.secret')}
        type="password"
        autoComplete="current-password"
        autoFocus
        value={form.secret}
        onChange={form.setSecret}
      />
      {form.failure ? <Alert tone="error">{form.failure}</Alert> : null}
    </Dialog>
  );
}
