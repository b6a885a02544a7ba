/** The light queue row of a case, derived from its projection and the working-day calendar. */
import type { IsoDate, WorkingDayCalendar } from '../../../shared/calendar/types';
import {
  complaintDeadline,
  currentDeadline,
  nextComplaintDeadline,
  queueOf,
  termDeadline,
  type CaseState,
  type Person,
  type Urgency,
} from '../../../shared/workflow';
import type { QueueRow, RowPerson } from './records';

function rowPerson(p: Person): RowPerson {
  return p.middleName === undefined
    ? { iin: p.iin, lastName: p.lastName, firstName: p.firstName }
    : { iin: p.iin, lastName: p.lastName, firstName: p.firstName, middleName: p.middleName };
}

/**
 * Due days do not depend on today (only their status does), so any day serves as `today` here;
 * the rows are recomputed when the calendar changes.
 */
export function caseRowOf(state: CaseState, calendar: WorkingDayCalendar): QueueRow {
  const app = state.application;
  const today = app.receivedAt.slice(0, 10);
  const open = state.complaints.filter((c) => c.answer === undefined);
  const row: QueueRow = {
    caseId: state.caseId,
    version: state.version,
    caseNumber: app.caseNumber,
    stage: state.stage,
    queues: queueOf(state),
    ground: app.ground,
    applicant: rowPerson(app.applicant),
    pupil: rowPerson(app.pupil),
    schoolName: app.school.name,
    className: app.className,
    assignedTo: state.assignedTo ?? null,
    receivedAt: app.receivedAt,
    dueOn: currentDeadline(state, calendar, today)?.dueOn ?? null,
    termDueOn: termDeadline(state, calendar, today)?.dueOn ?? null,
    complaintDueOn: nextComplaintDeadline(state, calendar, today)?.dueOn ?? null,
    openComplaints: open.length,
    complaints: open
      .map((c) => ({ addressee: c.addressee, dueOn: complaintDeadline(c, calendar, today).dueOn }))
      .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0)),
  };
  if (state.registrationNumber !== undefined) row.registrationNumber = state.registrationNumber;
  if (state.registration !== undefined) row.registeredOn = state.registration.on;
  if (state.outcome !== undefined) row.outcome = state.outcome;
  return row;
}

/**
 * The same answer as `urgencyOf(state)` from the row alone: overdue when a due day is past, due
 * soon when one is today or the next working day. Kept beside `caseRowOf` and tested against
 * `urgencyOf` so the queue colours cannot drift from the case page.
 */
export function urgencyOfRow(
  row: Pick<QueueRow, 'dueOn' | 'complaintDueOn'>,
  calendar: WorkingDayCalendar,
  today: IsoDate,
): Urgency {
  const dues = [row.dueOn, row.complaintDueOn].filter((d): d is IsoDate => d !== null);
  if (dues.some((d) => d < today)) return 'overdue';
  if (dues.some((d) => calendar.workingDaysBetween(today, d) <= 1)) return 'due-soon';
  return 'normal';
}

/** Working days from today to `dueOn` (0 = due today, negative = overdue); null without a due day. */
export function workingDaysLeft(
  dueOn: IsoDate | null,
  calendar: WorkingDayCalendar,
  today: IsoDate,
): number | null {
  return dueOn === null ? null : calendar.workingDaysBetween(today, dueOn);
}
