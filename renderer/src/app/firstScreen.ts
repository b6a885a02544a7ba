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
