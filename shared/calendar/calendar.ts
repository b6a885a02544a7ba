import { addDays, isWeekend, requireIsoDate } from './dates';
import { assertTimeZone, parseInstant, wallClockOf, type Zone } from './instant';
import { calendarYearSchema } from './schema';
import type { CalendarYear } from './schema';
import { statutoryCalendarYear } from './statutory';
import type { DayInfo, IsoDate, OfficeHours, WorkingDayCalendar } from './types';

/** Provider's hours from the service standards; each akimat may override them. */
export const DEFAULT_OFFICE_HOURS: Readonly<OfficeHours> = Object.freeze({
  opens: '09:00',
  closes: '18:30',
  lunchFrom: '13:00',
  lunchTo: '14:30',
  timeZone: 'Asia/Almaty',
});

type DayEntry = Omit<DayInfo, 'date' | 'provisional'> & { unconfirmed: boolean };

interface YearIndex {
  /** No calendar file: built from the statutes, every answer provisional. */
  statutory: boolean;
  /** The file's version, or '<year>.statutory'. */
  version: string;
  days: Map<IsoDate, DayEntry>;
  /** Days the file flags unconfirmed or explains in `unconfirmed`. */
  doubtful: Set<IsoDate>;
}

function indexYear(y: CalendarYear, statutory: boolean): YearIndex {
  const days = new Map<IsoDate, DayEntry>();
  for (const h of y.holidays) {
    days.set(h.date, { working: false, kind: 'holiday', key: h.key, unconfirmed: h.unconfirmed === true });
  }
  for (const d of y.daysOff) {
    days.set(d.date, { working: false, kind: 'day-off', key: d.key, unconfirmed: d.unconfirmed === true });
  }
  for (const w of y.workingWeekends) {
    days.set(w.date, {
      working: true,
      kind: 'working-weekend',
      key: 'transfer',
      unconfirmed: w.unconfirmed === true,
    });
  }
  const doubtful = new Set(y.unconfirmed.map((u) => u.date));
  for (const [date, entry] of days) if (entry.unconfirmed) doubtful.add(date);
  return { statutory, version: statutory ? `${y.year}.statutory` : y.version, days, doubtful };
}

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

function minutesOf(field: keyof OfficeHours, value: string): number {
  const m = HH_MM.exec(value);
  if (!m) throw new RangeError(`officeHours.${field} must be 'HH:mm', got '${value}'`);
  return Number(m[1]) * 60 + Number(m[2]);
}

function checkHours(hours: OfficeHours): void {
  const opens = minutesOf('opens', hours.opens);
  const lunchFrom = minutesOf('lunchFrom', hours.lunchFrom);
  const lunchTo = minutesOf('lunchTo', hours.lunchTo);
  const closes = minutesOf('closes', hours.closes);
  if (!(opens <= lunchFrom && lunchFrom <= lunchTo && lunchTo <= closes && opens < closes)) {
    throw new RangeError('officeHours must satisfy opens <= lunchFrom <= lunchTo <= closes, opens < closes');
  }
  assertTimeZone(hours.timeZone);
}

/**
 * A working-day calendar over the given year files. A later file for the same year replaces an
 * earlier one, so `[...bundled, ...imported]` lets an akimat's import win. Years without a file
 * are answered from the statutes and marked provisional. Throws when a year file is invalid or
 * the office hours are not consistent.
 */
export function createCalendar(
  years: readonly CalendarYear[],
  hours?: Partial<OfficeHours>,
): WorkingDayCalendar {
  const officeHours: OfficeHours = Object.freeze({ ...DEFAULT_OFFICE_HOURS, ...hours });
  checkHours(officeHours);
  const closesAt = minutesOf('closes', officeHours.closes) * 60;

  const indexes = new Map<number, YearIndex>();
  for (const y of years) {
    const parsed = calendarYearSchema.safeParse(y);
    if (!parsed.success) {
      throw new Error(
        `calendar year ${String(y.year)} is invalid: ${parsed.error.issues.map((i) => i.message).join('; ')}`,
      );
    }
    indexes.set(parsed.data.year, indexYear(parsed.data, false));
  }

  const yearIndex = (year: number): YearIndex => {
    let idx = indexes.get(year);
    if (!idx) {
      idx = indexYear(statutoryCalendarYear(year), true);
      indexes.set(year, idx);
    }
    return idx;
  };

  const dayInfo = (date: IsoDate): DayInfo => {
    const idx = yearIndex(requireIsoDate(date).year);
    const provisional = idx.statutory || idx.doubtful.has(date);
    const entry = idx.days.get(date);
    if (entry) {
      const { unconfirmed: _unconfirmed, ...rest } = entry;
      return { date, ...rest, provisional };
    }
    return isWeekend(date)
      ? { date, working: false, kind: 'weekend', provisional }
      : { date, working: true, kind: 'workday', provisional };
  };

  const isWorkingDay = (date: IsoDate): boolean => dayInfo(date).working;

  const addWorkingDays = (date: IsoDate, n: number): IsoDate => {
    requireIsoDate(date);
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a whole number >= 0, got ${n}`);
    let day = date;
    for (let counted = 0; counted < n;) {
      day = addDays(day, 1);
      if (isWorkingDay(day)) counted++;
    }
    return day;
  };

  const countWorkingAfter = (from: IsoDate, to: IsoDate): number => {
    let count = 0;
    for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (isWorkingDay(day)) count++;
    return count;
  };

  const workingDaysBetween = (from: IsoDate, to: IsoDate): number => {
    requireIsoDate(from, 'from');
    requireIsoDate(to, 'to');
    return to >= from ? countWorkingAfter(from, to) : -countWorkingAfter(to, from);
  };

  const registrationDay = (receivedAt: string, zone: Zone = officeHours.timeZone): IsoDate => {
    // parseInstant first: only text with an offset is a receipt time (a bare number is refused).
    const local = wallClockOf(parseInstant(receivedAt), zone);
    // Before opening counts as the same day: the office has not closed yet, so the request is
    // on time for that day; only at or after closing does it move to the next working day.
    if (isWorkingDay(local.date) && local.secondOfDay < closesAt) return local.date;
    return addWorkingDays(local.date, 1);
  };

  const isProvisionalBetween = (from: IsoDate, to: IsoDate): boolean => {
    const a = requireIsoDate(from, 'from');
    const b = requireIsoDate(to, 'to');
    const [lo, hi] = from <= to ? [from, to] : [to, from];
    for (let year = Math.min(a.year, b.year); year <= Math.max(a.year, b.year); year++) {
      const idx = yearIndex(year);
      if (idx.statutory) return true;
      for (const d of idx.doubtful) if (d >= lo && d <= hi) return true;
    }
    return false;
  };

  const versionBetween = (from: IsoDate, to: IsoDate): string => {
    const a = requireIsoDate(from, 'from').year;
    const b = requireIsoDate(to, 'to').year;
    const versions: string[] = [];
    for (let year = Math.min(a, b); year <= Math.max(a, b); year++) versions.push(yearIndex(year).version);
    return versions.join('+');
  };

  return {
    officeHours,
    isWorkingDay,
    dayInfo,
    addWorkingDays,
    workingDaysBetween,
    registrationDay,
    isProvisionalBetween,
    versionBetween,
  };
}
