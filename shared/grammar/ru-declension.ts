/** Russian declension shared by names and phrases: the cases and the two noun declensions. */

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

export type Endings = Record<Exclude<RuCase, 'nominative'>, string>;

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

export function pick(endings: Endings, kase: RuCase, word: string, cut: number): string {
  return kase === 'nominative' ? word : swap(word, cut, endings[kase]);
}

/** A noun in -а/-я of the first declension (Ольга, Глинка, Никита, школа). */
export function firstDeclension(word: string, kase: RuCase): string {
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
export function secondDeclension(word: string, kase: RuCase, animate: boolean): string {
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
