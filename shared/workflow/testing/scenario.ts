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
  type CosignedPayload,
  type SignedPayload,
} from '../events';
import { isIsoDate } from '../../calendar/dates';
import { dayOfInstant, formatInstant, parseInstant } from '../../calendar/instant';
import { applyEvent } from '../reducer';
import { resultFormOf } from '../signing';
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

const FIRST_WORKING_MORNING = '2026-12-14T10:00:00+05:00';

/** The ISO dates a payload names at its top level (the facts it records). */
function payloadDays(payload: object): string[] {
  return Object.values(payload).filter((v): v is string => typeof v === 'string' && isIsoDate(v));
}

/**
 * Unless told, an event is made at the latest of: Monday 14.12 10:00, 10:00 on the latest day its
 * payload names (a fact is recorded on its day or later), and the case's newest time (clocks run on).
 */
function defaultAt(state: CaseState | undefined, payload: object): string {
  const candidates = [
    FIRST_WORKING_MORNING,
    ...payloadDays(payload).map((day) => `${day}T10:00:00+05:00`),
    ...(state ? [state.latestAt] : []),
  ];
  return candidates.reduce((a, b) => (parseInstant(b) > parseInstant(a) ? b : a));
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
    at: options.at ?? defaultAt(state, payload),
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

/**
 * A cosignature over the case's recorded signature, by another certificate (serial `serial`) and,
 * unless given, no IIN (so only the serial and the desk user tell the signers apart).
 */
export function cosignature(
  state: CaseState,
  signedAt: string,
  serial = '02CD',
  extra: Partial<CosignedPayload> = {},
): CosignedPayload {
  const first = state.signature;
  if (!first) throw new Error('cosignature: the case is not signed');
  const pdf = first.signatureFormat === 'cms-detached' ? first.signedPdfSha256 : undefined;
  return {
    signatureFormat: 'cms-detached',
    documentSha256: first.documentSha256,
    ...(pdf ? { signedPdfSha256: pdf } : {}),
    signatureSha256: 'f'.repeat(64),
    certificateSerial: serial,
    signerName: 'Second',
    signedAt,
    timestamped: false,
    ...extra,
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

/**
 * A step's time: `time` on `day`, or a minute after the case's newest event when that is later on
 * the same day (steps repeated in one day follow each other, as a real clock does).
 */
function when(s: CaseScript, day: string, time: string): string {
  const planned = at(day, time);
  const latest = s.state?.latestAt;
  if (latest === undefined || dayOfInstant(latest, OFFICE) !== day) return planned;
  const next = parseInstant(latest) + 60_000;
  return next > parseInstant(planned) ? formatInstant(next, OFFICE.utcOffsetMinutes) : planned;
}

/** Steps of the standard case (December 2026, 16 December a holiday), each taking the script on. */
export const steps = {
  register: (s: CaseScript) =>
    s.do('registered', registration('2026-12-14'), { at: when(s, '2026-12-14', '09:15') }),
  assign: (s: CaseScript, officer = OFFICER) =>
    s.do('assigned', { officerId: officer.userId }, { actor: HEAD, at: when(s, '2026-12-14', '09:30') }),
  complete: (s: CaseScript, day = '2026-12-15') =>
    s.do('completeness-checked', { complete: true }, { at: when(s, day, '11:00') }),
  incomplete: (s: CaseScript) =>
    s.do(
      'completeness-checked',
      { complete: false, missing: ['medical-conclusion'] },
      { at: when(s, '2026-12-15', '11:00') },
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
      { at: when(s, '2026-12-15', '12:00') },
    ),
  requestSchool: (s: CaseScript) =>
    s.do(
      'school-request-sent',
      { outgoingNumber: 'O-1', sentOn: '2026-12-15' },
      { at: when(s, '2026-12-15', '15:00') },
    ),
  schoolAnswer: (s: CaseScript) =>
    s.do(
      'school-answer-recorded',
      { answeredOn: '2026-12-18', confirmed: true, summary: 'Studies in 8 A' },
      { at: when(s, '2026-12-18', '10:00') },
    ),
  prepareOrder: (s: CaseScript, day = '2026-12-21') =>
    s.do('order-prepared', { orderNumber: 'P-1', orderDate: day }, { at: when(s, day, '10:00') }),
  sendForApproval: (s: CaseScript, day = '2026-12-21') =>
    s.do('sent-for-approval', {}, { at: when(s, day, '11:00') }),
  approve: (s: CaseScript, day = '2026-12-22') =>
    s.do('approved', {}, { actor: HEAD, at: when(s, day, '10:00') }),
  returnToOfficer: (s: CaseScript) =>
    s.do(
      'returned',
      { comment: 'Check the conclusion again' },
      { actor: HEAD, at: when(s, '2026-12-22', '10:00') },
    ),
  /** The result's form is produced from its template after the approval, then signed. */
  produceResult: (s: CaseScript, day = '2026-12-22', sha256 = SHA) => {
    const decision = s.current.decision;
    if (!decision) throw new Error('no decision to produce');
    const form = resultFormOf(decision);
    return s.do(
      'document-produced',
      { form, language: 'kk', sha256, templateId: `${form}.kk`, templateVersion: '1.0.0' },
      { actor: HEAD, at: when(s, day, '11:30') },
    );
  },
  sign: (s: CaseScript, day = '2026-12-22') =>
    steps
      .produceResult(s, day)
      .do('signed', signature(SHA, at(day, '11:55')), { actor: HEAD, at: when(s, day, '12:00') }),
  deliver: (s: CaseScript, day = '2026-12-22') => {
    const t = when(s, day, '15:00');
    return s.do('result-delivered', { deliveredAt: t, channel: 'portal' }, { actor: PORTAL, at: t });
  },
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
