/**
 * What each table holds. These shapes are the stored format: once released, a field is never renamed
 * or given a new meaning in place; a change is a new `db.version(n)` with a numbered upgrade.
 */
import type { CalendarYear } from '../../../shared/calendar';
import type { IsoDate } from '../../../shared/calendar/types';
import type {
  Application,
  CaseEvent,
  CaseState,
  ComplaintAddressee,
  Ground,
  QueueId,
  Stage,
} from '../../../shared/workflow';

/** A name as the portal sent it, with the IIN, for the queue rows. */
export interface RowPerson {
  iin: string;
  lastName: string;
  firstName: string;
  middleName?: string;
}

/**
 * Versions 1–4: the light row of a case, one record per case in `cases`, with '' for absent values
 * (IndexedDB cannot index a missing one). Version 5 keeps the rows packed in `queuePages` (QueueRow).
 */
export interface CaseRow {
  caseId: string;
  version: number;
  caseNumber: string;
  registrationNumber?: string;
  stage: Stage;
  /** queueOf(state): the stage's queue, plus 'complaints' while one waits for an answer. */
  queues: QueueId[];
  ground: Ground;
  applicant: RowPerson;
  pupil: RowPerson;
  schoolName: string;
  className: string;
  /** '' when nobody holds the case: IndexedDB cannot index a missing value, and "unassigned" is a filter. */
  assignedTo: string;
  receivedAt: string;
  registeredOn?: IsoDate;
  /** Deadline of the current stage; '' when there is none (closed). '' sorts before dates, so sorting puts it last on purpose. */
  dueOn: IsoDate;
  /** The 10-working-day term; '' before registration. */
  termDueOn: IsoDate;
  /** The earliest due day of the complaints still waiting for an answer; '' when none. */
  complaintDueOn: IsoDate;
  openComplaints: number;
  outcome?: 'granted' | 'refused';
  /**
   * Versions 2 and 3 only: lowercased words of the case and registration numbers, IINs and names.
   * Version 4 moved them to the `caseSearch` table (CaseSearchRecord) and removed them from rows.
   */
  searchTokens?: string[];
}

/**
 * Version 5: the queue row of a case, what a queue shows, filters and sorts on (absent values null).
 * Stored packed, PAGE_SIZE rows to a record of `queuePages` (queue-pages.ts): opening the desk
 * reads every row, and at 100,000 cases reading one record per row cost seconds of IndexedDB
 * overhead alone. The full projection lives in `caseStates`.
 */
export interface QueueRow {
  caseId: string;
  version: number;
  caseNumber: string;
  registrationNumber?: string;
  stage: Stage;
  /** queueOf(state): the stage's queue, plus 'complaints' while one waits for an answer. */
  queues: QueueId[];
  ground: Ground;
  applicant: RowPerson;
  pupil: RowPerson;
  schoolName: string;
  className: string;
  /** The officer holding the case; null: nobody. */
  assignedTo: string | null;
  receivedAt: string;
  registeredOn?: IsoDate;
  /** Deadline of the current stage (currentDeadline); null when there is none (closed). */
  dueOn: IsoDate | null;
  /** The 10-working-day term; null before registration. */
  termDueOn: IsoDate | null;
  /** The earliest due day of the complaints still waiting for an answer; null when none. */
  complaintDueOn: IsoDate | null;
  openComplaints: number;
  outcome?: 'granted' | 'refused';
  /** Remote events held back because this case has unsent local work (sync resolves them). */
  heldEvents?: number;
  /**
   * Version 9: each complaint still waiting for an answer, earliest due first — to whom it was
   * made and the day its answer is due — so the queue tells two complaints of one case apart.
   * Absent only on a row stored before version 9 whose case has an open complaint, until the
   * background rebuild (which upgrade 009 asks for) writes the row again.
   */
  complaints?: RowComplaint[];
}

/** Version 9: one open complaint in a queue row. */
export interface RowComplaint {
  addressee: ComplaintAddressee;
  dueOn: IsoDate;
}

/** Version 5: PAGE_SIZE queue rows (or fewer) as tuples (queue-pages.ts encodes them). */
export interface QueuePageRecord {
  page: number;
  rows: unknown[][];
}

/**
 * Version 11: the first rows of one view of the queue in the default order, with how many the view
 * holds (queue-heads.ts). `view`: 'all', 'awaiting-approval' or 'mine:<user id>'; `rows`: queue-pages
 * tuples; `stamp`: changed by every write, so a refill computed from an older read is dropped.
 */
export interface QueueHeadRecord {
  view: string;
  total: number;
  rows: unknown[][];
  stamp: number;
}

