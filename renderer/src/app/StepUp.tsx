/**
 * The step-up: before a head-only action (approve, return) the head types their own secret again,
 * so that nobody else at an unlocked desk can decide in the head's name. `useStepUp` gives the
 * action runner a promise to wait on and the dialog to render.
 */
import { useRef, useState, type ReactNode } from 'react';
import { useLanguage } from '../i18n/useLanguage';
import { useSession } from '../stores/sessionStore';
import { SecretDialog } from './SecretDialog';
import { confirmIdentity } from './session';

interface StepUpDialogProps {
  userId: string;
  userName: string;
  /** What is being confirmed, e.g. the action's title. */
  action: string;
  onConfirmed: () => void;
  onCancel: () => void;
}

export function StepUpDialog({ userId, userName, action, onConfirmed, onCancel }: StepUpDialogProps) {
  const { t } = useLanguage();
  return (
    <SecretDialog
      title={t('auth.stepUp.title')}
      prompt={t('auth.stepUp.prompt', { action, name: userName })}
      submitLabel={t('auth.stepUp.confirm')}
      check={(secret) => confirmIdentity(userId, secret)}
      onOk={onConfirmed}
      onClose={onCancel}
      secondary={
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      }
    />
  );
}

/**
 * `confirm(action)` opens the dialog for the signed-in user and resolves true once their secret
 * was accepted (the session then holds the single-use proof the case store asks for), false when
 * they cancel.
 */
export function useStepUp(): { confirm: (action: string) => Promise<boolean>; element: ReactNode } {
  const user = useSession((s) => s.user);
  const [action, setAction] = useState<string | null>(null);
  const resolver = useRef<((ok: boolean) => void) | null>(null);

  function finish(ok: boolean) {
    resolver.current?.(ok);
    resolver.current = null;
    setAction(null);
  }

  const confirm = (what: string) =>
    new Promise<boolean>((resolve) => {
      if (!user) return resolve(false);
      resolver.current?.(false);
      resolver.current = resolve;
      setAction(what);
    });

  const element =
    action !== null && user ? (
      <StepUpDialog
        userId={user.id}
        userName={user.fullName}
        action={action}
        onConfirmed={() => finish(true)}
        onCancel={() => finish(false)}
      />
    ) : null;
  return { confirm, element };
}
