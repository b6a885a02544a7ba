/** Report periods and the weeks and months a period is counted by. Dates are 'YYYY-MM-DD'. */
import { addDays, daysInMonth, requireIsoDate, weekday } from '../calendar/dates';
import type { IsoDate } from '../calendar/types';

/** Both days included. */
export interface Period {
  from: IsoDate;
  to: IsoDate;
}

export type Granularity = 'week' | 'month';

export const PERIOD_PRESETS = ['this-week', 'this-month', 'last-month', 'this-quarter', 'this-year'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export function inPeriod(date: IsoDate, period: Period): boolean {
  return date >= period.from && date <= period.to;
}

/** The Monday of the week the date is in (weeks run Monday to Sunday, as in Kazakhstan). */
export function weekStart(date: IsoDate): IsoDate {
  return addDays(date, -((weekday(date) + 6) % 7));
}

export function monthStart(date: IsoDate): IsoDate {
  return `${date.slice(0, 7)}-01`;
}

function monthEnd(date: IsoDate): IsoDate {
  const { year, month } = requireIsoDate(date);
  return `${date.slice(0, 7)}-${String(daysInMonth(year, month)).padStart(2, '0')}`;
}

/** The bucket a day is counted in: its week's Monday, or its month's first day. */
export function bucketOf(date: IsoDate, granularity: Granularity): IsoDate {
  return granularity === 'week' ? weekStart(date) : monthStart(date);
}

/** Every bucket the period touches, in order, empty ones included (a chart keeps its time axis). */
export function bucketsOf(period: Period, granularity: Granularity): IsoDate[] {
  const out: IsoDate[] = [];
  for (let b = bucketOf(period.from, granularity); b <= period.to;) {
    out.push(b);
    b = granularity === 'week' ? addDays(b, 7) : addDays(monthEnd(b), 1);
  }
  return out;
}

export function periodOf(preset: PeriodPreset, today: IsoDate): Period {
  const { year, month } = requireIsoDate(today);
  switch (preset) {
    case 'this-week':
      return { from: weekStart(today), to: addDays(weekStart(today), 6) };
    case 'this-month':
      return { from: monthStart(today), to: monthEnd(today) };
    case 'last-month': {
      const last = addDays(monthStart(today), -1);
      return { from: monthStart(last), to: last };
    }
    case 'this-quarter': {
      const first = Math.floor((month - 1) / 3) * 3 + 1;
      const from = `${year}-${String(first).padStart(2, '0')}-01`;
      return { from, to: monthEnd(`${year}-${String(first + 2).padStart(2, '0')}-01`) };
    }
    case 'this-year':
      return { from: `${year}-01-01`, to: `${year}-12-31` };
  }
}
