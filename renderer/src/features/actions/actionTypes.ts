/** The shapes every action dialog is built from: fields, their values and their validation. */
import type { IsoDate, WorkingDayCalendar } from '../../../../shared/calendar';
import type { CaseUser, DeskUser } from '../../../../shared/auth';
import type { FileTypeFilter } from '../../../../shared/host';
import type { FormId } from '../../../../shared/forms';
import type { CaseEvent, CaseState, EventPayloads } from '../../../../shared/workflow';
import type { StoredAttachment } from '../../db';
import { formatDate, parseDisplayDate } from '../../i18n/format';
import type { ActionType } from '../../stores/eventFactory';
import type { FileStates } from '../documents/documentsModel';
import type { SignatureReading } from './signatureFile';

export type Values = Record<string, string | string[]>;

/** Today as a date field starts: most dialogs record something done today. */
export const todayText = (ctx: ActionContext): string => formatDate(ctx.today);

export type FieldKind = 'text' | 'textarea' | 'date' | 'select' | 'radio' | 'checks' | 'file' | 'note';

export interface ActionField {
  name: string;
  kind: FieldKind;
  /** The label's translation key when it is not `actions.field.<name>`. */
  labelKey?: string;
  required?: boolean;
  /** Option values; the dialog translates them by `optionPrefix` unless `labels` gives the words. */
  options?: readonly string[];
  optionPrefix?: string;
  labels?: Readonly<Record<string, string | NoteText>>;
  /** For 'file': the types the file dialog offers. */
  accept?: readonly FileTypeFilter[];
  /** For 'note': the translation key of the text shown, with its params, and lines listed under it. */
  note?: NoteText & { lines?: readonly NoteText[]; tone?: 'warning' };
}

/** A param that is itself a translation key (a document kind, a reason): translated before use. */
export type NoteParam = string | number | { t: string };

export interface NoteText {
  key: string;
  params?: Readonly<Record<string, NoteParam>>;
}

export type FieldError =
  | 'required'
  | 'date'
  | 'date-future'
  | 'pick-one'
  /** Confirming a document whose check did not pass, with no reason written. */
  | 'reason-required'
  /** The file is still being read: its verdict waits until the desk knows what it is. */
  | 'still-checking'
  /** A choice the dialog no longer offers (what it rests on changed while the dialog was open). */
  | 'not-offered'
  /** The chosen file is not a detached CMS signature (the dialog's note says why). */
  | 'not-a-signature'
  /** The signature's digest is not the chosen document's. */
  | 'signs-other-document'
  /** A certificate serial that is not hexadecimal. */
  | 'serial-hex'
  /** A serial other than the one in the signature file. */
  | 'serial-mismatch'
  /** Longer than the event takes (nothing is cut: the officer shortens it). */
  | 'too-long';

const RECORD_ERRORS: ReadonlySet<FieldError> = new Set([
  'reason-required',
  'still-checking',
  'not-offered',
  'not-a-signature',
  'signs-other-document',
  'serial-hex',
  'serial-mismatch',
]);

/** The translation key of a field error (the newer ones live in the record namespace). */
export function fieldErrorKey(error: FieldError): string {
  if (error === 'too-long') return 'ux.tooLongField';
  return RECORD_ERRORS.has(error) ? `record.error.${error}` : `actions.error.${error}`;
}

export interface ActionContext {
  state: CaseState;
  /** The case's events, oldest first: what was done in what order (e.g. the draft after the decision). */
  events: readonly CaseEvent[];
  /** The signed-in officer or head (an administrator gets no actions). */
  user: CaseUser;
  users: readonly DeskUser[];
  today: IsoDate;
  calendar: WorkingDayCalendar;
  /** The instant the event is made, ISO 8601 with offset. */
  now: string;
  /** What the file checks found so far, by SHA-256 (a file not in it is still being checked). */
  files: FileStates;
  /** The next number of the akimat's register, once the store has said it (registration only). */
  suggestedRegistrationNumber?: string | undefined;
  /** Files chosen in the dialog, by field name, with what the spec read from them. */
  chosen: Readonly<Record<string, ChosenFile>>;
}

/** What a spec reads from a chosen file (only the signature file today). */
export type FileReading = SignatureReading;

/** A file chosen in a dialog: stored with the event it belongs to, never before. */
export interface ChosenFile {
  sha256: string;
  fileName: string;
  mimeType: string;
  blob: Blob;
  reading?: FileReading;
}

export type LoadFile = (sha256: string) => Promise<StoredAttachment | undefined>;

export type BuildResult<T extends ActionType> =
  { ok: true; payload: EventPayloads[T] } | { ok: false; errors: Record<string, FieldError> };

/**
 * What must be done before an action can be recorded. The dialog says why in its fields and offers
 * this instead of its own button: `produce` opens the form editor of that form.
 */
export interface Prerequisite {
  produce: FormId;
}

export interface ActionSpec<T extends ActionType> {
  type: T;
  /** Set while the action cannot be recorded yet; the dialog then offers what comes first. */
  prerequisite?(ctx: ActionContext): Prerequisite | undefined;
  fields(ctx: ActionContext, values: Values): ActionField[];
  initial(ctx: ActionContext): Values;
  build(values: Values, ctx: ActionContext): BuildResult<T>;
  /** Reads a chosen file once (it may load stored files to compare): what `build` checks it against. */
  readFile?(bytes: Uint8Array, ctx: ActionContext, load: LoadFile): Promise<FileReading>;
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
