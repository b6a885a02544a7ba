/**
 * When to try an event again after a failure that may pass (network, 408, 429, 5xx): exponential
 * back-off with "full jitter" (AWS architecture blog, "Exponential Backoff And Jitter"), so that
 * fifty desks coming back online after an outage do not knock on the server in step.
 */
export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_MAX_MS = 15 * 60_000;

/** `attempts` failures so far (1 after the first); `random` in [0, 1). */
export function backoffDelayMs(attempts: number, random: () => number): number {
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
  // Half fixed, half random: never sooner than half the ceiling, so a retry always waits.
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** A whole request's answer that is worth sending again later. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}
