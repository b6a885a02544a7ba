/**
 * The events a case is folded from (ARCHITECTURE.md "The case is a fold of events").
 * An event is immutable once made: the outbox sends it exactly as it was created.
 */
import type { IsoDate } from '../calendar/types';

// The ground and the document kinds belong to the document rules; the workflow only refers to them.
import type { DocumentKind, Ground } from '../documents/kinds';
export type { DocumentKind, Ground };
export type Role = 'officer' | 'head';
/** Who made an event: a user of the desk, or the portal/central system that delivered it. */
export interface Actor {
  userId: string;
  role: Role | 'portal' | 'system';
}

export interface Person {
  iin: string;
  /** Surname, given name, patronymic (if any), as the portal sent them. */
  lastName: string;
  firstName: string;
  middleName?: string;
}

export interface Pupil extends Person {
  birthDate?: IsoDate;
}

/** Which sub-paragraph of the Law "On Education" the application cites (depends on the akimat's level). */
export type LegalBasis = 'art6-p2-sp24-4' | 'art6-p3-sp25-7' | 'art6-p4-sp21-3';

/** An attachment as it arrived; the bytes live in the attachment store keyed by sha256. */
export interface AttachmentRef {
  id: string;
  kind: DocumentKind;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  /** Structured data the central system delivered with the document (checked by shared/documents). */
  data?: unknown;
  /**
   * The applicant's signature of this file, when it came signed (the application, signed on the
   * portal with the applicant's EDS): a detached CMS over exactly the file's bytes, stored
   * content-addressed like the file. The desk verifies it when the case's files are checked.
   */
  signature?: { sha256: string; size: number };
}

export interface Application {
  caseNumber: string;
  /** When the portal received it, ISO 8601 with offset. */
  receivedAt: string;
  applicant: Person & { phone?: string; email?: string; address?: string };
  pupil: Pupil;
  ground: Ground;
  /**
   * `name` as the portal sent it; `names` when the central system also gives the school's
   * registered name in Kazakh and Russian (a document then names it in its own language).
   */
  school: { name: string; names?: { kk?: string; ru?: string }; bin?: string; address?: string };
  /** Class the pupil studies in, e.g. '7' or '7 «Б»'. */
  className: string;
  /** Period the permission is asked for. */
  studyPeriod: { from: IsoDate; to: IsoDate };
  legalBasis: LegalBasis;
  attachments: AttachmentRef[];
}

export type ComplaintAddressee = 'provider' | 'quality-authority';

/**
 * The office whose clock the case's days are read on, recorded in 'received' (by the central system,
 * the demo, or the v1→v2 upgrade): a fixed offset, so that folding never depends on the host's
 * time-zone data. The zone's name is kept for the screens and for a later office move.
 */
export interface OfficeZone {
  /** IANA zone, e.g. 'Asia/Almaty'. */
  timeZone: string;
  /** The zone's offset from UTC when the case was received, e.g. 300 for +05:00. */
  utcOffsetMinutes: number;
}

/**
 * Written where an event upgraded from an older schema version cannot know a fact the current
 * version records (e.g. what the automated check showed the officer in version 1). Accepted only
 * on events that carry `upgradedFrom`: a new event always states the fact.
 */
export const UNRECORDED = 'unrecorded';
export type Unrecorded = typeof UNRECORDED;

/** What the automated document check showed the officer when she reviewed the document. */
export interface ReviewCheck {
  status: 'pass' | 'fail' | 'judgement' | 'unreadable' | 'none' | Unrecorded;
  /** The finding codes shown (shared/documents FINDING_CODES); never personal values. */
  codes: string[];
}

/** The form a decision is delivered in: the extract from the order, or the motivated refusal. */
export type ProducedForm = 'appendix-2' | 'appendix-3' | 'appendix-4' | 'school-request' | 'order';

/** A signature over a produced document, recorded from its detached CMS file. */
export interface SignedPayload {
  signatureFormat: 'cms-detached';
  /** SHA-256 of the produced document that was signed (a `document-produced` of the case). */
  documentSha256: string;
  /** SHA-256 of the detached CMS file, stored content-addressed with the case. */
  signatureSha256: string;
  /** The signer certificate's serial number, hexadecimal. */
  certificateSerial: string;
  signerName: string;
  signerIin?: string;
  signerBin?: string;
  /** When the signature was made, as the CMS says (ISO 8601 with offset). */
  signedAt: string;
  /** True when the CMS carries an RFC 3161 time stamp. */
  timestamped: boolean;
  /** SHA-256 of the PDF with an embedded (PAdES) signature, when one was made. */
  signedPdfSha256?: string;
}

/**
 * A further signature over the signed result (schema version 3): the head after the officer, or
 * the officer after the head, each with her own certificate. It is a separate detached CMS over
 * the very bytes the first one signs (never a re-save of the PDF, never a SignerInfo added to the
 * first CMS, whose recorded SHA-256 would then no longer match), so each file stands alone.
 */
