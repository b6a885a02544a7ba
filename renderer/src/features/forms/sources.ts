/**
 * The sources of the settings and of the signed-in officer (`settings.*`, `officer.*`): the akimat,
 * the body that issues the documents, its act and signatory, the head who agrees (paragraph 23).
 * Each says what its value is (a name, a position, a body) so a field with a `case` can be inflected.
 */
import type { FormLanguage } from '../../../../shared/forms';
import { nameInCase, phraseInCase, sexOfName, type Sex } from '../../../../shared/grammar';
import {
  actTypeOf,
  actWording,
  legalBasisFor,
  signatoryTitleOf,
  type Settings,
} from '../../../../shared/settings';
import { akimatGenitive, initialsAndSurname, lowerFirst, placeOfAddress } from './names';
import type { PrefillContext } from './prefill';

/**
 * A resolved value and what it is, so that a field with a `case` can be inflected: a person's name
 * (with the sex the IIN states, when the desk knows the IIN) or a phrase (a position — which a person
 * holds — or the name of a body).
 */
export interface Resolved {
  text: string;
  grammar?: { kind: 'name'; sex?: Sex } | { kind: 'phrase'; animate: boolean };
}

export type Resolver = (ctx: PrefillContext) => Resolved | string;

const bilingual =
  (pick: (s: Settings) => { kk: string; ru: string }): Resolver =>
  (ctx) =>
    pick(ctx.settings)[ctx.language];
const inLanguage =
  (pick: (s: Settings) => { kk: string; ru: string }, language: FormLanguage): Resolver =>
  (ctx) =>
    pick(ctx.settings)[language];
export const body =
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

export function textOf(value: Resolved | string): string {
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
export const SETTINGS: Record<string, Resolver> = {
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
 * user profile has one) is taken, else the one this officer typed in a form last time (kept per
 * user in the drafts), else the officer types it.
 */
export const OFFICER: Record<string, Resolver> = {
  fullName: person((ctx) => ctx.officer.fullName),
  initialsAndSurname: person(
    (ctx) => initialsAndSurname(ctx.officer.fullName),
    (ctx) => ctx.officer.fullName,
  ),
  position: position((ctx) => ctx.officer.position[ctx.language]),
  id: (ctx) => ctx.officer.id,
  phone: (ctx) => {
    const phone: unknown = (ctx.officer as { phone?: unknown }).phone;
    return typeof phone === 'string' && phone !== '' ? phone : (ctx.rememberedPhone ?? '');
  },
};
