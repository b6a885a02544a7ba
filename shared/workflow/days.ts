import { formatIsoDate, parseIsoDate } from '../calendar/dates';
import type { IsoDate } from '../calendar/types';

/**
 * Kazakhstan has one zone (UTC+5) since March 2024; the calendar's `officeHours.timeZone` is the
 * setting that wins wherever a calendar is at hand (deadlines). The reducer has no calendar, so it
 * takes the zone as an option with this default.
 */
export const DEFAULT_OFFICE_TIME_ZONE = 'Asia/Almaty';

// 'YYYY-MM-DDTHH:mm[:ss[.fff]]' followed by 'Z' or '±HH:mm': a timestamp without an offset would be
// read in whatever zone the reading machine has, so it is never accepted.
const TIMESTAMP =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,9})?)?(Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/** True for an ISO 8601 timestamp with a real date and an explicit offset ('Z' or ±HH:mm). */
export function isTimestamp(text: unknown): boolean {
  if (typeof text !== 'string') return false;
  const m = TIMESTAMP.exec(text);
  return m !== null && parseIsoDate(m[1] ?? '') !== null && !Number.isNaN(Date.parse(text));
}

// Intl.DateTimeFormat is costly to build; folding many cases asks for the same zone again and again.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * The calendar day, in `timeZone`, of the instant `at` (ISO 8601 with offset). An event made at
 * 02:00 in Almaty is written as the previous day in UTC; the office counts it on its own day.
 */
export function eventDay(at: string, timeZone: string): IsoDate {
  if (!isTimestamp(at)) throw new RangeError(`not an ISO 8601 timestamp with offset: '${at}'`);
  const parts = formatterFor(timeZone).formatToParts(new Date(at));
  const part = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value);
  return formatIsoDate({ year: part('year'), month: part('month'), day: part('day') });
}

/** The later of two ISO dates (they compare as text). */
export function laterDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

export function earlierDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}
