/**
 * The growing delay after failed sign-ins, per user. The first few failures cost nothing (a typo,
 * Caps Lock); from then on each failure doubles the wait, up to a quarter of an hour, so guessing
 * a six-digit PIN at the desk would take years. A good sign-in clears the count.
 */

export const FREE_FAILURES = 3;
export const FIRST_DELAY_MS = 30_000;
export const MAX_DELAY_MS = 15 * 60_000;

export interface FailureRecord {
  /** Consecutive failures since the last good sign-in. */
  count: number;
  /** When the last one happened (ISO 8601). */
  lastAt: string;
}

/** How long to wait after `failures` consecutive failures before the next attempt is heard. */
export function delayAfter(failures: number): number {
  if (failures <= FREE_FAILURES) return 0;
  return Math.min(FIRST_DELAY_MS * 2 ** (failures - FREE_FAILURES - 1), MAX_DELAY_MS);
}

/**
 * Milliseconds until the next attempt is heard (0: now). A last failure "in the future" (a clock
 * set back since) counts as now, so the wait is never longer than the schedule says.
 */
export function retryAfterMs(failures: FailureRecord | undefined, now: number): number {
  if (!failures) return 0;
  const delay = delayAfter(failures.count);
  if (delay === 0) return 0;
  const last = Math.min(Date.parse(failures.lastAt), now);
  if (!Number.isFinite(last)) return delay;
  return Math.max(0, last + delay - now);
}

/** The record after one more failure at `now`. */
export function withFailure(failures: FailureRecord | undefined, now: number): FailureRecord {
  return { count: (failures?.count ?? 0) + 1, lastAt: new Date(now).toISOString() };
}
