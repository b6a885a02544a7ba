/**
 * Dates as the office writes them (dd.MM.yyyy) in both languages. Built by hand from the ISO text
 * rather than with Intl's locale data, so the output never depends on which locales the Chromium
 * build carries (Kazakh data is missing from some builds and falls back to en-US order).
 */
import type { IsoDate } from '../../../shared/calendar';
import { isTimestamp, timeOfDayText, wallClockOf, type Zone } from '../../../shared/calendar/instant';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** '2026-11-24' → '24.11.2026'; anything that is not an ISO date is returned unchanged. */
export function formatDate(iso: IsoDate): string {
  const m = ISO_DATE.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

/**
 * An instant (ISO 8601 with offset) as 'dd.MM.yyyy HH:mm' at the office (its IANA zone, or the
 * fixed offset a case recorded); text that is not a timestamp is returned unchanged.
 */
export function formatDateTime(timestamp: string, zone: Zone): string {
  if (!isTimestamp(timestamp)) return timestamp;
  const { date, secondOfDay } = wallClockOf(timestamp, zone);
  return `${formatDate(date)} ${timeOfDayText(secondOfDay)}`;
}

/** 'dd.MM.yyyy' typed by a person → ISO date, or null when it is not a real date. */
export function parseDisplayDate(text: string): IsoDate | null {
  const m = /^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$/.exec(text);
  if (!m) return null;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : null;
}

/** File sizes as people read them; the unit words come from the translations. */
export function sizeParts(bytes: number): { value: string; unit: 'B' | 'KB' | 'MB' } {
  if (bytes < 1024) return { value: String(bytes), unit: 'B' };
  if (bytes < 1024 * 1024) return { value: (bytes / 1024).toFixed(0), unit: 'KB' };
  return { value: (bytes / 1024 / 1024).toFixed(1), unit: 'MB' };
}
