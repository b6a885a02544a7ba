/**
 * A small working-day calendar for the workflow's tests: Monday–Friday working, plus listed
 * holidays, with the contract's semantics. Tests must not wait on (or hide bugs behind) the real
 * Kazakhstan calendar.
 */
import { addDays, isWeekend, yearOf } from '../../calendar/dates';
import { wallClockOf } from '../../calendar/instant';
import type { DayInfo, IsoDate, OfficeHours, WorkingDayCalendar } from '../../calendar/types';

export interface FakeCalendarOptions {
  holidays?: IsoDate[];
  /** Years from this one on are answered provisionally. */
  provisionalFrom?: number;
  officeHours?: Partial<OfficeHours>;
}

export function fakeCalendar(options: FakeCalendarOptions = {}): WorkingDayCalendar {
  const holidays = new Set(options.holidays ?? []);
  const officeHours: OfficeHours = {
    opens: '09:00',
    closes: '18:30',
    lunchFrom: '13:00',
    lunchTo: '14:30',
    timeZone: 'Asia/Almaty',
    ...options.officeHours,
  };
  const provisionalFrom = options.provisionalFrom ?? Number.POSITIVE_INFINITY;
  const isWorkingDay = (date: IsoDate) => !isWeekend(date) && !holidays.has(date);
  const isProvisional = (date: IsoDate) => yearOf(date) >= provisionalFrom;

  const addWorkingDays = (date: IsoDate, n: number): IsoDate => {
    let d = date;
    for (let left = n; left > 0;) {
      d = addDays(d, 1);
      if (isWorkingDay(d)) left -= 1;
    }
    return d;
  };
  const countAfter = (from: IsoDate, to: IsoDate): number => {
    let count = 0;
    for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d)) count += 1;
    return count;
  };

  return {
    officeHours,
    isWorkingDay,
    dayInfo(date): DayInfo {
      const kind = holidays.has(date) ? 'holiday' : isWeekend(date) ? 'weekend' : 'workday';
      return { date, working: isWorkingDay(date), kind, provisional: isProvisional(date) };
    },
    addWorkingDays,
    workingDaysBetween: (from, to) => (to >= from ? countAfter(from, to) : -countAfter(to, from)),
    registrationDay(receivedAt, zone = officeHours.timeZone) {
      const { date, secondOfDay } = wallClockOf(receivedAt, zone);
      const [hh = 0, mm = 0] = officeHours.closes.split(':').map(Number);
      return isWorkingDay(date) && secondOfDay < (hh * 60 + mm) * 60 ? date : addWorkingDays(date, 1);
    },
    versionBetween(from, to) {
      const [a, b] = [yearOf(from), yearOf(to)].sort((x, y) => x - y) as [number, number];
      return Array.from({ length: b - a + 1 }, (_, i) => `${a + i}.fake`).join('+');
    },
    isProvisionalBetween(from, to) {
      for (let d = from; d <= to; d = addDays(d, 1)) if (isProvisional(d)) return true;
      return false;
    },
  };
}
