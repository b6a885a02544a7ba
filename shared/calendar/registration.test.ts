import { describe, expect, it } from 'vitest';
import { InvalidInstantError, kazakhstanCalendar as cal } from './index';
import type { InstantProblem } from './index';
import { parseInstant, wallClockOf } from './instant';

describe('registrationDay (office in Asia/Almaty, 09:00–18:30)', () => {
  it.each([
    ['2026-11-20T13:00:00Z', '2026-11-20', 'Friday 18:00 local (UTC+5): before closing'],
    ['2026-11-20T13:29:59.999Z', '2026-11-20', 'last moment before 18:30'],
    ['2026-11-20T13:30:00Z', '2026-11-23', 'exactly 18:30: office closed → Monday'],
    ['2026-11-20T13:31:00Z', '2026-11-23', '18:31 → next working day, Monday'],
    ['2026-11-20T02:00:00Z', '2026-11-20', '07:00, before opening: same day'],
    ['2026-11-20T08:00:00Z', '2026-11-20', '13:00, lunch: same day'],
    ['2026-11-19T20:00:00Z', '2026-11-20', 'Thursday in UTC but 01:00 Friday in Almaty'],
    ['2026-11-20T08:00:00-05:00', '2026-11-20', 'New York offset, same instant as 13:00Z'],
    ['2026-11-20T19:00:00+06:00', '2026-11-20', '+06:00 offset, same instant as 13:00Z'],
    ['2026-11-20T18:31:00+05:00', '2026-11-23', 'local offset written out'],
    ['2026-11-21T05:00:00Z', '2026-11-23', 'Saturday'],
    ['2026-12-16T05:00:00Z', '2026-12-17', 'Independence Day (Wednesday)'],
    ['2026-03-20T14:00:00Z', '2026-03-26', 'Friday evening before Nauryz and its days off'],
    ['2026-08-28T14:00:00Z', '2026-09-01', 'Friday evening before unconfirmed Monday 31 August'],
    ['2024-05-04T05:00:00Z', '2024-05-04', 'a working Saturday'],
    ['2027-01-04T05:00:00Z', '2027-01-05', '2027 from the statutes: 4 January off for 2 January'],
  ])('%s → %s (%s)', (receivedAt, expected) => {
    expect(cal.registrationDay(receivedAt)).toBe(expected);
  });

  // Kazakhstan moved to a single zone on 1 March 2024: Almaty was UTC+6 before, UTC+5 since.
  it('uses +06:00 before 1 March 2024', () => {
    // 12:45Z is 18:45 at +06 (closed) but would be 17:45 at +05 (open).
    expect(cal.registrationDay('2024-02-29T12:45:00Z')).toBe('2024-03-01');
    expect(cal.registrationDay('2024-02-29T12:29:00Z')).toBe('2024-02-29');
    expect(wallClockOf(parseInstant('2024-02-29T12:45:00Z'), 'Asia/Almaty')).toEqual({
      date: '2024-02-29',
      secondOfDay: 18 * 3600 + 45 * 60,
    });
  });

  it('uses +05:00 from 1 March 2024', () => {
    // 13:00Z is 18:00 at +05 (open) but would be 19:00 at +06 (closed → Monday 4 March).
    expect(cal.registrationDay('2024-03-01T13:00:00Z')).toBe('2024-03-01');
    expect(wallClockOf(parseInstant('2024-03-01T13:00:00Z'), 'Asia/Almaty')).toEqual({
      date: '2024-03-01',
      secondOfDay: 18 * 3600,
    });
  });

  it.each([
    ['not a date', 'shape'],
    ['2026-11-20', 'shape'],
    ['2026-11-20 13:00:00Z', 'shape'],
    ['2026-11-20T13:00:00+0500', 'shape'],
    ['2026-11-20T13:00:00', 'missing-offset'],
    ['2026-02-30T10:00:00Z', 'date'],
    ['2026-11-20T24:00:00Z', 'time'],
    ['2026-11-20T10:60Z', 'time'],
    ['2026-11-20T10:00:61Z', 'time'],
    ['2026-11-20T10:00:00+25:00', 'offset'],
  ] as [string, InstantProblem][])('rejects %j (%s)', (input, problem) => {
    let thrown: unknown;
    try {
      cal.registrationDay(input);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(InvalidInstantError);
    expect((thrown as InvalidInstantError).problem).toBe(problem);
    expect((thrown as InvalidInstantError).message).toContain(problem);
  });

  it('rejects a value that is not a string', () => {
    expect(() => cal.registrationDay(1_763_643_600_000 as unknown as string)).toThrow(InvalidInstantError);
  });
});

describe('parseInstant', () => {
  it('agrees with the engine on valid instants', () => {
    for (const s of [
      '2026-11-20T13:00:00Z',
      '2026-11-20T13:00Z',
      '2026-11-20T08:00:00.5-05:00',
      '2000-02-29T23:59:59+14:00',
    ]) {
      expect(parseInstant(s)).toBe(Date.parse(s));
    }
  });
});

describe('registrationDay at a fixed offset (what a case records)', () => {
  it('reads the clock at the given offset instead of the zone', () => {
    // 12:45Z on Friday: 17:45 at +05:00 (open), 18:45 at +06:00 (closed → Monday).
    expect(cal.registrationDay('2026-11-20T12:45:00Z', { utcOffsetMinutes: 300 })).toBe('2026-11-20');
    expect(cal.registrationDay('2026-11-20T12:45:00Z', { utcOffsetMinutes: 360 })).toBe('2026-11-23');
  });
});

describe('versionBetween', () => {
  it('names the year files the days rest on', () => {
    expect(cal.versionBetween('2026-11-20', '2026-11-24')).toBe('2026.1');
    expect(cal.versionBetween('2025-12-30', '2026-01-05')).toBe('2025.1+2026.1');
    expect(cal.versionBetween('2026-01-05', '2025-12-30')).toBe('2025.1+2026.1');
    expect(cal.versionBetween('2026-12-31', '2027-01-05')).toBe('2026.1+2027.statutory');
  });
});
