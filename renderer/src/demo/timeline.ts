/** Working-day arithmetic backwards from today, and the times of day events are made at. */
import { addDays } from '../../../shared/calendar/dates';
import type { IsoDate, WorkingDayCalendar } from '../../../shared/calendar/types';
import type { Random } from './random';

/** The working day `n` working days before `date` (n = 0: date itself, moved back to a working day). */
export function workingDaysBefore(calendar: WorkingDayCalendar, date: IsoDate, n: number): IsoDate {
  let day = date;
  while (!calendar.isWorkingDay(day)) day = addDays(day, -1);
  for (let left = n; left > 0;) {
    day = addDays(day, -1);
    if (calendar.isWorkingDay(day)) left -= 1;
  }
  return day;
}

/** 18:25: the office closes at 18:30. */
const LATEST = 18 * 60 + 25;

const pad = (n: number) => String(n).padStart(2, '0');

export function timestamp(day: IsoDate, minutes: number): string {
  return `${day}T${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}:00+05:00`;
}

/**
 * The clock of one case: events on the same day follow each other by minutes to an hour, within
 * office hours (09:00–18:00 in the office's zone, +05:00).
 */
export class CaseClock {
  private day: IsoDate | undefined;
  private minutes = 0;

  constructor(private readonly random: Random) {}

  /** Continue after an instant already used (the application's arrival). */
  startAfter(day: IsoDate, minutes: number): void {
    this.day = day;
    this.minutes = minutes;
  }

  at(day: IsoDate): string {
    if (day !== this.day || this.minutes < 9 * 60) {
      const opening = 9 * 60 + this.random.int(0, 90);
      this.minutes = day === this.day ? Math.max(opening, this.minutes + 10) : opening;
      this.day = day;
    } else {
      // Never before the previous event, even when it came late in the day.
      const next = this.minutes + this.random.int(10, 80);
      this.minutes = next > LATEST ? Math.max(this.minutes + 1, LATEST) : next;
    }
    return timestamp(day, this.minutes);
  }
}
/** Days of each step: the anchor's day puts the deadline `overdueBy` working days before today. */
export function placeSteps(
  steps: readonly { gap: number }[],
  anchorIndex: number,
  anchorDay: IsoDate,
  ctx: { calendar: WorkingDayCalendar; today: IsoDate },
): IsoDate[] {
  const days: IsoDate[] = new Array<IsoDate>(steps.length);
  days[anchorIndex] = anchorDay;
  for (let i = anchorIndex + 1; i < steps.length; i++) {
    const next = ctx.calendar.addWorkingDays(days[i - 1] as IsoDate, steps[i]?.gap ?? 0);
    // Nothing happens after today: a step that would is squeezed onto today.
    days[i] = next > ctx.today ? ctx.today : next;
  }
  for (let i = anchorIndex - 1; i >= 0; i--) {
    days[i] = workingDaysBefore(ctx.calendar, days[i + 1] as IsoDate, steps[i + 1]?.gap ?? 0);
  }
  return days;
}

/** An arrival instant that the office registers on `day` (the day itself, or the evening before). */
export function arrivalFor(
  random: Random,
  day: IsoDate,
  ctx: { calendar: WorkingDayCalendar; today: IsoDate },
  sameDayOnly: boolean,
): { at: string; minutes: number; day: IsoDate } {
  if (day === ctx.today) {
    // Nothing has arrived later today yet: today's applications came in overnight.
    const early = random.int(6 * 60, 8 * 60 + 50);
    const at = timestamp(day, early);
    if (ctx.calendar.registrationDay(at) === day) return { at, minutes: early, day };
  }
  if (!sameDayOnly && random.chance(0.35)) {
    const evening = addDays(day, -1);
    const minutes = random.int(19 * 60, 23 * 60 + 30);
    const at = timestamp(evening, minutes);
    if (ctx.calendar.registrationDay(at) === day) return { at, minutes, day: evening };
  }
  const minutes = random.int(9 * 60, 17 * 60);
  return { at: timestamp(day, minutes), minutes, day };
}
