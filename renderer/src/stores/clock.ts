import { dayOfInstant, formatInstant, type IsoDate, type Zone } from '../../../shared/calendar';

/** The one place the desk reads the clock, so tests can pin it. */
let nowFn: () => Date = () => new Date();

export function now(): Date {
  return nowFn();
}

/** The office's today (an officer working late in another zone still counts office days). */
export function today(zone: Zone): IsoDate {
  return dayOfInstant(nowFn().getTime(), zone);
}

/** Now, written at the office's offset (e.g. +05:00): how every event the desk makes carries `at`. */
export function nowTimestamp(utcOffsetMinutes: number): string {
  return formatInstant(nowFn().getTime(), utcOffsetMinutes);
}

export function setClockForTests(fn: () => Date): void {
  nowFn = fn;
}
