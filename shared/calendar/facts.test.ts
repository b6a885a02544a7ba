import { describe, expect, it } from 'vitest';
import { addDays } from './dates';
import { BUNDLED_CALENDAR_YEARS, kazakhstanCalendar as cal } from './index';
import type { DayKind } from './types';

// Every fact of /work/shared/legal/calendar-kz.md, transcribed by hand (MM-DD per year). The
// "exact sets" tests also make sure nothing else is a holiday, day off or working weekend.
interface YearFacts {
  holidays: string[];
  kurbanAit: string;
  daysOff: string[];
  /** Days off the law's transfer rule implies that the md's table does not list. */
  ruleDaysOffNotInMd?: string[];
  workingWeekends: string[];
  /** Days the md implies are ordinary working days or ordinary weekends. */
  workdays?: string[];
  weekends?: string[];
}

const OLD_SET = [
  '01-01',
  '01-02',
  '01-07',
  '03-08',
  '03-21',
  '03-22',
  '03-23',
  '05-01',
  '05-07',
  '05-09',
  '07-06',
  '08-30',
  '12-01',
  '12-16',
  '12-17',
];
const NEW_SET = [
  '01-01',
  '01-02',
  '01-07',
  '03-08',
  '03-21',
  '03-22',
  '03-23',
  '05-01',
  '05-07',
  '05-09',
  '07-06',
  '08-30',
  '10-25',
  '12-16',
];

const FACTS: Record<number, YearFacts> = {
  2020: {
    holidays: OLD_SET,
    kurbanAit: '07-31',
    // Sun 5 Jan worked → Fri 3 Jan; 9 Mar (8 Mar Sun); 21–25 Mar; 11 May → 8 May; 31 Aug (30 Aug Sun);
    // Sun 20 Dec worked → 18 Dec.
    daysOff: ['01-03', '03-09', '03-24', '03-25', '05-08', '08-31', '12-18'],
    workingWeekends: ['01-05', '12-20'],
    workdays: ['05-11'],
  },
  2021: {
    holidays: OLD_SET,
    kurbanAit: '07-20',
    // Sat 3 Jul worked → Mon 5 Jul; 24 Mar (21 Mar Sun); 3 May; 10 May.
    daysOff: ['03-24', '05-03', '05-10', '07-05'],
    ruleDaysOffNotInMd: ['01-04'], // 2 Jan a Saturday
    workingWeekends: ['07-03'],
  },
  2022: {
    holidays: NEW_SET, // the law of 29 Sep 2022 applied before 25 Oct, 1 Dec and 17 Dec 2022
    kurbanAit: '07-09', // a Saturday, not moved
    // 3–4 Jan; Sat 5 Mar → Mon 7 Mar; Sat 27 Aug → Mon 29 Aug; Sat 22 Oct → Mon 24 Oct.
    daysOff: ['01-03', '01-04', '03-07', '08-29', '10-24'],
    ruleDaysOffNotInMd: ['05-02', '05-10'], // 1 May a Sunday; 7 May a Saturday (9 May a Monday holiday)
    workingWeekends: ['03-05', '08-27', '10-22'],
    workdays: ['07-11', '12-01', '12-19'], // Kurban Ait not moved; 1 Dec gone; no day off for 17 Dec
    weekends: ['12-17'],
  },
  2023: {
    holidays: NEW_SET,
    kurbanAit: '06-28',
    // Sat 1 Jul worked → Fri 7 Jul; 18 Dec (16 Dec a Saturday).
    daysOff: ['07-07', '12-18'],
    ruleDaysOffNotInMd: ['01-03', '05-08'], // 1 Jan a Sunday (2 Jan a holiday); 7 May a Sunday
    workingWeekends: ['07-01'],
    workdays: ['01-09', '12-01'], // 7 Jan (a Saturday) is never moved
  },
  2024: {
    holidays: NEW_SET,
    kurbanAit: '06-16', // a Sunday, not moved
    // Sat 4 May worked → Wed 8 May; 25 Mar (23 Mar Sat); 8 Jul (6 Jul Sat).
    daysOff: ['03-25', '05-08', '07-08'],
    workingWeekends: ['05-04'],
    workdays: ['01-08', '06-17'], // 7 Jan and Kurban Ait on a Sunday are never moved
  },
  2025: {
    holidays: NEW_SET,
    kurbanAit: '06-06',
    // Sun 5 Jan worked → Fri 3 Jan; 21–25 Mar; 27 Oct (25 Oct Sat); rule: 10 Mar, 7 Jul, 1 Sep.
    daysOff: ['01-03', '03-24', '03-25', '10-27', '03-10', '07-07', '09-01'],
    workingWeekends: ['01-05'],
  },
  2026: {
    // 30 Aug no longer a holiday (the constitution of 15 March 2026; Law 267 as amended).
    holidays: NEW_SET.filter((md) => md !== '08-30'),
    kurbanAit: '05-27',
    // 1–4 Jan off (2 Jan a Friday, 3–4 a weekend); 9 Mar; 21–25 Mar; 11 May (9 May Sat);
    // rule: 26 Oct (25 Oct Sun); Sunday 30 Aug an ordinary weekend, Monday 31 Aug worked.
    daysOff: ['03-09', '03-24', '03-25', '05-11', '10-26'],
    workingWeekends: [],
    workdays: ['08-31'],
    weekends: ['01-03', '01-04', '08-30'],
  },
};

