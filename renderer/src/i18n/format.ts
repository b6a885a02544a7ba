/**
 * Dates as the office writes them (dd.MM.yyyy) in both languages. Built by hand from the ISO text
 * rather than with Intl's locale data, so the output never depends on which locales the Chromium
 * build carries (Kazakh data is missing from some builds and falls back to en-US order).
 */
import type { IsoDate } from '../../../shared/calendar';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** '2026-11-24' → '24.11.2026'; anything that is not an ISO date is returned unchanged. */
export function formatDate(iso: IsoDate): string {
  const m = ISO_DATE.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

const zoned = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = zoned.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    zoned.set(timeZone, f);
  }
  return f;
}

/** An instant (ISO 8601 with offset) as 'dd.MM.yyyy HH:mm' in the office's zone. */
export function formatDateTime(timestamp: string, timeZone: string): string {
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return timestamp;
  const parts = formatterFor(timeZone).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}.${part('month')}.${part('year')} ${part('hour')}:${part('minute')}`;
}

/** The office's calendar day of an instant, 'YYYY-MM-DD'. */
export function isoDayIn(date: Date, timeZone: string): IsoDate {
  const parts = formatterFor(timeZone).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
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
