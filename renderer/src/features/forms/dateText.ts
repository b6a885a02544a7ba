/**
 * Dates in the form's fields are typed as the office writes them (dd.MM.yyyy, with HH:mm for a
 * date-time) and kept as ISO text for the template. Chromium's own date input would follow the
 * browser's locale (US order on machines without Kazakh locale data), so plain text it is.
 */
import type { FieldType } from '../../../../shared/forms';

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/;
const TYPED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s+(\d{1,2}):(\d{2}))?$/;

/** What the field shows for a stored value: ISO becomes dd.MM.yyyy[ HH:mm]; anything else as typed. */
export function displayValue(type: FieldType, value: string): string {
  if (type !== 'date' && type !== 'datetime') return value;
  const m = ISO.exec(value);
  if (!m) return value;
  const [, y, mo, d, hh, mm] = m;
  return hh === undefined ? `${d}.${mo}.${y}` : `${d}.${mo}.${y} ${hh}:${mm}`;
}

/**
 * What is stored for a typed text: the ISO form once it reads as a date (a date-time without a time
 * stays a plain date), otherwise the text itself, which the template's check then reports.
 */
export function storedValue(type: FieldType, typed: string): string {
  if (type !== 'date' && type !== 'datetime') return typed;
  const m = TYPED.exec(typed.trim());
  if (!m) return typed;
  const [, d = '', mo = '', y = '', hh, mm] = m;
  const date = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
  if (type === 'date' || hh === undefined) return type === 'date' && hh !== undefined ? typed : date;
  return `${date}T${hh.padStart(2, '0')}:${mm}`;
}
