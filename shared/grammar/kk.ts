/**
 * Kazakh case endings for the words the forms put into sentences: names, positions, the names of
 * bodies, the act's own name, month names after a day, and numbers. Kazakh is agglutinative: the
 * ending follows the last word's vowel harmony (back а о ұ ы / front ә е ө ү і) and its last
 * sound (vowel, sonorant, nasal, voiced or voiceless consonant), and a word that already carries
 * the possessive of the 3rd person («бөлімі», «орынбасары», «Серікқызы») takes the «н» endings.
 */

import { KAZAKH_PATRONYMIC } from './patronymic';

export const KK_CASES = [
  'nominative',
  'genitive',
  'dative',
  'accusative',
  'locative',
  'ablative',
  'instrumental',
  /** Locative turned attribute (-дағы/-дегі): «29 мамырдағы бұйрық», «қарашадағы». */
  'attributive',
] as const;
export type KkCase = (typeof KK_CASES)[number];

type Harmony = 'back' | 'front';
/** The last sound as the ending sees it. */
type Final = 'vowel' | 'sonorant' | 'nasal' | 'voiced' | 'voiceless';

const BACK = new Set([...'аоұыяёAOUaouy']);
// «и» is front in the Russian names and loanwords it ends here (Петровичке, Кимге, Әлиге).
const FRONT = new Set([...'әеөүіэиEIei']);
/** Letters whose harmony depends on the word (у = ұу/үу/[w], ю = йу): decided by the rest. */
const AMBIGUOUS: Record<string, Harmony> = { у: 'back', ю: 'back' };
const VOWELS = new Set([...'аәеёиоөуұүыіэюя']);

/** The harmony of a word from its last decisive vowel. */
export function harmonyOf(word: string): Harmony {
  const letters = [...word.toLowerCase()];
  let fallback: Harmony | undefined;
  for (let i = letters.length - 1; i >= 0; i--) {
    const ch = letters[i] ?? '';
    // «е» right after a vowel is the iotated [йе] of Russian -аев, -уев: «Тоқаевқа», «Серікбаевтың».
    if (ch === 'е' && i > 0 && VOWELS.has(letters[i - 1] ?? '')) continue;
    if (BACK.has(ch)) return 'back';
    if (FRONT.has(ch)) return 'front';
    const ambiguous = AMBIGUOUS[ch];
    if (ambiguous) fallback ??= ambiguous;
  }
  return fallback ?? 'back';
}

function finalOf(word: string): Final {
  const letters = [...word.toLowerCase()].filter((ch) => ch !== 'ь' && ch !== 'ъ');
  const last = letters.at(-1) ?? '';
  // A word-final и, у sound [й], [у]: «Әлидің», «таудың».
  if ('руйлиw'.includes(last)) return 'sonorant';
  if (VOWELS.has(last) || 'aeiouy'.includes(last)) return 'vowel';
  if ('мнңmn'.includes(last)) return 'nasal';
  if ('жзz'.includes(last)) return 'voiced';
  // б в г ғ д are devoiced at the end of a word: «Серікбаевқа», «Олегке».
  return 'voiceless';
}

type Pair = readonly [back: string, front: string];

