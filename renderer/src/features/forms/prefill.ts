/**
 * The one mapping from a template field's `source` to its value: the case, the settings and the
 * signed-in officer. Pure, so every form's prefill is tested without a browser. A source the desk
 * does not know (an imported template may name any path) leaves the field empty for the officer.
 */
import {
  dayOfInstant,
  isTimestamp,
  timeOfDayText,
  wallClockOf,
  type IsoDate,
  type WorkingDayCalendar,
} from '../../../../shared/calendar';
import type { FormId, FormLanguage, FormTemplate } from '../../../../shared/forms';
import type { Settings, SettingsUser } from '../../../../shared/settings';
import {
  caseDeadlines,
  type CaseState,
  type DeadlineStage,
  type DocumentKind,
} from '../../../../shared/workflow';
import { akimatGenitive, fullNameOf, initialsAndSurname, placeOfAddress } from './names';

export interface PrefillContext {
  state: CaseState;
  settings: Settings;
  /** The signed-in user who makes the document. */
  officer: SettingsUser;
  /** The form's language: bilingual settings and document names are taken in it. */
  language: FormLanguage;
  calendar: WorkingDayCalendar;
  today: IsoDate;
  /** A document kind's name in the form's language, as printed inside a sentence. */
  documentName: (kind: DocumentKind) => string;
}

/** The forms a case at its stage calls for, in the order the officer needs them. */
export function formsForCase(state: CaseState): FormId[] {
  const forms: FormId[] = [];
  if (state.decision?.kind === 'refusal') forms.push('appendix-2');
  if (state.decision?.kind === 'grant') forms.push('order', 'appendix-3');
  if (state.stage === 'school' || state.schoolRequest) forms.push('school-request');
  forms.push('appendix-4');
  return forms;
}

type Resolver = (ctx: PrefillContext) => string;

const bilingual =
  (pick: (s: Settings) => { kk: string; ru: string }): Resolver =>
  (ctx) =>
    pick(ctx.settings)[ctx.language];

/** `settings.*`: what the template names, from the installation settings in the form's language. */
const SETTINGS: Record<string, Resolver> = {
  akimatName: bilingual((s) => s.akimat.name),
  akimatAddress: bilingual((s) => s.akimat.address),
  akimatNameGenitive: (ctx) => akimatGenitive(ctx.settings.akimat.name[ctx.language], ctx.language),
  akimatBin: (ctx) => ctx.settings.akimat.bin,
  orderPlace: (ctx) => placeOfAddress(ctx.settings.akimat.address[ctx.language], ctx.language),
  headName: bilingual((s) => s.head.name),
  headPosition: bilingual((s) => s.head.position),
  headInitialsAndSurname: (ctx) => initialsAndSurname(ctx.settings.head.name[ctx.language]),
};

/** `officer.*`: the signed-in user; the settings hold no phone, so the officer types it. */
const OFFICER: Record<string, Resolver> = {
  fullName: (ctx) => ctx.officer.fullName,
  initialsAndSurname: (ctx) => initialsAndSurname(ctx.officer.fullName),
  position: (ctx) => ctx.officer.position[ctx.language],
  id: (ctx) => ctx.officer.id,
  phone: () => '',
};

/** `case.deadlines.<name>`: due days derived from the events and the calendar, never stored. */
const DEADLINE_NAMES: Record<string, DeadlineStage> = {
  registration: 'registration',
  completeness: 'completeness',
  school: 'school',
  schoolAnswer: 'school',
  review: 'review',
  term: 'term',
};

/** `case.*` paths that are not plain properties of the case state. */
const CASE_SPECIAL: Record<string, Resolver> = {
  // A request being drafted before it is recorded as sent goes out today.
  'schoolRequest.sentOn': (ctx) => ctx.state.schoolRequest?.sentOn ?? ctx.today,
};

/** Own properties only: a template path must never reach Object.prototype. */
function child(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
  return (value as Record<string, unknown>)[key];
}