/** Version 4 only: the words a case is found by, indexed multi-entry (version 5 dropped the table). */
export interface CaseSearchRecord {
  caseId: string;
  tokens: string[];
}

/**
 * The projection as stored from version 5: the state without the application, which the case's
 * `received` event already holds (the case page reads the events anyway). `application` is kept
 * only if the reducer's differs from the event's, so nothing is lost if a reducer ever normalises it.
 */
export type StoredState = Omit<CaseState, 'application'> & { application?: Application };

/**
 * The whole projection of a case (the fold of its events). Versions 1–4: `state` with the
 * application, no stamp. Version 5: `StoredState` stamped with the REDUCER_VERSION that folded it;
 * a projection stamped otherwise is rebuilt from the log.
 */
export interface CaseStateRecord {
  caseId: string;
  state: StoredState;
  reducerVersion: number;
  /** Version 5: where the case's queue row is: `queuePages` page and the row's place in it. */
  page: number;
  slot: number;
  /** Version 5, indexed: the register's number (a duplicate is refused) and the registration day. */
  registrationNumber?: string;
  registeredOn?: IsoDate;
  /**
   * The reducer of `reducerVersion` refused the stored history at this event: `state` is the last
   * projection an earlier reducer folded (kept, never rewritten by guesswork).
   */
  refusedBy?: { index: number; code: string };
}

/** Versions 1–4 only: an event with its id as the key, beside `caseId`/`seq` copies (table `events`). */
export interface EventRecordV1 {
  id: string;
  caseId: string;
  seq: number;
  event: CaseEvent;
}

/**
 * Version 5 (table `caseEvents`): the event exactly as made is the record, keyed by
 * [caseId+baseVersion], its place in the case (every read is "the events of a case, in order").
 * Only the case's history is here: remote events held back are in `heldEvents`.
 */
export type EventRecord = CaseEvent;

interface AttachmentMetaRecord {
  sha256: string;
  fileName: string;
  mimeType: string;
  size: number;
  storedAt: string;
}

/**
 * Table `attachments`, one record per distinct file (keyed by its SHA-256). Where the bytes live:
 * in the record (`blob`: the browser, and every file stored before the host's file store), or in the
 * host's file store (`home: 'host'`, Host.blobs: the Electron desk's user-data folder) with only the
 * metadata here. The optional field needed no schema version: no index changed.
 */
export type AttachmentRecord = AttachmentMetaRecord &
  ({ blob: Blob; home?: undefined } | { home: 'host'; blob?: undefined });

export type OutboxStatus = 'pending' | 'sending' | 'rejected' | 'conflict';
export const OUTBOX_STATUSES: readonly OutboxStatus[] = ['pending', 'sending', 'rejected', 'conflict'];

/**
 * A local event not yet acknowledged by the central server: a reference to the event in
 * `caseEvents` ([caseId+seq]), never a copy (version 5; versions 1–4 also held `event`). An entry
 * leaves the outbox when the server's history brings the same event id back.
 */
export interface OutboxRecord {
  eventId: string;
  caseId: string;
  /** The event's place in the case (its baseVersion): events of a case are sent in this order. */
  seq: number;
  status: OutboxStatus;
  attempts: number;
  /** Not before this instant (ISO 8601); the sync engine's back-off. */
  nextAttemptAt: string;
  /** A reason code (server or network), never personal data. */
  lastError?: string;
  queuedAt: string;
}

/** A remote event that would land on a case with unsent local events (version 5), kept for sync. */
export interface HeldEventRecord {
  id: string;
  caseId: string;
  /** Arrival order among the held events of a case. */
  heldAt: string;
  event: CaseEvent;
}

/** How a case refers to a file in `attachments`. */
/** 'signed-pdf': the stamped PDF with its embedded signature, the bytes the CMS signs (issue 8). */
export type CaseFileRole = 'attachment' | 'produced' | 'signed-document' | 'signature' | 'signed-pdf';

/**
 * A case's reference to stored bytes (version 5), keyed [caseId+sha256]: the files a case needs
 * (to open, re-send, sync) without reading its events. When several events refer to the same bytes,
 * the earliest of the case (lowest `seq`) is the one kept.
 */
export interface CaseFileRecord {
  caseId: string;
  sha256: string;
  role: CaseFileRole;
  eventId: string;
  /** The referring event's place in the case (its baseVersion). */
  seq: number;
}

export interface SettingRecord {
  key: string;
  value: unknown;
}

export interface CalendarYearRecord {
  year: number;
  file: CalendarYear;
  importedAt: string;
}

export interface SyncStateRecord {
  key: string;
  value: unknown;
}
