/**
 * What may happen to a case, independent of the event's payload: who may act, at which stage, and
 * whether the officer holds the case. `allowedEvents` (what the UI offers) and `applyEvent` both ask
 * `guardEvent`, so the buttons shown and the events accepted can never disagree.
 */
import { EVENT_SCHEMA_VERSION, type Actor, type EventType } from './events';
import { rejection, type RejectionReason } from './rejections';
import { resultFormOf, signableDocuments, signersOf } from './signing';
import type { CaseState, Stage } from './state';

export const EVENT_TYPES: readonly EventType[] = [
  'received',
  'registered',
  'assigned',
  'document-reviewed',
  'completeness-checked',
  'refused',
  'school-request-sent',
  'school-answer-recorded',
  'order-prepared',
  'sent-for-approval',
  'approved',
  'returned',
  'signed',
  'cosigned',
  'result-delivered',
  'document-produced',
  'complaint-registered',
  'complaint-answered',
];

type ActorRole = Actor['role'];
const OFFICE: readonly ActorRole[] = ['officer', 'head'];

/** Who may make each event. The portal delivers applications, results and complaints it received. */
const ROLES: Record<EventType, readonly ActorRole[]> = {
  received: ['portal', 'system'],
  registered: OFFICE,
  assigned: OFFICE,
  'document-reviewed': OFFICE,
  'completeness-checked': OFFICE,
  refused: OFFICE,
  'school-request-sent': OFFICE,
  'school-answer-recorded': OFFICE,
  'order-prepared': OFFICE,
  'sent-for-approval': OFFICE,
  // Paragraph 23: the order is agreed with the head; only the head approves or returns.
  approved: ['head'],
  returned: ['head'],
  // Signed by "the provider's authorized person", who may be an officer holding that authority.
  signed: OFFICE,
  // A second authorized person (the head after the officer, or the other way round).
  cosigned: OFFICE,
  'result-delivered': ['officer', 'head', 'portal', 'system'],
  'document-produced': OFFICE,
  'complaint-registered': ['officer', 'head', 'portal', 'system'],
  'complaint-answered': OFFICE,
};

/**
 * Events an officer may make without holding the case:
 * - registration is the office's registry work (paragraph 21), done before anyone is assigned;
 * - assignment is how a case is taken or handed over (its own rules are in `guardAssignment`);
 * - complaints are registered and answered by the office and the head, and a complaint is often
 *   about the very officer holding the case, so that officer must not be the only one who can act.
 */
const NO_ASSIGNMENT_NEEDED: ReadonlySet<EventType> = new Set([
  'registered',
  'assigned',
  'complaint-registered',
  'complaint-answered',
]);

/** A ground-1 refusal was returned by the head: the completeness check may be made again. */
export function completenessReopened(state: CaseState): boolean {
  return (
    state.stage === 'completeness' &&
    state.decision === undefined &&
    (state.completeness === undefined || state.approval?.returnedComment !== undefined)
  );
}

export function openComplaints(state: CaseState): CaseState['complaints'] {
  return state.complaints.filter((c) => c.answer === undefined);
}

/** Paragraph 26: a complaint to the provider goes to its head; the quality authority's answer is only recorded. */
export function mayAnswerComplaint(
  actor: Actor,
  addressee: CaseState['complaints'][number]['addressee'],
): boolean {
  return actor.role === 'head' || (actor.role === 'officer' && addressee === 'quality-authority');
}

function notAllowed(state: CaseState, type: EventType): RejectionReason {
  return rejection('stage.not-allowed', { stage: state.stage, type });
}

/**
 * The stage rules of SERVICE.md's process table; undefined when the event fits the stage.
 * `madeIn` is the schema version whose rules the event was made under.
 */
