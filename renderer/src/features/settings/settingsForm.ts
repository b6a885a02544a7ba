/** The settings being edited, as plain data addressed by paths like 'akimat.name.kk' or 'officeHours.opens'. */
import type { CalendarYear } from '../../../../shared/calendar';
import type { Settings, SettingsIssue, SettingsIssueCode } from '../../../../shared/settings';

export type Draft = Record<string, unknown>;

export function toDraft(settings: Settings): Draft {
  const draft: Draft = structuredClone(settings);
  return draft;
}

function keyOf(part: string): string | number {
  return /^\d+$/.test(part) ? Number(part) : part;
}

export function getAt(draft: unknown, path: string): unknown {
  let node: unknown = draft;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[keyOf(part)];
  }
  return node;
}

/** The text at `path` ('' for anything that is not a string or a number). */
export function textAt(draft: unknown, path: string): string {
  const v = path === '' ? draft : getAt(draft, path);
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

/** A new draft with `value` at `path`; the old draft is left as it was (React compares by reference). */
export function setAt<T>(draft: T, path: string, value: unknown): T {
  const [head, ...rest] = path.split('.');
  const key = keyOf(head ?? '');
  const copy = (Array.isArray(draft) ? [...draft] : { ...(draft as object) }) as Record<
    string | number,
    unknown
  >;
  copy[key] = rest.length === 0 ? value : setAt(copy[key] ?? {}, rest.join('.'), value);
  return copy as T;
}

/** Issues keyed by the field they belong to; issues about a whole list stay on the list's path. */
export function issuesByPath(issues: readonly SettingsIssue[]): Record<string, SettingsIssueCode> {
  const out: Record<string, SettingsIssueCode> = {};
  for (const issue of issues) {
    const path = issue.path.join('.');
    out[path] ??= issue.code;
  }
  return out;
}

const MIB = 1024 * 1024;

/** The attachment limit is typed in whole megabytes; anything else stays as typed for the validator. */
export function megabytesToBytes(text: string): number | string {
  const n = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(n) ? Math.round(n * MIB) : text;
}

/** A whole number typed in a field (the lock's minutes); anything else stays as typed for the validator. */
export function textToInteger(text: string): number | string {
  const trimmed = text.trim();
  return /^\d{1,6}$/.test(trimmed) ? Number(trimmed) : text;
}

export function bytesToMegabytes(bytes: unknown): string {
  return typeof bytes === 'number' ? String(Math.round((bytes / MIB) * 10) / 10) : textAt(bytes, '');
}

export type YearStatus = 'official' | 'partial' | 'provisional';

export interface CalendarYearRow {
  year: number;
  version: string;
  status: YearStatus;
  source: 'bundled' | 'imported' | 'none';
}

/**
 * Every year from the first bundled one to next year: an imported file wins over the bundled file
 * of its year; a year with neither is counted from the statutes alone (provisional).
 */
export function calendarYearRows(
  bundled: readonly Pick<CalendarYear, 'year' | 'version' | 'status'>[],
  imported: readonly { year: number; version: string; status: 'official' | 'partial' }[],
  currentYear: number,
): CalendarYearRow[] {
  const years = [...bundled.map((y) => y.year), ...imported.map((y) => y.year), currentYear + 1];
  const rows: CalendarYearRow[] = [];
  for (let year = Math.min(...years); year <= Math.max(...years); year++) {
    const own = imported.find((y) => y.year === year);
    const shipped = bundled.find((y) => y.year === year);
    if (own) rows.push({ year, version: own.version, status: own.status, source: 'imported' });
    else if (shipped)
      rows.push({ year, version: shipped.version, status: shipped.status, source: 'bundled' });
    else rows.push({ year, version: '', status: 'provisional', source: 'none' });
  }
  return rows.reverse();
}
