/**
 * Who issues the documents (SERVICE.md "Who issues the documents"). An akimat adopts a қаулы /
 * постановление; a бұйрық / приказ is the act of the head of a body such as the district's
 * education department, which in practice provides the service for the akimat. The header of the
 * documents, the kind of act and the signatory come from this one setting, so they agree.
 */
import { kkWord } from '../grammar';
import type { AkimatLevel } from './legal-basis';
import type { Settings } from './schema';

export const ISSUER_KINDS = ['akimat', 'education-department'] as const;
export type IssuerKind = (typeof ISSUER_KINDS)[number];

/** The acts an issuing body of this service adopts: the akimat's resolution, the head's order. */
export const ACT_TYPES = ['resolution', 'order'] as const;
export type ActType = (typeof ACT_TYPES)[number];

type Bilingual = { kk: string; ru: string };

/** The act a body of this kind adopts, unless the akimat chose another. */
export function defaultActType(kind: IssuerKind): ActType {
  return kind === 'akimat' ? 'resolution' : 'order';
}

/**
 * Who signs for a body of this kind and level: the akim for an akimat, the head of the education
 * department (a city of republican significance has an education administration, «басқарма»).
 */
export function defaultSignatoryTitle(kind: IssuerKind, level: AkimatLevel): Bilingual {
  if (kind === 'akimat') {
    return level === 'district'
      ? { kk: 'Аудан әкімі', ru: 'Аким района' }
      : { kk: 'Қала әкімі', ru: 'Аким города' };
  }
  return level === 'republican-city'
    ? { kk: 'Білім басқармасының басшысы', ru: 'Руководитель управления образования' }
    : { kk: 'Білім бөлімінің басшысы', ru: 'Руководитель отдела образования' };
}

/** The act the documents name: the one the akimat chose, else the one its kind adopts. */
export function actTypeOf(settings: Pick<Settings, 'issuer'>): ActType {
  return settings.issuer.actType ?? defaultActType(settings.issuer.kind);
}

/** The signatory's title: the akimat's correction, else the title of the kind's head. */
export function signatoryTitleOf(settings: Pick<Settings, 'issuer' | 'akimat'>): Bilingual {
  return (
    settings.issuer.signatory.title ?? defaultSignatoryTitle(settings.issuer.kind, settings.akimat.level)
  );
}

export interface ActWording {
  /** The act's name inside a sentence, nominative, small letters: «бұйрық», «постановление». */
  name: string;
  /** The act's name as the document's heading: «БҰЙРЫҚ», «ПОСТАНОВЛЕНИЕ». */
  heading: string;
  /** The words before the ordering items: «БҰЙЫРАМЫН:», «… әкімдігі ҚАУЛЫ ЕТЕДІ:». */
  enacting: string;
  /** «Осы бұйрықтың» / «настоящего приказа»: the act referring to itself in the genitive. */
  thisGenitive: string;
  /** «Осы бұйрықтан» / «настоящего приказа» after «из»: what an extract is taken from. */
  thisAblative: string;
  /** «Осы бұйрық» / «Настоящий приказ»: the act as the subject of its last clause. */
  thisNominative: string;
}

/** The act's words in a language; a resolution names its body in the enacting words. */
export function actWording(act: ActType, language: 'kk' | 'ru', issuerName: string): ActWording {
  if (language === 'kk') {
    const name = act === 'order' ? 'бұйрық' : 'қаулы';
    return {
      name,
      heading: name.toLocaleUpperCase('kk'),
      enacting: act === 'order' ? 'БҰЙЫРАМЫН:' : `${issuerName} ҚАУЛЫ ЕТЕДІ:`,
      thisGenitive: `Осы ${kkWord(name, 'genitive')}`,
      thisAblative: `Осы ${kkWord(name, 'ablative')}`,
      thisNominative: `Осы ${name}`,
    };
  }
  if (act === 'order') {
    return {
      name: 'приказ',
      heading: 'ПРИКАЗ',
      enacting: 'ПРИКАЗЫВАЮ:',
      thisGenitive: 'настоящего приказа',
      thisAblative: 'настоящего приказа',
      thisNominative: 'Настоящий приказ',
    };
  }
  // Inside the sentence the body's name starts small: «…, акимат Бурабайского района ПОСТАНОВЛЯЕТ:».
  const body = /^\p{Lu}{2}/u.test(issuerName)
    ? issuerName
    : issuerName.charAt(0).toLowerCase() + issuerName.slice(1);
  return {
    name: 'постановление',
    heading: 'ПОСТАНОВЛЕНИЕ',
    enacting: `${body} ПОСТАНОВЛЯЕТ:`,
    thisGenitive: 'настоящего постановления',
    thisAblative: 'настоящего постановления',
    thisNominative: 'Настоящее постановление',
  };
}
