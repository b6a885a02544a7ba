import { describe, expect, it } from 'vitest';
import { clampPage } from './pages';

describe('clampPage', () => {
  it('keeps a page that the document still has', () => {
    expect(clampPage(1, 1)).toBe(1);
    expect(clampPage(2, 3)).toBe(2);
    expect(clampPage(3, 3)).toBe(3);
  });

  it('moves to the last page when the document got shorter', () => {
    expect(clampPage(2, 1)).toBe(1);
    expect(clampPage(7, 4)).toBe(4);
  });

  it('never goes before the first page, even for an empty or unknown document', () => {
    expect(clampPage(0, 3)).toBe(1);
    expect(clampPage(-2, 3)).toBe(1);
    expect(clampPage(2, 0)).toBe(1);
    expect(clampPage(Number.NaN, 5)).toBe(1);
  });
});
