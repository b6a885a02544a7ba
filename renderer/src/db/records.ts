/**
 * What each table holds. These shapes are the stored format: once released, a field is never renamed
 * or given a new meaning in place; a change is a new `db.version(n)` with a numbered upgrade.
 */
import type { CalendarYear } from '../../../shared/calendar';
import type { IsoDate } from '../../../shared/calendar/types';
import type { CaseEvent, CaseState, Ground, QueueId, Stage } from '../../../shared/workflow';

/** A name as the portal sent it, with the IIN, for the queue rows. */
export interface RowPerson {
  iin: string;
  lastName: string;
  firstName: string;
  middleName?: string;
}

/**
 * The light row of a case: what a queue shows and filters on. The full projection lives in
 * `caseStates`, so drawing a queue of 10,000 cases never deserialises 10,000 applications.
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

/** The words a case is found by (version 4; searchTokensOf its row), indexed multi-entry. */
export interface CaseSearchRecord {
  caseId: string;
  tokens: string[];
}

/** The whole projection of a case (foldEvents of its events). */
export interface CaseStateRecord {
  caseId: string;
  state: CaseState;
}

/** An event as made; `seq` is its position in the case (equal to its baseVersion). */
export interface EventRecord {
  id: string;
  caseId: string;
  seq: number;
  event: CaseEvent;
}

export interface AttachmentRecord {
  sha256: string;
  blob: Blob;
  fileName: string;
  mimeType: string;
  size: number;
  storedAt: string;
}

export type OutboxStatus = 'pending' | 'sending' | 'rejected' | 'conflict';

/** An event waiting to reach the central server; the event is kept exactly as made. */
export interface OutboxRecord {
  eventId: string;
  caseId: string;
  seq: number;
  status: OutboxStatus;
  attempts: number;
  /** A reason code (server or network), never personal data. */
  lastError?: string;
  queuedAt: string;
  event: CaseEvent;
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
