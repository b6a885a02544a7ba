/**
 * The page to show of a document with `count` pages when `page` was asked for: a document that got
 * shorter (a form preview going from two pages to one) would otherwise be shown past its end, blank.
 */
export function clampPage(page: number, count: number): number {
  if (!Number.isFinite(page) || count < 1) return 1;
  return Math.min(Math.max(1, Math.trunc(page)), Math.trunc(count));
}
