/** Names of Kazakh and Russian-speaking families, with the gendered forms each language needs. */
import { makeIin, type Sex } from '../../../shared/iin';
import type { Person } from '../../../shared/workflow';
import type { Random } from './random';

interface FirstName {
  name: string;
  /** Patronymic of a son / daughter of a father with this name. */
  son: string;
  daughter: string;
}

const kk = (name: string): FirstName => ({ name, son: `${name}ұлы`, daughter: `${name}қызы` });

const KAZAKH_MALE: readonly FirstName[] = [
  'Нұрлан',
  'Ерлан',
  'Асхат',
  'Бауыржан',
  'Дәурен',
  'Ержан',
  'Қайрат',
  'Серік',
  'Талғат',
  'Бекзат',
  'Әлихан',
  'Нұрсұлтан',
  'Арман',
  'Ернар',
  'Айдос',
  'Дастан',
  'Мейіржан',
  'Ілияс',
  'Жандос',
  'Санжар',
].map(kk);
const KAZAKH_FEMALE: readonly string[] = [
  'Айгүл',
  'Гүлмира',
  'Динара',
  'Жанар',
  'Әсел',
  'Мөлдір',
  'Айжан',
  'Сәуле',
  'Ақерке',
  'Аружан',
  'Дана',
  'Томирис',
  'Жансая',
  'Іңкәр',
  'Балнұр',
  'Нұрай',
  'Көркем',
  'Гүлнар',
];
/** Male forms; the female form adds 'а'. */
const KAZAKH_SURNAMES: readonly string[] = [
  'Ахметов',
  'Сейітов',
  'Жұмабаев',
  'Омаров',
  'Тоқтаров',
  'Әбілқасымов',
  'Қасымов',
  'Серікбаев',
  'Нұрланов',
  'Бекболатов',
  'Мұхамедиев',
  'Есенов',
  'Қалиев',
  'Оспанов',
  'Байжанов',
  'Төлеуов',
  'Сәрсенбаев',
  'Ермеков',
  'Жақсылықов',
  'Әміров',
  'Смағұлов',
  'Құдайбергенов',
];

const ru = (name: string, son: string, daughter: string): FirstName => ({ name, son, daughter });
const RUSSIAN_MALE: readonly FirstName[] = [
  ru('Александр', 'Александрович', 'Александровна'),
  ru('Дмитрий', 'Дмитриевич', 'Дмитриевна'),
  ru('Сергей', 'Сергеевич', 'Сергеевна'),
  ru('Андрей', 'Андреевич', 'Андреевна'),
  ru('Максим', 'Максимович', 'Максимовна'),
  ru('Артём', 'Артёмович', 'Артёмовна'),
  ru('Иван', 'Иванович', 'Ивановна'),
  ru('Михаил', 'Михайлович', 'Михайловна'),
  ru('Никита', 'Никитич', 'Никитична'),
  ru('Владимир', 'Владимирович', 'Владимировна'),
  ru('Евгений', 'Евгеньевич', 'Евгеньевна'),
  ru('Алексей', 'Алексеевич', 'Алексеевна'),
];
const RUSSIAN_FEMALE: readonly string[] = [
  'Елена',
  'Ольга',
  'Наталья',
  'Анна',
  'Мария',
  'Екатерина',
  'Виктория',
  'Анастасия',
  'Юлия',
  'Ирина',
  'Алёна',
  'Дарья',
];
/** [male, female]; some surnames do not change. */
const RUSSIAN_SURNAMES: ReadonlyArray<readonly [string, string]> = [
  ['Иванов', 'Иванова'],
  ['Петров', 'Петрова'],
  ['Смирнов', 'Смирнова'],
  ['Кузнецов', 'Кузнецова'],
  ['Попов', 'Попова'],
  ['Васильев', 'Васильева'],
  ['Соколов', 'Соколова'],
  ['Новиков', 'Новикова'],
  ['Морозов', 'Морозова'],
  ['Волков', 'Волкова'],
  ['Ким', 'Ким'],
  ['Шевченко', 'Шевченко'],
  ['Цой', 'Цой'],
  ['Бондаренко', 'Бондаренко'],
  ['Лебедев', 'Лебедева'],
];

export interface Family {
  language: 'kk' | 'ru';
  applicant: Person;
  applicantSex: Sex;
  applicantBirthDate: string;
  /** The other parent, who may hold a residence certificate instead of the applicant. */
  otherParent: Person;
  pupil: Person & { birthDate: string };
  pupilSex: Sex;
}

