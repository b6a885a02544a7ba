/**
 * The one mapping from a template field's `source` to its value: the case, the settings and the
 * signed-in officer. Pure, so every form's prefill is tested without a browser. A source the desk
 * does not know (an imported template may name any path) leaves the field empty for the officer.
 */
import type { IsoDate, WorkingDayCalendar } from '../../../../shared/calendar';
import type { FormId, FormLanguage, FormTemplate } from '../../../../shared/forms';
import { isCaseOf, nameInCase, phraseInCase, sexOfName, type Sex } from '../../../../shared/grammar';
import { parseIin } from '../../../../shared/iin';
import {
  actTypeOf,
  actWording,
  legalBasisFor,
  signatoryTitleOf,
  type Settings,
  type SettingsUser,
} from '../../../../shared/settings';
import {
  caseDeadlines,
  eventDay,
  isTimestamp,
  type CaseState,
  type DeadlineStage,
  type DocumentKind,
} from '../../../../shared/workflow';
import { basisDocument } from './basis';
import { akimatGenitive, fullNameOf, initialsAndSurname, lowerFirst, placeOfAddress } from './names';

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

/**
 * A resolved value and what it is, so that a field with a `case` can be inflected: a person's name
 * (with the sex the IIN states, when the desk knows the IIN) or a phrase (a position — which a person
 * holds — or the name of a body).
 */
export interface Resolved {
  text: string;
  grammar?: { kind: 'name'; sex?: Sex } | { kind: 'phrase'; animate: boolean };
}

type Resolver = (ctx: PrefillContext) => Resolved | string;

const bilingual =
  (pick: (s: Settings) => { kk: string; ru: string }): Resolver =>
  (ctx) =>
    pick(ctx.settings)[ctx.language];
const inLanguage =
  (pick: (s: Settings) => { kk: string; ru: string }, language: FormLanguage): Resolver =>
  (ctx) =>
    pick(ctx.settings)[language];
const body =
  (resolve: Resolver): Resolver =>
  (ctx) => ({ text: textOf(resolve(ctx)), grammar: { kind: 'phrase', animate: false } });
const position =
  (resolve: Resolver): Resolver =>
  (ctx) => ({ text: textOf(resolve(ctx)), grammar: { kind: 'phrase', animate: true } });
/**
 * A person of the settings or the signed-in user: the sex is told by the full name (its patronymic
 * or surname), which initials alone («Н. К. Серикбаев») no longer show.
 */
const person =
  (resolve: Resolver, fullName: (ctx: PrefillContext) => string = (ctx) => textOf(resolve(ctx))): Resolver =>
  (ctx) => {
    const sex = sexOfName(fullName(ctx));
    return { text: textOf(resolve(ctx)), grammar: { kind: 'name', ...(sex ? { sex } : {}) } };
  };

function textOf(value: Resolved | string): string {
  return typeof value === 'string' ? value : value.text;
}

const act = (ctx: PrefillContext) =>
  actWording(actTypeOf(ctx.settings), ctx.language, ctx.settings.issuer.name[ctx.language]);

/**
 * How a resolution hands the control over: to the head it is agreed with (paragraph 23), named in
 * the case the sentence needs; an order's head keeps it.
 */
function controlClause(ctx: PrefillContext): string {
  const words = act(ctx);
  const head = ctx.settings.head;
  const headPosition = lowerFirst(head.position[ctx.language]);
  const headName = initialsAndSurname(head.name[ctx.language]);
  const headSex = sexOfName(head.name[ctx.language]);
  if (actTypeOf(ctx.settings) === 'order') {
    return ctx.language === 'kk'
      ? `${words.thisGenitive} орындалуын бақылауды өзіме қалдырамын.`
      : `Контроль за исполнением ${words.thisGenitive} оставляю за собой.`;
  }
  return ctx.language === 'kk'
    ? `${words.thisGenitive} орындалуын бақылау ${headPosition} ${nameInCase(headName, 'kk', 'dative', headSex)} жүктелсін.`
    : `Контроль за исполнением ${words.thisGenitive} возложить на ${phraseInCase(headPosition, 'ru', 'accusative', true)} ${nameInCase(headName, 'ru', 'accusative', headSex)}.`;
}

