/**
 * The basis document an order cites (standard, item 8): the medical advisory commission's
 * conclusion with its number and date, the record of progress, the certificate of residence
 * abroad, the document of study abroad — named as the standard names them, in the form's
 * language, with the number and date the central system delivered when it delivered them.
 */
import { requiredDocuments, type DocumentKind } from '../../../../shared/documents';
import type { FormLanguage } from '../../../../shared/forms';
import { dateInWords } from '../../../../shared/grammar';
import type { CaseState } from '../../../../shared/workflow';

interface Wording {
  plain: string;
  /** With the number and date known. */
  dated?: (date: string, number: string) => string;
}

const WORDING: Record<FormLanguage, Record<Exclude<DocumentKind, 'application'>, Wording>> = {
  kk: {
    'medical-conclusion': {
      plain: 'дәрігерлік-консультативтік комиссияның 035-1/у нысанындағы электронды қорытындысы',
      dated: (date, number) =>
        `дәрігерлік-консультативтік комиссияның ${date} № ${number} 035-1/у нысанындағы электронды қорытындысы`,
    },
    'progress-record': { plain: 'электронды үлгерім табелі' },
    'residence-abroad': {
      plain:
        'ата-анасының немесе оларды алмастыратын адамдардың уақытша шетелде тұратындығы туралы электронды анықтама',
    },
    'study-abroad': { plain: 'білім алушының шетелде оқитындығын растайтын электронды құжат' },
  },
  ru: {
    'medical-conclusion': {
      plain: 'электронное заключение врачебно-консультационной комиссии по форме 035-1/у',
      dated: (date, number) =>
        `электронное заключение врачебно-консультационной комиссии по форме 035-1/у от ${date} № ${number}`,
    },
    'progress-record': { plain: 'электронный табель успеваемости' },
    'residence-abroad': {
      plain: 'электронная справка о временном проживании родителей или лиц, их заменяющих, за рубежом',
    },
    'study-abroad': { plain: 'электронный документ, подтверждающий обучение обучающегося за рубежом' },
  },
};

function textOf(data: unknown, key: string): string | undefined {
  if (typeof data !== 'object' || data === null || !Object.hasOwn(data, key)) return undefined;
  const value = (data as Record<string, unknown>)[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The supporting document of the case's ground as the order's «Негіздеме» / «Основание» names it. */
export function basisDocument(state: CaseState, language: FormLanguage): string {
  const kind = requiredDocuments(state.application.ground).find(
    (k): k is Exclude<DocumentKind, 'application'> => k !== 'application',
  );
  if (kind === undefined) return '';
  const wording = WORDING[language][kind];
  const attachment = state.application.attachments.find((a) => a.kind === kind);
  const number = textOf(attachment?.data, 'number');
  const date = textOf(attachment?.data, 'date');
  if (wording.dated && number && date) {
    const written = dateInWords(date, language, language === 'kk' ? 'attributive' : 'genitive');
    if (written) return wording.dated(written, number);
  }
  return wording.plain;
}
