/**
 * The grammar the documents need, Kazakh and Russian: dates written inside sentences as each
 * language writes them, case endings after numbers, names and phrases. Pure functions of their
 * text; the templates say which case a value stands in, never how the ending is built.
 */
import { KK_CASES, kkMonth, kkNumber, kkPhrase, type KkCase } from './kk';
import { RU_CASES, ruName, sexOfName, type RuCase, type Sex } from './ru';
import { RU_MONTHS_GENITIVE, ruPhrase } from './ru-phrase';

export { KK_CASES, KK_MONTHS, harmonyOf, kkMonth, kkNumber, kkNumberWord, kkPhrase, kkWord } from './kk';
export type { KkCase, KkPhraseOptions } from './kk';
export { RU_CASES, ruName, sexOfName } from './ru';
export type { RuCase, Sex } from './ru';
export { RU_MONTHS_GENITIVE, ruPhrase } from './ru-phrase';
export type { RuPhraseOptions } from './ru-phrase';

export type GrammarLanguage = 'kk' | 'ru';
export type GrammarCase = KkCase | RuCase;

/** The cases each language's templates may ask for. */
export const CASES: Readonly<Record<GrammarLanguage, readonly GrammarCase[]>> = {
  kk: KK_CASES,
  ru: RU_CASES,
};

export function isCaseOf(language: GrammarLanguage, value: string): value is GrammarCase {
  return (CASES[language] as readonly string[]).includes(value);
}

/** The case as Kazakh has it; one Kazakh lacks (a Russian template's) leaves the word as it is. */
function asKk(kase: GrammarCase): KkCase {
  return (KK_CASES as readonly string[]).includes(kase) ? (kase as KkCase) : 'nominative';
}

function asRu(kase: GrammarCase): RuCase {
  return (RU_CASES as readonly string[]).includes(kase) ? (kase as RuCase) : 'nominative';
}

/** The parts of a date a template can print alone («_______ жылғы __ _______»). */
export const DATE_PARTS = ['year', 'day', 'month'] as const;
export type DatePart = (typeof DATE_PARTS)[number];

interface Ymd {
  year: number;
  month: number;
  day: number;
}

function ymd(iso: string): Ymd | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return { year, month, day };
}

/**
 * One part of a date as the language writes it: the year and the day in digits (no leading zero),
 * the month in words — in Kazakh in the given case («қарашадағы»), in Russian always in the
 * genitive a day number takes («ноября»).
 */
export function datePart(
  iso: string,
  part: DatePart,
  language: GrammarLanguage,
  kase: GrammarCase = 'nominative',
): string | undefined {
  const d = ymd(iso);
  if (!d) return undefined;
  switch (part) {
    case 'year':
      return String(d.year);
    case 'day':
      return String(d.day);
    case 'month':
      return language === 'kk' ? kkMonth(d.month, asKk(kase)) : (RU_MONTHS_GENITIVE[d.month - 1] ?? '');
  }
}

/**
 * A date inside a sentence. Kazakh: «2026 жылғы 20 қарашадан» — the year as «… жылғы», the day,
 * the month carrying the case the sentence needs. Russian: «20 ноября 2026 года», the same in
 * every case a date takes in these documents («с …», «по …», «от …»).
 */
export function dateInWords(
  iso: string,
  language: GrammarLanguage,
  kase: GrammarCase = 'nominative',
): string | undefined {
  const [year, day, month] = (['year', 'day', 'month'] as const).map((p) => datePart(iso, p, language, kase));
  if (year === undefined) return undefined;
  return language === 'kk' ? `${year} жылғы ${day} ${month}` : `${day} ${month} ${year} года`;
}

/** A number with its case ending; Russian numbers in these documents take none. */
export function numberInCase(n: number, language: GrammarLanguage, kase: GrammarCase): string {
  return language === 'kk' ? kkNumber(n, asKk(kase)) : String(n);
}

/** A person's name in a case. Kazakh: the ending on the last word; Russian: by the rules of each part. */
export function nameInCase(
  fullName: string,
  language: GrammarLanguage,
  kase: GrammarCase,
  sex?: Sex,
): string {
  if (language === 'kk') return kkPhrase(fullName, asKk(kase), { kind: 'name' });
  return ruName(fullName, asRu(kase), sex ?? sexOfName(fullName));
}

/** A position or the name of a body in a case (`animate`: a position, which a person holds). */
export function phraseInCase(
  text: string,
  language: GrammarLanguage,
  kase: GrammarCase,
  animate = false,
): string {
  if (language === 'kk') return kkPhrase(text, asKk(kase), { kind: 'phrase' });
  return ruPhrase(text, asRu(kase), { animate });
}
