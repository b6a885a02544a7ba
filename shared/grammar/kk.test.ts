import { describe, expect, it } from 'vitest';
import {
  KK_CASES,
  dateInWords,
  datePart,
  harmonyOf,
  kkNumber,
  kkPhrase,
  kkWord,
  nameInCase,
  numberInCase,
  phraseInCase,
} from './index';

describe('Kazakh vowel harmony', () => {
  it.each([
    ['Нұрлан', 'back'],
    ['Айгүл', 'front'],
    ['Серікқызы', 'back'],
    ['мектеп', 'front'],
    // Iotated «е» after a vowel follows the vowel before it (Тоқаевқа, not Тоқаевке).
    ['Тоқаев', 'back'],
    ['Серікбаев', 'back'],
    ['Сергеев', 'front'],
    ['Әли', 'front'],
  ] as const)('%s is %s', (word, harmony) => {
    expect(harmonyOf(word)).toBe(harmony);
  });
});

describe('Kazakh case endings on a word', () => {
  // word: genitive, dative, accusative, locative, ablative, instrumental, attributive
  it.each([
    ['бұйрық', 'бұйрықтың бұйрыққа бұйрықты бұйрықта бұйрықтан бұйрықпен бұйрықтағы'],
    ['қаулы', 'қаулының қаулыға қаулыны қаулыда қаулыдан қаулымен қаулыдағы'],
    ['қараша', 'қарашаның қарашаға қарашаны қарашада қарашадан қарашамен қарашадағы'],
    ['мамыр', 'мамырдың мамырға мамырды мамырда мамырдан мамырмен мамырдағы'],
    ['сәуір', 'сәуірдің сәуірге сәуірді сәуірде сәуірден сәуірмен сәуірдегі'],
    ['ақпан', 'ақпанның ақпанға ақпанды ақпанда ақпаннан ақпанмен ақпандағы'],
    ['қыркүйек', 'қыркүйектің қыркүйекке қыркүйекті қыркүйекте қыркүйектен қыркүйекпен қыркүйектегі'],
    ['тамыз', 'тамыздың тамызға тамызды тамызда тамыздан тамызбен тамыздағы'],
    ['Серікбаев', 'Серікбаевтың Серікбаевқа Серікбаевты Серікбаевта Серікбаевтан Серікбаевпен Серікбаевтағы'],
    ['Айгүл', 'Айгүлдің Айгүлге Айгүлді Айгүлде Айгүлден Айгүлмен Айгүлдегі'],
    // A patronymic carries the possessive: «н» endings.
    [
      'Серікқызы',
      'Серікқызының Серікқызына Серікқызын Серікқызында Серікқызынан Серікқызымен Серікқызындағы',
    ],
    [
      'Қайратұлы',
      'Қайратұлының Қайратұлына Қайратұлын Қайратұлында Қайратұлынан Қайратұлымен Қайратұлындағы',
    ],
    // Abbreviations are read by their letters' names: «эм», «эс».
    ['КММ', 'КММ-нің КММ-ге КММ-ді КММ-де КММ-нен КММ-мен КММ-дегі'],
    ['ЖШС', 'ЖШС-тің ЖШС-ке ЖШС-ті ЖШС-те ЖШС-тен ЖШС-пен ЖШС-тегі'],
  ])('%s', (word, forms) => {
    const cases = KK_CASES.filter((c) => c !== 'nominative');
    expect(cases.map((c) => kkWord(word, c)).join(' ')).toBe(forms);
    expect(kkWord(word, 'nominative')).toBe(word);
  });
});

