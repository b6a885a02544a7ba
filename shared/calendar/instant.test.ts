import { describe, expect, it } from 'vitest';
import { dayOfInstant, formatInstant, isTimestamp, parseInstant, utcOffsetIn, wallClockOf } from './instant';

const PLUS_5 = { utcOffsetMinutes: 300 };

describe('dayOfInstant', () => {
  it('takes the day at the office, not the day written in the offset', () => {
    // 21:30 UTC on the 23rd is 02:30 on the 24th in Almaty (UTC+5).
    expect(dayOfInstant('2026-11-23T21:30:00Z', 'Asia/Almaty')).toBe('2026-11-24');
    expect(dayOfInstant('2026-11-23T21:30:00Z', PLUS_5)).toBe('2026-11-24');
    expect(dayOfInstant('2026-11-23T18:59:59Z', PLUS_5)).toBe('2026-11-23');
    expect(dayOfInstant('2026-11-24T01:00:00+05:00', 'UTC')).toBe('2026-11-23');
    expect(dayOfInstant('2026-11-24T01:00:00+05:00', { utcOffsetMinutes: 0 })).toBe('2026-11-23');
    expect(dayOfInstant('2026-11-24T01:00:00+05:00', { utcOffsetMinutes: -300 })).toBe('2026-11-23');
  });

  it('keeps the day of a timestamp already written in the office offset', () => {
    expect(dayOfInstant('2026-12-31T23:59:59.999+05:00', PLUS_5)).toBe('2026-12-31');
    expect(dayOfInstant('2027-01-01T00:00:00+05:00', PLUS_5)).toBe('2027-01-01');
    expect(dayOfInstant('2027-01-01T00:00:00+05:00', 'Asia/Almaty')).toBe('2027-01-01');
  });

  it('agrees between a fixed offset and the zone wherever the zone has that offset', () => {
    // Every 97 minutes over a year: hits every hour of the day and both sides of midnight.
    const start = parseInstant('2025-01-01T00:00:00Z');
    for (let ms = start; ms < start + 365 * 86_400_000; ms += 97 * 60_000) {
      expect(wallClockOf(ms, PLUS_5)).toEqual(wallClockOf(ms, 'Asia/Almaty'));
    }
  });

  it('refuses text that is not a timestamp with an offset', () => {
    expect(() => dayOfInstant('2026-11-24T10:00:00', PLUS_5)).toThrow(/missing-offset/);
    expect(() => dayOfInstant('2026-11-24', 'Asia/Almaty')).toThrow(/shape/);
  });
});

describe('wallClockOf', () => {
  it('gives the time of day at the offset', () => {
    expect(wallClockOf('2026-11-20T13:29:59Z', PLUS_5)).toEqual({
      date: '2026-11-20',
      secondOfDay: 18 * 3600 + 29 * 60 + 59,
    });
    expect(wallClockOf('1969-12-31T23:00:00Z', { utcOffsetMinutes: 30 })).toEqual({
      date: '1969-12-31',
      secondOfDay: 23 * 3600 + 30 * 60,
    });
  });
});

describe('utcOffsetIn', () => {
  it('reads the offset a zone had at an instant', () => {
    expect(utcOffsetIn('2024-02-29T12:00:00Z', 'Asia/Almaty')).toBe(360);
    expect(utcOffsetIn('2024-03-01T12:00:00Z', 'Asia/Almaty')).toBe(300);
    expect(utcOffsetIn('2026-07-01T12:00:00Z', 'Europe/Berlin')).toBe(120);
    expect(utcOffsetIn('2026-01-01T12:00:00Z', 'America/New_York')).toBe(-300);
  });
});

describe('formatInstant', () => {
  it('writes the instant at the office offset, the same instant as the input', () => {
    const ms = parseInstant('2026-11-23T21:30:05.042Z');
    expect(formatInstant(ms, 300)).toBe('2026-11-24T02:30:05.042+05:00');
    expect(formatInstant(ms, -210)).toBe('2026-11-23T18:00:05.042-03:30');
    expect(formatInstant(ms, 0)).toBe('2026-11-23T21:30:05.042+00:00');
    for (const offset of [300, 360, -210, 0, 840]) expect(parseInstant(formatInstant(ms, offset))).toBe(ms);
  });

  it('refuses an offset that is not whole minutes within a day', () => {
    expect(() => formatInstant(0, 24 * 60)).toThrow(RangeError);
    expect(() => formatInstant(0, 1.5)).toThrow(RangeError);
  });
});

describe('isTimestamp (the same pattern as parseInstant)', () => {
  it.each([
    ['2026-11-24T10:00:00+05:00', true],
    ['2026-11-24T10:00Z', true],
    ['2026-11-24T10:00:00.123456Z', true],
    ['2024-02-29T10:00:00Z', true],
    ['2026-02-29T10:00:00Z', false],
    ['2026-11-24T24:00:00Z', false],
    ['2026-11-24T10:00:00', false],
    ['2026-11-24 10:00:00Z', false],
    ['2026-11-24T10:00:00+5:00', false],
    ['2026-11-24T10:00:00+24:00', false],
  ])('%s → %s', (text, valid) => {
    expect(isTimestamp(text)).toBe(valid);
    let parsed = true;
    try {
      parseInstant(text);
    } catch {
      parsed = false;
    }
    expect(parsed).toBe(valid);
  });

  it('is false for what is not a string', () => {
    expect(isTimestamp(1_763_643_600_000)).toBe(false);
    expect(isTimestamp(null)).toBe(false);
  });
});
