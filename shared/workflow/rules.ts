/**
 * The payload rules that keep the record true, shared by the transitions. Rules added in a schema
 * version bind the events made in that version or later: an event upgraded from an older version
 * was lawful when it was made, and history is folded as it was recorded (`madeUnder`).
 */
import { requiredDocuments } from '../documents/kinds';
import type { IsoDate } from '../calendar/types';
import { msBetween } from './days';
import type { DocumentKind, EventMeta, EventPayloads, ReviewCheck } from './events';
import { rejection, type RejectionReason } from './rejections';
import type { CaseState } from './state';

/**
 * How far an event's time may lie before the newest event of the case. Two desks' clocks (or the
 * portal's and a desk's) differ by a little; a clock set back by more would write history backwards.
 */
export const CLOCK_TOLERANCE_MINUTES = 10;

/** True when the event was made under the rules of schema version `since` (or a later one). */
export function madeUnder(event: Pick<EventMeta, 'schemaVersion' | 'upgradedFrom'>, since: number): boolean {
  return (event.upgradedFrom ?? event.schemaVersion) >= since;
}

/** A payload date that may not come before an earlier fact of the case. */
export function notBefore(
  field: string,
  date: IsoDate,
  earliest: IsoDate | undefined,
): RejectionReason | undefined {
  return earliest !== undefined && date < earliest
    ? rejection('date.out-of-order', { field, notBefore: earliest })
    : undefined;
}

/** A past fact may not be dated after the day it is recorded (the day of the event's `at`). */
export function notFuture(field: string, date: IsoDate, today: IsoDate): RejectionReason | undefined {
  return date > today ? rejection('date.future', { field, notAfter: today }) : undefined;
}

/** The event's clock may not be far behind the newest time the case has seen. */
export function clockNotBehind(state: CaseState, at: string): RejectionReason | undefined {
  return msBetween(at, state.latestAt) > CLOCK_TOLERANCE_MINUTES * 60_000
    ? rejection('clock.before-previous', { latestAt: state.latestAt })
    : undefined;
}

/** Statuses of the automated check that a confirmation must answer with a reason. */
const NEEDS_REASON: ReadonlySet<string> = new Set(['fail', 'unreadable', 'judgement']);

/** True when confirming a document against this check needs the officer's reason. */
export function confirmationNeedsReason(check: ReviewCheck): boolean {
  return NEEDS_REASON.has(check.status);
}

export function reviewReasoned(payload: EventPayloads['document-reviewed']): RejectionReason | undefined {
  const { verdict, check, comment } = payload;
  // The schema already refuses a blank comment; a missing one is what this rule is about.
  return verdict === 'confirmed' && confirmationNeedsReason(check) && comment === undefined
    ? rejection('review.reason-required', { status: check.status })
    : undefined;
}

/** Required kinds with no file, or with every file rejected by the officer. */
export function kindsWithoutAcceptedFile(state: CaseState): DocumentKind[] {
  const { attachments, ground } = state.application;
  return requiredDocuments(ground).filter((kind) => {
    const files = attachments.filter((a) => a.kind === kind);
    return files.every((a) => state.documentReviews[a.id]?.verdict === 'rejected');
  });
}
