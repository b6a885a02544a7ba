import { z } from 'zod';
import { isIsoDate, isWeekend, yearOf } from './dates';

// One file per year (resources/calendar/<year>.json). Each entry is explicit: for a year with a
// file nothing is derived, because the yearly orders override the transfer rule (2020 moved the
// day off for 9 May from Monday 11 May to Friday 8 May). An akimat imports a corrected file
// through parseCalendarYear, so every mistake must come back with a path and a code.

/** Holidays that stay where they fall, even on a weekend (Labour Code art. 84(5)). */
export const NOT_MOVED_HOLIDAY_KEYS: readonly string[] = ['orthodox-christmas', 'kurban-ait'];

/** Holiday keys the bundled files use; the UI translates them. Files may add new slugs. */
export const HOLIDAY_KEYS = [
  'new-year',
  'orthodox-christmas',
  'womens-day',
  'nauryz',
  'unity-day',
  'defender-day',
  'victory-day',
  'capital-day',
  'constitution-day',
  'republic-day',
  'first-president-day',
  'independence-day',
  'kurban-ait',
] as const;

const isoDate = z.string().refine(isIsoDate, {
  message: "must be a real calendar date 'YYYY-MM-DD'",
  params: { code: 'invalid-date' },
});
const slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'must be a lower-case slug like "new-year"' });
const note = z.string().trim().min(1).optional();
const unconfirmedFlag = z.literal(true).optional();

const holidaySchema = z.strictObject({ date: isoDate, key: slug, note, unconfirmed: unconfirmedFlag });

const dayOffSchema = z.strictObject({
  date: isoDate,
  /** 'holiday-on-weekend' (Law 267 art. 5), 'transfer' (an order moved it here), or another slug. */
  key: slug,
  /** holiday-on-weekend: the holiday it follows; transfer: the day the day off was moved from. */
  from: isoDate.optional(),
  /** 'rule': derived from Law 267 art. 5 by hand, not found in a published order. */
  basis: z.literal('rule').optional(),
  note,
  unconfirmed: unconfirmedFlag,
});

const workingWeekendSchema = z.strictObject({ date: isoDate, note, unconfirmed: unconfirmedFlag });

const unconfirmedSchema = z.strictObject({ date: isoDate, note: z.string().trim().min(1) });

const baseSchema = z.strictObject({
  year: z.number().int().min(1992).max(2200),
  version: z.string().regex(/^\d{4}\.\d+$/, { message: 'must look like "2026.1"' }),
  status: z.enum(['official', 'partial']),
  sources: z.array(z.string().trim().min(1)).min(1),
  note,
  holidays: z.array(holidaySchema),
  daysOff: z.array(dayOffSchema),
  workingWeekends: z.array(workingWeekendSchema),
  unconfirmed: z.array(unconfirmedSchema),
});

export type CalendarYear = z.output<typeof baseSchema>;
export type CalendarHoliday = CalendarYear['holidays'][number];
export type CalendarDayOff = CalendarYear['daysOff'][number];

type Issue = { path: (string | number)[]; code: string; message: string };

