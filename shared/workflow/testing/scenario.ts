/** Builders of events and cases for the workflow's tests. */
import {
  EVENT_SCHEMA_VERSION,
  type Actor,
  type Application,
  type CaseEvent,
  type EventOrigin,
  type EventPayloads,
  type EventType,
  type OfficeZone,
  type SignedPayload,
} from '../events';
import { applyEvent } from '../reducer';
import type { ApplyResult } from '../transitions';
import type { CaseState } from '../state';

export const OFFICER: Actor = { userId: 'officer-1', role: 'officer' };
export const OTHER_OFFICER: Actor = { userId: 'officer-2', role: 'officer' };
export const HEAD: Actor = { userId: 'head-1', role: 'head' };
export const PORTAL: Actor = { userId: 'egov', role: 'portal' };
export const SYSTEM: Actor = { userId: 'import', role: 'system' };
export const CASE_ID = 'case-1';

export const SHA = 'a'.repeat(64);
/** The office of the sample cases: Almaty since Kazakhstan's single zone (+05:00). */
export const OFFICE: OfficeZone = { timeZone: 'Asia/Almaty', utcOffsetMinutes: 300 };

export function sampleApplication(overrides: Partial<Application> = {}): Application {
  return {
    caseNumber: 'KZ-2026-0001',
    // Friday after closing time: registered on Monday 2026-12-14.
    receivedAt: '2026-12-11T19:30:00+05:00',
    applicant: { iin: '850101400011', lastName: 'Ахметова', firstName: 'Айгүл', phone: '+77010000000' },
    pupil: { iin: '120305500012', lastName: 'Ахметов', firstName: 'Нұрлан', birthDate: '2012-03-05' },
    ground: 'health',
    school: { name: 'School No. 1' },
    className: '8 «А»',
    studyPeriod: { from: '2027-01-11', to: '2027-05-25' },
    legalBasis: 'art6-p2-sp24-4',
    attachments: [
      {
        id: 'att-app',
        kind: 'application',
        fileName: 'application.pdf',
        mimeType: 'application/pdf',
        size: 1000,
        sha256: SHA,
      },
      {
        id: 'att-med',
        kind: 'medical-conclusion',
        fileName: '035-1.pdf',
        mimeType: 'application/pdf',
        size: 2000,
        sha256: SHA,
      },
    ],
    ...overrides,
  };
}

let sequence = 0;
/** A fresh, well-formed UUID (v4 layout) per event. */
export function nextId(): string {
  sequence += 1;
  return `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`;
}

export interface EventOptions {
  actor?: Actor;
  at?: string;
  baseVersion?: number;
  caseId?: string;
}

/** Where an event of this actor is made: the portal's and the system's come from outside the desk. */
export function originOf(actor: Actor): EventOrigin {
  if (actor.role === 'portal') return { kind: 'portal' };
  if (actor.role === 'system') return { kind: 'central' };
  return { kind: 'desk' };
}

/** An event of `type` made on `state` (its version and case id unless told otherwise). */
export function makeEvent<T extends EventType>(
  state: CaseState | undefined,
  type: T,
  payload: EventPayloads[T],
  options: EventOptions = {},
): CaseEvent {
  const actor = options.actor ?? OFFICER;
  return {
    id: nextId(),
    caseId: options.caseId ?? state?.caseId ?? CASE_ID,
    baseVersion: options.baseVersion ?? state?.version ?? 0,
    schemaVersion: EVENT_SCHEMA_VERSION,
    actor,
    at: options.at ?? '2026-12-14T10:00:00+05:00',
    origin: originOf(actor),
    type,
    payload,
  } as CaseEvent;
}

/** A registration made on `on`, the law's day being `dueOn` (the same day unless told). */
export function registration(
  on: string,
  dueOn = on,
  registrationNumber = 'R-1',
): EventPayloads['registered'] {
  return { registrationNumber, registeredOn: on, dueOn, calendarVersion: '2026.fake' };
}

/** A detached CMS signature over the document with this hash. */
export function signature(documentSha256: string, signedAt: string): SignedPayload {
  return {
    signatureFormat: 'cms-detached',
    documentSha256,
    signatureSha256: 'c'.repeat(64),
    certificateSerial: '01AB',
    signerName: 'Head',
    signedAt,
    timestamped: false,
  };
}

/** A review as the officer made it, with what the automated check showed her. */
export function review(
  attachmentId: string,
  verdict: 'confirmed' | 'rejected',
  status: EventPayloads['document-reviewed']['check']['status'] = 'pass',
  comment?: string,
): EventPayloads['document-reviewed'] {
  const check = { status, codes: [] };
  return comment === undefined ? { attachmentId, verdict, check } : { attachmentId, verdict, check, comment };
}

