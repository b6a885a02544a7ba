/**
 * Signing in, unlocking and confirming one's identity again (the step-up head-only actions ask
 * for): each checks the secret with the desk's user directory, which counts failures and makes the
 * growing delay. Nothing typed is kept or logged; only the outcome is.
 */
import type { TFunction } from 'i18next';
import type { DeskUser, VerifyFailure } from '../../../shared/auth';
import { useDesk } from '../stores/deskStore';
import { useSession } from '../stores/sessionStore';

export type SecretCheck =
  | { ok: true }
  | {
      ok: false;
      /** 'storage': the directory could not be read (the desk's banner says why); 'other-user': not the signed-in person. */
      reason: VerifyFailure | 'storage' | 'other-user';
      retryAfterMs: number;
    };

async function check(userId: string, secret: string): Promise<SecretCheck & { user?: DeskUser }> {
  const desk = useDesk.getState().desk;
  if (!desk) return { ok: false, reason: 'storage', retryAfterMs: 0 };
  try {
    const result = await desk.users.verify(userId, secret);
    return result.ok ? { ok: true, user: result.user } : result;
  } catch (error) {
    useDesk.getState().report(error);
    return { ok: false, reason: 'storage', retryAfterMs: 0 };
  }
}

/** Signs `userId` in when `secret` is theirs. */
export async function signIn(userId: string, secret: string): Promise<SecretCheck> {
  const result = await check(userId, secret);
  if (!result.ok) return result;
  if (result.user) useSession.getState().signIn(result.user);
  return { ok: true };
}

/** Unlocks the locked desk for the same person; anyone else must sign out (and in) instead. */
export async function unlock(secret: string): Promise<SecretCheck> {
  const user = useSession.getState().user;
  if (!user) return { ok: false, reason: 'other-user', retryAfterMs: 0 };
  const result = await check(user.id, secret);
  if (result.ok) useSession.getState().unlock();
  return result.ok ? { ok: true } : result;
}

/**
 * The step-up: the signed-in user types their own secret again before an action only they may
 * take. On success the session holds a short-lived, single-use proof that the case store asks for
 * (sessionStore's `requiresStepUp`) before it makes the event.
 */
export async function confirmIdentity(userId: string, secret: string): Promise<SecretCheck> {
  const user = useSession.getState().user;
  if (!user || user.id !== userId) return { ok: false, reason: 'other-user', retryAfterMs: 0 };
  const result = await check(userId, secret);
  if (result.ok) useSession.getState().grantStepUp(userId);
  return result.ok ? { ok: true } : result;
}

/** Why a secret was not accepted, in the person's language. */
export function secretFailureText(t: TFunction, check: SecretCheck): string {
  if (check.ok) return '';
  const seconds = Math.ceil(check.retryAfterMs / 1000);
  const base = t(`auth.verify.${check.reason}`);
  return seconds > 0 ? `${base} ${t('auth.retryAfter', { count: seconds })}` : base;
}
