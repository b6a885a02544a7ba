/** The facts of a registration, made the same way by the desk, the demo and the tests. */
import type { WorkingDayCalendar } from '../calendar/types';
import { caseDay } from './days';
import type { EventPayloads } from './events';
import type { CaseState } from './state';

/**
 * The 'registered' payload for a registration made at `at` (the event's own time): registered on
 * that day, due on the law's registration day of the receipt (read at the case's office offset),
 * with the version of the calendar data that day was computed with.
 */
export function registrationPayload(
  state: Pick<CaseState, 'application' | 'office'>,
  calendar: WorkingDayCalendar,
  at: string,
  registrationNumber: string,
): EventPayloads['registered'] {
  const { receivedAt } = state.application;
  const dueOn = calendar.registrationDay(receivedAt, state.office);
  return {
    registrationNumber,
    registeredOn: caseDay(at, state.office),
    dueOn,
    calendarVersion: calendar.versionBetween(caseDay(receivedAt, state.office), dueOn),
  };
}