const ENDINGS: Record<Exclude<KkCase, 'nominative' | 'attributive'>, Record<Final, Pair>> = {
  genitive: {
    vowel: ['ның', 'нің'],
    nasal: ['ның', 'нің'],
    sonorant: ['дың', 'дің'],
    voiced: ['дың', 'дің'],
    voiceless: ['тың', 'тің'],
  },
  accusative: {
    vowel: ['ны', 'ні'],
    nasal: ['ды', 'ді'],
    sonorant: ['ды', 'ді'],
    voiced: ['ды', 'ді'],
    voiceless: ['ты', 'ті'],
  },
  dative: {
    vowel: ['ға', 'ге'],
    nasal: ['ға', 'ге'],
    sonorant: ['ға', 'ге'],
    voiced: ['ға', 'ге'],
    voiceless: ['қа', 'ке'],
  },
  locative: {
    vowel: ['да', 'де'],
    nasal: ['да', 'де'],
    sonorant: ['да', 'де'],
    voiced: ['да', 'де'],
    voiceless: ['та', 'те'],
  },
  ablative: {
    vowel: ['дан', 'ден'],
    nasal: ['нан', 'нен'],
    sonorant: ['дан', 'ден'],
    voiced: ['дан', 'ден'],
    voiceless: ['тан', 'тен'],
  },
  // The instrumental has no back form: «қаламен», «ауданмен».
  instrumental: {
    vowel: ['мен', 'мен'],
    nasal: ['мен', 'мен'],
    sonorant: ['мен', 'мен'],
    voiced: ['бен', 'бен'],
    voiceless: ['пен', 'пен'],
  },
};

/** After the possessive of the 3rd person: «бөліміне», «орынбасарында», «Серікқызынан». */
const POSSESSIVE_ENDINGS: Partial<Record<KkCase, Pair>> = {
  dative: ['на', 'не'],
  locative: ['нда', 'нде'],
  ablative: ['нан', 'нен'],
  accusative: ['н', 'н'],
  attributive: ['ндағы', 'ндегі'],
};

/** The ending alone, for a word as it is pronounced. */
function ending(word: string, kase: KkCase, possessive: boolean, harmony = harmonyOf(word)): string {
  if (kase === 'nominative') return '';
  const side = harmony === 'back' ? 0 : 1;
  const own = possessive ? POSSESSIVE_ENDINGS[kase] : undefined;
  if (own) return own[side];
  if (kase === 'attributive') return ENDINGS.locative[finalOf(word)][side] + (side === 0 ? 'ғы' : 'гі');
  return ENDINGS[kase][finalOf(word)][side];
}

export interface KkWordOptions {
  /** The word ends in the possessive of the 3rd person («әкімі», «бөлімі»). */
  possessive?: boolean;
}

/** A single word in a case: «бұйрық» → «бұйрықтың», «қараша» → «қарашадағы». */
export function kkWord(word: string, kase: KkCase, options: KkWordOptions = {}): string {
  if (kase === 'nominative' || word === '') return word;
  const possessive = options.possessive ?? KAZAKH_PATRONYMIC.test(word.toLowerCase());
  if (isAbbreviation(word)) return `${word}-${abbreviationEnding(word, kase)}`;
  return word + ending(word, kase, possessive);
}

/** The pronounced name of a number's last word decides its ending: 3 «үш» → «3-ке», 20 «жиырма» → «20-ға». */
const UNITS = ['', 'бір', 'екі', 'үш', 'төрт', 'бес', 'алты', 'жеті', 'сегіз', 'тоғыз'];
const TENS = ['', 'он', 'жиырма', 'отыз', 'қырық', 'елу', 'алпыс', 'жетпіс', 'сексен', 'тоқсан'];

export function kkNumberWord(n: number): string {
  const value = Math.abs(Math.trunc(n));
  if (value === 0) return 'нөл';
  if (value % 10 !== 0) return UNITS[value % 10] ?? '';
  if (value % 100 !== 0) return TENS[(value % 100) / 10] ?? '';
  if (value % 1000 !== 0) return 'жүз';
  if (value % 1_000_000 !== 0) return 'мың';
  if (value % 1_000_000_000 !== 0) return 'миллион';
  return 'миллиард';
}

/** A number in a case, written with digits and a hyphen as Kazakh papers do: «2026-ға», «3-тен». */
export function kkNumber(n: number, kase: KkCase): string {
  if (kase === 'nominative') return String(n);
  const word = kkNumberWord(n);
  return `${n}-${ending(word, kase, false)}`;
}

