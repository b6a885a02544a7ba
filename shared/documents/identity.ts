import { parseIin } from '../iin';
import type { IinInvalidReason } from '../iin';

export type IinComparison =
  { kind: 'match' } | { kind: 'mismatch' } | { kind: 'invalid'; reason: IinInvalidReason };

/**
 * Compares the IIN written in a document with the one the case holds. A document IIN that is not a
 * valid IIN at all is reported as such (a sign of a false or damaged document) rather than as a
 * plain mismatch. The case's IIN was validated when the case was made; only its surrounding
 * whitespace is ignored here.
 */
export function compareIin(documentIin: string, caseIin: string): IinComparison {
  const parsed = parseIin(documentIin);
  if (!parsed.valid) return { kind: 'invalid', reason: parsed.reason };
  return parsed.iin === caseIin.trim() ? { kind: 'match' } : { kind: 'mismatch' };
}