function date(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A random real date from `from` to `to` (inclusive), both 'YYYY-MM-DD'. */
export function dateBetween(random: Random, from: string, to: string): string {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  const d = new Date(a + random.int(0, Math.round((b - a) / 86_400_000)) * 86_400_000);
  return date(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * A family whose pupil is of the age for `grade` in the school year of `today`: children start
 * the first grade at six, so grade g in the year starting in September Y was born between
 * 2 September (Y-6-g) and 1 September (Y-5-g): six years old by 1 September of the first grade.
 */
/**
 * A valid IIN with a serial from `serialBase % 10,000` on: makeIin searches upwards from it, and at
 * the top of the range (100,000 bench cases wrap around it ten times) starts again from 0.
 */
function demoIin(birth: string, sex: Sex, serialBase: number): string {
  const serial = serialBase % 10_000;
  try {
    return makeIin(birth, sex, serial);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return makeIin(birth, sex, 0);
  }
}

export function makeFamily(random: Random, grade: number, today: string, serialBase: number): Family {
  const language = random.chance(0.62) ? 'kk' : 'ru';
  const [ty, tm] = today.split('-').map(Number) as [number, number];
  const schoolYear = tm >= 9 ? ty : ty - 1;
  const pupilBirth = dateBetween(
    random,
    date(schoolYear - 6 - grade, 9, 2),
    date(schoolYear - 5 - grade, 9, 1),
  );
  const pupilSex: Sex = random.chance(0.5) ? 'male' : 'female';
  const applicantSex: Sex = random.chance(0.7) ? 'female' : 'male';
  const pupilYear = Number(pupilBirth.slice(0, 4));
  const applicantBirth = dateBetween(random, date(pupilYear - 42, 1, 1), date(pupilYear - 21, 12, 31));
  const otherBirth = dateBetween(random, date(pupilYear - 45, 1, 1), date(pupilYear - 21, 12, 31));

  const father = language === 'kk' ? random.pick(KAZAKH_MALE) : random.pick(RUSSIAN_MALE);
  const mother = language === 'kk' ? random.pick(KAZAKH_FEMALE) : random.pick(RUSSIAN_FEMALE);
  const [maleSurname, femaleSurname] =
    language === 'kk'
      ? (() => {
          const s = random.pick(KAZAKH_SURNAMES);
          return [s, `${s}а`] as const;
        })()
      : random.pick(RUSSIAN_SURNAMES);
  const grandfather = language === 'kk' ? random.pick(KAZAKH_MALE) : random.pick(RUSSIAN_MALE);
  const surname = (sex: Sex) => (sex === 'male' ? maleSurname : femaleSurname);
  const pupilFirst =
    pupilSex === 'male'
      ? (language === 'kk' ? random.pick(KAZAKH_MALE) : random.pick(RUSSIAN_MALE)).name
      : language === 'kk'
        ? random.pick(KAZAKH_FEMALE)
        : random.pick(RUSSIAN_FEMALE);

  const fatherPerson: Person = {
    iin: '',
    lastName: maleSurname,
    firstName: father.name,
    middleName: grandfather.son,
  };
  const motherPerson: Person = {
    iin: '',
    lastName: femaleSurname,
    firstName: mother,
    // Mothers keep a patronymic of their own father; any name of the list serves.
    middleName: random.pick(language === 'kk' ? KAZAKH_MALE : RUSSIAN_MALE).daughter,
  };
  const applicantPerson = applicantSex === 'female' ? motherPerson : fatherPerson;
  const otherPerson = applicantSex === 'female' ? fatherPerson : motherPerson;
  applicantPerson.iin = demoIin(applicantBirth, applicantSex, serialBase);
  otherPerson.iin = demoIin(otherBirth, applicantSex === 'female' ? 'male' : 'female', serialBase + 1);

  return {
    language,
    applicant: applicantPerson,
    applicantSex,
    applicantBirthDate: applicantBirth,
    otherParent: otherPerson,
    pupil: {
      iin: demoIin(pupilBirth, pupilSex, serialBase + 2),
      lastName: surname(pupilSex),
      firstName: pupilFirst,
      middleName: pupilSex === 'male' ? father.son : father.daughter,
      birthDate: pupilBirth,
    },
    pupilSex,
  };
}

export function fullName(p: Person): string {
  return [p.lastName, p.firstName, p.middleName].filter(Boolean).join(' ');
}