function guardStage(
  state: CaseState,
  type: EventType,
  actor: Actor,
  madeIn: number,
): RejectionReason | undefined {
  const { stage } = state;
  // One decision at a time (version 2): a prepared one is approved, or returned by the head first.
  const pending = madeIn >= 2 && state.decision ? rejection('decision.pending') : undefined;
  const open = stage !== 'closed';
  const at = (...stages: Stage[]) => (stages.includes(stage) ? undefined : notAllowed(state, type));
  switch (type) {
    case 'received':
      return rejection('case.already-received');
    case 'registered':
      return at('registration');
    case 'assigned':
      return open ? undefined : notAllowed(state, type);
    case 'document-reviewed':
      if (state.application.attachments.length === 0) return notAllowed(state, type);
      return at('completeness', 'review') ?? (state.decision ? notAllowed(state, type) : undefined);
    case 'completeness-checked':
      if (stage !== 'completeness') return notAllowed(state, type);
      return completenessReopened(state) ? undefined : rejection('completeness.already-checked');
    case 'refused':
      if (stage === 'completeness') {
        // Ground 1 rests on the completeness finding: there is nothing to refuse before it.
        return state.completeness?.complete === false ? pending : notAllowed(state, type);
      }
      return at('review') ?? pending;
    case 'school-request-sent':
      return at('school') ?? (state.schoolRequest ? rejection('school.request-already-sent') : undefined);
    case 'school-answer-recorded':
      return at('school') ?? (state.schoolRequest ? undefined : rejection('school.request-missing'));
    case 'order-prepared':
      return at('review') ?? pending;
    case 'sent-for-approval':
      return at('completeness', 'review') ?? (state.decision ? undefined : rejection('decision.missing'));
    case 'approved':
    case 'returned':
      return at('approval');
    case 'signed':
      if (stage !== 'ready-to-send') return notAllowed(state, type);
      if (state.signature) return rejection('result.already-signed');
      // Version 2 signs only a document produced for the approved decision: none yet, nothing to sign.
      return madeIn >= 2 && state.decision && signableDocuments(state).length === 0
        ? rejection('signature.document-unknown', { form: resultFormOf(state.decision) })
        : undefined;
    case 'cosigned':
      // Over the signed result only, before it is sent (a closed case's record is complete).
      if (stage !== 'ready-to-send') return notAllowed(state, type);
      if (!state.signature) return rejection('result.not-signed');
      return signersOf(state).some((s) => s.by === actor.userId)
        ? rejection('cosignature.same-signer')
        : undefined;
    case 'result-delivered':
      return at('ready-to-send') ?? (state.signature ? undefined : rejection('result.not-signed'));
    case 'document-produced':
      return stage === 'registration' ? notAllowed(state, type) : undefined;
    case 'complaint-registered':
      // Any stage: a complaint may be about inaction (paragraph 26), e.g. a case left unregistered.
      return undefined;
    case 'complaint-answered': {
      const waiting = openComplaints(state);
      if (waiting.length === 0) return rejection('complaint.none-open');
      return waiting.some((c) => mayAnswerComplaint(actor, c.addressee))
        ? undefined
        : rejection('role.head-only', { type });
    }
  }
}

function guardAssignment(state: CaseState, type: EventType, actor: Actor): RejectionReason | undefined {
  if (actor.role !== 'officer') return undefined;
  const holder = state.assignedTo ?? null;
  if (type === 'assigned') {
    // An officer takes a free case or hands over their own; taking a colleague's case is the head's call.
    return holder === null || holder === actor.userId
      ? undefined
      : rejection('case.not-assigned', { assignedTo: holder });
  }
  if (NO_ASSIGNMENT_NEEDED.has(type) || holder === actor.userId) return undefined;
  return rejection('case.not-assigned', { assignedTo: holder });
}

/**
 * Why `actor` may not make an event of `type` on `state` whatever its payload; undefined if they may.
 * `madeIn`: the schema version whose rules apply (an event upgraded from an older one keeps those).
 */
export function guardEvent(
  state: CaseState | undefined,
  type: EventType,
  actor: Actor,
  madeIn: number = EVENT_SCHEMA_VERSION,
): RejectionReason | undefined {
  const roles = ROLES[type];
  if (!roles.includes(actor.role)) {
    return roles.length === 1 && roles[0] === 'head'
      ? rejection('role.head-only', { type })
      : rejection('role.not-allowed', { role: actor.role, type });
  }
  if (state === undefined) return type === 'received' ? undefined : rejection('case.not-received');
  return guardStage(state, type, actor, madeIn) ?? guardAssignment(state, type, actor);
}

/** The event types the UI may offer `actor` on this case, in process order. */
export function allowedEvents(state: CaseState | undefined, actor: Actor): EventType[] {
  return EVENT_TYPES.filter((type) => guardEvent(state, type, actor) === undefined);
}
