/** The desk's IndexedDB database. Only the repositories in this folder use it. */
import Dexie, { type Table } from 'dexie';
import type {
  AttachmentRecord,
  CalendarYearRecord,
  CaseRow,
  CaseSearchRecord,
  CaseStateRecord,
  EventRecord,
  OutboxRecord,
  SettingRecord,
  SyncStateRecord,
} from './records';
import { declareSchema } from './schema';
import type { TemplateRecord } from './repositories/templates-records';
import type { UserRecord } from './repositories/users-records';

export const DB_NAME = 'externship-desk';

export class DeskDatabase extends Dexie {
  declare cases: Table<CaseRow, string>;
  declare caseSearch: Table<CaseSearchRecord, string>;
  declare caseStates: Table<CaseStateRecord, string>;
  declare events: Table<EventRecord, string>;
  declare attachments: Table<AttachmentRecord, string>;
  declare outbox: Table<OutboxRecord, string>;
  declare settings: Table<SettingRecord, string>;
  declare calendarYears: Table<CalendarYearRecord, number>;
  declare syncState: Table<SyncStateRecord, string>;
  declare templates: Table<TemplateRecord, number>;
  declare users: Table<UserRecord, string>;

  /** `upTo`: an older version of the schema, for the tests of each upgrade (tables added later are absent). */
  constructor(name: string = DB_NAME, upTo?: number) {
    super(name);
    declareSchema(this, upTo);
  }

  /** Every table, for transactions that clear or reload everything (demo reset). */
  get allTables(): Table[] {
    return [
      this.cases,
      this.caseSearch,
      this.caseStates,
      this.events,
      this.attachments,
      this.outbox,
      this.settings,
      this.calendarYears,
      this.syncState,
      this.templates,
      this.users,
    ];
  }
}
