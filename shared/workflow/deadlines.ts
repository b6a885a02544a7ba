/**
 * Stage deadlines derived from the case and the working-day calendar only; nothing here is stored.
 * Terms are in working days (SERVICE.md, rules paragraphs 21–23 and 27–28): the start day is day 0
 * and the due day is the n-th working day after it (calendar.addWorkingDays). Every term counts from
 * the law's registration day (`registration.dueOn`), so a late registration lengthens none, and
 * every stage's due day is capped by the whole term's: a stage that started late cannot run past
 * the day the result is due, and a case past its term is overdue whatever stage it is in.
 */
import type { IsoDate, WorkingDayCalendar } from '../calendar/types';
import { caseDay, earlierDate, laterDate } from './days';
import { openComplaints } from './guards';
import type { Complaint, CaseState } from './state';

export type DeadlineStage = 'registration' | 'completeness' | 'school' | 'review' | 'term' | 'complaint';
export type DeadlineStatus = 'met' | 'on-track' | 'at-risk' | 'overdue' | 'late';

export interface StageDeadline {
  stage: DeadlineStage;
  /** Set for stage 'complaint'. */
  complaintId?: string;
  startedOn: IsoDate;
  dueOn: IsoDate;
  doneOn?: IsoDate;
  status: DeadlineStatus;
  /**
   * Open: working days from today to the due day (0 = due today, negative when overdue; 0 on a
   * day off right after the due day, when no working day has passed yet: `status` says overdue).
   * Done: the working days that were left on the day it was done (negative when it was late).
   */
  workingDaysLeft: number;
  /** Some day the answer rests on comes from a provisional calendar (no published file). */
  provisional: boolean;
}

/** Working days of each term. */
export const TERMS = {
  completeness: 2,
  school: 6,
  review: 2,
  total: 10,
  complaintToProvider: 5,
  complaintToQualityAuthority: 15,
} as const;

function deadline(
  calendar: WorkingDayCalendar,
  today: IsoDate,
  stage: DeadlineStage,
  startedOn: IsoDate,
  dueOn: IsoDate,
  doneOn: IsoDate | undefined,
  complaintId?: string,
): StageDeadline {
  const until = doneOn ?? today;
  const from = earlierDate(startedOn, until);
  const to = laterDate(dueOn, until);
  const base = {
    stage,
    ...(complaintId !== undefined ? { complaintId } : {}),
    startedOn,
    dueOn,
    // `|| 0` turns the -0 a calendar may give for an empty backward span into a plain 0.
    workingDaysLeft: calendar.workingDaysBetween(until, dueOn) || 0,
    provisional: calendar.isProvisionalBetween(from, to),
  };
  if (doneOn !== undefined) return { ...base, doneOn, status: doneOn <= dueOn ? 'met' : 'late' };
  if (today > dueOn) return { ...base, status: 'overdue' };
  // At risk with one working day or less left: due today, or on the next working day.
  return { ...base, status: base.workingDaysLeft <= 1 ? 'at-risk' : 'on-track' };
}

/**
 * A deadline on `today` from its days alone: what the functions below give for it on that day.
 * Lets a report keep a case's deadlines (their days do not depend on today) and date them later.
 */
export function deadlineOn(
  calendar: WorkingDayCalendar,
  today: IsoDate,
  d: Pick<StageDeadline, 'stage' | 'startedOn' | 'dueOn' | 'doneOn' | 'complaintId'>,
): StageDeadline {
  return deadline(calendar, today, d.stage, d.startedOn, d.dueOn, d.doneOn, d.complaintId);
}

/** A ground-1 refusal is, or is being, made (completeness found missing documents). */
function onGroundOneTrack(state: CaseState): boolean {
  if (state.decision) return state.decision.kind === 'refusal' && state.decision.ground === 1;
  return state.completeness?.complete === false;
}

export function registrationDeadline(
  state: CaseState,
  calendar: WorkingDayCalendar,
  today: IsoDate,
): StageDeadline {
  const { receivedAt } = state.application;
  const receivedOn = caseDay(receivedAt, state.office);
  // Once registered, the law's day the event recorded (computed with the calendar of that day).
  const due = state.registration?.dueOn ?? calendar.registrationDay(receivedAt, state.office);
  return deadline(calendar, today, 'registration', receivedOn, due, state.registration?.on);
}

/** The whole term's due day (10 working days, 2 on the ground-1 track), once registered. */
function termDueOn(state: CaseState, calendar: WorkingDayCalendar): IsoDate | undefined {
  if (!state.registration) return undefined;
  const days = onGroundOneTrack(state) ? TERMS.completeness : TERMS.total;
  return calendar.addWorkingDays(state.registration.dueOn, days);
}

/** A stage's own due day, or the term's when that comes first. */
function cappedByTerm(state: CaseState, calendar: WorkingDayCalendar, due: IsoDate): IsoDate {
  const term = termDueOn(state, calendar);
  return term !== undefined && term < due ? term : due;
}

