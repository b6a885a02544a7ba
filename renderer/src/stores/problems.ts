import { isStorageError } from '../db';
import type { StorageProblem } from '../i18n/codes';
import { log } from '../../../shared/log';

/**
 * What went wrong with storage, as a code the UI translates. A failure that is not a storage one is
 * a defect: it is reported as 'unknown' and logged by its name only (messages may quote case data).
 */
export function problemOf(error: unknown): StorageProblem {
  if (isStorageError(error)) return error.code;
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  // Not storage failures, but told the same way: nothing was stored (or cleared), and why.
  if (code === 'attachment.too-large' || code === 'clear.unsent-work') return code;
  log.error('desk: unexpected failure', { error: error instanceof Error ? error.name : typeof error });
  return 'unknown';
}
