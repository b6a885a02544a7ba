import { addDays, isWeekend } from './dates';
import { NOT_MOVED_HOLIDAY_KEYS } from './schema';
import type { CalendarYear } from './schema';
import type { IsoDate } from './types';

// What the law alone says about a year, for years no calendar file covers yet. Every answer built
// from this is provisional: the yearly transfer order and the date of Kurban Ait are unknown.

interface FixedHoliday {
  monthDay: string;
  key: string;
  /** First and last year the holiday is in force (inclusive). */
  since?: number;
  until?: number;
}

// 1 and 17 December were removed and 25 October added by the law signed on 29 September 2022,
// which was in force before 25 October 2022; so the new set applies to the whole of 2022.
// Constitution Day moved with the constitution adopted at the referendum of 15 March 2026 (Law 267
// as amended; the Ministry of Labour as reported by taspanews.kz on 18 March 2026 and zakon.kz):
// 30 August is no holiday from 2026 on, and 15 March is Constitution Day from 2027.
const FIXED_HOLIDAYS: readonly FixedHoliday[] = [
  { monthDay: '01-01', key: 'new-year' },
  { monthDay: '01-02', key: 'new-year' },
  { monthDay: '01-07', key: 'orthodox-christmas' },
  { monthDay: '03-08', key: 'womens-day' },
  { monthDay: '03-15', key: 'constitution-day', since: 2027 },
  { monthDay: '03-21', key: 'nauryz' },
  { monthDay: '03-22', key: 'nauryz' },
  { monthDay: '03-23', key: 'nauryz' },
  { monthDay: '05-01', key: 'unity-day' },
  { monthDay: '05-07', key: 'defender-day' },
  { monthDay: '05-09', key: 'victory-day' },
  { monthDay: '07-06', key: 'capital-day' },
  { monthDay: '08-30', key: 'constitution-day', until: 2025 },
  { monthDay: '10-25', key: 'republic-day', since: 2022 },
  { monthDay: '12-01', key: 'first-president-day', until: 2021 },
  { monthDay: '12-16', key: 'independence-day' },
  { monthDay: '12-17', key: 'independence-day', until: 2021 },
];

/** The fixed-date holidays in force in `year` (Kurban Ait is not fixed and not included). */
export function statutoryHolidays(year: number): { date: IsoDate; key: string }[] {
  return FIXED_HOLIDAYS.filter((h) => (h.since ?? -Infinity) <= year && year <= (h.until ?? Infinity)).map(
    (h) => ({
      date: `${year}-${h.monthDay}`,
      key: h.key,
    }),
  );
}

/**
 * Law No. 267 art. 5: a holiday on a Saturday or Sunday makes the next working day after it a
 * day off. Holidays are taken in date order so that two weekend holidays in a row (21–22 March
 * on Sat–Sun) get two different days. 7 January and Kurban Ait are never moved.
 */
export function weekendHolidayDaysOff(
  holidays: readonly { date: IsoDate; key: string }[],
): { date: IsoDate; from: IsoDate }[] {
  const holidayDates = new Set(holidays.map((h) => h.date));
  const taken = new Set<IsoDate>();
  const result: { date: IsoDate; from: IsoDate }[] = [];
  for (const h of [...holidays].sort((a, b) => a.date.localeCompare(b.date))) {
    if (!isWeekend(h.date) || NOT_MOVED_HOLIDAY_KEYS.includes(h.key)) continue;
    let day = addDays(h.date, 1);
    while (isWeekend(day) || holidayDates.has(day) || taken.has(day)) day = addDays(day, 1);
    taken.add(day);
    result.push({ date: day, from: h.date });
  }
  return result;
}

/** A calendar year built from the statutes only; the calendar marks all of it provisional. */
export function statutoryCalendarYear(year: number): CalendarYear {
  const holidays = statutoryHolidays(year);
  return {
    year,
    version: `${year}.0`,
    status: 'partial',
    sources: [
      'Law No. 267 of 13 December 2001 "On holidays", art. 5 (rule only, no order known)',
      'Law No. 267 as amended after the constitution of 15 March 2026: Constitution Day on 15 March from 2027, no holiday on 30 August from 2026 (the Ministry of Labour as reported by taspanews.kz, 18 March 2026, and zakon.kz)',
    ],
    note: 'Built from the statutes: no transfer order and no Kurban Ait date are known for this year.',
    holidays,
    daysOff: weekendHolidayDaysOff(holidays)
      // Days pushed past 31 December belong to the next year's file; none occur with today's set.
      .filter((d) => d.date.startsWith(`${year}-`))
      .map((d) => ({ date: d.date, key: 'holiday-on-weekend', from: d.from, basis: 'rule' as const })),
    workingWeekends: [],
    unconfirmed: [],
  };
}
