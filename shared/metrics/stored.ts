/**
 * A case's dashboard facts as the desk stores them beside its projection (written by the one ingest
 * path, the rebuild and a calendar change): the MetricCase of `facts.ts` without what depends on
 * today. Every deadline's days (start, due, done, durations, addressee) depend only on the case and
 * the calendar; a done deadline's status is final. Only an open deadline's status, working days left
 * and provisional flag move with the day, and `metricCaseAt` gives them for the day asked, exactly as
 * `metricCaseOf` would (a test proves the two agree). Reading these small records instead of every
 * whole case is what keeps the head's dashboard fast at 10,000 and 100,000 cases.
 */
import type { IsoDate, WorkingDayCalendar } from '../calendar/types';
import { deadlineOn, type CaseState, type DeadlineStage } from '../workflow';
import { metricCaseOf, type MetricCase, type MetricDeadline } from './facts';

/** Raised when what the stored facts mean changes: the desk then derives them again from the cases. */
export const CASE_FACTS_VERSION = 1;

export interface CaseFacts extends Omit<MetricCase, 'current' | 'nextComplaint'> {
  /** The stage of the deadline the current stage works against (one of `deadlines`). */
  currentStage?: DeadlineStage;
  /** The unanswered complaint due first (its deadline is in `deadlines`). */
  nextComplaintId?: string;
}

/**
 * Due days do not depend on today (only their status does), so any day serves as `today` here; the
 * facts are derived again when the calendar changes, as the queue rows are.
 */
export function caseFactsOf(state: CaseState, calendar: WorkingDayCalendar): CaseFacts {
  const day = state.application.receivedAt.slice(0, 10);
  const { current, nextComplaint, ...rest } = metricCaseOf(state, calendar, day);
  return {
    ...rest,
    ...(current ? { currentStage: current.stage } : {}),
    ...(nextComplaint?.complaintId !== undefined ? { nextComplaintId: nextComplaint.complaintId } : {}),
  };
}

/** The MetricCase of the stored facts on `today`. */
export function metricCaseAt(facts: CaseFacts, calendar: WorkingDayCalendar, today: IsoDate): MetricCase {
  const { currentStage, nextComplaintId, ...rest } = facts;
  const deadlines = facts.deadlines.map((d): MetricDeadline =>
    d.doneOn !== undefined ? d : { ...d, ...deadlineOn(calendar, today, d) },
  );
  const current =
    currentStage !== undefined
      ? deadlines.find((d) => d.stage === currentStage && d.complaintId === undefined)
      : undefined;
  const next =
    nextComplaintId !== undefined ? deadlines.find((d) => d.complaintId === nextComplaintId) : undefined;
  return {
    ...rest,
    deadlines,
    ...(current ? { current: withoutReportFields(current) } : {}),
    ...(next ? { nextComplaint: withoutReportFields(next) } : {}),
  };
}

/** `current` and `nextComplaint` are the workflow's StageDeadline, without the report's additions. */
function withoutReportFields(d: MetricDeadline): MetricCase['deadlines'][number] {
  const { addressee: _a, workingDays: _w, calendarDays: _c, ...deadline } = d;
  return deadline;
}
