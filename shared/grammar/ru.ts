/**
 * Russian cases for the names and phrases the forms put into sentences. People's names follow the
 * rules of Russian grammar for surnames, given names and patronymics, including the names of
 * Kazakhstan: Kazakh patronymics (-ұлы, -қызы) and vowel-final surnames do not decline, nor do
 * women's names and surnames that end in a consonant («Айгүл», «Ким»). When the sex cannot be told,
 * the name is left in the nominative: a wrong ending on a legal paper is worse than none.
 */

import { FEMALE_PATRONYMIC, KAZAKH_PATRONYMIC, MALE_PATRONYMIC } from './patronymic';

export const RU_CASES = [
  'nominative',
  'genitive',
  'dative',
  'accusative',
  'instrumental',
  'prepositional',
] as const;
export type RuCase = (typeof RU_CASES)[number];
export type Sex = 'male' | 'female';

type Endings = Record<Exclude<RuCase, 'nominative'>, string>;

/** Letters after which Russian writes и, not ы (and е, not о, in unstressed endings). */
const VELAR_OR_HUSHING = /[гкхжшщчқғһ]$/u;
const HUSHING = /[жшщчц]$/u;

function keepCase(model: string, word: string): string {
  return model === model.toUpperCase() && model.length > 1 ? word.toUpperCase() : word;
}

/** Replaces `cut` final letters of `word` with `ending`, keeping an all-capitals word in capitals. */
function swap(word: string, cut: number, ending: string): string {
  return keepCase(word, word.slice(0, word.length - cut) + ending);
}

function pick(endings: Endings, kase: RuCase, word: string, cut: number): string {
  return kase === 'nominative' ? word : swap(word, cut, endings[kase]);
}

/** A noun in -а/-я of the first declension (Ольга, Глинка, Никита, школа). */
function firstDeclension(word: string, kase: RuCase): string {
  const lower = word.toLowerCase();
  if (lower.endsWith('ия')) {
    return pick(
      { genitive: 'ии', dative: 'ии', accusative: 'ию', instrumental: 'ией', prepositional: 'ии' },
      kase,
      word,
      2,
    );
  }
  if (lower.endsWith('я')) {
    return pick(
      { genitive: 'и', dative: 'е', accusative: 'ю', instrumental: 'ей', prepositional: 'е' },
      kase,
      word,
      1,
    );
  }
  const stem = lower.slice(0, -1);
  const i = VELAR_OR_HUSHING.test(stem) || /[жшщч]$/u.test(stem);
  const o = HUSHING.test(stem) ? 'ей' : 'ой';
  return pick(
    { genitive: i ? 'и' : 'ы', dative: 'е', accusative: 'у', instrumental: o, prepositional: 'е' },
    kase,
    word,
    1,
  );
}

/** A masculine noun ending in a consonant, -й or -ь (Нурлан, Андрей, Игорь, заместитель). */
function secondDeclension(word: string, kase: RuCase, animate: boolean): string {
  const lower = word.toLowerCase();
  const acc = (gen: string, nom = '') => (animate ? gen : nom);
  if (lower.endsWith('ий')) {
    return pick(
      { genitive: 'ия', dative: 'ию', accusative: acc('ия', 'ий'), instrumental: 'ием', prepositional: 'ии' },
      kase,
      word,
      2,
    );
  }
  if (lower.endsWith('й') || lower.endsWith('ь')) {
    const last = lower.slice(-1);
    return pick(
      { genitive: 'я', dative: 'ю', accusative: acc('я', last), instrumental: 'ем', prepositional: 'е' },
      kase,
      word,
      1,
    );
  }
  const ins = HUSHING.test(lower) ? 'ем' : 'ом';
  return pick(
    { genitive: 'а', dative: 'у', accusative: acc('а'), instrumental: ins, prepositional: 'е' },
    kase,
    word,
    0,
  );
}

/** Endings that never decline in Russian (Шевченко, Ли, Черных, Дүйсенбі). */
const INDECLINABLE_END = /([оеиуыэюәөүұі]|ых|их)$/u;

