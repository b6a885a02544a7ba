/**
 * The payload rules and the new state of each event, once `guardEvent` has let the event through.
 * Every function here is pure and returns a new state; nothing is mutated. Rules that came with
 * schema version 2 bind only events made under it (`madeUnder`, see rules.ts).
 */
import type { IsoDate } from '../calendar/types';
import { caseDay } from './days';
import type { CaseEvent, DocumentKind, EventMeta, EventOf, EventType } from './events';
import { mayAnswerComplaint } from './guards';
import { rejection, type RejectionReason } from './rejections';
import { kindsWithoutAcceptedFile, madeUnder, notBefore, notFuture, reviewReasoned } from './rules';
import { resultFormOf, signableDocuments, signersOf } from './signing';
import type { CaseState } from './state';

export type ApplyResult = { ok: true; state: CaseState } | { ok: false; reason: RejectionReason };

type Step<T extends EventType> = (state: CaseState, event: EventOf<T>) => ApplyResult;

const ok = (state: CaseState): ApplyResult => ({ ok: true, state });
const fail = (reason: RejectionReason): ApplyResult => ({ ok: false, reason });

/** The first problem found, checked in order; undefined when there is none. */
const first = (...checks: Array<() => RejectionReason | undefined>): RejectionReason | undefined => {
  for (const check of checks) {
    const problem = check();
    if (problem) return problem;
  }
  return undefined;
};

/** The version-2 rules bind this event (it was not upgraded from version 1). */
const strict = (event: Pick<EventMeta, 'schemaVersion' | 'upgradedFrom'>) => madeUnder(event, 2);

/** A past fact of the payload, dated on or before the day the event is recorded (version 2 on). */
function pastFact(
  state: CaseState,
  event: CaseEvent,
  field: string,
  date: IsoDate,
): RejectionReason | undefined {
  return strict(event) ? notFuture(field, date, caseDay(event.at, state.office)) : undefined;
}

function sameSet(a: readonly DocumentKind[], b: readonly DocumentKind[]): boolean {
  return a.length === b.length && a.every((k) => b.includes(k));
}

export function receive(event: EventOf<'received'>): CaseState {
  return {
    caseId: event.caseId,
    version: 1,
    application: event.payload.application,
    office: event.payload.office,
    stage: 'registration',
    documentReviews: {},
    producedDocuments: [],
    complaints: [],
    missingDocuments: [],
    latestAt: event.at,
  };
}

const registered: Step<'registered'> = (state, event) => {
  const { payload } = event;
  const received = caseDay(state.application.receivedAt, state.office);
  const today = caseDay(event.at, state.office);
  const bad = first(
    // No backdating: a registration is recorded on the day it is made, its lateness kept beside.
    () =>
      strict(event) && payload.registeredOn !== today
        ? rejection('registration.not-today', { registeredOn: payload.registeredOn, today })
        : undefined,
    () => notBefore('registeredOn', payload.registeredOn, received),
    () => notBefore('dueOn', payload.dueOn, received),
  );
  if (bad) return fail(bad);
  return ok({
    ...state,
    stage: 'completeness',
    registrationNumber: payload.registrationNumber,
    registration: {
      on: payload.registeredOn,
      dueOn: payload.dueOn,
      late: payload.registeredOn > payload.dueOn,
      calendarVersion: payload.calendarVersion,
    },
  });
};

const assigned: Step<'assigned'> = (state, { payload, actor }) => {
  const holder = payload.officerId ?? undefined;
  if (holder === state.assignedTo) return fail(rejection('assign.unchanged'));
  // An officer may take a free case only for themselves; handing it to someone else is the head's call.
  if (actor.role === 'officer' && state.assignedTo === undefined && payload.officerId !== actor.userId) {
    return fail(rejection('role.head-only', { type: 'assigned' }));
  }
  if (holder === undefined) {
    const { assignedTo: _released, ...free } = state;
    return ok(free);
  }
  return ok({ ...state, assignedTo: holder });
};

const documentReviewed: Step<'document-reviewed'> = (state, event) => {
  const { payload, actor, at } = event;
  if (!state.application.attachments.some((a) => a.id === payload.attachmentId)) {
    return fail(rejection('document.not-found', { attachmentId: payload.attachmentId }));
  }
  const unreasoned = strict(event) ? reviewReasoned(payload) : undefined;
  if (unreasoned) return fail(unreasoned);
  const review = {
    verdict: payload.verdict,
    check: payload.check,
    by: actor.userId,
    at,
    ...(payload.comment ? { comment: payload.comment } : {}),
  };
  return ok({ ...state, documentReviews: { ...state.documentReviews, [payload.attachmentId]: review } });
};

