/**
 * The service as an event-sourced case: the public API of shared/workflow.
 *
 * - Events (`CaseEvent`, schema version EVENT_SCHEMA_VERSION) and their payloads: events.ts.
 * - `parseCaseEvent` / `upgradeEvent`: any released shape → a validated current event (upgrade/).
 * - `applyEvent` / `foldEvents`: the one deterministic reducer; REDUCER_VERSION stamps projections.
 * - `allowedEvents` / `guardEvent`: what may happen, agreeing with the reducer by construction.
 * - Deadlines and queues: derived from the state and the working-day calendar, never stored.
 */
export type * from './events';
export { EVENT_SCHEMA_VERSION, UNRECORDED } from './events';
export type * from './state';
export { applyEvent, foldEvents, REDUCER_VERSION, type ApplyResult, type FoldResult } from './reducer';
export {
  allowedEvents,
  guardEvent,
  EVENT_TYPES,
  mayAnswerComplaint,
  openComplaints,
  completenessReopened,
} from './guards';
export { REJECTION_CODES, type RejectionCode, type RejectionParam, type RejectionReason } from './rejections';
export {
  caseDeadlines,
  currentDeadline,
  termDeadline,
  registrationDeadline,
  completenessDeadline,
  schoolDeadline,
  reviewDeadline,
  complaintDeadline,
  nextComplaintDeadline,
  deadlineOn,
  TERMS,
  type DeadlineStage,
  type DeadlineStatus,
  type StageDeadline,
} from './deadlines';
export { STAGES } from './stages';
export { queueOf, urgencyOf, QUEUE_IDS, type QueueId, type Urgency } from './queues';
export { caseDay } from './days';
export { CLOCK_TOLERANCE_MINUTES, confirmationNeedsReason, kindsWithoutAcceptedFile } from './rules';
export { registrationPayload } from './registration';
export { checkAttachment, reviewCheckOf } from './review';
export { resultFormOf, signableDocuments, signersOf, type RecordedSignature } from './signing';
export { approvalDraft, type ApprovalDraft } from './approval';
export {
  caseEventSchema,
  applicationSchema,
  payloadSchemas,
  isoDateSchema,
  timestampSchema,
  documentKindSchema,
  type ParseEventResult,
  TEXT_LIMITS,
} from './schemas';
export { parseCaseEvent, upgradeEvent } from './upgrade';
