import { describe, expect, it } from 'vitest';
import { bindNoBreak, NBSP, shown } from './nobreak';

/** No-break spaces made visible. */
const marked = (s: string) => bindNoBreak(s).split(NBSP).join('~');

describe('no-break rules', () => {
  it.each([
    // «№» and its number
    ['№ 147-ө бұйрықтың негізінде', '№~147-ө бұйрықтың негізінде'],
    ['№ KZ26RVE01234567 өтінішін', '№~KZ26RVE01234567 өтінішін'],
    // initials and the surname, in either order, hyphenated given names too
    ['Басшы Г. С. Ахметова қол қойды', 'Басшы Г.~С.~Ахметова қол қойды'],
    ['Ш.-Г. Тәжіғалиева', 'Ш.-Г.~Тәжіғалиева'],
    ['возложить на Серикбаева Н. К.', 'возложить на Серикбаева~Н.~К.'],
    // a class number and its letter
    ['8 «Ә» сынып оқушысы', '8~«Ә» сынып оқушысы'],
    ['обучающемуся 10 Б класса', 'обучающемуся 10~Б класса'],
    // ЖСН / ИИН / БСН / БИН and the number
    ['(ЖСН 880315400128)', '(ЖСН~880315400128)'],
    ['ИИН: 880315400128', 'ИИН:~880315400128'],
    ['БСН 990440001234', 'БСН~990440001234'],
  ])('%s', (text, expected) => {
    expect(marked(text)).toBe(expected);
  });

  it('leaves ordinary spaces alone: dates, numbers with words, abbreviations before brackets', () => {
    for (const text of [
      '2026 жылғы 20 қарашадан бастап',
      '10 жұмыс күні ішінде',
      'Т.А.Ә. (бар болса)',
      '5 Ақпан көшесі',
      'подпунктом 21-3) пункта 4 статьи 6',
    ]) {
      expect(bindNoBreak(text)).toBe(text);
    }
  });

  it('prints the joined spaces as ordinary spaces', () => {
    expect(shown(bindNoBreak('№ 147-ө, Г. С. Ахметова'))).toBe('№ 147-ө, Г. С. Ахметова');
  });
});
