/** Russian positions and names of bodies in a case, and the months as a date writes them. */
import { firstDeclension, pick, secondDeclension, type RuCase } from './ru-declension';

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
