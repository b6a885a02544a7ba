import { describe, expect, it } from 'vitest';
import { addDays } from './dates';
import {
  BUNDLED_CALENDAR_YEARS,
  createCalendar,
  DEFAULT_OFFICE_HOURS,
  kazakhstanCalendar as cal,
} from './index';
import type { CalendarYear } from './index';

describe('addWorkingDays', () => {
  it.each([
    ['2026-11-21', 0, '2026-11-21', 'n = 0 returns the date itself, even a Saturday'],
    ['2026-11-19', 1, '2026-11-20', 'Thursday → Friday'],
    ['2026-11-20', 1, '2026-11-23', 'Friday → Monday'],
    ['2026-11-21', 1, '2026-11-23', 'from a Saturday'],
    ['2026-03-20', 1, '2026-03-26', 'over Nauryz: 21–23 holidays, 24–25 days off'],
    ['2026-03-21', 1, '2026-03-26', 'from inside the holiday block'],
    ['2025-12-31', 1, '2026-01-05', 'over New Year and the weekend into a new year file'],
    ['2026-12-10', 10, '2026-12-25', 'ten working days over 16 December'],
    ['2026-12-15', 1, '2026-12-17', 'over a single mid-week holiday'],
    ['2024-05-03', 1, '2024-05-04', 'a working Saturday counts'],
    ['2024-05-03', 2, '2024-05-06', 'Sunday after a working Saturday does not'],
    ['2024-05-03', 3, '2024-05-10', 'over 7 May, the 8 May day off and 9 May'],
    ['2020-05-07', 1, '2020-05-11', '2020: 8 May off, Monday 11 May worked'],
    ['2026-12-31', 1, '2027-01-05', 'into 2027, answered from the statutes (4 Jan off by the rule)'],
  ] as [string, number, string, string][])('%s + %i → %s (%s)', (from, n, expected) => {
    expect(cal.addWorkingDays(from, n)).toBe(expected);
  });

  it('rejects a negative or fractional count and a malformed date', () => {
    expect(() => cal.addWorkingDays('2026-11-20', -1)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2026-11-20', 1.5)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2026-11-20', Number.NaN)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2026-02-30', 1)).toThrow(/2026-02-30/);
    expect(() => cal.dayInfo('20261120')).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it.each([
    ['2026-11-20', '2026-11-20', 0],
    ['2026-11-20', '2026-11-23', 1],
    ['2026-11-23', '2026-11-20', -1],
    ['2026-11-21', '2026-11-22', 0],
    ['2026-03-20', '2026-03-26', 1],
    ['2026-12-10', '2026-12-25', 10],
    ['2026-12-25', '2026-12-10', -10],
  ] as const)('%s → %s = %i', (from, to, expected) => {
    expect(cal.workingDaysBetween(from, to)).toBe(expected);
  });

  it('undoes addWorkingDays for every start day of 2026 and n up to 12', () => {
    for (let d = '2026-01-01'; d < '2027-01-01'; d = addDays(d, 1)) {
      for (let n = 0; n <= 12; n++) {
        const end = cal.addWorkingDays(d, n);
        if (cal.workingDaysBetween(d, end) !== n) throw new Error(`${d} + ${n} = ${end} counts back wrong`);
        if (n > 0 && !cal.isWorkingDay(end)) throw new Error(`${d} + ${n} = ${end} is not a working day`);
      }
    }
  });
});

describe('provisional answers', () => {
  it('bundled years are definite', () => {
    expect(cal.dayInfo('2026-11-24').provisional).toBe(false);
    expect(cal.isProvisionalBetween('2026-11-01', '2026-11-30')).toBe(false);
    expect(cal.isProvisionalBetween('2020-01-01', '2026-12-31')).toBe(false);
  });

  it('a file that leaves a day unconfirmed makes that day and every range over it provisional', () => {
    const y2026 = BUNDLED_CALENDAR_YEARS.find((y) => y.year === 2026)!;
    const doubtful = createCalendar([
      ...BUNDLED_CALENDAR_YEARS,
      {
        ...y2026,
        version: '2026.3',
        status: 'partial',
        daysOff: [...y2026.daysOff, { date: '2026-11-23', key: 'transfer', unconfirmed: true }],
        unconfirmed: [{ date: '2026-11-23', note: 'test' }],
      },
    ]);
    expect(doubtful.dayInfo('2026-11-23')).toMatchObject({ working: false, provisional: true });
    expect(doubtful.dayInfo('2026-11-24').provisional).toBe(false);
    expect(doubtful.isProvisionalBetween('2026-11-01', '2026-11-22')).toBe(false);
    expect(doubtful.isProvisionalBetween('2026-11-23', '2026-11-23')).toBe(true);
    expect(doubtful.isProvisionalBetween('2026-11-30', '2026-11-20')).toBe(true);
  });

  it('a range reaching a year without a file is provisional', () => {
    expect(cal.isProvisionalBetween('2026-12-20', '2027-01-10')).toBe(true);
    expect(cal.isProvisionalBetween('2019-12-25', '2020-01-10')).toBe(true);
    expect(cal.dayInfo('2019-05-06').provisional).toBe(true);
  });
});

describe('createCalendar', () => {
  const y2026 = BUNDLED_CALENDAR_YEARS.find((y) => y.year === 2026)!;

  it('defaults to 09:00–18:30, lunch 13:00–14:30, Asia/Almaty', () => {
    expect(cal.officeHours).toEqual({
      opens: '09:00',
      closes: '18:30',
      lunchFrom: '13:00',
      lunchTo: '14:30',
      timeZone: 'Asia/Almaty',
    });
    expect(DEFAULT_OFFICE_HOURS).toEqual(cal.officeHours);
  });

  it('a later file for the same year replaces the bundled one', () => {
    const corrected: CalendarYear = {
      ...y2026,
      version: '2026.3',
      daysOff: [...y2026.daysOff, { date: '2026-11-23', key: 'transfer', note: 'test' }],
    };
    const updated = createCalendar([...BUNDLED_CALENDAR_YEARS, corrected]);
    expect(updated.dayInfo('2026-11-23')).toEqual({
      date: '2026-11-23',
      working: false,
      kind: 'day-off',
      key: 'transfer',
      provisional: false,
    });
    expect(cal.isWorkingDay('2026-11-23')).toBe(true);
  });

  it('without files every day is answered from the statutes, provisionally', () => {
    const bare = createCalendar([]);
    expect(bare.dayInfo('2026-03-24')).toEqual({
      date: '2026-03-24',
      working: false,
      kind: 'day-off',
      key: 'holiday-on-weekend',
      provisional: true,
    });
    expect(bare.dayInfo('2026-05-27')).toMatchObject({ working: true, kind: 'workday', provisional: true });
  });

  it('refuses an invalid year file', () => {
    const broken = { ...y2026, workingWeekends: [{ date: '2026-11-24' }] };
    expect(() => createCalendar([broken])).toThrow(/2026.*not a Saturday or Sunday/);
  });

  it('takes partial office hours and checks them', () => {
    const early = createCalendar(BUNDLED_CALENDAR_YEARS, { closes: '17:00' });
    expect(early.officeHours).toMatchObject({ opens: '09:00', closes: '17:00', timeZone: 'Asia/Almaty' });
    // 12:30Z is 17:30 in Almaty: after 17:00 closing, before 18:30.
    expect(early.registrationDay('2026-11-20T12:30:00Z')).toBe('2026-11-23');
    expect(cal.registrationDay('2026-11-20T12:30:00Z')).toBe('2026-11-20');
    expect(() => createCalendar([], { closes: '25:00' })).toThrow(/closes/);
    expect(() => createCalendar([], { opens: '9:00' })).toThrow(/opens/);
    expect(() => createCalendar([], { opens: '19:00' })).toThrow(RangeError);
    expect(() => createCalendar([], { timeZone: 'Mars/Olympus_Mons' })).toThrow(RangeError);
  });
});
