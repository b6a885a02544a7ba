/**
 * Structured data of the supporting documents, as the central system would deliver it, either sound
 * or flawed in the ways officers actually meet (checked by shared/documents).
 */
import { addDays } from '../../../shared/calendar/dates';
import { iinControlDigit } from '../../../shared/iin';
import type {
  MedicalConclusion,
  ProgressRecord,
  ProgressYear,
  ResidenceAbroad,
  StudyAbroad,
} from '../../../shared/documents';
import type { Ground, Person } from '../../../shared/workflow';
import type { Family } from './people';
import { fullName } from './people';
import type { Random } from './random';

export type DocumentFlaw =
  /** Medical conclusion made out for another child's IIN. */
  | 'medical-other-iin'
  | 'medical-expired'
  | 'medical-no-number'
  /** A '3' in mathematics in the 2023-2024 school year. */
  | 'progress-low-maths'
  /** Credited ('pass') physical education: the officer decides whether it counts. */
  | 'progress-pass-mark'
  | 'residence-expired'
  /** The certificate is the other parent's: a judgement for the officer. */
  | 'residence-other-parent'
  | 'study-not-covered'
  | 'study-in-kazakhstan';

export const FLAWS_BY_GROUND: Readonly<Record<Ground, readonly DocumentFlaw[]>> = {
  health: ['medical-other-iin', 'medical-expired', 'medical-no-number'],
  marks: ['progress-low-maths', 'progress-pass-mark'],
  'abroad-with-parents': ['residence-expired', 'residence-other-parent'],
  'abroad-alone': ['study-not-covered', 'study-in-kazakhstan'],
};

/** Flaws that make a ground-2 refusal right (the others need the officer's judgement). */
export const REFUSABLE_FLAWS: ReadonlySet<DocumentFlaw> = new Set([
  'medical-other-iin',
  'medical-expired',
  'medical-no-number',
  'progress-low-maths',
  'residence-expired',
  'study-not-covered',
  'study-in-kazakhstan',
]);

/** Why the officer refuses, as the officer would type it (data of the event, in Kazakh). */
export const REFUSAL_REASONS: Readonly<Record<DocumentFlaw, string>> = {
  'medical-other-iin': 'ДКК қорытындысы басқа баланың ЖСН-іне берілген',
  'medical-expired': 'ДКК қорытындысының қолданылу мерзімі өткен',
  'medical-no-number': 'ДКК қорытындысында тіркеу нөмірі жоқ',
  'progress-low-maths': 'Үлгерім табелінде 2023-2024 оқу жылында математикадан «3» бағасы бар',
  'progress-pass-mark': 'Дене шынықтырудан баға қойылмаған',
  'residence-expired': 'Шетелде уақытша тұру туралы анықтаманың мерзімі өткен',
  'residence-other-parent': 'Анықтама өтініш берушіге емес, екінші ата-анаға берілген',
  'study-not-covered': 'Шетелде оқу туралы құжат сұралған кезеңді толық қамтымайды',
  'study-in-kazakhstan': 'Оқу орны Қазақстанда орналасқан',
};

const SUBJECTS = {
  kk: {
    primary: ['Қазақ тілі', 'Әдебиеттік оқу', 'Математика', 'Дүниетану', 'Ағылшын тілі', 'Дене шынықтыру'],
    middle: [
      'Қазақ тілі',
      'Қазақ әдебиеті',
      'Орыс тілі мен әдебиеті',
      'Ағылшын тілі',
      'Математика',
      'Жаратылыстану',
      'Қазақстан тарихы',
      'Информатика',
      'Дене шынықтыру',
    ],
    senior: [
      'Қазақ тілі',
      'Қазақ әдебиеті',
      'Орыс тілі мен әдебиеті',
      'Ағылшын тілі',
      'Алгебра',
      'Геометрия',
      'Физика',
      'Химия',
      'Биология',
      'География',
      'Қазақстан тарихы',
      'Информатика',
      'Дене шынықтыру',
    ],
    maths: ['Математика', 'Алгебра'],
    pe: 'Дене шынықтыру',
  },
  ru: {
    primary: [
      'Русский язык',
      'Литературное чтение',
      'Математика',
      'Познание мира',
      'Казахский язык',
      'Физическая культура',
    ],
    middle: [
      'Русский язык',
      'Русская литература',
      'Казахский язык и литература',
      'Английский язык',
      'Математика',
      'Естествознание',
      'История Казахстана',
      'Информатика',
      'Физическая культура',
    ],
    senior: [
      'Русский язык',
      'Русская литература',
      'Казахский язык и литература',
      'Английский язык',
      'Алгебра',
      'Геометрия',
      'Физика',
      'Химия',
      'Биология',
      'География',
      'История Казахстана',
      'Информатика',
      'Физическая культура',
    ],
    maths: ['Математика', 'Алгебра'],
    pe: 'Физическая культура',
  },
} as const;

function subjectsFor(language: 'kk' | 'ru', grade: number): readonly string[] {
  const s = SUBJECTS[language];
  return grade <= 4 ? s.primary : grade <= 6 ? s.middle : s.senior;
}

/** The school year ('YYYY-YYYY') that starts in September of `year`. */
const schoolYear = (year: number) => `${year}-${year + 1}`;

