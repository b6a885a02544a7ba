import type { ReactNode } from 'react';
import { useLanguage } from '../i18n/useLanguage';
import { Alert } from '../ui/Alert';
import { Dialog } from '../ui/Dialog';
import { TextField } from '../ui/fields';
import type { SecretCheck } from './session';
import { useSecretCheck } from './useSecretCheck';

interface SecretDialogProps {
  title: string;
  prompt: string;
  submitLabel: string;
  /** The other way out (cancel, or sign out from the lock screen). */
  secondary: ReactNode;
  check: (secret: string) => Promise<SecretCheck>;
  onOk: () => void;
  /** Escape: cancels the step-up; the lock screen ignores it. */
  onClose: () => void;
  className?: string;
}

/** A modal that asks the signed-in person for their own secret (the lock screen, the step-up). */
export function SecretDialog(p: SecretDialogProps) {
  const { t } = useLanguage();
  const form = useSecretCheck(p.check, p.onOk);
  return (
    <Dialog
      title={p.title}
      onClose={p.onClose}
      onSubmit={form.submit}
      {...(p.className ? { className: p.className } : {})}
      footer={
        <>
          {p.secondary}
          <button type="submit" className="primary" disabled={form.busy || form.secret === ''}>
            {p.submitLabel}
          </button>
        </>
      }
    >
      <p>{p.prompt}</p>
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