function surname(word: string, sex: Sex, kase: RuCase): string {
  const lower = word.toLowerCase();
  if (kase === 'nominative' || KAZAKH_PATRONYMIC.test(lower)) return word;
  if (sex === 'female') {
    if (/(ова|ева|ёва|ина|ына)$/u.test(lower)) {
      return pick(
        { genitive: 'ой', dative: 'ой', accusative: 'у', instrumental: 'ой', prepositional: 'ой' },
        kase,
        word,
        1,
      );
    }
    if (/(ая)$/u.test(lower)) {
      return pick(
        { genitive: 'ой', dative: 'ой', accusative: 'ую', instrumental: 'ой', prepositional: 'ой' },
        kase,
        word,
        2,
      );
    }
    if (/[ая]$/u.test(lower)) return firstDeclension(word, kase);
    return word;
  }
  if (/(ов|ев|ёв|ин|ын)$/u.test(lower)) {
    return pick(
      { genitive: 'а', dative: 'у', accusative: 'а', instrumental: 'ым', prepositional: 'е' },
      kase,
      word,
      0,
    );
  }
  // «Толстой», «Белый», «Достоевский» decline as adjectives; a short «Цой» as a noun.
  if (/([скгх]ий|ый|ой)$/u.test(lower) && lower.length > 4) {
    const soft = lower.endsWith('ий') && !/[скгх]ий$/u.test(lower);
    const e = soft ? 'е' : 'о';
    return pick(
      {
        genitive: `${e}го`,
        dative: `${e}му`,
        accusative: `${e}го`,
        instrumental: /[кгх]ий$/u.test(lower) || lower.endsWith('ий') ? 'им' : 'ым',
        prepositional: `${e}м`,
      },
      kase,
      word,
      2,
    );
  }
  if (/[ая]$/u.test(lower)) return firstDeclension(word, kase);
  if (INDECLINABLE_END.test(lower)) return word;
  return secondDeclension(word, kase, true);
}

function givenName(word: string, sex: Sex, kase: RuCase): string {
  const lower = word.toLowerCase();
  if (kase === 'nominative') return word;
  if (/[ая]$/u.test(lower)) return firstDeclension(word, kase);
  if (sex === 'female') {
    // Feminine names in a soft sign decline like «Любовь»: Айгуль → Айгули; in a consonant, not at all.
    if (lower.endsWith('ь')) {
      return pick(
        { genitive: 'и', dative: 'и', accusative: 'ь', instrumental: 'ью', prepositional: 'и' },
        kase,
        word,
        1,
      );
    }
    return word;
  }
  if (INDECLINABLE_END.test(lower)) return word;
  return secondDeclension(word, kase, true);
}

function patronymic(word: string, sex: Sex, kase: RuCase): string {
  const lower = word.toLowerCase();
  if (kase === 'nominative' || KAZAKH_PATRONYMIC.test(lower)) return word;
  if (sex === 'female' && lower.endsWith('на')) return firstDeclension(word, kase);
  if (sex === 'male' && lower.endsWith('ич')) return secondDeclension(word, kase, true);
  return word;
}

/** The sex a name shows by its patronymic, then its surname; undefined when it shows none. */
export function sexOfName(fullName: string): Sex | undefined {
  const words = fullName.toLowerCase().split(/\s+/).filter(Boolean);
  for (const w of [...words].reverse()) {
    if (/(вна|чна|шна)$/u.test(w) || FEMALE_PATRONYMIC.test(w)) return 'female';
    if (/(вич|ич)$/u.test(w) || MALE_PATRONYMIC.test(w)) return 'male';
  }
  const first = words[0] ?? '';
  if (/(ова|ева|ёва|ина|ына|ская|цкая)$/u.test(first)) return 'female';
  if (/(ов|ев|ёв|ин|ын|ский|цкий)$/u.test(first)) return 'male';
  return undefined;
}

const INITIAL = /^\p{Lu}\.(-\p{Lu}\.)?$/u;

/**
 * A person's name in a case. The name is «Surname Given Patronymic» as the portal sends it, or
 * initials with the surname («Н. К. Серикбаев», «Серикбаев Н. К.»). Without a known sex (given or
 * shown by the name) the name is returned as it is.
 */
export function ruName(fullName: string, kase: RuCase, sex: Sex | undefined = sexOfName(fullName)): string {
  const words = fullName.normalize('NFC').trim().split(/\s+/).filter(Boolean);
  if (kase === 'nominative' || !sex || words.length === 0) return words.join(' ');
  const initialsFirst = INITIAL.test(words[0] ?? '');
  let position = 0;
  return words
    .map((word) => {
      if (INITIAL.test(word)) return word;
      const role = initialsFirst ? 0 : position++;
      const decline = role === 0 ? surname : role === 1 ? givenName : patronymic;
      return word
        .split('-')
        .map((part) => decline(part, sex, kase))
        .join('-');
    })
    .join(' ');
}

