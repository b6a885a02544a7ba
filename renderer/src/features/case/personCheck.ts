/**
 * What the desk can tell from an IIN and the class before anyone reads a document: the birth date
 * and sex it encodes, and whether the pupil's age fits the grades externship is for (5–11).
 */
import type { IsoDate } from '../../../../shared/calendar';
import { ageOn, parseIin, type IinInvalidReason, type Sex } from '../../../../shared/iin';

/** Grades the service covers: basic secondary (5–9) and general secondary (10–11) education. */
export const FIRST_GRADE = 5;
export const LAST_GRADE = 11;
/**
 * Children start grade 1 at 6 or 7, so grade 5 is reached at 10–11 and grade 11 left at 16–17. One
 * year either side allows for an early or late start or a repeated year without flagging ordinary
 * pupils; anything further is for the officer to look at.
 */
export const YOUNGEST = 9;
export const OLDEST = 18;

export type PersonFlag =
  | { code: 'iin-invalid'; reason: IinInvalidReason }
  | { code: 'birth-date-mismatch'; stated: IsoDate }
  | { code: 'age-out-of-range'; age: number }
  | { code: 'grade-out-of-range'; grade: number };

export interface PersonFacts {
  birthDate?: IsoDate;
  sex?: Sex;
  age?: number;
  flags: PersonFlag[];
}

/** The grade a class name starts with: '7', '7 «Б»', '10А' → 7, 7, 10. */
export function gradeOf(className: string): number | undefined {
  const m = /^\s*(\d{1,2})/.exec(className);
  return m ? Number(m[1]) : undefined;
}

export function personFacts(iin: string, on: IsoDate): PersonFacts {
  const parsed = parseIin(iin);
  if (!parsed.valid) return { flags: [{ code: 'iin-invalid', reason: parsed.reason }] };
  const age = parsed.birthDate <= on ? ageOn(parsed.birthDate, on) : 0;
  return { birthDate: parsed.birthDate, sex: parsed.sex, age, flags: [] };
}

/**
 * The pupil's facts with the checks of the service: a valid IIN whose birth date matches the one
 * stated, an age that fits grades 5–11 on the day the study period starts, and a class among them.
 */
export function pupilFacts(
  pupil: { iin: string; birthDate?: IsoDate | undefined },
  className: string,
  studyFrom: IsoDate,
): PersonFacts {
  const facts = personFacts(pupil.iin, studyFrom);
  const flags = [...facts.flags];
  if (facts.birthDate && pupil.birthDate && pupil.birthDate !== facts.birthDate) {
    flags.push({ code: 'birth-date-mismatch', stated: pupil.birthDate });
  }
  if (facts.age !== undefined && (facts.age < YOUNGEST || facts.age > OLDEST)) {
    flags.push({ code: 'age-out-of-range', age: facts.age });
  }
  const grade = gradeOf(className);
  if (grade !== undefined && (grade < FIRST_GRADE || grade > LAST_GRADE)) {
    flags.push({ code: 'grade-out-of-range', grade });
  }
  return { ...facts, flags };
}
