import { describe, expect, it } from 'vitest';
import y2020 from '../../resources/calendar/2020.json';
import y2024 from '../../resources/calendar/2024.json';
import y2026 from '../../resources/calendar/2026.json';
import { isWeekend } from './dates';
import { BUNDLED_CALENDAR_YEARS, parseCalendarYear } from './index';
import type { CalendarFileError } from './index';
import { weekendHolidayDaysOff } from './statutory';

/** A deep copy of a bundled file, changed by `edit`, as an importer would receive it. */
function edited<T>(file: T, edit: (copy: T) => void): unknown {
  const copy = structuredClone(file);
  edit(copy);
  return copy;
}

function errorsOf(json: unknown): CalendarFileError[] {
  const result = parseCalendarYear(json);
  if (result.ok) throw new Error('expected the file to be rejected');
  return result.errors;
}

describe('parseCalendarYear', () => {
  it('accepts every bundled file and returns it typed', () => {
    const result = parseCalendarYear(y2026);
    expect(result.ok && result.year.year).toBe(2026);
    expect(BUNDLED_CALENDAR_YEARS.map((y) => y.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
  });

  it.each([
    ['not an object', null, [{ path: '', code: 'invalid_type' }]],
    [
      'missing sources',
      edited(y2026, (c: Partial<typeof y2026>) => delete c.sources),
      [{ path: 'sources', code: 'invalid_type' }],
    ],
    [
      'a misspelt field',
      edited(y2026, (c) => Object.assign(c, { dayOff: [] })),
      [{ path: '', code: 'unrecognized_keys' }],
    ],
    [
      'an impossible date',
      edited(y2026, (c) => (c.holidays[0]!.date = '2026-02-30')),
      [{ path: 'holidays[0].date', code: 'invalid-date' }],
    ],
    [
      'an unknown status',
      edited(y2026, (c) => Object.assign(c, { status: 'draft' })),
      [{ path: 'status', code: 'invalid_value' }],
    ],
    [
      'a bad version',
      edited(y2026, (c) => (c.version = 'v1')),
      [{ path: 'version', code: 'invalid_format' }],
    ],
    [
      'a key that is not a slug',
      edited(y2026, (c) => (c.holidays[0]!.key = 'New Year')),
      [{ path: 'holidays[0].key', code: 'invalid_format' }],
    ],
  ])('reports %s with its path', (_label, json, expected) => {
    expect(errorsOf(json)).toMatchObject(expected);
  });

  it.each([
    ['version of another year', edited(y2026, (c) => (c.version = '2025.3')), 'version', 'version-year'],
    [
      'a date outside the year',
      edited(y2026, (c) => (c.holidays[0]!.date = '2025-01-01')),
      'holidays[0].date',
      'date-outside-year',
    ],
    [
      'a date listed twice',
      edited(y2026, (c) => c.workingWeekends.push({ date: '2026-03-21' } as never)),
      'workingWeekends[0].date',
      'duplicate-date',
    ],
    [
      'a day off on a weekend',
      edited(y2026, (c) => (c.daysOff[0]!.date = '2026-11-21')),
      'daysOff[0].date',
      'day-off-on-weekend',
    ],
    [
      'a working weekend on a weekday',
      edited(y2020, (c) => (c.workingWeekends[0]!.date = '2020-01-06')),
      'workingWeekends[0].date',
      'not-a-weekend',
    ],
    [
      'a holiday-on-weekend day off without its holiday',
      edited(y2026, (c) => delete (c.daysOff[0] as { from?: string }).from),
      'daysOff[0].from',
      'from-not-weekend-holiday',
    ],
    [
      'a holiday-on-weekend day off for a weekday holiday',
      edited(y2026, (c) => (c.daysOff[0]!.from = '2026-03-23')),
      'daysOff[0].from',
      'from-not-weekend-holiday',
    ],
    [
      'a day off for Kurban Ait on a Sunday',
      edited(y2024, (c) =>
        c.daysOff.push({ date: '2024-06-17', key: 'holiday-on-weekend', from: '2024-06-16' }),
      ),
      'daysOff[3].from',
      'holiday-not-moved',
    ],
    [
      'two days off for one holiday',
      edited(y2026, (c) =>
        c.daysOff.push({ date: '2026-03-26', key: 'holiday-on-weekend', from: '2026-03-21' }),
      ),
      'daysOff[5].from',
      'holiday-moved-twice',
    ],
    [
      'a transfer from a weekend not listed as worked',
      edited(y2020, (c) => c.workingWeekends.splice(0, 1)),
      'daysOff[0].from',
      'transfer-weekend-not-working',
    ],
    [
      'an unconfirmed day without a note',
      edited(y2026, (c) => Object.assign(c.daysOff[4]!, { unconfirmed: true })),
      'daysOff[4].unconfirmed',
      'unconfirmed-without-note',
    ],
    [
      'an official file with unconfirmed days',
      edited(y2026, (c) => c.unconfirmed.push({ date: '2026-10-26', note: 'no order found' } as never)),
      'status',
      'official-with-unconfirmed',
    ],
  ])('rejects %s', (_label, json, path, code) => {
    const errors = errorsOf(json);
    expect(errors).toContainEqual(expect.objectContaining({ path, code }));
    expect(errors.every((e) => e.message.length > 0)).toBe(true);
  });

  it('reports every problem of a file at once, naming the dates', () => {
    const json = edited(y2026, (c) => {
      c.daysOff[0]!.date = '2026-11-21';
      c.daysOff[1]!.date = '2026-11-22';
    });
    const errors = errorsOf(json).filter((e) => e.code === 'day-off-on-weekend');
    expect(errors.map((e) => e.path)).toEqual(['daysOff[0].date', 'daysOff[1].date']);
    expect(errors[0]!.message).toContain('2026-11-21');
  });
});

describe('bundled files against Law 267 art. 5', () => {
  // Every day off the rule implies is in the file: as a holiday-on-weekend day off, or as the
  // source of a transfer that an order moved elsewhere (2020: 11 May moved to 8 May).
  it.each(BUNDLED_CALENDAR_YEARS.map((y) => [y.year, y] as const))('%i', (_year, y) => {
    const byRule = weekendHolidayDaysOff(y.holidays).map((d) => `${d.date}<-${d.from}`);
    const inFile = y.daysOff
      .filter((d) => d.key === 'holiday-on-weekend')
      .map((d) => `${d.date}<-${d.from ?? ''}`);
    const movedAway = y.daysOff
      .filter((d) => d.key === 'transfer' && d.from && !isWeekend(d.from))
      .map((d) => d.from ?? '');
    expect(byRule.filter((r) => !movedAway.some((m) => r.startsWith(m))).sort()).toEqual(inFile.sort());
  });
});
