/**
 * BIN: the 12-digit business identification number of a legal entity, as a certificate's OU
 * (`BIN…`) carries it. Layout: YYMM (year and month of registration) · T (type: 4 resident legal
 * entity, 5 non-resident legal entity, 6 individual entrepreneur in a joint venture) · D (division:
 * 0 head office, 1 branch, 2 representative office, 3 peasant farm in a joint venture) · NNNNN
 * (serial) · K (control digit, computed exactly as the IIN's). Checks in that order: format, month,
 * type, division, checksum, so the reason names the part that is impossible.
 */
import { iinControlDigit } from '../iin';

export type BinType = 'resident' | 'non-resident' | 'joint-entrepreneur';
export type BinDivision = 'head-office' | 'branch' | 'representative-office' | 'peasant-farm';
export type BinInvalidReason = 'format' | 'month' | 'type' | 'division' | 'checksum';

export type BinResult =
  | {
      valid: true;
      bin: string;
      /** The two digits of the registration year, as the number has them (the century is not in it). */
      registeredYear: string;
      registeredMonth: number;
      type: BinType;
      division: BinDivision;
    }
  | { valid: false; reason: BinInvalidReason };

const TYPES: Readonly<Record<string, BinType>> = {
  '4': 'resident',
  '5': 'non-resident',
  '6': 'joint-entrepreneur',
};
const DIVISIONS: Readonly<Record<string, BinDivision>> = {
  '0': 'head-office',
  '1': 'branch',
  '2': 'representative-office',
  '3': 'peasant-farm',
};

/** Parses a BIN (surrounding whitespace and a `BIN` prefix, as in a certificate's OU, allowed). */
export function parseBin(input: string): BinResult {
  const bin = typeof input === 'string' ? input.trim().replace(/^BIN/, '') : '';
  if (!/^\d{12}$/.test(bin)) return { valid: false, reason: 'format' };
  const month = Number(bin.slice(2, 4));
  if (month < 1 || month > 12) return { valid: false, reason: 'month' };
  const type = TYPES[bin[4] ?? ''];
  if (!type) return { valid: false, reason: 'type' };
  const division = DIVISIONS[bin[5] ?? ''];
  if (!division) return { valid: false, reason: 'division' };
  const digits = Array.from(bin, Number);
  if (iinControlDigit(digits.slice(0, 11)) !== digits[11]) return { valid: false, reason: 'checksum' };
  return { valid: true, bin, registeredYear: bin.slice(0, 2), registeredMonth: month, type, division };
}
