// IIN: the 12-digit individual identification number of Kazakhstan.
// Layout: YYMMDD (birth date) · C (century and sex) · NNNN (registration serial) · K (control).
//
// Order of checks, and so which reason is reported when several apply:
//   1. 'format'   – not exactly 12 ASCII digits after trimming surrounding whitespace;
//   2. 'century'  – 7th digit is 0, 7, 8 or 9;
//   3. 'date'     – YYMMDD in that century is not a real date;
//   4. 'checksum' – control digit wrong, or the number is one that has no control digit.
// The structural checks come first because they tell the officer which part of the number is
// impossible (a birth date that never existed); the checksum is the catch-all for typos that leave
// every field plausible.

import { formatIsoDate, isLeapYear, parseIsoDate } from '../calendar/dates';

export type Sex = 'male' | 'female';
export type IinInvalidReason = 'format' | 'century' | 'date' | 'checksum';

export type IinResult =
  { valid: true; iin: string; birthDate: string; sex: Sex } | { valid: false; reason: IinInvalidReason };

const FIRST_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
const SECOND_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2] as const;

function weightedMod11(digits: readonly number[], weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += (digits[i] ?? 0) * (weights[i] ?? 0);
  return sum % 11;
}

/** Control digit for the first 11 digits, or null when both weightings give 10 (no valid IIN). */
export function iinControlDigit(first11: readonly number[]): number | null {
  const first = weightedMod11(first11, FIRST_WEIGHTS);
  if (first !== 10) return first;
  const second = weightedMod11(first11, SECOND_WEIGHTS);
  return second === 10 ? null : second;
}

const CENTURY_BY_DIGIT: Readonly<Record<number, { century: number; sex: Sex }>> = {
  1: { century: 1800, sex: 'male' },
  2: { century: 1800, sex: 'female' },
  3: { century: 1900, sex: 'male' },
  4: { century: 1900, sex: 'female' },
  5: { century: 2000, sex: 'male' },
  6: { century: 2000, sex: 'female' },
};

export function parseIin(input: string): IinResult {
  const iin = typeof input === 'string' ? input.trim() : '';
  // \d without the u flag matches ASCII digits only, so Arabic-Indic or full-width digits fail here.
  if (!/^\d{12}$/.test(iin)) return { valid: false, reason: 'format' };
  const digits = Array.from(iin, Number);

  const centuryInfo = CENTURY_BY_DIGIT[digits[6] ?? 0];
  if (!centuryInfo) return { valid: false, reason: 'century' };

  const year = centuryInfo.century + Number(iin.slice(0, 2));
  const birth = parseIsoDate(`${year}-${iin.slice(2, 4)}-${iin.slice(4, 6)}`);
  if (!birth) return { valid: false, reason: 'date' };

  if (iinControlDigit(digits.slice(0, 11)) !== digits[11]) return { valid: false, reason: 'checksum' };

  return { valid: true, iin, birthDate: formatIsoDate(birth), sex: centuryInfo.sex };
}

/**
 * Builds a valid IIN for demo data and tests. Serials whose number has no control digit are
 * skipped: the next serial up is used, so neighbouring serials can yield the same IIN.
 * Throws RangeError for an impossible birth date, a year outside 1800–2099 or a serial outside
 * 0–9999.
 */
export function makeIin(birthDate: string, sex: Sex, serial: number): string {
  const birth = parseIsoDate(birthDate);
  if (!birth) throw new RangeError(`birthDate must be a real date 'YYYY-MM-DD', got '${birthDate}'`);
  if (birth.year < 1800 || birth.year > 2099) throw new RangeError('birthDate year must be 1800–2099');
  if (!Number.isInteger(serial) || serial < 0 || serial > 9999) {
    throw new RangeError(`serial must be an integer 0–9999, got ${serial}`);
  }
  // 1800s → 1/2, 1900s → 3/4, 2000s → 5/6; odd for men, even for women.
  const c = (Math.floor(birth.year / 100) - 18) * 2 + (sex === 'female' ? 2 : 1);
  const head =
    String(birth.year % 100).padStart(2, '0') +
    String(birth.month).padStart(2, '0') +
    String(birth.day).padStart(2, '0') +
    String(c);
  for (let s = serial; s <= 9999; s++) {
    const first11 = head + String(s).padStart(4, '0');
    const control = iinControlDigit(Array.from(first11, Number));
    if (control !== null) return first11 + String(control);
  }
  throw new RangeError(`no serial from ${serial} to 9999 gives a valid IIN`);
}

/**
 * Age in whole years on `date`. Someone born on 29 February turns a year older on 28 February of
 * a common year: a term counted in years that ends on a day the month lacks ends on the month's
 * last day (civil-law rule for terms). Throws RangeError for invalid dates or `date` before birth.
 */
export function ageOn(birthDate: string, date: string): number {
  const birth = parseIsoDate(birthDate);
  const on = parseIsoDate(date);
  if (!birth || !on) throw new RangeError('ageOn needs two real dates in the form YYYY-MM-DD');
  if (date < birthDate) throw new RangeError('ageOn: date is before the birth date');
  const birthdayDay = birth.month === 2 && birth.day === 29 && !isLeapYear(on.year) ? 28 : birth.day;
  const hadBirthday = on.month > birth.month || (on.month === birth.month && on.day >= birthdayDay);
  return on.year - birth.year - (hadBirthday ? 0 : 1);
}
