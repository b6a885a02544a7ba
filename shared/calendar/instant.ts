import { formatIsoDate, fromDayNumber, parseIsoDate, toDayNumber } from './dates';
import type { IsoDate } from './types';

// Instants arrive from the portal as ISO 8601 text with an explicit offset. A timestamp without
// an offset is refused rather than guessed: read in the wrong zone it can move a registration by
// a day, and with it every deadline of the case. This file is the one place that reads an instant
// and the one place that says which day (and time of day) it is somewhere: the workflow's event
// days, the calendar's registration day and the desk's "today" all come through `wallClockOf`.

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

/** The one timestamp pattern: 'YYYY-MM-DDTHH:mm[:ss[.f…]]' then 'Z' or '±HH:mm' (checked below). */
const INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?$/;

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

/** Milliseconds since the epoch for 'YYYY-MM-DDTHH:mm[:ss[.fff]](Z|±HH:mm)'; throws InvalidInstantError. */
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
  return toDayNumber(date) * MS_PER_DAY + ((hours * 60 + minutes - offsetMinutes) * 60 + seconds) * 1000 + ms;
}

/** True for an ISO 8601 timestamp with a real date, a real time and an explicit offset. */
export function isTimestamp(text: unknown): text is string {
  try {
    parseInstant(text);
    return true;
  } catch (error) {
    if (error instanceof InvalidInstantError) return false;
    throw error;
  }
}

/** A fixed distance from UTC, as an event records the office's (e.g. +300 for UTC+05:00). */
export interface FixedOffset {
  utcOffsetMinutes: number;
}

/**
 * Where a wall clock is read: a fixed offset (pure arithmetic, the same on every machine: what the
 * reducer uses) or an IANA zone name (the engine's time-zone data: what the desk's screens use).
 */
export type Zone = FixedOffset | string;

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

function wallClockAtOffset(epochMs: number, utcOffsetMinutes: number): ZonedTime {
  const local = epochMs + utcOffsetMinutes * MS_PER_MINUTE;
  const dayNumber = Math.floor(local / MS_PER_DAY);
  return {
    date: fromDayNumber(dayNumber),
    secondOfDay: Math.floor((local - dayNumber * MS_PER_DAY) / 1000),
  };
}

function wallClockInZone(epochMs: number, timeZone: string): ZonedTime {
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

/**
 * The wall-clock date and time of an instant (epoch ms, or ISO 8601 text with an offset) at a fixed
 * offset or in an IANA zone. Throws InvalidInstantError for text that is not a timestamp.
 */
export function wallClockOf(instant: number | string, zone: Zone): ZonedTime {
  const epochMs = typeof instant === 'number' ? instant : parseInstant(instant);
  return typeof zone === 'string'
    ? wallClockInZone(epochMs, zone)
    : wallClockAtOffset(epochMs, zone.utcOffsetMinutes);
}

/** The calendar day of an instant at a fixed offset or in an IANA zone. */
export function dayOfInstant(instant: number | string, zone: Zone): IsoDate {
  return wallClockOf(instant, zone).date;
}

/** The offset from UTC an IANA zone had at an instant, in minutes (+300 for Asia/Almaty today). */
export function utcOffsetIn(instant: number | string, timeZone: string): number {
  const epochMs = typeof instant === 'number' ? instant : parseInstant(instant);
  const wall = wallClockInZone(epochMs, timeZone);
  const wallMs = toDayNumber(wall.date) * MS_PER_DAY + wall.secondOfDay * 1000;
  return Math.round((wallMs - Math.floor(epochMs / 1000) * 1000) / MS_PER_MINUTE);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Seconds since midnight as 'HH:mm' (what the screens and the forms show). */
export function timeOfDayText(secondOfDay: number): string {
  return `${pad(Math.floor(secondOfDay / 3600))}:${pad(Math.floor(secondOfDay / 60) % 60)}`;
}

/** An instant written at a fixed offset: 'YYYY-MM-DDTHH:mm:ss.sss+05:00' (what the desk stamps on events). */
export function formatInstant(epochMs: number, utcOffsetMinutes: number): string {
  if (!Number.isInteger(utcOffsetMinutes) || Math.abs(utcOffsetMinutes) > 23 * 60 + 59) {
    throw new RangeError(`not a UTC offset in minutes: ${utcOffsetMinutes}`);
  }
  const wholeMs = Math.floor(epochMs);
  const { date, secondOfDay } = wallClockAtOffset(wholeMs, utcOffsetMinutes);
  const ms = ((wholeMs % 1000) + 1000) % 1000;
  const sign = utcOffsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(utcOffsetMinutes);
  const time = `${timeOfDayText(secondOfDay)}:${pad(secondOfDay % 60)}`;
  return `${date}T${time}.${pad(ms, 3)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
