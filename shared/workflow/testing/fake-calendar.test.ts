import { describe, expect, it } from 'vitest';
import { fakeCalendar } from './fake-calendar';

describe('the fake calendar used by the workflow tests', () => {
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
    // At a fixed offset of +06:00, 18:29 at +05:00 is already 19:29: closed.
    expect(calendar.registrationDay('2026-12-15T18:29:00+05:00', { utcOffsetMinutes: 360 })).toBe(
      '2026-12-17',
    );
  });
  it('names the data of each year it answers for', () => {
    expect(calendar.versionBetween('2026-12-14', '2026-12-14')).toBe('2026.fake');
    expect(calendar.versionBetween('2026-12-31', '2027-01-04')).toBe('2026.fake+2027.fake');
  });
});
