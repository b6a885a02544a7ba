import 'fake-indexeddb/auto';
import type { TFunction } from 'i18next';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BUNDLED_CALENDAR_YEARS } from '../../../../shared/calendar';
import { HostError, type OpenFileRequest, type OpenedFile } from '../../../../shared/host';
import type { Desk } from '../../db';
import { openTestDesk } from '../../db/testing';
import broken2027 from '../../../../test/fixtures/calendar/2027-broken.json';
import year2027 from '../../../../test/fixtures/calendar/2027.json';
import { translations } from '../../stores/fixtures';
import {
  calendarRefusalLines,
  importCalendarFile,
  MAX_CALENDAR_BYTES,
  type CalendarRefusal,
} from './calendarImport';
import { calendarYearRows } from './settingsForm';

// The e2e test hands the same files to the browser's file dialog.
const FIXTURES: Record<string, unknown> = { '2027.json': year2027, '2027-broken.json': broken2027 };
const fixture = (name: string) => new TextEncoder().encode(JSON.stringify(FIXTURES[name]));

/** A host whose file dialog hands over `answer` and remembers what it was asked. */
function hostOpening(answer: () => Promise<OpenedFile | null>) {
  const asked: OpenFileRequest[] = [];
  return {
    asked,
    openFile: (req: OpenFileRequest) => {
      asked.push(req);
      return answer();
    },
  };
}
const file = (bytes: Uint8Array) => hostOpening(() => Promise.resolve({ name: 'year.json', bytes }));

let desk: Desk;
let tKk: TFunction;
let tRu: TFunction;
beforeAll(async () => {
  ({ kk: tKk, ru: tRu } = await translations());
});
beforeEach(async () => {
  desk = await openTestDesk();
});
afterEach(() => desk.close());

const rowsNow = async () => calendarYearRows(BUNDLED_CALENDAR_YEARS, await desk.calendar.storedYears(), 2026);

describe('importing a calendar year file', () => {
  it('asks the host for one small JSON file and stores a valid year, which then wins over "provisional"', async () => {
    expect((await rowsNow())[0]).toMatchObject({ year: 2027, status: 'provisional', source: 'none' });
    const host = file(fixture('2027.json'));

    expect(await importCalendarFile(host, desk.calendar)).toEqual({ kind: 'imported', year: 2027 });
    expect(host.asked).toEqual([
      { accept: [{ mimeType: 'application/json', extensions: ['json'] }], maxBytes: MAX_CALENDAR_BYTES },
    ]);
    expect((await rowsNow())[0]).toEqual({
      year: 2027,
      version: '2027.1',
      status: 'partial',
      source: 'imported',
    });
    // The deadlines count with it: a day off of the file is no working day any more.
    expect((await desk.calendar.get()).isWorkingDay('2027-03-24')).toBe(false);
  });

  it('refuses a file with mistakes, says where, and changes nothing stored', async () => {
    await importCalendarFile(file(fixture('2027.json')), desk.calendar);
    const before = await desk.calendar.storedYears();

    const outcome = await importCalendarFile(file(fixture('2027-broken.json')), desk.calendar);
    expect(outcome.kind).toBe('refused');
    if (outcome.kind !== 'refused') return;
    expect(outcome.refusal).toMatchObject({ reason: 'invalid' });
    expect(calendarRefusalLines(tKk, outcome.refusal)).toEqual([
      'version: нұсқа файлдың жылынан басталуы тиіс (мысалы, 2027.1)',
      'workingWeekends[0].date: бұл күн сенбі немесе жексенбі емес',
    ]);
    expect(await desk.calendar.storedYears()).toEqual(before);
  });

  it('refuses what is not JSON, a file over the limit, and reports a cancelled dialog as nothing done', async () => {
    const notJson = await importCalendarFile(file(new TextEncoder().encode('{"year": 2027,')), desk.calendar);
    expect(notJson).toEqual({ kind: 'refused', refusal: { reason: 'not-json' } });

    const big = hostOpening(() => Promise.reject(new HostError('too-large')));
    expect(await importCalendarFile(big, desk.calendar)).toEqual({
      kind: 'refused',
      refusal: { reason: 'too-large' },
    });
    expect(
      await importCalendarFile(
        hostOpening(() => Promise.resolve(null)),
        desk.calendar,
      ),
    ).toEqual({
      kind: 'cancelled',
    });
    expect(await desk.calendar.storedYears()).toEqual([]);
  });

  it('reads a file saved with a byte order mark, as Windows editors save it', async () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...fixture('2027.json')]);
    expect(await importCalendarFile(file(bom), desk.calendar)).toEqual({ kind: 'imported', year: 2027 });
  });

  it('lets a storage failure through to the desk banner instead of calling it a refusal', async () => {
    desk.close();
    await expect(importCalendarFile(file(fixture('2027.json')), desk.calendar)).rejects.toThrow();
    desk = await openTestDesk();
  });

  it('falls back to the bundled file of the year when an import is removed, or to the law without one', async () => {
    const bundled2026 = BUNDLED_CALENDAR_YEARS.find((y) => y.year === 2026)!;
    const corrected = new TextEncoder().encode(JSON.stringify({ ...bundled2026, version: '2026.9' }));
    await importCalendarFile(file(corrected), desk.calendar);
    await importCalendarFile(file(fixture('2027.json')), desk.calendar);
    expect((await rowsNow()).slice(0, 2)).toMatchObject([
      { year: 2027, source: 'imported' },
      { year: 2026, version: '2026.9', source: 'imported' },
    ]);

    await desk.calendar.removeYear(2026);
    await desk.calendar.removeYear(2027);
    expect((await rowsNow()).slice(0, 2)).toEqual([
      { year: 2027, version: '', status: 'provisional', source: 'none' },
      { year: 2026, version: bundled2026.version, status: bundled2026.status, source: 'bundled' },
    ]);
  });
});

describe('refusal lines', () => {
  it('translate every reason in both languages, and a code this release does not know in general words', () => {
    const refusals: CalendarRefusal[] = [
      { reason: 'not-json' },
      { reason: 'too-large' },
      { reason: 'host', code: 'not-allowed' },
      { reason: 'invalid', errors: [{ path: '', code: 'some_future_code', message: 'x' }] },
    ];
    for (const t of [tKk, tRu]) {
      const lines = refusals.flatMap((r) => calendarRefusalLines(t, r));
      expect(lines).toHaveLength(4);
      for (const line of lines) expect(line).not.toMatch(/settingsScreen|hostError|some_future_code/);
    }
    expect(calendarRefusalLines(tRu, { reason: 'too-large' })).toEqual([
      `файл слишком большой (не более ${MAX_CALENDAR_BYTES / 1024} КБ)`,
    ]);
    expect(calendarRefusalLines(tRu, refusals[3]!)).toEqual([
      'весь файл: это место файла не соответствует схеме календаря',
    ]);
  });
});
