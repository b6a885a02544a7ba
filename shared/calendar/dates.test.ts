import { describe, expect, it } from 'vitest';
import { addDays, isLeapYear, isWeekend, parseIsoDate, toDayNumber, weekday } from './dates';

describe('dates', () => {
  it('knows the Gregorian leap years', () => {
    expect([1900, 2000, 2023, 2024, 2100].map(isLeapYear)).toEqual([false, true, false, true, false]);
  });

  it.each([
    '2026-2-01',
    '2026-02-29',
    '1900-02-29',
    '2026-04-31',
    '2026-00-10',
    '2026-13-01',
    '2026-01-00',
    ' 2026-01-01',
  ])('rejects %j', (text) => {
    expect(parseIsoDate(text)).toBeNull();
  });

  it('accepts real dates', () => {
    expect(parseIsoDate('2000-02-29')).toEqual({ year: 2000, month: 2, day: 29 });
    expect(parseIsoDate('2024-12-31')).toEqual({ year: 2024, month: 12, day: 31 });
  });

  it('adds days across month, leap-day and year ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('0050-03-01', -1)).toBe('0050-02-28');
    expect(toDayNumber('1970-01-02')).toBe(1);
  });

  it('names weekdays (0 = Sunday)', () => {
    expect(weekday('2026-11-24')).toBe(2); // a Tuesday
    expect(weekday('1970-01-01')).toBe(4);
    expect(weekday('1969-12-28')).toBe(0);
    expect([isWeekend('2026-11-21'), isWeekend('2026-11-22'), isWeekend('2026-11-23')]).toEqual([
      true,
      true,
      false,
    ]);
  });
});