const ADJECTIVE = /(ый|ий|ой|ая|яя|ое|ее)$/u;

function adjective(word: string, kase: RuCase, animate: boolean): string {
  const lower = word.toLowerCase();
  const soft = /(ий|яя|ее)$/u.test(lower) && !/[кгхжшщч]ий$/u.test(lower);
  const hushing = /[кгхжшщч](ий|ая|ое)$/u.test(lower);
  if (/(ая|яя)$/u.test(lower)) {
    const o = soft ? 'ей' : 'ой';
    return pick(
      { genitive: o, dative: o, accusative: soft ? 'юю' : 'ую', instrumental: o, prepositional: o },
      kase,
      word,
      2,
    );
  }
  const e = soft ? 'е' : 'о';
  const y = soft || hushing ? 'и' : 'ы';
  const neuter = /(ое|ее)$/u.test(lower);
  return pick(
    {
      genitive: `${e}го`,
      dative: `${e}му`,
      accusative: animate && !neuter ? `${e}го` : word.slice(-2).toLowerCase(),
      instrumental: `${y}м`,
      prepositional: `${e}м`,
    },
    kase,
    word,
    2,
  );
}

/** Masculine nouns in -ь that a position or an office starts with (feminine -ь nouns are rarer there). */
const MASCULINE_SOFT = /(тель|арь|ырь)$/u;

function noun(word: string, kase: RuCase, animate: boolean): string {
  const lower = word.toLowerCase();
  if (/(ие|ье)$/u.test(lower)) {
    return pick(
      {
        genitive: 'я',
        dative: 'ю',
        accusative: 'е',
        instrumental: 'ем',
        prepositional: lower.endsWith('ие') ? 'и' : 'е',
      },
      kase,
      word,
      1,
    );
  }
  if (/[о]$/u.test(lower)) {
    return pick(
      { genitive: 'а', dative: 'у', accusative: 'о', instrumental: 'ом', prepositional: 'е' },
      kase,
      word,
      1,
    );
  }
  if (/[ая]$/u.test(lower)) return firstDeclension(word, kase);
  if (lower.endsWith('ь') && !MASCULINE_SOFT.test(lower)) {
    return pick(
      { genitive: 'и', dative: 'и', accusative: 'ь', instrumental: 'ью', prepositional: 'и' },
      kase,
      word,
      1,
    );
  }
  if (/[бвгджзйклмнпрстфхцчшщь]$/u.test(lower)) return secondDeclension(word, kase, animate);
  return word;
}

export interface RuPhraseOptions {
  /** A person's position (accusative = genitive) rather than a body or a thing. */
  animate: boolean;
}

/**
 * A phrase led by a noun — a position («Заместитель акима района»), a body («Отдел образования
 * Бурабайского района», «Акимат города Астаны») — in a case: its leading adjectives and first noun
 * decline, the rest is already in the genitive and stays. A name that starts with an abbreviation
 * or a quotation mark («ГУ «Отдел образования…»», «КГУ …») is left as it is. An inflected phrase
 * stands inside a sentence, so its first letter is written small (an abbreviation keeps its capitals).
 */
export function ruPhrase(text: string, kase: RuCase, options: RuPhraseOptions): string {
  const words = text.normalize('NFC').trim().split(/\s+/).filter(Boolean);
  if (kase === 'nominative' || words.length === 0) return words.join(' ');
  const first = words[0] ?? '';
  if (/^[«"„(]/u.test(first) || /^\p{Lu}{2,}$/u.test(first)) return words.join(' ');
  const out: string[] = [];
  let done = false;
  for (const word of words) {
    if (done || !/^\p{L}[\p{L}-]*$/u.test(word)) {
      done = true;
      out.push(word);
      continue;
    }
    const parts = word.split('-');
    if (ADJECTIVE.test(word.toLowerCase()) && parts.length === 1) {
      out.push(adjective(word, kase, options.animate));
      continue;
    }
    // «Школа-гимназия»: both halves of a compound noun decline.
    out.push(parts.map((p) => noun(p, kase, options.animate)).join('-'));
    done = true;
  }
  // Written small when it is a Russian word; a name in other letters («School No. 1») stays.
  const head = out[0] ?? '';
  if (/^[А-ЯЁ][а-яё-]*$/u.test(head)) out[0] = head.charAt(0).toLowerCase() + head.slice(1);
  return out.join(' ');
}

export const RU_MONTHS_GENITIVE = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
] as const;
