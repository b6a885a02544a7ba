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
import type { DeskUser } from '../../../../shared/auth';
import { isCaseOf, nameInCase, phraseInCase } from '../../../../shared/grammar';
import { parseIin } from '../../../../shared/iin';
import type { Settings } from '../../../../shared/settings';
import {
  caseDeadlines,
  type CaseState,
  type DeadlineStage,
  type DocumentKind,
} from '../../../../shared/workflow';
import { basisDocument } from './basis';
import { fullNameOf, initialsAndSurname } from './names';
import { body, OFFICER, SETTINGS, type Resolved, type Resolver } from './sources';

export type { Resolved } from './sources';

export interface PrefillContext {
  state: CaseState;
  settings: Settings;
  /** The signed-in user who makes the document. */
  officer: DeskUser;
  /** The phone this officer typed in a form last time (drafts, `pref:phone`), when the user has none. */
  rememberedPhone?: string;
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
  // The school in the document's language when the central system gave its name in both.
  'application.school.name': body((ctx) => {
    const school = ctx.state.application.school;
    return school.names?.[ctx.language] ?? school.name;
  }),
  basisDocument: (ctx) => basisDocument(ctx.state, ctx.language),
};

/** Roots of the case that exist only from a stage on: empty until then, not unknown. */
const LATER_ROOTS = new Set(['decision', 'schoolRequest', 'approval']);

/** Own properties only: a template path must never reach Object.prototype. */
function child(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
  return (value as Record<string, unknown>)[key];
}

function isPerson(
  value: unknown,
): value is { iin?: unknown; lastName: string; firstName: string; middleName?: string } {
  return typeof child(value, 'lastName') === 'string' && typeof child(value, 'firstName') === 'string';
}

function personName(person: { iin?: unknown }, text: string): Resolved {
  const iin = typeof person.iin === 'string' ? parseIin(person.iin) : undefined;
  return { text, grammar: { kind: 'name', ...(iin?.valid ? { sex: iin.sex } : {}) } };
}

/** A path inside the case state, with the derived names of a person and document kinds translated. */
function walkCase(path: readonly string[], ctx: PrefillContext): Resolved | string | undefined {
  let value: unknown = ctx.state;
  for (const [i, key] of path.entries()) {
    const last = i === path.length - 1;
    if (last && isPerson(value) && key === 'fullName') return personName(value, fullNameOf(value));
    if (last && isPerson(value) && key === 'initialsAndSurname') {
      return personName(value, initialsAndSurname(fullNameOf(value)));
    }
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

function caseValue(path: readonly string[], ctx: PrefillContext): Resolved | string | undefined {
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

function resolved(value: Resolved | string | undefined): Resolved | undefined {
  return typeof value === 'string' ? { text: value } : value;
}

/**
 * The value of one `source` and what it is: text '' when the desk knows the source but the case
 * has no value yet (an order not yet prepared), undefined when the desk does not know the source.
 */
export function resolveValue(source: string, ctx: PrefillContext): Resolved | undefined {
  if (source === 'free') return { text: '' };
  const [root, ...path] = source.split('.');
  const key = path.join('.');
  switch (root) {
    case 'settings':
      return Object.hasOwn(SETTINGS, key) ? resolved(SETTINGS[key]?.(ctx)) : undefined;
    case 'officer':
      return Object.hasOwn(OFFICER, key) ? resolved(OFFICER[key]?.(ctx)) : undefined;
    case 'case':
      return resolved(caseValue(path, ctx)) ?? (LATER_ROOTS.has(path[0] ?? '') ? { text: '' } : undefined);
    default:
      return undefined;
  }
}

/** The text of one `source` (see resolveValue). */
export function resolveSource(source: string, ctx: PrefillContext): string | undefined {
  return resolveValue(source, ctx)?.text;
}

/**
 * A text field that stands in a case (`case` in the template): a name or a phrase inflected by the
 * grammar of the form's language. A value of no known kind is left as it is.
 */
function inflect(field: FormTemplate['fields'][number], value: Resolved, language: FormLanguage): string {
  const kase = field.case;
  if (!kase || !value.grammar || value.text === '' || !isCaseOf(language, kase)) return value.text;
  if (value.grammar.kind === 'name') return nameInCase(value.text, language, kase, value.grammar.sex);
  return phraseInCase(value.text, language, kase, value.grammar.animate);
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
    const value = resolveValue(field.source, ctx);
    if (value === undefined) unknown.push(field.name);
    const text = value
      ? inflect(field, { ...value, text: value.text.normalize('NFC').trim() }, ctx.language)
      : '';
    values[field.name] = asFieldValue(field.type, text, timeZone);
  }
  return { values, unknown };
}
