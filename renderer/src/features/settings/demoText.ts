import type { TFunction } from 'i18next';
import type { EmptyDeskOutcome } from '../../stores/deskStore';

/** Why the desk was not emptied (for the demo, or to leave it), in the person's language. */
export function emptyDeskText(t: TFunction, outcome: Exclude<EmptyDeskOutcome, { ok: true }>): string {
  switch (outcome.reason) {
    case 'outbox-not-empty':
      return t('auth.demo.outboxNotEmpty', { count: outcome.count });
    case 'not-allowed':
      return t('auth.demo.notAllowed');
    case 'failed':
      return t('auth.demo.failed');
  }
}
