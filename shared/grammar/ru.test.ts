import { describe, expect, it } from 'vitest';
import { dateInWords, datePart, nameInCase, phraseInCase, ruName, sexOfName } from './index';

describe('Russian names in the case the sentence needs (a table of names)', () => {
  // name, sex, genitive, dative, prepositional
  it.each([
    // Russian, male and female, with a patronymic
    [
      'Серикбаев Нурлан Кайратович',
      'male',
      'Серикбаева Нурлана Кайратовича',
      'Серикбаеву Нурлану Кайратовичу',
      'Серикбаеве Нурлане Кайратовиче',
    ],
    [
      'Иванова Ольга Петровна',
      'female',
      'Ивановой Ольги Петровны',
      'Ивановой Ольге Петровне',
      'Ивановой Ольге Петровне',
    ],
    [
      'Достоевский Фёдор Михайлович',
      'male',
      'Достоевского Фёдора Михайловича',
      'Достоевскому Фёдору Михайловичу',
      'Достоевском Фёдоре Михайловиче',
    ],
    [
      'Толстая Софья Андреевна',
      'female',
      'Толстой Софьи Андреевны',
      'Толстой Софье Андреевне',
      'Толстой Софье Андреевне',
    ],
    [
      'Смирнов Андрей Васильевич',
      'male',
      'Смирнова Андрея Васильевича',
      'Смирнову Андрею Васильевичу',
      'Смирнове Андрее Васильевиче',
    ],
    // Kazakh names: the patronymic in -ұлы / -қызы does not decline; a woman's consonant-final name neither
    [
      'Серікбаев Нұрлан Қайратұлы',
      'male',
      'Серікбаева Нұрлана Қайратұлы',
      'Серікбаеву Нұрлану Қайратұлы',
      'Серікбаеве Нұрлане Қайратұлы',
    ],
    [
      'Ахметова Гүлнар Серікқызы',
      'female',
      'Ахметовой Гүлнар Серікқызы',
      'Ахметовой Гүлнар Серікқызы',
      'Ахметовой Гүлнар Серікқызы',
    ],
    [
      'Жұмабаева Сәуле Маратқызы',
      'female',
      'Жұмабаевой Сәуле Маратқызы',
      'Жұмабаевой Сәуле Маратқызы',
      'Жұмабаевой Сәуле Маратқызы',
    ],
    [
      'Тәжіғалиев Әлихан Ержанұлы',
      'male',
      'Тәжіғалиева Әлихана Ержанұлы',
      'Тәжіғалиеву Әлихану Ержанұлы',
      'Тәжіғалиеве Әлихане Ержанұлы',
    ],
    // Without a patronymic
    ['Ахметова Айгүл', 'female', 'Ахметовой Айгүл', 'Ахметовой Айгүл', 'Ахметовой Айгүл'],
    ['Ахметова Айгуль', 'female', 'Ахметовой Айгули', 'Ахметовой Айгули', 'Ахметовой Айгули'],
    ['Ахметов Нұрлан', 'male', 'Ахметова Нұрлана', 'Ахметову Нұрлану', 'Ахметове Нұрлане'],
    ['Мусина Әлия', 'female', 'Мусиной Әлии', 'Мусиной Әлии', 'Мусиной Әлии'],
    // Indeclinable surnames: vowel-final (Kazakh -ali, Ukrainian -ко), a woman's consonant-final
    ['Тәжіғали Ерлан', 'male', 'Тәжіғали Ерлана', 'Тәжіғали Ерлану', 'Тәжіғали Ерлане'],
    ['Шевченко Ирина', 'female', 'Шевченко Ирины', 'Шевченко Ирине', 'Шевченко Ирине'],
    ['Ким Ольга', 'female', 'Ким Ольги', 'Ким Ольге', 'Ким Ольге'],
    // A man's consonant-final surname does decline; a short -ой one as a noun
    ['Ким Виктор', 'male', 'Кима Виктора', 'Киму Виктору', 'Киме Викторе'],
    [
      'Цой Виктор Робертович',
      'male',
      'Цоя Виктора Робертовича',
      'Цою Виктору Робертовичу',
      'Цое Викторе Робертовиче',
    ],
    // Initials with the surname, in either order
    ['Н. К. Серикбаев', 'male', 'Н. К. Серикбаева', 'Н. К. Серикбаеву', 'Н. К. Серикбаеве'],
    ['Ахметова Г. С.', 'female', 'Ахметовой Г. С.', 'Ахметовой Г. С.', 'Ахметовой Г. С.'],
    // A hyphenated given name declines in both parts where each declines
    [
      'Тәжіғалиева Шаһизада-Гүлнұр Көңілбекқызы',
      'female',
      'Тәжіғалиевой Шаһизады-Гүлнұр Көңілбекқызы',
      'Тәжіғалиевой Шаһизаде-Гүлнұр Көңілбекқызы',
      'Тәжіғалиевой Шаһизаде-Гүлнұр Көңілбекқызы',
    ],
  ] as const)('%s', (name, sex, genitive, dative, prepositional) => {
    expect(ruName(name, 'genitive', sex)).toBe(genitive);
    expect(ruName(name, 'dative', sex)).toBe(dative);
    expect(ruName(name, 'prepositional', sex)).toBe(prepositional);
    expect(nameInCase(name, 'ru', 'genitive', sex)).toBe(genitive);
  });

  it('gives the accusative and the instrumental', () => {
    expect(ruName('Иванова Ольга Петровна', 'accusative', 'female')).toBe('Иванову Ольгу Петровну');
    expect(ruName('Серикбаев Нурлан Кайратович', 'instrumental', 'male')).toBe(
      'Серикбаевым Нурланом Кайратовичем',
    );
    expect(ruName('Ахметова Айгуль', 'instrumental', 'female')).toBe('Ахметовой Айгулью');
  });

  it('tells the sex from the patronymic or the surname, and otherwise leaves the name alone', () => {
    expect(sexOfName('Ахметова Гүлнар Серікқызы')).toBe('female');
    expect(sexOfName('Серікбаев Нұрлан Қайратұлы')).toBe('male');
    expect(sexOfName('Иванова Ольга Петровна')).toBe('female');
    expect(sexOfName('Ахметов Нұрлан')).toBe('male');
    expect(sexOfName('Ким Ольга')).toBeUndefined();
    // Without a sex a wrong ending would be a guess: the nominative stays.
    expect(ruName('Ким Ольга', 'genitive')).toBe('Ким Ольга');
    expect(ruName('Ахметова Айгүл', 'dative')).toBe('Ахметовой Айгүл');
  });
});