export function completenessDeadline(
  state: CaseState,
  calendar: WorkingDayCalendar,
  today: IsoDate,
): StageDeadline | undefined {
  if (!state.registration) return undefined;
  const start = state.registration.dueOn;
  const due = cappedByTerm(state, calendar, calendar.addWorkingDays(start, TERMS.completeness));
  return deadline(calendar, today, 'completeness', start, due, state.completeness?.on);
}

export function schoolDeadline(
  state: CaseState,
  calendar: WorkingDayCalendar,
  today: IsoDate,
): StageDeadline | undefined {
  if (state.completeness?.complete !== true) return undefined;
  const started = state.completeness.on;
  const due = cappedByTerm(state, calendar, calendar.addWorkingDays(started, TERMS.school));
  return deadline(calendar, today, 'school', started, due, state.schoolAnswer?.answeredOn);
}

/**
 * Paragraph 23: within 2 working days of the school's answer the provider reviews the documents,
 * prepares the order and agrees it with the head; so review ends with the head's approval of a
 * decision made in review (grant or ground-2 refusal), not with the draft.
 */
export function reviewDeadline(
  state: CaseState,
  calendar: WorkingDayCalendar,
  today: IsoDate,
): StageDeadline | undefined {
  if (!state.schoolAnswer) return undefined;
  const started = state.schoolAnswer.answeredOn;
  const due = cappedByTerm(state, calendar, calendar.addWorkingDays(started, TERMS.review));
  const done = state.decision && !onGroundOneTrack(state) ? state.approval?.approvedOn : undefined;
  return deadline(calendar, today, 'review', started, due, done);
}

/**
 * The whole term: 10 working days from registration, done when the result reaches the applicant.
 * Paragraph 22 asks a ground-1 refusal to reach the applicant's personal cabinet within the 2 days of
 * the completeness check, so once documents are found missing the term's due day becomes
 * registration + 2; if a return leads to a new check that finds the package complete, it is 10 again.
 */
export function termDeadline(
  state: CaseState,
  calendar: WorkingDayCalendar,
  today: IsoDate,
): StageDeadline | undefined {
  const due = termDueOn(state, calendar);
  if (!state.registration || due === undefined) return undefined;
  return deadline(calendar, today, 'term', state.registration.dueOn, due, state.delivered?.on);
}

export function complaintDeadline(
  complaint: Complaint,
  calendar: WorkingDayCalendar,
  today: IsoDate,
): StageDeadline {
  const days =
    complaint.addressee === 'provider' ? TERMS.complaintToProvider : TERMS.complaintToQualityAuthority;
  const due = calendar.addWorkingDays(complaint.registeredOn, days);
  return deadline(
    calendar,
    today,
    'complaint',
    complaint.registeredOn,
    due,
    complaint.answer?.answeredOn,
    complaint.complaintId,
  );
}

/**
 * The unanswered complaint due first (the earliest due day), or undefined when none waits: what
 * the queue sorts by and what makes a case urgent, whatever stage it is in.
 */
export function nextComplaintDeadline(
  state: CaseState,
  calendar: WorkingDayCalendar,
  today: IsoDate,
): StageDeadline | undefined {
  let next: StageDeadline | undefined;
  for (const complaint of openComplaints(state)) {
    const d = complaintDeadline(complaint, calendar, today);
    if (next === undefined || d.dueOn < next.dueOn) next = d;
  }
  return next;
}

/** Every deadline the case has reached so far, in process order, then its complaints. */
export function caseDeadlines(
  state: CaseState,
  calendar: WorkingDayCalendar,
  today: IsoDate,
): StageDeadline[] {
  const stages = [
    registrationDeadline(state, calendar, today),
    completenessDeadline(state, calendar, today),
    schoolDeadline(state, calendar, today),
    reviewDeadline(state, calendar, today),
    termDeadline(state, calendar, today),
  ].filter((d): d is StageDeadline => d !== undefined);
  return [...stages, ...state.complaints.map((c) => complaintDeadline(c, calendar, today))];
}

/**
 * The deadline the case's current stage works against; undefined once closed. Where the stage's own
 * work is done but the case still waits (a ground-1 refusal being drafted, approved or signed), it is
 * the term: the result must still reach the applicant in time.
 */
export function currentDeadline(
  state: CaseState,
  calendar: WorkingDayCalendar,
  today: IsoDate,
): StageDeadline | undefined {
  switch (state.stage) {
    case 'registration':
      return registrationDeadline(state, calendar, today);
    case 'completeness':
      return state.completeness
        ? termDeadline(state, calendar, today)
        : completenessDeadline(state, calendar, today);
    case 'school':
      return schoolDeadline(state, calendar, today);
    case 'review':
      return reviewDeadline(state, calendar, today);
    case 'approval':
      // The head's agreement is part of review (paragraph 23); a ground-1 refusal has no review.
      return onGroundOneTrack(state)
        ? termDeadline(state, calendar, today)
        : reviewDeadline(state, calendar, today);
    case 'ready-to-send':
      return termDeadline(state, calendar, today);
    case 'closed':
      return undefined;
  }
}
