import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, parseDisplayDate } from './format';

describe('dates as the office writes them', () => {
  it('formats ISO dates as dd.MM.yyyy', () => {
    expect(formatDate('2026-03-08')).toBe('08.03.2026');
  });

  it('shows an instant in the office’s zone, not the machine’s', () => {
    expect(formatDateTime('2026-11-23T21:30:00Z', 'Asia/Almaty')).toBe('24.11.2026 02:30');
    expect(formatDateTime('2026-11-23T21:30:00Z', { utcOffsetMinutes: 300 })).toBe('24.11.2026 02:30');
    expect(formatDateTime('2024-02-29T12:45:00Z', 'Asia/Almaty')).toBe('29.02.2024 18:45');
    expect(formatDateTime('not a time', 'Asia/Almaty')).toBe('not a time');
  });

  it('reads typed dates and refuses impossible ones', () => {
    expect(parseDisplayDate('1.3.2026')).toBe('2026-03-01');
    expect(parseDisplayDate(' 29.02.2028 ')).toBe('2028-02-29');
    expect(parseDisplayDate('29.02.2026')).toBeNull();
    expect(parseDisplayDate('2026-03-01')).toBeNull();
  });
});