/** A case driven step by step; `do` fails the test with the rejection code when a step is refused. */
export class CaseScript {
  state: CaseState | undefined;
  readonly events: CaseEvent[] = [];

  constructor(application: Application = sampleApplication(), office: OfficeZone = OFFICE) {
    this.do('received', { application, office }, { actor: PORTAL, at: application.receivedAt });
  }

  get current(): CaseState {
    if (!this.state) throw new Error('no case');
    return this.state;
  }

  try<T extends EventType>(type: T, payload: EventPayloads[T], options: EventOptions = {}): ApplyResult {
    return applyEvent(this.state, makeEvent(this.state, type, payload, options));
  }

  do<T extends EventType>(type: T, payload: EventPayloads[T], options: EventOptions = {}): this {
    const event = makeEvent(this.state, type, payload, options);
    const result = applyEvent(this.state, event);
    if (!result.ok) throw new Error(`${type} refused: ${JSON.stringify(result.reason)}`);
    this.state = result.state;
    this.events.push(event);
    return this;
  }
}

const at = (day: string, time = '10:00') => `${day}T${time}:00+05:00`;
export { at as almaty };

/** Steps of the standard case (December 2026, 16 December a holiday), each taking the script on. */
export const steps = {
  register: (s: CaseScript) =>
    s.do('registered', registration('2026-12-14'), { at: at('2026-12-14', '09:15') }),
  assign: (s: CaseScript, officer = OFFICER) =>
    s.do('assigned', { officerId: officer.userId }, { actor: HEAD, at: at('2026-12-14', '09:30') }),
  complete: (s: CaseScript) =>
    s.do('completeness-checked', { complete: true }, { at: at('2026-12-15', '11:00') }),
  incomplete: (s: CaseScript) =>
    s.do(
      'completeness-checked',
      { complete: false, missing: ['medical-conclusion'] },
      { at: at('2026-12-15', '11:00') },
    ),
  refuseGround1: (s: CaseScript) =>
    s.do(
      'refused',
      {
        ground: 1,
        documents: ['medical-conclusion'],
        reasons: 'No 035-1/u conclusion',
        decisionNumber: 'D-1',
        decisionDate: '2026-12-15',
      },
      { at: at('2026-12-15', '12:00') },
    ),
  requestSchool: (s: CaseScript) =>
    s.do(
      'school-request-sent',
      { outgoingNumber: 'O-1', sentOn: '2026-12-15' },
      { at: at('2026-12-15', '15:00') },
    ),
  schoolAnswer: (s: CaseScript) =>
    s.do(
      'school-answer-recorded',
      { answeredOn: '2026-12-18', confirmed: true, summary: 'Studies in 8 A' },
      { at: at('2026-12-18') },
    ),
  prepareOrder: (s: CaseScript) =>
    s.do('order-prepared', { orderNumber: 'P-1', orderDate: '2026-12-21' }, { at: at('2026-12-21') }),
  sendForApproval: (s: CaseScript, day = '2026-12-21') =>
    s.do('sent-for-approval', {}, { at: at(day, '11:00') }),
  approve: (s: CaseScript, day = '2026-12-22') => s.do('approved', {}, { actor: HEAD, at: at(day, '10:00') }),
  returnToOfficer: (s: CaseScript) =>
    s.do(
      'returned',
      { comment: 'Check the conclusion again' },
      { actor: HEAD, at: at('2026-12-22', '10:00') },
    ),
  sign: (s: CaseScript, day = '2026-12-22') =>
    s.do('signed', signature(SHA, at(day, '11:55')), { actor: HEAD, at: at(day, '12:00') }),
  deliver: (s: CaseScript, day = '2026-12-22') =>
    s.do(
      'result-delivered',
      { deliveredAt: at(day, '15:00'), channel: 'portal' },
      { actor: PORTAL, at: at(day, '15:00') },
    ),
};

/** A registered case assigned to OFFICER, at the completeness check. */
export function atCompleteness(): CaseScript {
  const s = new CaseScript();
  steps.register(s);
  return steps.assign(s);
}

export function atReview(): CaseScript {
  const s = atCompleteness();
  steps.complete(s);
  steps.requestSchool(s);
  return steps.schoolAnswer(s);
}

export function grantedAndClosed(): CaseScript {
  const s = atReview();
  steps.prepareOrder(s);
  steps.sendForApproval(s);
  steps.approve(s);
  steps.sign(s);
  return steps.deliver(s);
}
