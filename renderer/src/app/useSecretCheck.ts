import { useState } from 'react';
import { useLanguage } from '../i18n/useLanguage';
import { secretFailureText, type SecretCheck } from './session';

/**
 * The state of one "type your secret" form (sign-in, lock screen, step-up): the field, the
 * failure in words, and whether a check is running. The field is emptied after every attempt, so a
 * secret never stays on screen or in memory longer than the check.
 */
export function useSecretCheck(check: (secret: string) => Promise<SecretCheck>, onOk: () => void) {
  const { t } = useLanguage();
  const [secret, setSecret] = useState('');
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit() {
    if (busy) return;
    setBusy(true);
    const typed = secret;
    setSecret('');
    const result = await check(typed);
    setBusy(false);
    if (result.ok) {
      setFailure(undefined);
      onOk();
    } else setFailure(secretFailureText(t, result));
  }

  return {
    secret,
    setSecret: (value: string) => setSecret(value),
    failure,
    busy,
    submit: () => void submit(),
    reset: () => {
      setSecret('');
      setFailure(undefined);
    },
  };
}
