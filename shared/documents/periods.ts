import { addDays, daysInMonth, formatIsoDate, requireIsoDate } from '../calendar/dates';
import type { IsoDate } from '../calendar/types';
import type { Period } from './schemas';

/**
 * The parts of `requested` that `covered` leaves out: none, one (before or after) or both.
 * Both periods include their end days. Dates are 'YYYY-MM-DD', so they compare as text.
 */
export function uncoveredParts(requested: Period, covered: Period): Period[] {
  if (covered.to < requested.from || covered.from > requested.to) return [{ ...requested }];
  const parts: Period[] = [];
  if (covered.from > requested.from) parts.push({ from: requested.from, to: addDays(covered.from, -1) });
  if (covered.to < requested.to) parts.push({ from: addDays(covered.to, 1), to: requested.to });
  return parts;
}

/**
 * The same day `months` months earlier; a day the earlier month lacks becomes its last day
 * (a term counted in months that ends on a missing day ends on the month's last day).
 */
export function monthsBefore(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = requireIsoDate(date);
  const index = year * 12 + (month - 1) - months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return formatIsoDate({ year: y, month: m, day: Math.min(day, daysInMonth(y, m)) });
}
