/**
 * What the head's dashboard counts, taken from one case: the law's deadlines exactly as the
 * workflow derives them from the reducer's projection (shared/workflow/deadlines.ts), never a term
 * of its own, plus the few facts a report groups by. Pure, so a central server can compute the same
 * numbers from the same events.
 */
import { toDayNumber } from '../calendar/dates';
import type { IsoDate, WorkingDayCalendar } from '../calendar/types';
import {
  caseDeadlines,
  currentDeadline,
  nextComplaintDeadline,
  type CaseState,
  type ComplaintAddressee,
  type Ground,
  type Stage,
  type StageDeadline,
} from '../workflow';

export interface MetricDeadline extends StageDeadline {
  /** For a complaint: to whom it was made. */
  addressee?: ComplaintAddressee;
  /** Once done: working days from the start day (not counted) to the day it was done. */
  workingDays?: number;
  /** Once done: calendar days from the start day to the day it was done. */
  calendarDays?: number;
}

export interface MetricCase {
  caseId: string;
  caseNumber: string;
  ground: Ground;
  stage: Stage;
  /** Null when nobody holds the case. */
  assignedTo: string | null;
  outcome?: 'granted' | 'refused';
  /** A decision the head approved: its kind, the refusal's ground and the decision's date. */
  decision?: { kind: 'grant' | 'refusal'; ground?: 1 | 2; on: IsoDate };
  /** Every deadline the case has reached, in process order, then its complaints. */
  deadlines: MetricDeadline[];
  /** The deadline the current stage works against (undefined once closed). */
  current?: StageDeadline;
  /** The unanswered complaint due first. */
  nextComplaint?: StageDeadline;
}

function decisionOf(state: CaseState): MetricCase['decision'] {
  const { decision, approval } = state;
  // Only what the head agreed counts as decided: a returned draft is not a refusal of the akimat.
  if (!decision || !approval?.approvedOn) return undefined;
  if (decision.kind === 'grant') return { kind: 'grant', on: decision.orderDate };
  return { kind: 'refusal', ground: decision.ground, on: decision.decisionDate };
}

export function metricCaseOf(state: CaseState, calendar: WorkingDayCalendar, today: IsoDate): MetricCase {
  const addressees = new Map(state.complaints.map((c) => [c.complaintId, c.addressee]));
  const deadlines = caseDeadlines(state, calendar, today).map((d): MetricDeadline => {
    const addressee = d.complaintId !== undefined ? addressees.get(d.complaintId) : undefined;
    const durations =
      d.doneOn !== undefined
        ? {
            workingDays: calendar.workingDaysBetween(d.startedOn, d.doneOn),
            calendarDays: toDayNumber(d.doneOn) - toDayNumber(d.startedOn),
          }
        : {};
    return { ...d, ...(addressee ? { addressee } : {}), ...durations };
  });
  const current = currentDeadline(state, calendar, today);
  const nextComplaint = nextComplaintDeadline(state, calendar, today);
  const decision = decisionOf(state);
  return {
    caseId: state.caseId,
    caseNumber: state.application.caseNumber,
    ground: state.application.ground,
    stage: state.stage,
    assignedTo: state.assignedTo ?? null,
    ...(state.outcome ? { outcome: state.outcome } : {}),
    ...(decision ? { decision } : {}),
    deadlines,
    ...(current ? { current } : {}),
    ...(nextComplaint ? { nextComplaint } : {}),
  };
}
