/**
 * The akimat's register: the next registration number to suggest, and whether a number is taken.
 * Numbers follow the register's own pattern ('01-07/147' → '01-07/148'); the desk never invents one.
 */
import type { IsoDate } from '../../../../shared/calendar/types';
import type { DeskDatabase } from '../database';
import { receivedApplication } from './projection';

/** How many of the year's latest registrations the suggestion looks at. */
const RECENT = 200;

interface Pattern {
  prefix: string;
  digits: string;
  suffix: string;
}

/** '01-07/147' → prefix '01-07/', digits '147', suffix ''; undefined when there is no number part. */
export function patternOf(number: string): Pattern | undefined {
  const m = /^(.*?)(\d+)(\D*)$/.exec(number.trim());
  return m ? { prefix: m[1]!, digits: m[2]!, suffix: m[3]! } : undefined;
}

/**
 * The number after the latest one of the same pattern, keeping its zero padding. `recent` is newest
 * first; the newest number with a number part sets the pattern. None: '1'.
 */
export function suggestAfter(recent: readonly string[]): string {
  const patterns = recent.map(patternOf).filter((p): p is Pattern => p !== undefined);
  const latest = patterns[0];
  if (!latest) return '1';
  const same = patterns.filter((p) => p.prefix === latest.prefix && p.suffix === latest.suffix);
  const max = same.reduce((m, p) => (BigInt(p.digits) > m ? BigInt(p.digits) : m), 0n);
  const width = Math.max(...same.map((p) => p.digits.length));
  return `${latest.prefix}${(max + 1n).toString().padStart(width, '0')}${latest.suffix}`;
}

/** The case already registered under `number` (ignoring letter case and outer spaces), if any. */
export async function caseWithNumber(
  db: DeskDatabase,
  number: string,
): Promise<{ caseId: string; caseNumber: string } | undefined> {
  const caseId = (
    await db.caseStates.where('registrationNumber').equalsIgnoreCase(number.trim()).primaryKeys()
  )[0];
  if (caseId === undefined) return undefined;
  const received = await db.caseEvents.get([caseId, 0]);
  return { caseId, caseNumber: receivedApplication(received)?.caseNumber ?? '' };
}

/** The next number of the register this year (the year of `today`), never one already taken. */
export async function nextRegistrationNumber(db: DeskDatabase, today: IsoDate): Promise<string> {
  const year = today.slice(0, 4);
  const rows = await db.caseStates
    .where('registeredOn')
    .between(`${year}-01-01`, `${year}-12-31`, true, true)
    .reverse()
    .limit(RECENT)
    .toArray();
  const numbers = rows.map((r) => r.registrationNumber).filter((n): n is string => n !== undefined);
  let candidate = suggestAfter(numbers);
  // A number typed by hand out of order may be ahead of the suggestion: step over every taken one.
  while (await caseWithNumber(db, candidate)) candidate = suggestAfter([candidate]);
  return candidate;
}
