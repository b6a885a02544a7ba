/** The service as an event-sourced case: the public API of shared/workflow. */
export type * from './events';
export type * from './state';
export { applyEvent, foldEvents, type ApplyResult, type FoldResult, type ReducerOptions } from './reducer';
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
  TERMS,
  type DeadlineStage,
  type DeadlineStatus,
  type StageDeadline,
} from './deadlines';
export { queueOf, urgencyOf, QUEUE_IDS, type QueueId, type Urgency } from './queues';
export { eventDay, isTimestamp, DEFAULT_OFFICE_TIME_ZONE } from './days';
export {
  caseEventSchema,
  applicationSchema,
  payloadSchemas,
  isoDateSchema,
  timestampSchema,
  documentKindSchema,
  parseCaseEvent,
  type ParseEventResult,
} from './schemas';
