/**
 * Redaction of personal data before anything reaches a log: the one place that decides what a log
 * line may carry (the idea of Signal Desktop's `redactAll`). Messages are constants by rule (lint),
 * but a value can still slip into one, so messages are redacted too, and so is every string in the
 * fields. File paths go too: on Windows a profile folder is the officer's name, and scans are named
 * after applicants. Over-redacting a harmless number costs a developer a guess; under-redacting leaks an IIN.
 */

/** What replaces each kind of personal data: the kind stays visible, the value never. */
export const REDACTED = {
  iin: '[IIN/BIN]',
  phone: '[phone]',
  email: '[email]',
  field: '[redacted]',
  path: '[path]',
} as const;

// C:\Users\…, \\server\share\…, /home/…, file:///…; a URL's own path (https://host/a/b) is kept.
const PATH =
  /file:\/\/\S+|(?<![\w])[A-Za-z]:\\[^\s'"]*|\\\\[^\s'"]+|(?<![\w.:/-])\/(?:[^\s'"/]+\/)+[^\s'"]*/gu;

const EMAIL = /[^\s@<>()[\]"',;:]+@[^\s@<>()[\]"',;:]+\.[^\s@<>()[\]"',;:]{2,}/gu;
// An IIN or a BIN is 12 digits; a longer run may hold one, so every run of 12 or more goes.
const IIN_OR_BIN = /(?<!\d)\d{12,}(?!\d)/gu;
// Kazakh and other numbers as people write them: +7 701 234 56 78, 8 (701) 234-56-78, 87012345678,
// and any other run of 10–11 digits (a number without its country code).
const PHONE = /(?<![\d+])(?:\+?\d{1,3}[\s-]?\(?\d{3}\)?[\s-]?\d{3}[\s-]?\d{2}[\s-]?\d{2}|\d{10,11})(?!\d)/gu;

/** `text` with every IIN/BIN, phone number and e-mail address replaced by its kind. */
export function redactAll(text: string): string {
  return text
    .replace(PATH, REDACTED.path)
    .replace(EMAIL, REDACTED.email)
    .replace(IIN_OR_BIN, REDACTED.iin)
    .replace(PHONE, REDACTED.phone);
}

/**
 * Fields whose very name says they hold a person (a name, an address, what the officer wrote) are
 * dropped whole: a name cannot be recognised in free text, so it is recognised by where it sits.
 * Keys are split into words (`signerName`, `birth_date`, `e-mail`), so `fileName` is dropped too: on
 * purpose, scans are often named after the applicant.
 */
const PERSONAL_WORDS = new Set([
  'name',
  'names',
  'fullname',
  'surname',
  'patronymic',
  'applicant',
  'pupil',
  'parent',
  'signer',
  'person',
  'address',
  'email',
  'mail',
  'phone',
  'tel',
  'iin',
  'bin',
  'birth',
  'comment',
  'note',
  'diagnosis',
  'conclusion',
]);

export function isPersonalField(key: string): boolean {
  const words = key
    .replace(/([a-z0-9])([A-Z])/gu, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/u);
  return words.some((w) => PERSONAL_WORDS.has(w) || PERSONAL_WORDS.has(w.replace(/s$/u, '')));
}

export type RedactedValue =
  string | number | boolean | null | readonly RedactedValue[] | { readonly [key: string]: RedactedValue };

const MAX_DEPTH = 4;
const MAX_ITEMS = 50;

/**
 * An Error is logged by its name, its code (when it has a string one, e.g. an errno) and its
 * redacted message. Stacks are left out: on Windows they carry the profile folder, which is the
 * officer's name.
 */
function redactError(error: Error, depth: number): RedactedValue {
  const code = (error as { code?: unknown }).code;
  const out: Record<string, RedactedValue> = {
    name: redactAll(error.name),
    message: redactAll(error.message),
  };
  if (typeof code === 'string') out['code'] = redactAll(code);
  if (error.cause !== undefined && depth < MAX_DEPTH) out['cause'] = redactValue(error.cause, depth + 1);
  return out;
}

/** Any value made safe for a log, recursively (bounded, so a cyclic or huge object cannot hang it). */
export function redactValue(value: unknown, depth = 0): RedactedValue {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
      return redactAll(value);
    case 'number': {
      // An IIN typed as a number is still an IIN.
      const text = String(value);
      const redacted = redactAll(text);
      return redacted === text ? value : redacted;
    }
    case 'boolean':
      return value;
    case 'bigint':
      return redactAll(value.toString());
    case 'object':
      break;
    default:
      return `[${typeof value}]`;
  }
  if (value instanceof Error) return redactError(value, depth);
  if (depth >= MAX_DEPTH) return '[nested]';
  if (Array.isArray(value)) {
    return value.slice(0, MAX_ITEMS).map((item: unknown) => redactValue(item, depth + 1));
  }
  return redactFields(value as Readonly<Record<string, unknown>>, depth + 1);
}

/** Fields of a log line: personal ones dropped whole, every other value redacted. */
export function redactFields(
  fields: Readonly<Record<string, unknown>>,
  depth = 0,
): Record<string, RedactedValue> {
  const out: Record<string, RedactedValue> = {};
  for (const [key, value] of Object.entries(fields).slice(0, MAX_ITEMS)) {
    out[redactAll(key)] = isPersonalField(key) ? REDACTED.field : redactValue(value, depth);
  }
  return out;
}