/** Checks that need the whole file: dates in the year, kinds not clashing, transfers that add up. */
function crossCheck(y: CalendarYear): Issue[] {
  const issues: Issue[] = [];
  const add = (path: (string | number)[], code: string, message: string) =>
    issues.push({ path, code, message });

  if (y.version.slice(0, 4) !== String(y.year)) {
    add(['version'], 'version-year', `must start with the year ${y.year}`);
  }

  const seen = new Map<string, string>();
  const claim = (list: string, i: number, date: string) => {
    if (yearOf(date) !== y.year) add([list, i, 'date'], 'date-outside-year', `${date} is not in ${y.year}`);
    const earlier = seen.get(date);
    if (earlier) add([list, i, 'date'], 'duplicate-date', `${date} is already listed in ${earlier}`);
    else seen.set(date, `${list}[${i}]`);
  };
  y.holidays.forEach((h, i) => claim('holidays', i, h.date));
  y.daysOff.forEach((d, i) => claim('daysOff', i, d.date));
  y.workingWeekends.forEach((w, i) => claim('workingWeekends', i, w.date));
  y.unconfirmed.forEach((u, i) => {
    if (yearOf(u.date) !== y.year)
      add(['unconfirmed', i, 'date'], 'date-outside-year', `${u.date} is not in ${y.year}`);
  });

  const holidayByDate = new Map(y.holidays.map((h) => [h.date, h]));
  const workingWeekends = new Set(y.workingWeekends.map((w) => w.date));
  const movedHolidays = new Set<string>();
  y.daysOff.forEach((d, i) => {
    if (isWeekend(d.date))
      add(['daysOff', i, 'date'], 'day-off-on-weekend', `${d.date} is a Saturday or Sunday already`);
    if (d.key === 'holiday-on-weekend') {
      const h = d.from ? holidayByDate.get(d.from) : undefined;
      if (!d.from || !h || !isWeekend(h.date)) {
        add(
          ['daysOff', i, 'from'],
          'from-not-weekend-holiday',
          'must name a holiday of this file on a Saturday or Sunday',
        );
      } else if (NOT_MOVED_HOLIDAY_KEYS.includes(h.key)) {
        add(['daysOff', i, 'from'], 'holiday-not-moved', `${h.key} is never moved (Labour Code art. 84(5))`);
      } else if (movedHolidays.has(h.date)) {
        add(['daysOff', i, 'from'], 'holiday-moved-twice', `${h.date} already has a day off`);
      } else {
        movedHolidays.add(h.date);
      }
      if (d.from && d.from >= d.date)
        add(['daysOff', i, 'from'], 'from-after-day-off', 'the holiday must come before its day off');
    }
    if (
      d.key === 'transfer' &&
      d.from &&
      yearOf(d.from) === y.year &&
      isWeekend(d.from) &&
      !workingWeekends.has(d.from)
    ) {
      add(
        ['daysOff', i, 'from'],
        'transfer-weekend-not-working',
        `${d.from} must be listed in workingWeekends`,
      );
    }
  });
  y.workingWeekends.forEach((w, i) => {
    if (!isWeekend(w.date))
      add(['workingWeekends', i, 'date'], 'not-a-weekend', `${w.date} is not a Saturday or Sunday`);
  });

  // Every flagged day needs its reason in `unconfirmed`, so the UI can show why it is in doubt.
  const explained = new Set(y.unconfirmed.map((u) => u.date));
  for (const list of ['holidays', 'daysOff', 'workingWeekends'] as const) {
    y[list].forEach((item, i) => {
      if (item.unconfirmed && !explained.has(item.date)) {
        add(
          [list, i, 'unconfirmed'],
          'unconfirmed-without-note',
          `${item.date} needs an entry in unconfirmed`,
        );
      }
    });
  }
  if (y.status === 'official' && y.unconfirmed.length > 0) {
    add(['status'], 'official-with-unconfirmed', 'a file with unconfirmed days must have status "partial"');
  }
  return issues;
}

export const calendarYearSchema = baseSchema.superRefine(
  (y, ctx) => {
    for (const issue of crossCheck(y)) {
      ctx.addIssue({
        code: 'custom',
        path: issue.path,
        message: issue.message,
        params: { code: issue.code },
      });
    }
  },
  // Format issues (bad dates, patterns) do not abort zod's parse; the cross-checks assume a
  // well-formed file, so they run only when nothing else is wrong.
  { when: (payload) => payload.issues.length === 0 },
);

export interface CalendarFileError {
  /** Where in the file, e.g. 'daysOff[2].from' ('' for the whole file). */
  path: string;
  /** Stable code the UI can translate: a zod issue code or one of the cross-check codes. */
  code: string;
  /** English detail for the person fixing the file. */
  message: string;
}

export type ParseCalendarYearResult =
  { ok: true; year: CalendarYear } | { ok: false; errors: CalendarFileError[] };

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
}

/** Validates one year file (already parsed from JSON text). */
export function parseCalendarYear(json: unknown): ParseCalendarYearResult {
  const result = calendarYearSchema.safeParse(json);
  if (result.success) return { ok: true, year: result.data };
  return {
    ok: false,
    errors: result.error.issues.map((issue) => {
      const params = issue.code === 'custom' ? (issue.params as { code?: unknown } | undefined) : undefined;
      return {
        path: formatPath(issue.path),
        code: typeof params?.code === 'string' ? params.code : issue.code,
        message: issue.message,
      };
    }),
  };
}