const RULE_ITEMS = ['2025-03-10', '2025-07-07', '2025-09-01', '2026-10-26'];

type Row = [date: string, working: boolean, kind: DayKind];
const rows: Row[] = Object.entries(FACTS).flatMap(([year, f]) => [
  ...[...f.holidays, f.kurbanAit].map((md): Row => [`${year}-${md}`, false, 'holiday']),
  ...[...f.daysOff, ...(f.ruleDaysOffNotInMd ?? [])].map((md): Row => [`${year}-${md}`, false, 'day-off']),
  ...f.workingWeekends.map((md): Row => [`${year}-${md}`, true, 'working-weekend']),
  ...(f.workdays ?? []).map((md): Row => [`${year}-${md}`, true, 'workday']),
  ...(f.weekends ?? []).map((md): Row => [`${year}-${md}`, false, 'weekend']),
]);

describe('calendar-kz.md, fact by fact', () => {
  it.each(rows)('%s: working=%s, %s', (date, working, kind) => {
    const info = cal.dayInfo(date);
    expect({ working: info.working, kind: info.kind }).toEqual({ working, kind });
    expect(cal.isWorkingDay(date)).toBe(working);
    expect(info.provisional).toBe(false);
  });

  it.each(Object.entries(FACTS))('%s: first day of Kurban Ait is a holiday with its key', (year, f) => {
    expect(cal.dayInfo(`${year}-${f.kurbanAit}`)).toMatchObject({ kind: 'holiday', key: 'kurban-ait' });
  });

  it.each(Object.entries(FACTS))('%s: no other holidays, days off or working weekends', (year, f) => {
    const found: Record<string, string[]> = { holiday: [], 'day-off': [], 'working-weekend': [] };
    for (let d = `${year}-01-01`; d.startsWith(year); d = addDays(d, 1))
      found[cal.dayInfo(d).kind]?.push(d.slice(5));
    const sorted = (a: string[]) => [...a].sort();
    expect(sorted(found.holiday!)).toEqual(sorted([...f.holidays, f.kurbanAit]));
    expect(sorted(found['day-off']!)).toEqual(sorted([...f.daysOff, ...(f.ruleDaysOffNotInMd ?? [])]));
    expect(sorted(found['working-weekend']!)).toEqual(sorted(f.workingWeekends));
  });
});

describe('marks carried over from the md', () => {
  const items = BUNDLED_CALENDAR_YEARS.flatMap((y) => y.daysOff);

  it('items the md marks *rule* (and the rule days it misses) say so in the data', () => {
    const notInMd = Object.entries(FACTS).flatMap(([y, f]) =>
      (f.ruleDaysOffNotInMd ?? []).map((md) => `${y}-${md}`),
    );
    const ruleDates = items.filter((d) => d.basis === 'rule').map((d) => d.date);
    expect(ruleDates.sort()).toEqual([...RULE_ITEMS, ...notInMd].sort());
  });

  it('2026: 30 Aug is no longer a holiday and 31 Aug is worked, from the constitution of 15 March 2026', () => {
    const y2026 = BUNDLED_CALENDAR_YEARS.find((y) => y.year === 2026)!;
    expect(y2026.version).toBe('2026.2');
    expect(y2026.unconfirmed).toEqual([]);
    expect(y2026.holidays.some((h) => h.key === 'constitution-day')).toBe(false);
    expect(y2026.daysOff.map((d) => d.date)).not.toContain('2026-08-31');
    expect(y2026.sources.join(' ')).toMatch(/15 March 2026.*Law No\. 267 as amended/);
    expect(y2026.note).toMatch(/31 August an ordinary working day/);
    expect(cal.isProvisionalBetween('2026-08-28', '2026-09-01')).toBe(false);
    expect(cal.addWorkingDays('2026-08-28', 1)).toBe('2026-08-31');
  });

  it('files with nothing unconfirmed are official', () => {
    for (const y of BUNDLED_CALENDAR_YEARS) expect(y.status).toBe('official');
  });
});
