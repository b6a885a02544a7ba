/** The desk's IndexedDB database. Only the repositories in this folder use it. */
import Dexie, { type Table } from 'dexie';
import type { CaseFacts } from '../../../shared/metrics/stored';
import type {
  AttachmentRecord,
  CalendarYearRecord,
  CaseFileRecord,
  CaseStateRecord,
  EventRecord,
  HeldEventRecord,
  OutboxRecord,
  QueueHeadRecord,
  QueuePageRecord,
  SettingRecord,
  SyncStateRecord,
} from './records';
import { declareSchema } from './schema';
import type { TemplateRecord } from './repositories/templates-records';
import type { UserRecord } from './repositories/users-records';
import type { DraftRecord } from './repositories/drafts-records';
import type { SignatureCheckRecord } from './repositories/signature-checks-records';

export const DB_NAME = 'externship-desk';

export class DeskDatabase extends Dexie {
  declare caseStates: Table<CaseStateRecord, string>;
  declare queuePages: Table<QueuePageRecord, number>;
  declare caseEvents: Table<EventRecord, [string, number]>;
  declare heldEvents: Table<HeldEventRecord, string>;
  declare caseFiles: Table<CaseFileRecord, [string, string]>;
  declare attachments: Table<AttachmentRecord, string>;
  declare outbox: Table<OutboxRecord, string>;
  declare settings: Table<SettingRecord, string>;
  declare calendarYears: Table<CalendarYearRecord, number>;
  declare syncState: Table<SyncStateRecord, string>;
  declare templates: Table<TemplateRecord, number>;
  declare users: Table<UserRecord, string>;
  declare drafts: Table<DraftRecord, [string, string]>;
  /** Version 10: the head's dashboard facts of each case (derived, like the queue rows). */
  declare caseFacts: Table<CaseFacts, string>;
  /** Version 11: the first rows and the size of the views the desk opens on (queue-heads.ts). */
  declare queueHeads: Table<QueueHeadRecord, string>;
  /** Version 12: the stored verification of each signed file (repositories/signature-checks.ts). */
  declare signatureChecks: Table<SignatureCheckRecord, string>;

  /**
   * `upTo`: an older version of the schema, for the tests of each upgrade (tables added later are
   * absent; the declarations above are the latest version's).
   */
  constructor(name: string = DB_NAME, upTo?: number) {
    super(name);
    declareSchema(this, upTo);
  }

  /** Every table, for transactions that clear or reload everything (demo reset). */
  get allTables(): Table[] {
    return [
      this.caseStates,
      this.queuePages,
      this.caseEvents,
      this.heldEvents,
      this.caseFiles,
      this.attachments,
      this.outbox,
      this.settings,
      this.calendarYears,
      this.syncState,
      this.templates,
      this.users,
      this.drafts,
      this.caseFacts,
      this.queueHeads,
      this.signatureChecks,
    ];
  }
}
