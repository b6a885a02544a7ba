import type { IsoDate } from '../../../shared/calendar';
import { isoDayIn } from '../i18n/format';

/** The one place the desk reads the clock, so tests can pin it. */
let nowFn: () => Date = () => new Date();

export function now(): Date {
  return nowFn();
}

/** The office's today in its zone (an officer working late in another zone still counts office days). */
export function today(timeZone: string): IsoDate {
  return isoDayIn(nowFn(), timeZone);
}

/** Events carry the instant with an explicit offset; UTC ('Z') is the unambiguous one. */
export function nowTimestamp(): string {
  return nowFn().toISOString();
}

export function setClockForTests(fn: () => Date): void {
  nowFn = fn;
}
