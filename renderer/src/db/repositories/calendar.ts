import {
  BUNDLED_CALENDAR_YEARS,
  createCalendar,
  parseCalendarYear,
  type CalendarFileError,
  type CalendarYear,
} from '../../../../shared/calendar';
import type { WorkingDayCalendar } from '../../../../shared/calendar/types';
import { ChangeFeed } from '../changes';
import type { DeskDatabase } from '../database';
import { guarded, StorageError } from '../errors';
import type { SettingsRepository } from './settings';

export type ImportYearResult = { ok: true; year: number } | { ok: false; errors: CalendarFileError[] };

export interface StoredCalendarYear {
  year: number;
  version: string;
  status: CalendarYear['status'];
  importedAt: string;
}

export interface CalendarRepository {
  /** Bundled year files, overridden year by year by imported ones, with the settings' office hours. */
  get(): Promise<WorkingDayCalendar>;
  /** Validates a year file (parsed JSON) and stores it; it then wins over the bundled file of that year. */
  importYear(json: unknown): Promise<ImportYearResult>;
  removeYear(year: number): Promise<void>;
  storedYears(): Promise<StoredCalendarYear[]>;
  /** Told after an import, a removal or a change of office hours (deadlines must be recomputed). */
  onChange(listener: () => void): () => void;
}

export function createCalendarRepository(
  db: DeskDatabase,
  settings: SettingsRepository,
  bundled: readonly CalendarYear[] = BUNDLED_CALENDAR_YEARS,
): CalendarRepository {
  const feed = new ChangeFeed<void>();
  let cached: Promise<WorkingDayCalendar> | undefined;
  const invalidate = () => {
    cached = undefined;
    feed.emit();
  };
  settings.onChange(invalidate);

  async function build(): Promise<WorkingDayCalendar> {
    const [records, current] = await Promise.all([guarded(() => db.calendarYears.toArray()), settings.get()]);
    const stored = records.map((r) => {
      const parsed = parseCalendarYear(r.file);
      if (!parsed.ok) throw new StorageError('corrupt');
      return parsed.year;
    });
    // createCalendar lets a later file of the same year win, so imports go last.
    return createCalendar([...bundled, ...stored], current.officeHours);
  }

  return {
    get() {
      cached ??= build().catch((error: unknown) => {
        cached = undefined;
        throw error;
      });
      return cached;
    },
    importYear: (json) =>
      guarded(async () => {
        const parsed = parseCalendarYear(json);
        if (!parsed.ok) return { ok: false, errors: parsed.errors };
        await db.calendarYears.put({
          year: parsed.year.year,
          file: parsed.year,
          importedAt: new Date().toISOString(),
        });
        invalidate();
        return { ok: true, year: parsed.year.year };
      }),
    removeYear: (year) =>
      guarded(async () => {
        await db.calendarYears.delete(year);
        invalidate();
      }),
    storedYears: () =>
      guarded(async () =>
        (await db.calendarYears.orderBy('year').toArray()).map((r) => ({
          year: r.year,
          version: r.file.version,
          status: r.file.status,
          importedAt: r.importedAt,
        })),
      ),
    onChange: (listener) => feed.subscribe(listener),
  };
}
