/**
 * The installation settings of one akimat's desk. Every failure comes back as a code (and the path of
 * the field) for the UI to translate; nothing here produces a sentence.
 */
import { z } from 'zod';
import { binIssue } from './bin';
import { ACT_TYPES, ISSUER_KINDS } from './issuer';
import { AKIMAT_LEVELS } from './legal-basis';
import { validateWith } from './validate';

export const SETTINGS_ISSUE_CODES = [
  'required',
  'too-long',
  'invalid',
  'bin.format',
  'bin.checksum',
  'time.format',
  'hours.order',
  'timezone.unknown',
  'size.range',
  'phone.format',
  'email.format',
  'lock.range',
] as const;
export type SettingsIssueCode = (typeof SETTINGS_ISSUE_CODES)[number];

export interface SettingsIssue {
  path: (string | number)[];
  code: SettingsIssueCode;
}

/** Bounds of the attachment size limit: below 1 MiB real scans fail, above 200 MiB IndexedDB suffers. */
export const MIN_ATTACHMENT_BYTES = 1024 * 1024;
export const MAX_ATTACHMENT_BYTES = 200 * 1024 * 1024;

/** The inactivity lock: at least a minute (a shorter one locks while the officer reads), at most a working hour. */
export const MIN_LOCK_MINUTES = 1;
export const MAX_LOCK_MINUTES = 60;
export const DEFAULT_LOCK_MINUTES = 10;

const SHORT = 300;
const LONG = 1000;

const text = (max: number) =>
  z.string({ error: 'invalid' }).trim().min(1, { error: 'required' }).max(max, { error: 'too-long' });

const bilingual = (max: number) => z.strictObject({ kk: text(max), ru: text(max) }, { error: 'invalid' });

/** A blank optional field (an emptied text box) means "not set", so the derived value applies. */
const blankToUndefined = (v: unknown): unknown => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const blankPairToUndefined = (v: unknown): unknown =>
  typeof v === 'object' &&
  v !== null &&
  Object.values(v).every((x) => x === undefined || (typeof x === 'string' && x.trim() === ''))
    ? undefined
    : v;

const binSchema = z.string({ error: 'invalid' }).superRefine((bin, ctx) => {
  const code = binIssue(bin);
  if (code) ctx.addIssue({ code: 'custom', message: code });
});

/** May stay empty (an upgraded installation has none yet); the documents then ask for it. */
const phone = z
  .string({ error: 'invalid' })
  .trim()
  .max(50, { error: 'too-long' })
  .regex(/^$|^\+?[\d\s()-]{5,}$/, { error: 'phone.format' });
const email = z
  .string({ error: 'invalid' })
  .trim()
  .max(200, { error: 'too-long' })
  .regex(/^$|^[^\s@]+@[^\s@]+\.[^\s@]+$/, { error: 'email.format' });

/**
 * The body that issues the documents (header, letterhead, act, signatory). The act type and the
 * signatory's title are derived from the kind (`shared/settings/issuer.ts`) unless set here.
 */
const issuerSchema = z.strictObject(
  {
    kind: z.enum(ISSUER_KINDS, { error: 'invalid' }),
    name: bilingual(LONG),
    address: bilingual(LONG),
    bin: binSchema,
    phone,
    email,
    actType: z.preprocess(blankToUndefined, z.enum(ACT_TYPES, { error: 'invalid' }).optional()).optional(),
    signatory: z.strictObject(
      {
        name: bilingual(SHORT),
        title: z.preprocess(blankPairToUndefined, bilingual(SHORT).optional()).optional(),
      },
      { error: 'invalid' },
    ),
  },
  { error: 'invalid' },
);

const hhmm = z.string({ error: 'invalid' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'time.format' });

function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const officeHoursSchema = z
  .strictObject(
    {
      opens: hhmm,
      closes: hhmm,
      lunchFrom: hhmm,
      lunchTo: hhmm,
      timeZone: z.string({ error: 'invalid' }).refine(isKnownTimeZone, { error: 'timezone.unknown' }),
    },
    { error: 'invalid' },
  )
  // Text comparison is enough for 'HH:mm'; the calendar relies on this order to place lunch.
  .refine(
    (h) => h.opens <= h.lunchFrom && h.lunchFrom <= h.lunchTo && h.lunchTo <= h.closes && h.opens < h.closes,
    {
      error: 'hours.order',
      path: ['closes'],
    },
  );

export const settingsSchema = z.strictObject(
  {
    akimat: z.strictObject(
      {
        level: z.enum(AKIMAT_LEVELS, { error: 'invalid' }),
        name: bilingual(LONG),
        address: bilingual(LONG),
        bin: binSchema,
      },
      { error: 'invalid' },
    ),
    issuer: issuerSchema,
    head: z.strictObject({ name: bilingual(SHORT), position: bilingual(SHORT) }, { error: 'invalid' }),
    officeHours: officeHoursSchema,
    language: z.enum(['kk', 'ru'], { error: 'invalid' }),
    maxAttachmentBytes: z
      .number({ error: 'invalid' })
      .int({ error: 'size.range' })
      .min(MIN_ATTACHMENT_BYTES, { error: 'size.range' })
      .max(MAX_ATTACHMENT_BYTES, { error: 'size.range' }),
    /** Minutes without a key press or a click after which the desk locks (the same user unlocks it). */
    lockAfterMinutes: z
      .number({ error: 'invalid' })
      .int({ error: 'lock.range' })
      .min(MIN_LOCK_MINUTES, { error: 'lock.range' })
      .max(MAX_LOCK_MINUTES, { error: 'lock.range' }),
  },
  { error: 'invalid' },
);

export type Settings = z.output<typeof settingsSchema>;
export type Language = Settings['language'];
export type IssuerSettings = Settings['issuer'];

export type SettingsResult = { ok: true; settings: Settings } | { ok: false; issues: SettingsIssue[] };

/** Validates untrusted input (a form, a stored record from an older version, an imported file). */
export const validateSettings: (input: unknown) => SettingsResult = validateWith(
  settingsSchema,
  SETTINGS_ISSUE_CODES,
);
