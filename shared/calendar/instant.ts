import { formatIsoDate, parseIsoDate, toDayNumber } from './dates';
import type { IsoDate } from './types';

// Instants arrive from the portal as ISO 8601 text with an explicit offset. A timestamp without
// an offset is refused rather than guessed: read in the wrong zone it can move a registration by
// a day, and with it every deadline of the case.

export type InstantProblem = 'not-a-string' | 'shape' | 'missing-offset' | 'date' | 'time' | 'offset';

export class InvalidInstantError extends Error {
  override readonly name = 'InvalidInstantError';
  constructor(
    readonly problem: InstantProblem,
    detail: string,
  ) {
    super(`Invalid instant (${problem}): ${detail}`);
  }
}

const INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?$/;

/** Milliseconds since the epoch for 'YYYY-MM-DDTHH:mm[:ss[.fff]](Z|±HH:mm)'. */
export function parseInstant(text: unknown): number {
  if (typeof text !== 'string')
    throw new InvalidInstantError('not-a-string', `expected a string, got ${typeof text}`);
  const m = INSTANT.exec(text);
  if (!m) {
    throw new InvalidInstantError(
      'shape',
      `'${text}' is not 'YYYY-MM-DDTHH:mm[:ss[.fff]]' followed by Z or ±HH:mm`,
    );
  }
  const [, date = '', hh = '', mm = '', ss = '00', fraction = '', offset] = m;
  if (offset === undefined)
    throw new InvalidInstantError('missing-offset', `'${text}' has no UTC offset (Z or ±HH:mm)`);
  if (!parseIsoDate(date)) throw new InvalidInstantError('date', `${date} is not a real calendar date`);
  const hours = Number(hh);
  const minutes = Number(mm);
  const seconds = Number(ss);
  if (hours > 23 || minutes > 59 || seconds > 59)
    throw new InvalidInstantError('time', `${hh}:${mm}:${ss} is not a time of day`);
  let offsetMinutes = 0;
  if (offset !== 'Z') {
    const oh = Number(offset.slice(1, 3));
    const om = Number(offset.slice(4, 6));
    if (oh > 23 || om > 59) throw new InvalidInstantError('offset', `${offset} is not a UTC offset`);
    offsetMinutes = (offset.startsWith('-') ? -1 : 1) * (oh * 60 + om);
  }
  const ms = Number(fraction.padEnd(3, '0').slice(0, 3));
  return toDayNumber(date) * 86_400_000 + ((hours * 60 + minutes - offsetMinutes) * 60 + seconds) * 1000 + ms;
}

export interface ZonedTime {
  date: IsoDate;
  /** Seconds since local midnight. */
  secondOfDay: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // h23 keeps midnight as 00, where some engines print 24 with hour12: false.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Throws RangeError when the engine does not know the zone. */
export function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

/** The wall-clock date and time of an instant in an IANA zone (offsets from the engine's tzdata). */
export function toZonedTime(epochMs: number, timeZone: string): ZonedTime {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(epochMs)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const { year = NaN, month = NaN, day = NaN, hour = NaN, minute = NaN, second = NaN } = parts;
  const date = formatIsoDate({ year, month, day });
  if (!parseIsoDate(date) || Number.isNaN(hour + minute + second)) {
    throw new RangeError(`cannot read a date in ${timeZone} for ${new Date(epochMs).toISOString()}`);
  }
  return { date, secondOfDay: hour * 3600 + minute * 60 + second };
}