/**
 * Capital letters are read by their names (М «эм», С «эс», Б «бе»), and the ending follows
 * after a hyphen: «КММ-нің», «ЖШС-ке».
 */
const LETTER_NAMES: Record<string, string> = {
  А: 'а',
  Ә: 'ә',
  Б: 'бе',
  В: 'ве',
  Г: 'ге',
  Ғ: 'ғы',
  Д: 'де',
  Е: 'е',
  Ж: 'же',
  З: 'зе',
  И: 'и',
  Й: 'й',
  К: 'ка',
  Қ: 'қа',
  Л: 'эл',
  М: 'эм',
  Н: 'эн',
  Ң: 'ың',
  О: 'о',
  Ө: 'ө',
  П: 'пе',
  Р: 'эр',
  С: 'эс',
  Т: 'те',
  У: 'у',
  Ұ: 'ұ',
  Ү: 'ү',
  Ф: 'эф',
  Х: 'ха',
  Һ: 'һа',
  Ц: 'це',
  Ч: 'че',
  Ш: 'ша',
  Щ: 'ща',
  Ы: 'ы',
  І: 'і',
  Э: 'э',
  Ю: 'ю',
  Я: 'я',
};

function isAbbreviation(word: string): boolean {
  return /^[А-ЯЁӘҒҚҢӨҰҮҺІ]{2,6}$/u.test(word);
}

function abbreviationEnding(word: string, kase: KkCase): string {
  const name = LETTER_NAMES[[...word].at(-1) ?? ''] ?? 'а';
  return ending(name, kase, false);
}

export interface KkPhraseOptions {
  /**
   * How to tell whether the last word carries the possessive. 'name': only a patronymic does
   * («Қайратұлы»); 'phrase': in a chain of two or more words a last word in -ы/-і does
   * («Бурабай ауданы», «білім бөлімі», «аудан әкімінің орынбасары»).
   */
  kind: 'name' | 'phrase';
}

/**
 * A name or a phrase in a case: the ending goes on its last word, after a hyphen when the phrase
 * ends with a number or a closing quote («№ 12-ге», «"Болашақ"-қа»).
 */
export function kkPhrase(text: string, kase: KkCase, options: KkPhraseOptions): string {
  const phrase = text.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (kase === 'nominative' || phrase === '') return phrase;
  const trailing = /^(.*?)([»"”)]+)$/u.exec(phrase);
  const body = trailing ? (trailing[1] ?? '') : phrase;
  const words = body.split(' ');
  const last = words.at(-1) ?? '';
  const number = /(\d+)$/.exec(last);
  if (number && !trailing) {
    return `${phrase}-${ending(kkNumberWord(Number(number[1])), kase, false)}`;
  }
  if (trailing) {
    const letters = last.replace(/[^\p{L}]/gu, '');
    return `${phrase}-${ending(letters || 'а', kase, false)}`;
  }
  const possessive =
    KAZAKH_PATRONYMIC.test(last.toLowerCase()) ||
    (options.kind === 'phrase' && words.length > 1 && /[^аәеёиоөуұүыіэюя][ыі]$/u.test(last.toLowerCase()));
  words[words.length - 1] = isAbbreviation(last)
    ? `${last}-${abbreviationEnding(last, kase)}`
    : last + ending(last, kase, possessive);
  return words.join(' ');
}

export const KK_MONTHS = [
  'қаңтар',
  'ақпан',
  'наурыз',
  'сәуір',
  'мамыр',
  'маусым',
  'шілде',
  'тамыз',
  'қыркүйек',
  'қазан',
  'қараша',
  'желтоқсан',
] as const;

/** The month (1–12) in a case: «қараша» → «қарашадан», «мамыр» → «мамырдағы». */
export function kkMonth(month: number, kase: KkCase = 'nominative'): string {
  const name = KK_MONTHS[month - 1];
  if (!name) throw new RangeError(`month ${month}`);
  return kkWord(name, kase);
}
