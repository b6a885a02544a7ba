import { describe, expect, it } from 'vitest';
import { eventDay, isTimestamp } from './days';
import { fakeCalendar } from './testing/fake-calendar';

describe('eventDay', () => {
  it('takes the day in the office zone, not the day written in the offset', () => {
    // 21:30 UTC on the 23rd is 02:30 on the 24th in Almaty (UTC+5).
    expect(eventDay('2026-11-23T21:30:00Z', 'Asia/Almaty')).toBe('2026-11-24');
    expect(eventDay('2026-11-23T18:59:59Z', 'Asia/Almaty')).toBe('2026-11-23');
    expect(eventDay('2026-11-24T01:00:00+05:00', 'UTC')).toBe('2026-11-23');
  });

  it('keeps the day of a timestamp already written in the office offset', () => {
    expect(eventDay('2026-12-31T23:59:59.999+05:00', 'Asia/Almaty')).toBe('2026-12-31');
    expect(eventDay('2027-01-01T00:00:00+05:00', 'Asia/Almaty')).toBe('2027-01-01');
  });

  it('refuses text that is not a timestamp with an offset', () => {
    expect(() => eventDay('2026-11-24T10:00:00', 'Asia/Almaty')).toThrow(RangeError);
    expect(() => eventDay('2026-11-24', 'Asia/Almaty')).toThrow(RangeError);
  });
});

describe('isTimestamp', () => {
  it.each([
    ['2026-11-24T10:00:00+05:00', true],
    ['2026-11-24T10:00Z', true],
    ['2026-11-24T10:00:00.123456Z', true],
    ['2024-02-29T10:00:00Z', true],
    ['2026-02-29T10:00:00Z', false],
    ['2026-11-24T24:00:00Z', false],
    ['2026-11-24T10:00:00', false],
    ['2026-11-24 10:00:00Z', false],
    ['2026-11-24T10:00:00+5:00', false],
  ])('%s → %s', (text, valid) => {
    expect(isTimestamp(text)).toBe(valid);
  });
});

describe('the fake calendar used by these tests', () => {
  // Guard the helper itself: a wrong fake would make every deadline test agree with wrong code.
  const calendar = fakeCalendar({ holidays: ['2026-12-16'] });
  it('counts working days over weekends and holidays', () => {
    expect(calendar.addWorkingDays('2026-12-11', 1)).toBe('2026-12-14');
    expect(calendar.addWorkingDays('2026-12-14', 2)).toBe('2026-12-17');
    expect(calendar.addWorkingDays('2026-12-14', 0)).toBe('2026-12-14');
    expect(calendar.workingDaysBetween('2026-12-14', '2026-12-17')).toBe(2);
    expect(calendar.workingDaysBetween('2026-12-17', '2026-12-14')).toBe(-2);
  });
  it('registers after closing time on the next working day', () => {
    expect(calendar.registrationDay('2026-12-15T18:29:00+05:00')).toBe('2026-12-15');
    expect(calendar.registrationDay('2026-12-15T18:30:00+05:00')).toBe('2026-12-17');
    expect(calendar.registrationDay('2026-12-12T10:00:00+05:00')).toBe('2026-12-14');
  });
});
