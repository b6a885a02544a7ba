import type { Zone } from './instant';

/** A calendar date in the office's zone, 'YYYY-MM-DD'. */
export type IsoDate = string;

/** Why a day is, or is not, a working day. */
export type DayKind =
  | 'workday'
  | 'weekend'
  | 'holiday'
  /** A day off moved here by the transfer rule or by a government/ministry order. */
  | 'day-off'
  /** A Saturday or Sunday made a working day by a transfer order. */
  | 'working-weekend';

export interface DayInfo {
  date: IsoDate;
  working: boolean;
  kind: DayKind;
  /** Name of the holiday or the reason of the transfer, in English (UI translates by `key`). */
  key?: string;
  /**
   * True when the answer for this day is not backed by a published calendar file for its year
   * (statutory rules only, Kurban Ait unknown), or the file marks the day itself unconfirmed.
   */
  provisional: boolean;
}

export interface OfficeHours {
  /** 'HH:mm' in the office's zone. */
  opens: string;
  closes: string;
  lunchFrom: string;
  lunchTo: string;
  /** IANA zone, e.g. 'Asia/Almaty'. */
  timeZone: string;
}

/** The working-day calendar every deadline is computed with. */
export interface WorkingDayCalendar {
  readonly officeHours: OfficeHours;
  isWorkingDay(date: IsoDate): boolean;
  dayInfo(date: IsoDate): DayInfo;
  /** The n-th working day after `date` (which itself is not counted). n >= 0; n = 0 returns date. */
  addWorkingDays(date: IsoDate, n: number): IsoDate;
  /** Working days after `from` up to and including `to` (negative when `to` is before `from`). */
  workingDaysBetween(from: IsoDate, to: IsoDate): number;
  /**
   * The day an application received at this instant is registered (ISO 8601 with offset), reading
   * the office's clock in `zone` (default: `officeHours.timeZone`; a case passes its recorded
   * fixed offset so that every machine gets the same day).
   */
  registrationDay(receivedAt: string, zone?: Zone): IsoDate;
  /**
   * The version of the data the answers for the days from `from` to `to` rest on: each year's file
   * version ('2026.1'), joined by '+' when the span crosses years; a year without a file is
   * '<year>.statutory'. Recorded with a deadline so that it can be traced to the data it used.
   */
  versionBetween(from: IsoDate, to: IsoDate): string;
  /** True when any day in [from, to] is answered provisionally. */
  isProvisionalBetween(from: IsoDate, to: IsoDate): boolean;
}