const completenessChecked: Step<'completeness-checked'> = (state, event) => {
  const { payload, actor, at } = event;
  if (payload.complete && strict(event)) {
    const missing = kindsWithoutAcceptedFile(state);
    if (missing.length > 0) return fail(rejection('completeness.documents-missing', { missing }));
  }
  const completeness = { ...payload, on: caseDay(at, state.office), at, by: actor.userId };
  // A new check replaces what the head returned: the old approval round is over.
  const base = { ...state, completeness, approval: undefined };
  return payload.complete
    ? ok({ ...base, stage: 'school', missingDocuments: [] })
    : ok({ ...base, missingDocuments: payload.missing });
};

const refused: Step<'refused'> = (state, event) => {
  const { payload } = event;
  const expectedGround = state.stage === 'completeness' ? 1 : 2;
  if (payload.ground !== expectedGround) {
    return fail(rejection('refusal.ground-not-allowed', { ground: payload.ground, stage: state.stage }));
  }
  if (payload.ground === 1 && !sameSet(payload.documents, state.missingDocuments)) {
    return fail(rejection('refusal.documents-mismatch', { expected: state.missingDocuments }));
  }
  if (payload.ground === 2) {
    const submitted = new Set(state.application.attachments.map((a) => a.kind));
    const unknown = payload.documents.find((k) => !submitted.has(k));
    if (unknown) return fail(rejection('refusal.document-not-submitted', { kind: unknown }));
  }
  const earliest = payload.ground === 1 ? state.registration?.on : state.schoolAnswer?.answeredOn;
  const bad = first(
    () => notBefore('decisionDate', payload.decisionDate, earliest),
    () => pastFact(state, event, 'decisionDate', payload.decisionDate),
  );
  if (bad) return fail(bad);
  return ok({ ...state, decision: { kind: 'refusal', ...payload } });
};

const schoolRequestSent: Step<'school-request-sent'> = (state, event) => {
  const { payload } = event;
  const bad = first(
    () => notBefore('sentOn', payload.sentOn, state.registration?.on),
    () => pastFact(state, event, 'sentOn', payload.sentOn),
  );
  return bad ? fail(bad) : ok({ ...state, schoolRequest: payload });
};

const schoolAnswerRecorded: Step<'school-answer-recorded'> = (state, event) => {
  const { payload } = event;
  const bad = first(
    () => notBefore('answeredOn', payload.answeredOn, state.schoolRequest?.sentOn),
    () => pastFact(state, event, 'answeredOn', payload.answeredOn),
  );
  return bad ? fail(bad) : ok({ ...state, stage: 'review', schoolAnswer: payload });
};

const orderPrepared: Step<'order-prepared'> = (state, event) => {
  const { payload } = event;
  const bad = first(
    () => notBefore('orderDate', payload.orderDate, state.schoolAnswer?.answeredOn),
    () => pastFact(state, event, 'orderDate', payload.orderDate),
  );
  if (bad) return fail(bad);
  return ok({
    ...state,
    decision: { kind: 'grant', orderNumber: payload.orderNumber, orderDate: payload.orderDate },
  });
};

const sentForApproval: Step<'sent-for-approval'> = (state, { at }) =>
  ok({ ...state, stage: 'approval', approval: { sentOn: caseDay(at, state.office), sentAt: at } });

const approved: Step<'approved'> = (state, { payload, actor, at }) => {
  const approval = {
    sentOn: state.approval?.sentOn ?? caseDay(at, state.office),
    sentAt: state.approval?.sentAt ?? at,
    approvedOn: caseDay(at, state.office),
    approvedAt: at,
    approvedBy: actor.userId,
    ...(payload.comment ? { approvedComment: payload.comment } : {}),
  };
  return ok({ ...state, stage: 'ready-to-send', approval });
};

const returned: Step<'returned'> = (state, { payload, actor, at }) => {
  // Back to where the decision was made: a ground-1 refusal rests on the completeness check, so that
  // check may be made again (see completenessReopened); any other decision is redone in review.
  const groundOne = state.decision?.kind === 'refusal' && state.decision.ground === 1;
  const approval = {
    sentOn: state.approval?.sentOn ?? caseDay(at, state.office),
    sentAt: state.approval?.sentAt ?? at,
    returnedComment: payload.comment,
    returnedOn: caseDay(at, state.office),
    returnedBy: actor.userId,
  };
  return ok({ ...state, stage: groundOne ? 'completeness' : 'review', decision: undefined, approval });
};

const signed: Step<'signed'> = (state, event) => {
  const { payload, actor, at } = event;
  // Version 1 kept no signature file and took any file as signed: its record stands as made.
  if (payload.signatureFormat === 'cms-detached') {
    const known = signableDocuments(state).some((d) => d.sha256 === payload.documentSha256);
    const form = state.decision ? resultFormOf(state.decision) : null;
    const bad = first(
      () => (known ? undefined : rejection('signature.document-unknown', { form })),
      () => pastFact(state, event, 'signedAt', caseDay(payload.signedAt, state.office)),
    );
    if (bad) return fail(bad);
  }
  return ok({ ...state, signature: { ...payload, on: caseDay(at, state.office), at, by: actor.userId } });
};