/** `settings.*`: what the template names, from the installation settings in the form's language. */
const SETTINGS: Record<string, Resolver> = {
  // The local executive body the application is addressed to (appendix 4).
  akimatName: body(bilingual((s) => s.akimat.name)),
  akimatAddress: bilingual((s) => s.akimat.address),
  akimatNameGenitive: (ctx) => akimatGenitive(ctx.settings.akimat.name[ctx.language], ctx.language),
  akimatBin: (ctx) => ctx.settings.akimat.bin,
  // The body that issues the documents: header, letterhead, the organisation of a refusal.
  issuerName: body(bilingual((s) => s.issuer.name)),
  issuerNameKk: inLanguage((s) => s.issuer.name, 'kk'),
  issuerNameRu: inLanguage((s) => s.issuer.name, 'ru'),
  issuerAddress: bilingual((s) => s.issuer.address),
  issuerAddressKk: inLanguage((s) => s.issuer.address, 'kk'),
  issuerAddressRu: inLanguage((s) => s.issuer.address, 'ru'),
  issuerBin: (ctx) => ctx.settings.issuer.bin,
  issuerPhone: (ctx) => ctx.settings.issuer.phone,
  issuerEmail: (ctx) => ctx.settings.issuer.email,
  // Where the order is signed: the issuing body's settlement.
  orderPlace: (ctx) => placeOfAddress(ctx.settings.issuer.address[ctx.language], ctx.language),
  // The act the issuing body adopts and its own words (shared/settings/issuer.ts).
  actHeading: (ctx) => act(ctx).heading,
  actName: (ctx) => act(ctx).name,
  actEnacting: (ctx) => act(ctx).enacting,
  actThisGenitive: (ctx) => act(ctx).thisGenitive,
  actThisAblative: (ctx) => act(ctx).thisAblative,
  actThisNominative: (ctx) => act(ctx).thisNominative,
  actControl: controlClause,
  // The order cites the competence of the akimat's level, whatever an application cited.
  legalBasis: (ctx) => legalBasisFor(ctx.settings.akimat.level),
  signatoryTitle: position((ctx) => signatoryTitleOf(ctx.settings)[ctx.language]),
  signatoryFullName: person(bilingual((s) => s.issuer.signatory.name)),
  signatoryInitialsAndSurname: person(
    (ctx) => initialsAndSurname(ctx.settings.issuer.signatory.name[ctx.language]),
    (ctx) => ctx.settings.issuer.signatory.name[ctx.language],
  ),
  // The head the decision is agreed with (paragraph 23).
  headName: person(bilingual((s) => s.head.name)),
  headPosition: position(bilingual((s) => s.head.position)),
  headInitialsAndSurname: person(
    (ctx) => initialsAndSurname(ctx.settings.head.name[ctx.language]),
    (ctx) => ctx.settings.head.name[ctx.language],
  ),
};

/**
 * `officer.*`: the signed-in user. The settings hold no phone yet: a phone on the user (once the
 * user profile has one) is taken, else the officer types it in the form.
 */
const OFFICER: Record<string, Resolver> = {
  fullName: person((ctx) => ctx.officer.fullName),
  initialsAndSurname: person(
    (ctx) => initialsAndSurname(ctx.officer.fullName),
    (ctx) => ctx.officer.fullName,
  ),
  position: position((ctx) => ctx.officer.position[ctx.language]),
  id: (ctx) => ctx.officer.id,
  phone: (ctx) => {
    const phone: unknown = (ctx.officer as { phone?: unknown }).phone;
    return typeof phone === 'string' ? phone : '';
  },
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
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(at));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${eventDay(at, timeZone)}T${part('hour')}:${part('minute')}`;
}

/**
 * A timestamp (receipt of the application) is shown as the office saw it: its day for a date field,
 * its wall-clock time for a date-time field, whatever zone the portal wrote it in.
 */
function asFieldValue(type: FormTemplate['fields'][number]['type'], value: string, timeZone: string): string {
  if (!isTimestamp(value)) return value;
  if (type === 'date') return eventDay(value, timeZone);
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
