import { describe, expect, it } from 'vitest';
import { ageOn, iinControlDigit, makeIin, parseIin } from './index';

// Every IIN below was computed by hand, not by the code under test.
// Weights: first pass 1..11, second pass (only when the first gives 10) 3,4,5,6,7,8,9,10,11,1,2.
//
// 100515600129 — born 2010-05-15, 7th digit 6 = 2000s female, serial 0012.
//   1·1 + 0·2 + 0·3 + 5·4 + 1·5 + 5·6 + 6·7 + 0·8 + 0·9 + 1·10 + 2·11
//   = 1 + 0 + 0 + 20 + 5 + 30 + 42 + 0 + 0 + 10 + 22 = 130; 130 mod 11 = 9 → control 9.
//
// 880412300212 — born 1988-04-12, 7th digit 3 = 1900s male, serial 0021; needs the second pass.
//   first:  8·1 + 8·2 + 0·3 + 4·4 + 1·5 + 2·6 + 3·7 + 0·8 + 0·9 + 2·10 + 1·11
//         = 8 + 16 + 0 + 16 + 5 + 12 + 21 + 0 + 0 + 20 + 11 = 109; 109 mod 11 = 10 → second pass
//   second: 8·3 + 8·4 + 0·5 + 4·6 + 1·7 + 2·8 + 3·9 + 0·10 + 0·11 + 2·1 + 1·2
//         = 24 + 32 + 0 + 24 + 7 + 16 + 27 + 0 + 0 + 2 + 2 = 134; 134 mod 11 = 2 → control 2.
//
// 8804123002_5 — same person, serial 0025: first pass 8+16+0+16+5+12+21+0+0+20+55 = 153 ≡ 10,
//   second pass 24+32+0+24+7+16+27+0+0+2+10 = 142 ≡ 10 → no control digit exists.
//   Serial 0026: first 164 ≡ 10, second 144 ≡ 1 → 880412300261.
//
// 850307304563 — born 1985-03-07 male, serial 0456:
//   8+10+0+12+0+42+21+0+36+50+66 = 245; 245 mod 11 = 3.
// 000229500078 — born 2000-02-29 (2000 is leap) male, serial 0007:
//   0+0+0+8+10+54+35+0+0+0+77 = 184; 184 mod 11 = 8.
// 991231200017 — born 1899-12-31, 7th digit 2 = 1800s female, serial 0001:
//   9+18+3+8+15+6+14+0+0+0+11 = 84; 84 mod 11 = 7.
// 000229300005 — 7th digit 3 would make it 1900-02-29 (1900 is not leap); its checksum is right:
//   0+0+0+8+10+54+21+0+0+0+0 = 93; 93 mod 11 = 5.

describe('parseIin: valid numbers', () => {
  it.each([
    ['100515600129', '2010-05-15', 'female'],
    ['880412300212', '1988-04-12', 'male'],
    ['850307304563', '1985-03-07', 'male'],
    ['000229500078', '2000-02-29', 'male'],
    ['991231200017', '1899-12-31', 'female'],
  ] as const)('%s → %s %s', (iin, birthDate, sex) => {
    expect(parseIin(iin)).toEqual({ valid: true, iin, birthDate, sex });
  });

  it('trims surrounding whitespace and returns the bare number', () => {
    expect(parseIin(' \t100515600129\n')).toEqual({
      valid: true,
      iin: '100515600129',
      birthDate: '2010-05-15',
      sex: 'female',
    });
  });
});

describe('parseIin: invalid numbers, one per reason', () => {
  it.each([
    '',
    '10051560012', // 11 digits
    '1005156001290', // 13 digits
    '100515 600129', // space inside
    '100515-600129',
    '10051560012a',
    '１００５１５６００１２９', // full-width digits
    '١٠٠٥١٥٦٠٠١٢٩', // Arabic-Indic digits
  ])('format: %j', (input) => {
    expect(parseIin(input)).toEqual({ valid: false, reason: 'format' });
  });

  it.each(['100515000129', '100515700129', '100515800129', '100515900129'])('century: %s', (input) => {
    expect(parseIin(input)).toEqual({ valid: false, reason: 'century' });
  });

  it.each([
    '000229300005', // 1900-02-29: 1900 is not a leap year (checksum is right)
    '010229500000', // 2001-02-29
    '101315600000', // month 13
    '100500600000', // day 00
    '100431600000', // 31 April
  ])('date: %s', (input) => {
    expect(parseIin(input)).toEqual({ valid: false, reason: 'date' });
  });

  it('checksum: a wrong control digit', () => {
    expect(parseIin('100515600128')).toEqual({ valid: false, reason: 'checksum' });
    expect(parseIin('880412300213')).toEqual({ valid: false, reason: 'checksum' });
  });

  it('checksum: a number whose both weightings give 10 is invalid with any last digit', () => {
    for (let k = 0; k <= 9; k++) {
      expect(parseIin(`88041230025${k}`)).toEqual({ valid: false, reason: 'checksum' });
    }
  });
});