export interface CosignedPayload {
  signatureFormat: 'cms-detached';
  /** The produced document the first signature is over (its `documentSha256`). */
  documentSha256: string;
  /**
   * The signed PDF this CMS signs: the first signature's `signedPdfSha256`, absent exactly when
   * the first has none (then this CMS is over the produced document itself).
   */
  signedPdfSha256?: string;
  signatureSha256: string;
  certificateSerial: string;
  signerName: string;
  signerIin?: string;
  signerBin?: string;
  signedAt: string;
  timestamped: boolean;
}

/** A version-1 signature record: v1 took any file and any text as a serial and kept no signature. */
export interface UnrecordedSignedPayload {
  signatureFormat: Unrecorded;
  documentSha256: string;
  certificateSerial: string;
  signerName: string;
}

/** Payload of each event type; the union below is derived from this map so both stay in step. */
export interface EventPayloads {
  received: { application: Application; office: OfficeZone };
  registered: {
    registrationNumber: string;
    /** The day the office registered it: always the day of the event's `at` (no backdating). */
    registeredOn: IsoDate;
    /** The law's registration day (calendar.registrationDay of receivedAt): day 0 of every term. */
    dueOn: IsoDate;
    /** calendar.versionBetween(received day, dueOn): the data `dueOn` was computed with. */
    calendarVersion: string;
  };
  /** The new holder; null gives the case back (released: free for anyone to take). */
  assigned: { officerId: string | null };
  'document-reviewed': {
    attachmentId: string;
    verdict: 'confirmed' | 'rejected';
    comment?: string;
    check: ReviewCheck;
  };
  'completeness-checked': { complete: true } | { complete: false; missing: DocumentKind[]; comment?: string };
  refused: {
    ground: 1 | 2;
    /** Documents missing (ground 1) or found false/invalid (ground 2). */
    documents: DocumentKind[];
    reasons: string;
    decisionNumber: string;
    decisionDate: IsoDate;
  };
  'school-request-sent': { outgoingNumber: string; sentOn: IsoDate; schoolContact?: string };
  'school-answer-recorded': {
    answeredOn: IsoDate;
    /** What the school confirms: the pupil studies there, in this class. */
    confirmed: boolean;
    summary: string;
    incomingNumber?: string;
  };
  'order-prepared': { orderNumber: string; orderDate: IsoDate };
  'sent-for-approval': Record<string, never>;
  approved: { comment?: string };
  returned: { comment: string };
  signed: SignedPayload | UnrecordedSignedPayload;
  /** Since schema version 3 (EVENT_TYPE_SINCE). */
  cosigned: CosignedPayload;
  'result-delivered': { deliveredAt: string; channel: 'portal' | 'paper' };
  'document-produced': {
    form: ProducedForm;
    language: 'kk' | 'ru';
    sha256: string;
    templateId: string;
    templateVersion: string;
  };
  'complaint-registered': {
    complaintId: string;
    addressee: ComplaintAddressee;
    registeredOn: IsoDate;
    summary: string;
  };
  'complaint-answered': {
    complaintId: string;
    answeredOn: IsoDate;
    outcome: 'upheld' | 'rejected' | 'partly';
    summary: string;
  };
}

export type EventType = keyof EventPayloads;

/**
 * The schema version of the events this code makes; older ones are upgraded on read (upgrade/).
 * 2: issue 7's envelope. 3: the `cosigned` event (an older desk must refuse it as "update the
 * desk", not as an invalid event, so the type's arrival is a version of its own).
 */
export const EVENT_SCHEMA_VERSION = 3;

/** The version an event type first appeared in (absent: version 1). No older event may have it. */
export const EVENT_TYPE_SINCE: Partial<Record<EventType, number>> = { cosigned: 3 };

/** Where an event was made: on a desk, by the portal, or by the central system. */
export interface EventOrigin {
  kind: 'desk' | 'portal' | 'central';
  deviceId?: string;
}

export interface EventMeta {
  /** Client-made UUID: the server ignores an id it has already applied. */
  id: string;
  caseId: string;
  /** The case version this event was made on (0 for 'received'); a mismatch is a conflict. */
  baseVersion: number;
  schemaVersion: typeof EVENT_SCHEMA_VERSION;
  /**
   * Set by the upgrade chain only: the schema version the event was made in. The reducer holds it
   * to the rules of that version (it was lawful when made; history is not rewritten), and facts
   * that version did not record are `UNRECORDED`.
   */
  upgradedFrom?: number;
  actor: Actor;
  /** When the desk made it: ISO 8601 with the office's offset, e.g. 2026-12-14T10:00:00.000+05:00. */
  at: string;
  origin: EventOrigin;
}

export type CaseEvent = {
  [T in EventType]: EventMeta & { type: T; payload: EventPayloads[T] };
}[EventType];

export type EventOf<T extends EventType> = Extract<CaseEvent, { type: T }>;
