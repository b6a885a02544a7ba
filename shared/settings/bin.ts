// BIN: the 12-digit business identification number of a legal entity (an akimat has one).
// Its 12th digit is a control digit computed exactly like the IIN's (two weightings mod 11), so a
// typo in the settings form is caught before the number is printed on every decision.
import { iinControlDigit } from '../iin';

export type BinIssueCode = 'bin.format' | 'bin.checksum';

/** Why `bin` is not a valid BIN, or undefined when it is. */
export function binIssue(bin: string): BinIssueCode | undefined {
  if (!/^\d{12}$/.test(bin)) return 'bin.format';
  const digits = Array.from(bin, Number);
  return iinControlDigit(digits.slice(0, 11)) === digits[11] ? undefined : 'bin.checksum';
}

export function isValidBin(bin: string): boolean {
  return binIssue(bin) === undefined;
}
