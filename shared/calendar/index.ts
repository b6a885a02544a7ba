// The working-day calendar of Kazakhstan, bundled year files and the tools to import new ones.
// Static JSON imports (not import.meta.glob) so the same module runs in Vite, vitest and tsx.
import y2020 from '../../resources/calendar/2020.json';
import y2021 from '../../resources/calendar/2021.json';
import y2022 from '../../resources/calendar/2022.json';
import y2023 from '../../resources/calendar/2023.json';
import y2024 from '../../resources/calendar/2024.json';
import y2025 from '../../resources/calendar/2025.json';
import y2026 from '../../resources/calendar/2026.json';
import { createCalendar, DEFAULT_OFFICE_HOURS } from './calendar';
import { parseCalendarYear } from './schema';
import type { CalendarYear } from './schema';

export type { DayInfo, DayKind, IsoDate, OfficeHours, WorkingDayCalendar } from './types';
export type {
  CalendarDayOff,
  CalendarFileError,
  CalendarHoliday,
  CalendarYear,
  ParseCalendarYearResult,
} from './schema';
export { calendarYearSchema, HOLIDAY_KEYS, NOT_MOVED_HOLIDAY_KEYS, parseCalendarYear } from './schema';
export { createCalendar, DEFAULT_OFFICE_HOURS } from './calendar';
export {
  InvalidInstantError,
  dayOfInstant,
  formatInstant,
  isTimestamp,
  parseInstant,
  timeOfDayText,
  utcOffsetIn,
  wallClockOf,
} from './instant';
export type { FixedOffset, InstantProblem, Zone, ZonedTime } from './instant';
export { statutoryHolidays } from './statutory';
export { isIsoDate } from './dates';

function bundled(json: unknown): CalendarYear {
  const result = parseCalendarYear(json);
  if (!result.ok) {
    // A broken bundled file is a build defect: fail loudly at start-up, never compute deadlines with it.
    throw new Error(
      `bundled calendar file is invalid: ${result.errors.map((e) => `${e.path} ${e.message}`).join('; ')}`,
    );
  }
  return result.year;
}

/** The year files shipped with this release, validated at load. */
export const BUNDLED_CALENDAR_YEARS: readonly CalendarYear[] = Object.freeze(
  [y2020, y2021, y2022, y2023, y2024, y2025, y2026].map(bundled),
);

/** The bundled years with the default office hours (09:00–18:30, Asia/Almaty). */
export const kazakhstanCalendar = createCalendar(BUNDLED_CALENDAR_YEARS, DEFAULT_OFFICE_HOURS);
