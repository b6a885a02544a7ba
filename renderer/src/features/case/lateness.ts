import type { IsoDate, WorkingDayCalendar } from '../../../../shared/calendar';

/**
 * Working days a registration on `on` came after the law's registration day `dueOn` (0 when on
 * time): the days after `dueOn` up to and including `on`, so 27.11 (a Friday) → 02.12 is 3.
 */
export function workingDaysLate(dueOn: IsoDate, on: IsoDate, calendar: WorkingDayCalendar): number {
  return on > dueOn ? calendar.workingDaysBetween(dueOn, on) : 0;
}
