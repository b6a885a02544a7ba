/** Checking filled values against a template and turning them into the text that is printed. */
import { dateInWords, datePart } from '../grammar';
import { parseIin } from '../iin';
import { unprintableCharacters } from './font-coverage';
import { dateModifiers } from './template-checks';
import type { FormTemplate, TemplateField } from './template-schema';
import type { FormLanguage, FormValues } from './types';

export type FieldProblemCode =
  | 'required'
  | 'too-long'
  | 'invalid-iin'
  | 'invalid-date'
  | 'invalid-number'
  | 'invalid-option'
  | 'unprintable-character';

export interface FieldProblem {
  field: string;
  code: FieldProblemCode;
}

/** Thrown by renderForm when a document would go out with an empty or malformed field. */
export class FormValidationError extends Error {
  readonly problems: readonly FieldProblem[];
  constructor(problems: readonly FieldProblem[]) {
    // The message names fields and codes only: values may be personal data and must not reach logs.
    super(`form values rejected: ${problems.map((p) => `${p.field}:${p.code}`).join(', ')}`);
    this.name = 'FormValidationError';
    this.problems = problems;
  }
}

/** The value as typed: NFC (decomposed Kazakh letters would not match the font's cmap), trimmed. */
export function rawValue(values: FormValues, name: string): string {
  const v = values[name];
  if (v === undefined || v === null) return '';
  return String(v).normalize('NFC').trim();
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

interface DateParts {
  y: string;
  m: string;
  d: string;
  hh?: string;
  mm?: string;
}

function parseIsoDate(value: string): DateParts | undefined {
  const m = ISO_DATE.exec(value);
  if (!m) return undefined;
  const [, y = '', mo = '', d = '', hh, mm] = m;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  // Rejects 2026-02-30 and the like, which Date would silently roll over.
  if (
    date.getUTCFullYear() !== Number(y) ||
    date.getUTCMonth() !== Number(mo) - 1 ||
    date.getUTCDate() !== Number(d)
  ) {
    return undefined;
  }
  if (hh !== undefined && (Number(hh) > 23 || Number(mm) > 59)) return undefined;
  return { y, m: mo, d, ...(hh !== undefined && mm !== undefined ? { hh, mm } : {}) };
}

/** `dd.MM.yyyy`, the date style of Kazakh official papers; undefined if not a valid ISO date. */
export function formatDate(value: string): string | undefined {
  const p = parseIsoDate(value);
  return p ? `${p.d}.${p.m}.${p.y}` : undefined;
}

/**
 * `dd.MM.yyyy HH:mm` as written in the ISO string: the wall-clock time of the akimat that received
 * the application, never converted to this computer's time zone.
 */
export function formatDateTime(value: string): string | undefined {
  const p = parseIsoDate(value);
  if (!p) return undefined;
  return p.hh === undefined ? `${p.d}.${p.m}.${p.y}` : `${p.d}.${p.m}.${p.y} ${p.hh}:${p.mm}`;
}

function problemOf(field: TemplateField, value: string): FieldProblemCode | undefined {
  if (value === '') return field.required ? 'required' : undefined;
  if ([...value].length > field.maxLength) return 'too-long';
  // The font has no glyph for it: it would print as an empty box (and PDF/A forbids that glyph).
  if (unprintableCharacters(value).length > 0) return 'unprintable-character';
  switch (field.type) {
    case 'iin':
      return parseIin(value).valid ? undefined : 'invalid-iin';
    case 'date':
    case 'datetime':
      return parseIsoDate(value) ? undefined : 'invalid-date';
    case 'number':
      return /^\d+([.,]\d+)?$/.test(value) ? undefined : 'invalid-number';
    case 'enum':
      return field.options?.some((o) => o.value === value) ? undefined : 'invalid-option';
    case 'text':
    case 'multiline':
      return undefined;
  }
}

/** Every problem of the values, in the template's field order; empty when the form may be issued. */
export function validateValues(template: FormTemplate, values: FormValues): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const field of template.fields) {
    const code = problemOf(field, rawValue(values, field.name));
    if (code) problems.push({ field: field.name, code });
  }
  return problems;
}

/**
 * The printed text of each field. Values that cannot be formatted (only possible in a preview,
 * which skips validation) are printed as typed so the officer sees what to correct.
 */
export function formatValues(template: FormTemplate, values: FormValues): Map<string, string> {
  const out = new Map<string, string>();
  for (const field of template.fields) {
    const raw = rawValue(values, field.name);
    let printed = raw;
    if (raw !== '') {
      switch (field.type) {
        case 'date':
          printed = formatDate(raw) ?? raw;
          break;
        case 'datetime':
          printed = formatDateTime(raw) ?? raw;
          break;
        case 'enum':
          printed = field.options?.find((o) => o.value === raw)?.label ?? raw;
          break;
        case 'multiline':
          printed = raw.replace(/\r\n?/g, '\n');
          break;
        case 'text':
        case 'iin':
        case 'number':
          // A single-line field never breaks a line by itself, whatever was pasted into it.
          printed = raw.replace(/\s+/g, ' ');
          break;
      }
    }
    out.set(field.name, printed);
  }
  return out;
}

/**
 * A date field in the form a placeholder asks for: in words in a case («2026 жылғы 20 қарашадан»,
 * «20 ноября 2026 года»), or one part of it («2026», «19», «қарашадағы»). A date-time keeps its
 * time after the words. Values that are not dates (only in a preview) are printed as typed.
 */
export function formatModified(
  field: TemplateField | undefined,
  raw: string,
  modifiers: readonly string[],
  language: FormLanguage,
): string {
  if (!field || raw === '') return '';
  const mods = dateModifiers(modifiers, language);
  if (!mods || (field.type !== 'date' && field.type !== 'datetime')) return raw;
  const parts = parseIsoDate(raw);
  if (!parts) return raw;
  const iso = `${parts.y}-${parts.m}-${parts.d}`;
  if (mods.part) return datePart(iso, mods.part, language, mods.kase ?? 'nominative') ?? raw;
  const words = dateInWords(iso, language, mods.kase ?? 'nominative') ?? raw;
  return field.type === 'datetime' && parts.hh !== undefined ? `${words} ${parts.hh}:${parts.mm}` : words;
}
