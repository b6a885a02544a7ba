import { describe, expect, it } from 'vitest';
import { parseBin } from './bin';

// Control digits computed by hand with the IIN's weights (1..11, then 3..11,1,2 when the first gives 10):
// 990340003217  9+18+0+12+20+0+0+0+27+20+11 = 117 ≡ 7 (the demo akimat)
// 990440001234  9+18+0+16+20+0+0+0+9+20+33 = 125 ≡ 4 (the demo education department)
// 131241000348  1+6+3+8+20+6+0+0+0+30+44 = 118 ≡ 8 (a branch)
// 080752000153  0+16+0+28+25+12+0+0+0+10+55 = 146 ≡ 3 (a non-resident's representative office)
// 210363000099  2+2+0+12+30+18+0+0+0+0+99 = 163 ≡ 9 (a peasant farm of a joint venture)
describe('parseBin', () => {
  it.each([
    ['990340003217', '99', 3, 'resident', 'head-office'],
    ['990440001234', '99', 4, 'resident', 'head-office'],
    ['131241000348', '13', 12, 'resident', 'branch'],
    ['080752000153', '08', 7, 'non-resident', 'representative-office'],
    ['210363000099', '21', 3, 'joint-entrepreneur', 'peasant-farm'],
  ] as const)('%s', (bin, registeredYear, registeredMonth, type, division) => {
    expect(parseBin(bin)).toEqual({ valid: true, bin, registeredYear, registeredMonth, type, division });
  });

  it('takes the BIN out of a certificate OU value and trims whitespace', () => {
    expect(parseBin(' BIN990340003217 ')).toMatchObject({ valid: true, bin: '990340003217' });
  });

  it.each([
    ['', 'format'],
    ['99034000321', 'format'],
    ['9903400032170', 'format'],
    ['99034000321a', 'format'],
    ['991340003217', 'month'],
    ['990040003217', 'month'],
    ['990370003217', 'type'],
    ['990344003217', 'division'],
    ['990340003218', 'checksum'],
    // The НУЦ's fictitious test BIN: month 34 is impossible before its checksum (5, not 1) is asked.
    ['123456789021', 'month'],
  ] as const)('%j → %s', (input, reason) => {
    expect(parseBin(input)).toEqual({ valid: false, reason });
  });
});
