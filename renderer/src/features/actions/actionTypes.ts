/** The shapes every action dialog is built from: fields, their values and their validation. */
import type { IsoDate, WorkingDayCalendar } from '../../../../shared/calendar';
import type { CaseUser, DeskUser } from '../../../../shared/auth';
import type { CaseState, EventPayloads } from '../../../../shared/workflow';
import { formatDate, parseDisplayDate } from '../../i18n/format';
import type { ActionType } from '../../stores/eventFactory';

export type Values = Record<string, string | string[]>;

/** Today as a date field starts: most dialogs record something done today. */
export const todayText = (ctx: ActionContext): string => formatDate(ctx.today);

export type FieldKind = 'text' | 'textarea' | 'date' | 'select' | 'radio' | 'checks' | 'file' | 'note';

export interface ActionField {
  name: string;
  kind: FieldKind;
  required?: boolean;
  /** Option values; the dialog translates them by `optionPrefix` unless `labels` gives the words. */
  options?: readonly string[];
  optionPrefix?: string;
  labels?: Readonly<Record<string, string>>;
  /** For 'note': the translation key of the text shown, with its params. */
  note?: { key: string; params?: Record<string, string> };
}

export type FieldError = 'required' | 'date' | 'date-future' | 'pick-one';

export interface ActionContext {
  state: CaseState;
  /** The signed-in officer or head (an administrator gets no actions). */
  user: CaseUser;
  users: readonly DeskUser[];
  today: IsoDate;
  calendar: WorkingDayCalendar;
  /** The instant the event is made, ISO 8601 with offset. */
  now: string;
}

export type BuildResult<T extends ActionType> =
  { ok: true; payload: EventPayloads[T] } | { ok: false; errors: Record<string, FieldError> };

export interface ActionSpec<T extends ActionType> {
  type: T;
  fields(ctx: ActionContext, values: Values): ActionField[];
  initial(ctx: ActionContext): Values;
  build(values: Values, ctx: ActionContext): BuildResult<T>;
}

/** Collects field errors while reading values, so a dialog shows every problem at once. */
export class Reader {
  readonly errors: Record<string, FieldError> = {};
  constructor(
    private readonly values: Values,
    private readonly today: IsoDate,
  ) {}

  text(name: string): string {
    const v = this.values[name];
    return typeof v === 'string' ? v.trim() : '';
  }

  required(name: string): string {
    const v = this.text(name);
    if (!v) this.errors[name] = 'required';
    return v;
  }

  optional(name: string): string | undefined {
    return this.text(name) || undefined;
  }

  /** A past or present day typed as dd.MM.yyyy: these dialogs record what already happened. */
  date(name: string): IsoDate {
    const raw = this.text(name);
    if (!raw) {
      this.errors[name] = 'required';
      return '';
    }
    const iso = parseDisplayDate(raw);
    if (!iso) this.errors[name] = 'date';
    else if (iso > this.today) this.errors[name] = 'date-future';
    return iso ?? '';
  }

  list(name: string, atLeastOne = false): string[] {
    const v = this.values[name];
    const list = Array.isArray(v) ? v : v ? [v] : [];
    if (atLeastOne && list.length === 0) this.errors[name] = 'pick-one';
    return list;
  }

  done<T extends ActionType>(payload: () => EventPayloads[T]): BuildResult<T> {
    return Object.keys(this.errors).length > 0
      ? { ok: false, errors: this.errors }
      : { ok: true, payload: payload() };
  }
}
