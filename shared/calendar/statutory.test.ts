import { describe, expect, it } from 'vitest';
import { addDays } from './dates';
import { kazakhstanCalendar as cal, statutoryHolidays } from './index';
import { weekendHolidayDaysOff } from './statutory';

describe('statutoryHolidays', () => {
  it('until 2021: 1 and 17 December, no 25 October', () => {
    const dates = statutoryHolidays(2021).map((h) => h.date);
    expect(dates).toContain('2021-12-01');
    expect(dates).toContain('2021-12-17');
    expect(dates).not.toContain('2021-10-25');
    expect(dates).toHaveLength(15);
  });

  it('from 2022 (law of 29 September 2022): 25 October, no 1 or 17 December', () => {
    for (const year of [2022, 2026, 2027]) {
      const dates = statutoryHolidays(year).map((h) => h.date);
      expect(dates).toContain(`${year}-10-25`);
      expect(dates).not.toContain(`${year}-12-01`);
      expect(dates).not.toContain(`${year}-12-17`);
    }
  });

  // The constitution of 15 March 2026 (Law 267 as amended): 30 August is no holiday from 2026, and
  // 15 March is Constitution Day from 2027.
  it.each([
    [2025, ['08-30'], 14],
    [2026, [], 13],
    [2027, ['03-15'], 14],
  ] as const)('%s: Constitution Day on %j, %s fixed holidays', (year, constitutionDays, count) => {
    const holidays = statutoryHolidays(year);
    const constitution = holidays.filter((h) => h.key === 'constitution-day').map((h) => h.date.slice(5));
    expect(constitution).toEqual(constitutionDays);
    expect(holidays).toHaveLength(count);
    expect(holidays.map((h) => h.date)).toEqual([...holidays.map((h) => h.date)].sort());
  });
});

describe('weekendHolidayDaysOff (Law 267 art. 5)', () => {
  it('gives two weekend holidays in a row two different days after the holiday block', () => {
    const nauryz2026 = ['2026-03-21', '2026-03-22', '2026-03-23'].map((date) => ({ date, key: 'nauryz' }));
    expect(weekendHolidayDaysOff(nauryz2026)).toEqual([
      { date: '2026-03-24', from: '2026-03-21' },
      { date: '2026-03-25', from: '2026-03-22' },
    ]);
  });

  it('never moves 7 January or Kurban Ait', () => {
    expect(
      weekendHolidayDaysOff([
        { date: '2023-01-07', key: 'orthodox-christmas' },
        { date: '2024-06-16', key: 'kurban-ait' },
      ]),
    ).toEqual([]);
  });
});

describe('2027: no calendar file yet', () => {
  it.each([
    ['2027-01-01', false, 'holiday'],
    ['2027-01-02', false, 'holiday'],
    ['2027-01-04', false, 'day-off'], // 2 Jan a Saturday
    ['2027-01-07', false, 'holiday'],
    ['2027-03-08', false, 'holiday'],
    ['2027-03-24', false, 'day-off'], // 21 Mar a Sunday; 22–23 holidays
    ['2027-05-03', false, 'day-off'], // 1 May a Saturday
    ['2027-05-10', false, 'day-off'], // 9 May a Sunday
    ['2027-05-16', false, 'weekend'], // Kurban Ait by calculation (unconfirmed), a Sunday anyway
    ['2027-03-15', false, 'holiday'], // Constitution Day from 2027, a Monday
    ['2027-08-30', true, 'workday'], // no longer a holiday (from 2026), a Monday
    ['2027-10-25', false, 'holiday'],
    ['2027-12-01', true, 'workday'],
    ['2027-12-16', false, 'holiday'],
    ['2027-12-17', true, 'workday'],
  ] as const)('%s: working=%s, %s, provisional', (date, working, kind) => {
    expect(cal.dayInfo(date)).toMatchObject({ date, working, kind, provisional: true });
  });

  it('marks every day of the year provisional and has exactly four rule days off', () => {
    const daysOff: string[] = [];
    for (let d = '2027-01-01'; d < '2028-01-01'; d = addDays(d, 1)) {
      const info = cal.dayInfo(d);
      if (!info.provisional) throw new Error(`${d} is not provisional`);
      if (info.kind === 'day-off') daysOff.push(d);
    }
    expect(daysOff).toEqual(['2027-01-04', '2027-03-24', '2027-05-03', '2027-05-10']);
  });
});