function isPerson(value: unknown): value is { lastName: string; firstName: string; middleName?: string } {
  return typeof child(value, 'lastName') === 'string' && typeof child(value, 'firstName') === 'string';
}

/** A path inside the case state, with the derived names of a person and document kinds translated. */
function walkCase(path: readonly string[], ctx: PrefillContext): string | undefined {
  let value: unknown = ctx.state;
  for (const [i, key] of path.entries()) {
    const last = i === path.length - 1;
    if (last && isPerson(value) && key === 'fullName') return fullNameOf(value);
    if (last && isPerson(value) && key === 'initialsAndSurname') return initialsAndSurname(fullNameOf(value));
    value = child(value, key);
    if (value === undefined) return undefined;
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  // Document kinds (the missing documents of a ground-1 refusal, the false ones of ground 2).
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
    return value.map((kind) => ctx.documentName(kind as DocumentKind)).join(', ');
  }
  return undefined;
}

function caseValue(path: readonly string[], ctx: PrefillContext): string | undefined {
  const key = path.join('.');
  if (Object.hasOwn(CASE_SPECIAL, key)) return CASE_SPECIAL[key]?.(ctx);
  if (path[0] === 'deadlines' && path.length === 2) {
    const name = path[1] ?? '';
    const stage = Object.hasOwn(DEADLINE_NAMES, name) ? DEADLINE_NAMES[name] : undefined;
    if (!stage) return undefined;
    return caseDeadlines(ctx.state, ctx.calendar, ctx.today).find((d) => d.stage === stage)?.dueOn ?? '';
  }
  return walkCase(path, ctx);
}

/**
 * The value of one `source`: '' when the desk knows the source but the case has no value yet (an
 * order not yet prepared), undefined when the desk does not know the source at all.
 */
export function resolveSource(source: string, ctx: PrefillContext): string | undefined {
  if (source === 'free') return '';
  const [root, ...path] = source.split('.');
  const key = path.join('.');
  switch (root) {
    case 'settings':
      return Object.hasOwn(SETTINGS, key) ? SETTINGS[key]?.(ctx) : undefined;
    case 'officer':
      return Object.hasOwn(OFFICER, key) ? OFFICER[key]?.(ctx) : undefined;
    case 'case':
      return caseValue(path, ctx) ?? (path[0] === 'decision' || path[0] === 'schoolRequest' ? '' : undefined);
    default:
      return undefined;
  }
}

export interface Prefill {
  /** Field name → value as the form expects it (ISO dates, enum option values). */
  values: Record<string, string>;
  /** Fields whose source the desk does not know: the officer fills them in. */
  unknown: string[];
}

/** The office's wall-clock time of an instant, `yyyy-MM-ddTHH:mm`, as a datetime field holds it. */
function wallClock(at: string, timeZone: string): string {
  const { date, secondOfDay } = wallClockOf(at, timeZone);
  return `${date}T${timeOfDayText(secondOfDay)}`;
}

/**
 * A timestamp (receipt of the application) is shown as the office saw it: its day for a date field,
 * its wall-clock time for a date-time field, whatever zone the portal wrote it in.
 */
function asFieldValue(type: FormTemplate['fields'][number]['type'], value: string, timeZone: string): string {
  if (!isTimestamp(value)) return value;
  if (type === 'date') return dayOfInstant(value, timeZone);
  if (type === 'datetime') return wallClock(value, timeZone);
  return value;
}

/** Every field of the template, prefilled from the case, the settings and the officer. */
export function prefillValues(template: FormTemplate, ctx: PrefillContext): Prefill {
  const values: Record<string, string> = {};
  const unknown: string[] = [];
  const timeZone = ctx.calendar.officeHours.timeZone;
  for (const field of template.fields) {
    const value = resolveSource(field.source, ctx);
    if (value === undefined) unknown.push(field.name);
    values[field.name] = asFieldValue(field.type, (value ?? '').normalize('NFC').trim(), timeZone);
  }
  return { values, unknown };
}
