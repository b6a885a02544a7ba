import { describe, expect, it } from 'vitest';
import { bucketsOf, periodOf, weekStart } from './period';

describe('periods', () => {
  it('starts weeks on Monday', () => {
    expect(weekStart('2026-12-20')).toBe('2026-12-14'); // Sunday
    expect(weekStart('2026-12-14')).toBe('2026-12-14'); // Monday
    expect(weekStart('2027-01-01')).toBe('2026-12-28'); // across the year
  });

  it('gives the presets from today', () => {
    expect(periodOf('this-week', '2026-12-18')).toEqual({ from: '2026-12-14', to: '2026-12-20' });
    expect(periodOf('this-month', '2028-02-10')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(periodOf('last-month', '2026-01-15')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(periodOf('this-quarter', '2026-11-15')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(periodOf('this-year', '2026-11-15')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });

  it('lists every month a period touches', () => {
    expect(bucketsOf({ from: '2026-11-20', to: '2027-01-05' }, 'month')).toEqual([
      '2026-11-01',
      '2026-12-01',
      '2027-01-01',
    ]);
  });
});