/** Serials as hexadecimal numbers: leading zeros and letter case do not make another certificate. */
const sameSerial = (a: string, b: string) =>
  a.replace(/^0+/, '').toLowerCase() === b.replace(/^0+/, '').toLowerCase();

const cosigned: Step<'cosigned'> = (state, event) => {
  const { payload, actor, at } = event;
  const original = state.signature;
  if (!original) return fail(rejection('result.not-signed'));
  const firstPdf = original.signatureFormat === 'cms-detached' ? original.signedPdfSha256 : undefined;
  const signers = signersOf(state);
  const bad = first(
    // The same bytes as the first signature: the same produced document, the same signed PDF.
    () =>
      payload.documentSha256 !== original.documentSha256 || payload.signedPdfSha256 !== firstPdf
        ? rejection('cosignature.document-mismatch', { documentSha256: original.documentSha256 })
        : undefined,
    () =>
      signers.some((s) => sameSerial(s.certificateSerial, payload.certificateSerial))
        ? rejection('cosignature.same-certificate', { certificateSerial: payload.certificateSerial })
        : undefined,
    () =>
      payload.signerIin !== undefined &&
      signers.some((s) => s.signatureFormat === 'cms-detached' && s.signerIin === payload.signerIin)
        ? rejection('cosignature.same-signer')
        : undefined,
    () => pastFact(state, event, 'signedAt', caseDay(payload.signedAt, state.office)),
  );
  if (bad) return fail(bad);
  const made = { ...payload, on: caseDay(at, state.office), at, by: actor.userId };
  return ok({ ...state, cosignatures: [...(state.cosignatures ?? []), made] });
};

const resultDelivered: Step<'result-delivered'> = (state, event) => {
  const { payload } = event;
  const on = caseDay(payload.deliveredAt, state.office);
  const bad = pastFact(state, event, 'deliveredAt', on);
  if (bad) return fail(bad);
  return ok({
    ...state,
    stage: 'closed',
    delivered: { ...payload, on },
    outcome: state.decision?.kind === 'grant' ? 'granted' : 'refused',
  });
};

const documentProduced: Step<'document-produced'> = (state, { payload, actor, at }) =>
  ok({ ...state, producedDocuments: [...state.producedDocuments, { ...payload, at, by: actor.userId }] });

const complaintRegistered: Step<'complaint-registered'> = (state, event) => {
  const { payload } = event;
  if (state.complaints.some((c) => c.complaintId === payload.complaintId)) {
    return fail(rejection('complaint.duplicate', { complaintId: payload.complaintId }));
  }
  const earliest = state.registration?.on ?? caseDay(state.application.receivedAt, state.office);
  const bad = first(
    () => notBefore('registeredOn', payload.registeredOn, earliest),
    () => pastFact(state, event, 'registeredOn', payload.registeredOn),
  );
  if (bad) return fail(bad);
  return ok({ ...state, complaints: [...state.complaints, { ...payload }] });
};

const complaintAnswered: Step<'complaint-answered'> = (state, event) => {
  const { payload, actor } = event;
  const complaint = state.complaints.find((c) => c.complaintId === payload.complaintId);
  if (!complaint) return fail(rejection('complaint.not-found', { complaintId: payload.complaintId }));
  if (complaint.answer)
    return fail(rejection('complaint.already-answered', { complaintId: payload.complaintId }));
  if (!mayAnswerComplaint(actor, complaint.addressee))
    return fail(rejection('role.head-only', { type: 'complaint-answered' }));
  const bad = first(
    () => notBefore('answeredOn', payload.answeredOn, complaint.registeredOn),
    () => pastFact(state, event, 'answeredOn', payload.answeredOn),
  );
  if (bad) return fail(bad);
  const complaints = state.complaints.map((c) => (c === complaint ? { ...c, answer: payload } : c));
  return ok({ ...state, complaints });
};

/** Applies an event the guard has accepted; 'received' is handled by the reducer itself. */
export function step(state: CaseState, event: Exclude<CaseEvent, { type: 'received' }>): ApplyResult {
  switch (event.type) {
    case 'registered':
      return registered(state, event);
    case 'assigned':
      return assigned(state, event);
    case 'document-reviewed':
      return documentReviewed(state, event);
    case 'completeness-checked':
      return completenessChecked(state, event);
    case 'refused':
      return refused(state, event);
    case 'school-request-sent':
      return schoolRequestSent(state, event);
    case 'school-answer-recorded':
      return schoolAnswerRecorded(state, event);
    case 'order-prepared':
      return orderPrepared(state, event);
    case 'sent-for-approval':
      return sentForApproval(state, event);
    case 'approved':
      return approved(state, event);
    case 'returned':
      return returned(state, event);
    case 'signed':
      return signed(state, event);
    case 'cosigned':
      return cosigned(state, event);
    case 'result-delivered':
      return resultDelivered(state, event);
    case 'document-produced':
      return documentProduced(state, event);
    case 'complaint-registered':
      return complaintRegistered(state, event);
    case 'complaint-answered':
      return complaintAnswered(state, event);
  }
}
