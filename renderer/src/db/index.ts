// The storage API of the desk. Components and stores import from here only, never from Dexie.
export {
  openDesk,
  createDesk,
  UnsentWorkError,
  type ClearCheck,
  type Desk,
  type OpenDeskOptions,
} from './desk';
export { DB_NAME, DeskDatabase } from './database';
export {
  StorageError,
  AttachmentTooLargeError,
  isStorageError,
  storageErrorOf,
  type StorageErrorCode,
} from './errors';
export type { CaseQuery, CaseListRow } from './queries';
export type { RowPerson, OutboxStatus } from './records';
export { caseRowOf, urgencyOfRow, workingDaysLeft } from './rows';
export type { AppendResult, CaseDetail, CaseRepository, IngestOptions } from './repositories/cases';
export type { SyncStateRepository } from './repositories/sync-state';
export type { IngestItem, IngestManyResult, IngestResult, IngestSource } from './cases/ingest';
export { FileHashMismatchError, FileMissingError, type NewFile } from './cases/files';
export type { ClockRepository } from './cases/clock';
export type { RebuildResult } from './cases/rebuild';
export type { DiscardRequest, DiscardResult, NotAcceptedEvent } from './cases/discard';
export type { CaseFileRecord as CaseFileRef, CaseFileRole } from './records';
export type { AttachmentMeta, AttachmentRepository, StoredAttachment } from './repositories/attachments';
export { sha256Hex } from '../../../shared/hash';
export type { SignatureCheckRecord, SignatureCheckRepository } from './repositories/signature-checks';
export type { SettingsRepository } from './repositories/settings';
export type { SigningSettingsRepository } from './repositories/signing-settings';
export type { CalendarRepository, ImportYearResult, StoredCalendarYear } from './repositories/calendar';
export type { OutboxEntry, OutboxRepository } from './repositories/outbox';
export type { StorageRepository, StorageStatus, StorageManagerLike } from './repositories/storage';
export type {
  ActiveTemplate,
  ImportTemplateResult,
  TemplateImportError,
  TemplateImportErrorCode,
  TemplateRef,
  TemplateRepository,
  TemplateVersionEntry,
} from './repositories/templates';
export type { UserRepository } from './repositories/users';
export { actionDraftKey, formDraftKey, PHONE_KEY, type DraftRepository } from './repositories/drafts';
export { caseWorkingSet, type EvictionResult } from './cases/working-set';
/** The files an event names (attachments, produced and signed documents, signatures): what sync uploads. */
export { fileRefsOf } from './cases/files';
export {
  compareByDeadline,
  deadlineKey,
  HEAD_SIZE,
  isShort,
  mineView,
  type HeadView,
  type QueueHead,
} from './queue-heads';
export { PAGE_SIZE } from './queue-pages';
