/** What a case is after its events are folded. Derived only; never edited by hand. */
import type { IsoDate } from '../calendar/types';
import type {
  Application,
  ComplaintAddressee,
  DocumentKind,
  EventPayloads,
  OfficeZone,
  ReviewCheck,
} from './events';

/** Where the case stands; each stage is one work queue of the desk. */
export type Stage =
  /** Received from the portal, not yet registered. */
  | 'registration'
  /** Registered; the completeness of the documents is to be checked (2 working days). */
  | 'completeness'
  /** Complete; the request to the school is to be sent and its answer recorded (6 working days). */
  | 'school'
  /** The school answered; the order or a ground-2 refusal is to be prepared (2 working days). */
  | 'review'
  /** The decision (order or refusal) waits for the head's approval. */
  | 'approval'
  /** Approved; to be signed with the EDS and sent to the portal. */
  | 'ready-to-send'
  /** The result reached the applicant. */
  | 'closed';

export type Decision =
  | { kind: 'grant'; orderNumber: string; orderDate: IsoDate }
  | ({ kind: 'refusal' } & EventPayloads['refused']);

export interface Complaint {
  complaintId: string;
  addressee: ComplaintAddressee;
  registeredOn: IsoDate;
  summary: string;
  answer?: EventPayloads['complaint-answered'];
}

export interface CaseState {
  caseId: string;
  /** Number of events applied; the next event's baseVersion must equal it. */
  version: number;
  application: Application;
  /** The office whose clock gives every day of the case (from 'received'). */
  office: OfficeZone;
  stage: Stage;
  registrationNumber?: string;
  /** The registration as it happened, beside the day the law gave for it. */
  registration?: Registration;
  assignedTo?: string;
  documentReviews: Record<
    string,
    { verdict: 'confirmed' | 'rejected'; comment?: string; check: ReviewCheck; by: string; at: string }
  >;
  /** `on` is the day of the check (its `at` at the office's offset); the school stage starts then. */
  completeness?: EventPayloads['completeness-checked'] & { on: IsoDate; at: string; by: string };
  schoolRequest?: EventPayloads['school-request-sent'];
  schoolAnswer?: EventPayloads['school-answer-recorded'];
  decision?: Decision;
  /**
   * The last approval round: set when sent, completed by the head's approval or return. A returned
   * round stays (with the head's comment for the officer) until the decision is sent again or the
   * completeness is checked again. `sentAt`/`approvedAt` are kept because the review stage ends with
   * the head's agreement (paragraph 23), counted from `approvedAt` in the calendar's zone.
   */
  approval?: {
    sentOn: IsoDate;
    sentAt: string;
    approvedOn?: IsoDate;
    approvedAt?: string;
    approvedBy?: string;
    approvedComment?: string;
    returnedComment?: string;
    returnedOn?: IsoDate;
    returnedBy?: string;
  };
  signature?: EventPayloads['signed'] & { on: IsoDate; at: string; by: string };
  /**
   * Further signatures over the same signed result, in the order made (schema version 3); absent
   * when there are none, so a case folded before version 3 has the same state as before.
   */
  cosignatures?: Array<EventPayloads['cosigned'] & { on: IsoDate; at: string; by: string }>;
  /** `on` is the day of `deliveredAt` at the office's offset. */
  delivered?: EventPayloads['result-delivered'] & { on: IsoDate };
  /** The final outcome once delivered. */
  outcome?: 'granted' | 'refused';
  producedDocuments: Array<EventPayloads['document-produced'] & { at: string; by: string }>;
  complaints: Complaint[];
  /** Missing documents found at the completeness check (ground 1). */
  missingDocuments: DocumentKind[];
  /** The newest `at` of the case's events: a new event may not be far before it (clock rule). */
  latestAt: string;
}

export interface Registration {
  /** The day the office registered the case (the day of the 'registered' event). */
  on: IsoDate;
  /** The law's registration day: day 0 of every term, so a late registration never lengthens one. */
  dueOn: IsoDate;
  /** Registered after the law's registration day; how late is shown, never hidden. */
  late: boolean;
  /** The calendar data `dueOn` was computed with ('unrecorded' for a version-1 registration). */
  calendarVersion: string;
}
