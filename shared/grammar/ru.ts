/**
 * Russian cases for the people's names the forms put into sentences. They follow the
 * rules of Russian grammar for surnames, given names and patronymics, including the names of
 * Kazakhstan: Kazakh patronymics (-ұлы, -қызы) and vowel-final surnames do not decline, nor do
 * women's names and surnames that end in a consonant («Айгүл», «Ким»). When the sex cannot be told,
 * the name is left in the nominative: a wrong ending on a legal paper is worse than none.
 */
import { FEMALE_PATRONYMIC, KAZAKH_PATRONYMIC, MALE_PATRONYMIC } from './patronymic';
import { firstDeclension, pick, secondDeclension, type RuCase, type Sex } from './ru-declension';

export { RU_CASES } from './ru-declension';
export type { RuCase, Sex } from './ru-declension';

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
