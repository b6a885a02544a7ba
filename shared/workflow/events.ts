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

/** Payload of each event type; the union below is derived from this map so both stay in step. */
export interface EventPayloads {
  received: { application: Application };
  registered: { registrationNumber: string; registeredOn: IsoDate };
  assigned: { officerId: string };
  'document-reviewed': { attachmentId: string; verdict: 'confirmed' | 'rejected'; comment?: string };
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
  signed: { documentSha256: string; certificateSerial: string; signerName: string };
  'result-delivered': { deliveredAt: string; channel: 'portal' | 'paper' };
  'document-produced': {
    form: 'appendix-2' | 'appendix-3' | 'appendix-4' | 'school-request' | 'order';
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

export interface EventMeta {
  /** Client-made UUID: the server ignores an id it has already applied. */
  id: string;
  caseId: string;
  /** The case version this event was made on (0 for 'received'); a mismatch is a conflict. */
  baseVersion: number;
  actor: Actor;
  /** When it was made, ISO 8601 with offset. */
  at: string;
}

export type CaseEvent = {
  [T in EventType]: EventMeta & { type: T; payload: EventPayloads[T] };
}[EventType];

export type EventOf<T extends EventType> = Extract<CaseEvent, { type: T }>;
