/**
 * Wordings official papers need but the settings and the case do not hold as such: initials with
 * the surname, the akimat's name in the genitive, the place an order is signed in. Derived by rule
 * from what is stored; the officer corrects the rare name the rules get wrong in the form itself.
 */
import type { FormLanguage } from '../../../../shared/forms';

/** «Ахметова Гүлнар Серікқызы» → «Г. С. Ахметова»: initials first, as Kazakh papers sign. */
export function initialsAndSurname(fullName: string): string {
  const [surname, ...given] = fullName.normalize('NFC').trim().split(/\s+/).filter(Boolean);
  if (!surname) return '';
  // A hyphenated given name (Шаһизада-Гүлнұр) keeps both initials: «Ш.-Г.».
  const initials = given.map((name) =>
    name
      .split('-')
      .filter(Boolean)
      .map((part) => `${part.charAt(0).toUpperCase()}.`)
      .join('-'),
  );
  return [...initials, surname].join(' ');
}

/**
 * The akimat's name in the genitive, for «Кімге: … басшысы» / «Руководителю …».
 * kk: «Бурабай ауданының әкімдігі» → «Бурабай ауданы әкімдігінің» (the genitive moves to the head
 * noun of the chain); ru: «Акимат Бурабайского района» → «акимата Бурабайского района».
 * A name the rules do not recognise is returned as it is.
 */
export function akimatGenitive(name: string, language: FormLanguage): string {
  const text = name.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (language === 'ru') {
    const m = /^акимат(\s)/iu.exec(text);
    return m ? `акимата${text.slice('акимат'.length)}` : text;
  }
  const words = text.split(' ');
  const last = words.at(-1);
  if (last !== 'әкімдігі') return text;
  const before = words.at(-2);
  if (before && /(ның|нің)$/u.test(before)) words[words.length - 2] = before.slice(0, -3);
  words[words.length - 1] = 'әкімдігінің';
  return words.join(' ');
}

const SETTLEMENT: Record<FormLanguage, RegExp> = {
  // қаласы (town), ауылы (village), кенті (settlement), селосы
  kk: /(^|\s)(қаласы|ауылы|кенті|селосы)$/u,
  ru: /^(город|г\.|село|с\.|посёлок|поселок|пос\.|аул)(\s|$)/u,
};

/**
 * Where an order is signed: the settlement part of the akimat's address («…, Щучинск қаласы, …»
 * → «Щучинск қаласы»; «…, город Щучинск, …» → «город Щучинск»); '' when the address names none.
 */
export function placeOfAddress(address: string, language: FormLanguage): string {
  const parts = address
    .normalize('NFC')
    .split(',')
    .map((p) => p.trim().replace(/\s+/g, ' '));
  return parts.filter((p) => SETTLEMENT[language].test(p)).at(-1) ?? '';
}

/** Surname, given name, patronymic as the portal sent them. */
export function fullNameOf(person: {
  lastName: string;
  firstName: string;
  middleName?: string | undefined;
}): string {
  return [person.lastName, person.firstName, person.middleName ?? ''].filter(Boolean).join(' ');
}

/** A phrase that moves inside a sentence starts small: «Аудан әкімінің орынбасары» → «аудан …». */
export function lowerFirst(text: string): string {
  // An abbreviation keeps its capitals («ГУ …»).
  if (/^\p{Lu}{2}/u.test(text)) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}
