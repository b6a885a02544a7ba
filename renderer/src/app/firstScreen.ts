/**
 * Resolves once the officer has a first screen (the sign-in list or a queue with rows). Work that
 * can wait (pdf.js, the offline copy, the search index) starts after it, so it never competes with
 * reading 10,000 cases for the main thread.
 */
let resolve: () => void = () => undefined;
export const firstScreenShown = new Promise<void>((r) => {
  resolve = r;
});

export function markFirstScreen(): void {
  resolve();
}

/** Runs `fn` when the browser is idle (or after a short delay where idle callbacks do not exist). */
export function whenIdle(fn: () => void, timeout = 2000): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout });
  else setTimeout(fn, 50);
}

/**
 * Runs `fn` when the desk is idle after its first screen, or after `maxWaitMs` for a desk that
 * shows none of the first screens (the administrator lands on the settings).
 */
export function afterFirstScreen(fn: () => void, maxWaitMs = 1500): void {
  const waited = new Promise<void>((r) => setTimeout(r, maxWaitMs));
  void Promise.race([firstScreenShown, waited]).then(() => whenIdle(fn));
}