describe('Kazakh endings after numbers follow the number as it is read', () => {
  it.each([
    [1, '1-ге', '1-ден'], // бір
    [2, '2-ге', '2-ден'], // екі
    [3, '3-ке', '3-тен'], // үш
    [6, '6-ға', '6-дан'], // алты
    [9, '9-ға', '9-дан'], // тоғыз
    [10, '10-ға', '10-нан'], // он
    [20, '20-ға', '20-дан'], // жиырма
    [40, '40-қа', '40-тан'], // қырық
    [50, '50-ге', '50-ден'], // елу
    [80, '80-ге', '80-нен'], // сексен
    [100, '100-ге', '100-ден'], // жүз
    [1000, '1000-ға', '1000-нан'], // мың
    [2026, '2026-ға', '2026-дан'], // ... алты
    [2020, '2020-ға', '2020-дан'], // ... жиырма
  ])('%i', (n, dative, ablative) => {
    expect(kkNumber(n, 'dative')).toBe(dative);
    expect(kkNumber(n, 'ablative')).toBe(ablative);
    expect(numberInCase(n, 'kk', 'dative')).toBe(dative);
  });

  it('puts the ending after a number that closes a phrase', () => {
    expect(kkPhrase('№ 12', 'dative', { kind: 'phrase' })).toBe('№ 12-ге');
    expect(kkPhrase('№ 3', 'genitive', { kind: 'phrase' })).toBe('№ 3-тің');
  });
});

describe('Kazakh dates inside sentences', () => {
  it('writes «… жылғы D <month+case>» with no leading zero', () => {
    expect(
      `${dateInWords('2026-11-20', 'kk', 'ablative')} бастап ${dateInWords('2027-05-25', 'kk', 'dative')} дейін`,
    ).toBe('2026 жылғы 20 қарашадан бастап 2027 жылғы 25 мамырға дейін');
    expect(dateInWords('2026-11-19', 'kk', 'attributive')).toBe('2026 жылғы 19 қарашадағы');
    expect(dateInWords('2012-09-04', 'kk', 'locative')).toBe('2012 жылғы 4 қыркүйекте');
    expect(dateInWords('2026-01-05', 'kk')).toBe('2026 жылғы 5 қаңтар');
  });

  it('gives the parts of a date for the blanks «_______ жылғы __ _______»', () => {
    expect(datePart('2026-11-19', 'year', 'kk')).toBe('2026');
    expect(datePart('2026-11-09', 'day', 'kk')).toBe('9');
    expect(datePart('2026-11-19', 'month', 'kk', 'attributive')).toBe('қарашадағы');
    expect(datePart('2026-02-30', 'day', 'kk')).toBeUndefined();
  });
});

describe('Kazakh names and phrases in a case (a table of names)', () => {
  // name, genitive, dative
  it.each([
    ['Ахметова Айгүл', 'Ахметова Айгүлдің', 'Ахметова Айгүлге'],
    ['Ахметов Нұрлан', 'Ахметов Нұрланның', 'Ахметов Нұрланға'],
    ['Ахметова Гүлнар Серікқызы', 'Ахметова Гүлнар Серікқызының', 'Ахметова Гүлнар Серікқызына'],
    ['Серікбаев Нұрлан Қайратұлы', 'Серікбаев Нұрлан Қайратұлының', 'Серікбаев Нұрлан Қайратұлына'],
    ['Иванова Ольга Петровна', 'Иванова Ольга Петровнаның', 'Иванова Ольга Петровнаға'],
    ['Иванов Сергей Петрович', 'Иванов Сергей Петровичтің', 'Иванов Сергей Петровичке'],
    ['Н. Қ. Серікбаев', 'Н. Қ. Серікбаевтың', 'Н. Қ. Серікбаевқа'],
    ['Ким Әли', 'Ким Әлидің', 'Ким Әлиге'],
  ])('%s', (name, genitive, dative) => {
    expect(nameInCase(name, 'kk', 'genitive')).toBe(genitive);
    expect(nameInCase(name, 'kk', 'dative')).toBe(dative);
  });

  it('finds the possessive of a chain, not of a single word', () => {
    expect(phraseInCase('аудан әкімінің орынбасары', 'kk', 'dative')).toBe('аудан әкімінің орынбасарына');
    expect(phraseInCase('Бурабай ауданының білім бөлімі', 'kk', 'ablative')).toBe(
      'Бурабай ауданының білім бөлімінен',
    );
    expect(phraseInCase('аудан әкімі', 'kk', 'genitive')).toBe('аудан әкімінің');
    expect(phraseInCase('қаулы', 'kk', 'dative')).toBe('қаулыға');
    // A closing quote: the ending follows a hyphen.
    expect(phraseInCase('«Болашақ»', 'kk', 'dative')).toBe('«Болашақ»-қа');
  });
});
