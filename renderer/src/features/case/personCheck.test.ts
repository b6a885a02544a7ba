import { describe, expect, it } from 'vitest';
import { makeIin } from '../../../../shared/iin';
import { gradeOf, personFacts, pupilFacts } from './personCheck';

describe('personFacts', () => {
  it('reads the birth date, sex and age from a valid IIN', () => {
    const iin = makeIin('1985-03-14', 'female', 123);
    expect(personFacts(iin, '2026-11-24')).toEqual({
      birthDate: '1985-03-14',
      sex: 'female',
      age: 41,
      flags: [],
    });
  });

  it('flags an IIN with a wrong control digit and says why', () => {
    const iin = makeIin('1985-03-14', 'female', 123);
    const broken = iin.slice(0, 11) + String((Number(iin[11]) + 1) % 10);
    expect(personFacts(broken, '2026-11-24').flags).toEqual([{ code: 'iin-invalid', reason: 'checksum' }]);
  });
});

describe('pupilFacts', () => {
  it('accepts a 13-year-old in grade 7', () => {
    const iin = makeIin('2013-05-05', 'male', 7);
    expect(pupilFacts({ iin }, '7 «Б»', '2026-09-01').flags).toEqual([]);
  });

  it('flags a pupil too young for grade 5 and a class outside 5–11', () => {
    const iin = makeIin('2019-01-10', 'female', 9);
    expect(pupilFacts({ iin }, '2', '2026-09-01').flags).toEqual([
      { code: 'age-out-of-range', age: 7 },
      { code: 'grade-out-of-range', grade: 2 },
    ]);
  });

  it('flags an adult and a stated birth date that differs from the IIN', () => {
    const iin = makeIin('2005-02-01', 'male', 3);
    expect(pupilFacts({ iin, birthDate: '2005-02-02' }, '11', '2026-09-01').flags).toEqual([
      { code: 'birth-date-mismatch', stated: '2005-02-02' },
      { code: 'age-out-of-range', age: 21 },
    ]);
  });

  it('keeps the bounds: 9 and 18 fit, 8 and 19 do not', () => {
    const facts = (birth: string) => pupilFacts({ iin: makeIin(birth, 'male', 1) }, '9', '2026-09-01').flags;
    expect(facts('2017-09-01')).toEqual([]);
    expect(facts('2008-09-01')).toEqual([]);
    expect(facts('2017-09-02')).toEqual([{ code: 'age-out-of-range', age: 8 }]);
    expect(facts('2007-09-01')).toEqual([{ code: 'age-out-of-range', age: 19 }]);
  });
});

describe('gradeOf', () => {
  it('reads the leading number of a class name', () => {
    expect([gradeOf('7'), gradeOf('7 «Б»'), gradeOf('10А'), gradeOf('сынып')]).toEqual([7, 7, 10, undefined]);
  });
});
