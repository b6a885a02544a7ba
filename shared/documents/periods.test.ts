import { describe, expect, it } from 'vitest';
import { monthsBefore, uncoveredParts } from './periods';

const requested = { from: '2026-12-01', to: '2027-05-31' };

describe('uncoveredParts', () => {
  it('is empty when the document covers the period exactly or more', () => {
    expect(uncoveredParts(requested, requested)).toEqual([]);
    expect(uncoveredParts(requested, { from: '2026-01-01', to: '2027-12-31' })).toEqual([]);
  });

  it('returns the beginning left uncovered, up to the day before the document starts', () => {
    expect(uncoveredParts(requested, { from: '2027-01-10', to: '2027-06-30' })).toEqual([
      { from: '2026-12-01', to: '2027-01-09' },
    ]);
  });

  it('returns the end left uncovered, from the day after the document ends', () => {
    expect(uncoveredParts(requested, { from: '2026-09-01', to: '2027-02-28' })).toEqual([
      { from: '2027-03-01', to: '2027-05-31' },
    ]);
  });

  it('returns both ends when the document covers only the middle', () => {
    expect(uncoveredParts(requested, { from: '2027-01-01', to: '2027-03-31' })).toEqual([
      { from: '2026-12-01', to: '2026-12-31' },
      { from: '2027-04-01', to: '2027-05-31' },
    ]);
  });

  it('returns the whole period when the document does not touch it', () => {
    expect(uncoveredParts(requested, { from: '2025-09-01', to: '2026-11-30' })).toEqual([requested]);
    expect(uncoveredParts(requested, { from: '2027-06-01', to: '2027-08-31' })).toEqual([requested]);
  });

  it('counts one shared day as covered (both ends are inclusive)', () => {
    expect(uncoveredParts(requested, { from: '2027-05-31', to: '2027-06-30' })).toEqual([
      { from: '2026-12-01', to: '2027-05-30' },
    ]);
  });
});

describe('monthsBefore', () => {
  it('goes back across a year boundary', () => {
    expect(monthsBefore('2026-11-24', 12)).toBe('2025-11-24');
    expect(monthsBefore('2026-02-15', 3)).toBe('2025-11-15');
  });

  it('clamps to the last day of a shorter month', () => {
    expect(monthsBefore('2028-02-29', 12)).toBe('2027-02-28');
    expect(monthsBefore('2026-03-31', 1)).toBe('2026-02-28');
    expect(monthsBefore('2024-03-31', 1)).toBe('2024-02-29');
  });
});
