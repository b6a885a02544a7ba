/** The server's reasons in the officer's language (pure: tested without React). */
import type { TFunction } from 'i18next';
import { REJECTION_CODES, type RejectionReason } from '../../../../shared/workflow';
import { rejectionText } from '../../i18n/codes';

/** The reducer's reasons read as the desk's own refusals do; the server's rules and whole-request codes have their own sentences. */
export function reasonText(t: TFunction, reason: { code: string; params?: Record<string, unknown> }): string {
  if ((REJECTION_CODES as readonly string[]).includes(reason.code))
    return rejectionText(t, reason as RejectionReason);
  return t(`sync.reason.${reason.code}`, { defaultValue: t('sync.reason.unknown') });
}