describe('Russian positions and names of bodies', () => {
  // phrase, genitive, dative
  it.each([
    ['Заместитель акима района', 'заместителя акима района', 'заместителю акима района'],
    ['Руководитель отдела образования', 'руководителя отдела образования', 'руководителю отдела образования'],
    [
      'Главный специалист отдела образования',
      'главного специалиста отдела образования',
      'главному специалисту отдела образования',
    ],
    ['Аким района', 'акима района', 'акиму района'],
    ['Акимат Бурабайского района', 'акимата Бурабайского района', 'акимату Бурабайского района'],
    [
      'Отдел образования Бурабайского района',
      'отдела образования Бурабайского района',
      'отделу образования Бурабайского района',
    ],
    [
      'Управление образования города Астаны',
      'управления образования города Астаны',
      'управлению образования города Астаны',
    ],
    ['Средняя школа № 12', 'средней школы № 12', 'средней школе № 12'],
    ['Школа-гимназия № 5', 'школы-гимназии № 5', 'школе-гимназии № 5'],
    // A name after an abbreviation or in quotes stays as registered.
    [
      'КГУ «Общеобразовательная средняя школа № 12»',
      'КГУ «Общеобразовательная средняя школа № 12»',
      'КГУ «Общеобразовательная средняя школа № 12»',
    ],
  ])('%s', (phrase, genitive, dative) => {
    expect(phraseInCase(phrase, 'ru', 'genitive', true)).toBe(genitive);
    expect(phraseInCase(phrase, 'ru', 'dative', true)).toBe(dative);
  });

  it('keeps the accusative of a body as its nominative and of a position as its genitive', () => {
    expect(phraseInCase('Отдел образования', 'ru', 'accusative', false)).toBe('отдел образования');
    expect(phraseInCase('Заместитель акима района', 'ru', 'accusative', true)).toBe(
      'заместителя акима района',
    );
  });
});

describe('Russian dates inside sentences', () => {
  it('writes «D <month in the genitive> YYYY года»', () => {
    expect(
      `с ${dateInWords('2026-11-20', 'ru', 'genitive')} по ${dateInWords('2027-05-25', 'ru', 'accusative')}`,
    ).toBe('с 20 ноября 2026 года по 25 мая 2027 года');
    expect(datePart('2026-03-08', 'month', 'ru')).toBe('марта');
    expect(dateInWords('not a date', 'ru')).toBeUndefined();
  });
});
