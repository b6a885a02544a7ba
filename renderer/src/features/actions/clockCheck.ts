/**
 * Is the computer's clock believable? Every event carries when the desk made it, and the history is
 * a legal record, so a dialog that is about to record something first compares the clock with the
 * last known good time: the newest `at` the desk has seen (this case's newest event, and the store's
 * newest of any case; later the central server's time). Nothing is blocked here — the reducer
 * refuses what must be refused — but the officer hears about it before she acts.
 */

import type { Zone } from '../../../../shared/calendar';
import { CLOCK_TOLERANCE_MINUTES } from '../../../../shared/workflow';
import { formatDateTime } from '../../i18n/format';
import type { NoteText } from './actionTypes';

/**
 * Behind: more than half the reducer's tolerance (5 of 10 minutes) before a recorded event. Desks'
 * clocks drift by seconds, not minutes, and the reducer refuses an event more than
 * CLOCK_TOLERANCE_MINUTES before the case's newest, so the warning comes before a refusal does.
 */
export const CLOCK_BEHIND_WARNING_MS = (CLOCK_TOLERANCE_MINUTES / 2) * 60_000;

/**
 * Ahead: more than 14 days after the newest event the desk has seen. An office that works has
 * events every working day, and Kazakhstan's longest runs of days off (the New Year and Nauryz
 * holidays with their transfers) are about a week; a clock set a month or a year ahead — the usual
 * typo — is caught, while a desk left unused over a holiday is not nagged.
 */
export const CLOCK_AHEAD_WARNING_MS = 14 * 86_400_000;

export type ClockWarning =
  | { kind: 'behind'; referenceMs: number; minutes: number }
  | { kind: 'ahead'; referenceMs: number; days: number };

/** The warning as a note: both times on the case's office clock, and the minutes or days apart. */
export function clockNoteText(warning: ClockWarning, nowMs: number, zone: Zone): NoteText {
  return {
    key: `record.clock.${warning.kind}`,
    params: {
      now: formatDateTime(new Date(nowMs).toISOString(), zone),
      reference: formatDateTime(new Date(warning.referenceMs).toISOString(), zone),
      count: warning.kind === 'behind' ? warning.minutes : warning.days,
      tolerance: CLOCK_TOLERANCE_MINUTES,
    },
  };
}

/** `references`: instants known to have happened (epoch ms); the newest is the one that counts. */
export function clockWarning(
  nowMs: number,
  references: ReadonlyArray<number | undefined>,
): ClockWarning | undefined {
  const known = references.filter((r): r is number => r !== undefined && Number.isFinite(r));
  if (known.length === 0) return undefined;
  const referenceMs = Math.max(...known);
  if (referenceMs - nowMs > CLOCK_BEHIND_WARNING_MS)
    return { kind: 'behind', referenceMs, minutes: Math.ceil((referenceMs - nowMs) / 60_000) };
  if (nowMs - referenceMs > CLOCK_AHEAD_WARNING_MS)
    return { kind: 'ahead', referenceMs, days: Math.floor((nowMs - referenceMs) / 86_400_000) };
  return undefined;
}