function progressRecord(
  random: Random,
  family: Family,
  grade: number,
  today: string,
  school: string,
  flaw?: DocumentFlaw,
): ProgressRecord {
  const [ty, tm] = today.split('-').map(Number) as [number, number];
  const currentStart = tm >= 9 ? ty : ty - 1;
  const years: ProgressYear[] = [];
  // Every finished year from the first marked grade (2) to last year.
  for (let g = 2; g < grade; g++) {
    const start = currentStart - (grade - g);
    const isLowYear = flaw === 'progress-low-maths' && schoolYear(start) === '2023-2024';
    years.push({
      year: schoolYear(start),
      grade: g,
      subjects: subjectsFor(family.language, g).map((subject) => {
        const maths = (SUBJECTS[family.language].maths as readonly string[]).includes(subject);
        if (isLowYear && maths) return { subject, finalMark: 3 };
        if (flaw === 'progress-pass-mark' && subject === SUBJECTS[family.language].pe && g === grade - 1) {
          return { subject, finalMark: 'pass' as const };
        }
        return { subject, finalMark: random.chance(0.7) ? 5 : 4 };
      }),
    });
  }
  return {
    kind: 'progress-record',
    pupilIin: family.pupil.iin,
    pupilName: fullName(family.pupil),
    school,
    years,
  };
}

function medicalConclusion(
  random: Random,
  family: Family,
  today: string,
  flaw?: DocumentFlaw,
): MedicalConclusion {
  const date = addDays(today, -random.int(10, 150));
  return {
    kind: 'medical-conclusion',
    number: flaw === 'medical-no-number' ? null : `${random.int(100, 9999)}`,
    date,
    issuer: 'Бурабай аудандық ауруханасы, дәрігерлік-консультациялық комиссия',
    commission: 'dkk',
    // Another child of the same age: a real, valid IIN that is not this pupil's.
    pupilIin: flaw === 'medical-other-iin' ? siblingIin(family.pupil.iin) : family.pupil.iin,
    pupilName: fullName(family.pupil),
    diagnosis: random.pick(['J45.0', 'G40.3', 'M41.1', 'Q21.1', 'E10.9']),
    recommendation: { code: 'externship', text: 'Экстернат нысанында оқыту ұсынылады' },
    validUntil: flaw === 'medical-expired' ? addDays(today, -random.int(3, 60)) : addDays(date, 365),
  };
}

/** A valid IIN of the same birth date and sex, with another serial: another child's number. */
function siblingIin(iin: string): string {
  for (let step = 37; ; step++) {
    const head = iin.slice(0, 7) + String((Number(iin.slice(7, 11)) + step) % 10_000).padStart(4, '0');
    const control = iinControlDigit(Array.from(head, Number));
    if (control !== null) return head + String(control);
  }
}

const COUNTRIES = [
  { code: 'RU', issuer: 'Главное управление по вопросам миграции МВД России' },
  { code: 'DE', issuer: 'Ausländerbehörde Berlin' },
  { code: 'TR', issuer: 'Göç İdaresi Genel Müdürlüğü' },
  { code: 'KR', issuer: 'Korea Immigration Service' },
  { code: 'AE', issuer: 'Federal Authority for Identity and Citizenship' },
] as const;

function residence(
  random: Random,
  family: Family,
  today: string,
  period: { from: string; to: string },
  flaw?: DocumentFlaw,
): ResidenceAbroad {
  const country = random.pick(COUNTRIES);
  const person: Person = flaw === 'residence-other-parent' ? family.otherParent : family.applicant;
  return {
    kind: 'residence-abroad',
    personIin: person.iin,
    personName: fullName(person),
    country: country.code,
    validFrom: addDays(today, -random.int(30, 400)),
    validTo:
      flaw === 'residence-expired'
        ? addDays(today, -random.int(5, 90))
        : addDays(period.to, random.int(30, 400)),
    issuer: country.issuer,
  };
}

function studyAbroad(
  random: Random,
  family: Family,
  period: { from: string; to: string },
  flaw?: DocumentFlaw,
): StudyAbroad {
  const inKz = flaw === 'study-in-kazakhstan';
  return {
    kind: 'study-abroad',
    pupilIin: family.pupil.iin,
    pupilName: fullName(family.pupil),
    institution: inKz
      ? 'Astana IT University Lyceum'
      : random.pick([
          'Lycée International de Paris',
          'Anglo-American School of Sofia',
          'Istanbul International School',
          'Prague British International School',
        ]),
    country: inKz ? 'KZ' : random.pick(['FR', 'BG', 'TR', 'CZ']),
    from: addDays(period.from, -random.int(0, 20)),
    to:
      flaw === 'study-not-covered'
        ? addDays(period.to, -random.int(40, 90))
        : addDays(period.to, random.int(0, 60)),
  };
}

export function supportingData(
  random: Random,
  ground: Ground,
  family: Family,
  grade: number,
  today: string,
  school: string,
  period: { from: string; to: string },
  flaw?: DocumentFlaw,
): MedicalConclusion | ProgressRecord | ResidenceAbroad | StudyAbroad {
  switch (ground) {
    case 'health':
      return medicalConclusion(random, family, today, flaw);
    case 'marks':
      return progressRecord(random, family, grade, today, school, flaw);
    case 'abroad-with-parents':
      return residence(random, family, today, period, flaw);
    case 'abroad-alone':
      return studyAbroad(random, family, period, flaw);
  }
}
