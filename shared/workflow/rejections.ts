/**
 * Why the reducer refused an event. Codes are stable: the UI translates them, the sync engine stores
 * them with a rejected outbox entry, and the central server returns them. Never rename one; add.
 */
export const REJECTION_CODES = [
  /** The event itself (id, type, actor, time...) is not well-formed. */
  'event.invalid',
  /** The payload is not well-formed (params.path names the first bad field). */
  'payload.invalid',
  /** The event was made in a newer schema version than this desk reads: the desk must be updated. */
  'event.version-unsupported',
  /** 'received' on a case that already exists. */
  'case.already-received',
  /** Any event but 'received' on a case that does not exist. */
  'case.not-received',
  /** The event names another case than the state it is applied to. */
  'case.mismatch',
  /** The event was made on another version of the case (params.expected, params.actual). */
  'version.conflict',
  /** This kind of actor never makes this event (params.role, params.type). */
  'role.not-allowed',
  /** Only the head may do this (params.type). */
  'role.head-only',
  /** The event does not belong to the case's current stage (params.stage, params.type). */
  'stage.not-allowed',
  /** An officer acted on a case that is not assigned to them (params.assignedTo, null if nobody). */
  'case.not-assigned',
  /** Assignment to the officer who already holds the case. */
  'assign.unchanged',
  /** The attachment named by the event is not part of the application (params.attachmentId). */
  'document.not-found',
  /** Completeness was already checked and the case was not returned for a new check. */
  'completeness.already-checked',
  /** The refusal ground does not belong to this stage (params.ground, params.stage). */
  'refusal.ground-not-allowed',
  /** A ground-1 refusal must list exactly the documents found missing (params.expected). */
  'refusal.documents-mismatch',
  /** A ground-2 refusal names a kind of document that was never submitted (params.kind). */
  'refusal.document-not-submitted',
  /** The school answer is recorded before the request was sent. */
  'school.request-missing',
  /** The request to the school was already sent. */
  'school.request-already-sent',
  /** Nothing to send for approval: no decision was prepared. */
  'decision.missing',
  /** The result must be signed before it is delivered. */
  'result.not-signed',
  'result.already-signed',
  /** A complaint with this id is already registered (params.complaintId). */
  'complaint.duplicate',
  'complaint.not-found',
  'complaint.already-answered',
  /** No complaint of the case waits for an answer. */
  'complaint.none-open',
  /** A date of the payload is before a date it must follow (params.field, params.notBefore). */
  'date.out-of-order',
  /** A registration dated another day than the day it is made (params.registeredOn, params.today). */
  'registration.not-today',
  /** A past fact dated after the day the event is made (params.field, params.notAfter). */
  'date.future',
  /**
   * The event's time is more than CLOCK_TOLERANCE_MINUTES before the newest event of the case: the
   * desk's clock is behind (params.latestAt).
   */
  'clock.before-previous',
  /** A document confirmed against a failed, unreadable or doubtful check without a reason (params.status). */
  'review.reason-required',
  /** The package is called complete while a required kind has no accepted file (params.missing). */
  'completeness.documents-missing',
  /** A decision is already prepared and waits for approval or return. */
  'decision.pending',
  /** The signed document is not one produced in the decision's form after its approval (params.form). */
  'signature.document-unknown',
  /** A cosignature over other bytes than the first signature's (params.documentSha256 expected). */
  'cosignature.document-mismatch',
  /** The certificate that made a signature of this result signs it again (params.certificateSerial). */
  'cosignature.same-certificate',
  /** The person who already signed this result (the same user, or the same IIN) signs it again. */
  'cosignature.same-signer',
  /**
   * Refused by the desk's storage, not the reducer (it sees one case): another case of the register
   * already has this registration number (params.registrationNumber, params.caseNumber of the other).
   */
  'registration.number-taken',
] as const;

export type RejectionCode = (typeof REJECTION_CODES)[number];

export type RejectionParam = string | number | boolean | null | readonly string[];

export interface RejectionReason {
  code: RejectionCode;
  params?: Record<string, RejectionParam>;
}

export function rejection(code: RejectionCode, params?: Record<string, RejectionParam>): RejectionReason {
  return params ? { code, params } : { code };
}