describe('parseIin: order of checks is format, century, date, checksum', () => {
  it('reports century before date and checksum', () => {
    // 7th digit 0 and month 13 and a wrong control digit.
    expect(parseIin('101315000001')).toEqual({ valid: false, reason: 'century' });
  });

  it('reports date before checksum', () => {
    // 1900-02-29 with a wrong control digit (the right one would be 5).
    expect(parseIin('000229300004')).toEqual({ valid: false, reason: 'date' });
  });

  it('reports format before anything else', () => {
    expect(parseIin('10131500000')).toEqual({ valid: false, reason: 'format' });
  });
});

describe('iinControlDigit', () => {
  it('uses the second weighting only when the first gives 10', () => {
    expect(iinControlDigit([1, 0, 0, 5, 1, 5, 6, 0, 0, 1, 2])).toBe(9);
    expect(iinControlDigit([8, 8, 0, 4, 1, 2, 3, 0, 0, 2, 1])).toBe(2);
    expect(iinControlDigit([8, 8, 0, 4, 1, 2, 3, 0, 0, 2, 5])).toBeNull();
  });
});

describe('makeIin', () => {
  it('builds the hand-computed numbers', () => {
    expect(makeIin('2010-05-15', 'female', 12)).toBe('100515600129');
    expect(makeIin('1988-04-12', 'male', 21)).toBe('880412300212');
    expect(makeIin('1899-12-31', 'female', 1)).toBe('991231200017');
    expect(makeIin('2000-02-29', 'male', 7)).toBe('000229500078');
  });

  it('skips a serial whose checksum is 10 twice', () => {
    expect(makeIin('1988-04-12', 'male', 25)).toBe('880412300261');
  });

  it('gives a number parseIin accepts for every serial, with the same birth date and sex', () => {
    for (const [birthDate, sex] of [
      ['1955-11-30', 'female'],
      ['2019-01-01', 'male'],
    ] as const) {
      for (let serial = 0; serial <= 9999; serial++) {
        const result = parseIin(makeIin(birthDate, sex, serial));
        if (!result.valid || result.birthDate !== birthDate || result.sex !== sex) {
          throw new Error(`serial ${serial} for ${birthDate} ${sex} gave ${JSON.stringify(result)}`);
        }
      }
    }
  });

  it('rejects impossible input', () => {
    expect(() => makeIin('1900-02-29', 'male', 1)).toThrow(RangeError);
    expect(() => makeIin('1799-12-31', 'male', 1)).toThrow(RangeError);
    expect(() => makeIin('2100-01-01', 'male', 1)).toThrow(RangeError);
    expect(() => makeIin('2010-05-15', 'male', 10000)).toThrow(RangeError);
    expect(() => makeIin('2010-05-15', 'male', -1)).toThrow(RangeError);
    expect(() => makeIin('2010-05-15', 'male', 1.5)).toThrow(RangeError);
  });
});

describe('ageOn', () => {
  it('counts whole years, turning older on the birthday itself', () => {
    expect(ageOn('2010-05-15', '2026-05-14')).toBe(15);
    expect(ageOn('2010-05-15', '2026-05-15')).toBe(16);
    expect(ageOn('2010-05-15', '2010-05-15')).toBe(0);
    expect(ageOn('2010-12-31', '2011-01-01')).toBe(0);
  });

  it('someone born on 29 February turns older on 28 February of a common year', () => {
    expect(ageOn('2008-02-29', '2026-02-27')).toBe(17);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(18);
    expect(ageOn('2008-02-29', '2028-02-28')).toBe(19);
    expect(ageOn('2008-02-29', '2028-02-29')).toBe(20);
  });

  it('rejects invalid dates and a date before birth', () => {
    expect(() => ageOn('2010-02-30', '2026-01-01')).toThrow(RangeError);
    expect(() => ageOn('2010-05-15', '2026-13-01')).toThrow(RangeError);
    expect(() => ageOn('2010-05-15', '2010-05-14')).toThrow(RangeError);
  });
});
