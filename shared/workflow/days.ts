import { dayOfInstant, parseInstant } from '../calendar/instant';
import type { IsoDate } from '../calendar/types';
import type { OfficeZone } from './events';

/**
 * The day of an instant of the case: read at the office's offset recorded when the case was
 * received, never in the zone of the machine that folds it, so a desk and a server agree.
 */
export function caseDay(at: string, office: OfficeZone): IsoDate {
  return dayOfInstant(at, office);
}

/** Milliseconds between two timestamps (b − a). */
export function msBetween(a: string, b: string): number {
  return parseInstant(b) - parseInstant(a);
}

/** The later of two ISO dates (they compare as text). */
export function laterDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

export function earlierDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}
