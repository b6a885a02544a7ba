/**
 * Random LEGAL cases for property-based tests: a walk that, at every step, takes one of the events
 * `allowedEvents` offers some actor and builds a valid payload for it. Every step must then be
 * accepted by the reducer, so the walk also checks that the offer and the reducer agree. The walk
 * is a pure function of its plan; fast-check draws the plans (test/unit/workflow/walk-plan.ts).
 */
import { kazakhstanCalendar } from '../../calendar/index';
import { dayOfInstant, formatInstant, parseInstant } from '../../calendar/instant';
import type { Actor, CaseEvent, EventPayloads, EventType, OfficeZone, ReviewCheck } from '../events';
import { allowedEvents, EVENT_TYPES, mayAnswerComplaint, openComplaints } from '../guards';
import { applyEvent } from '../reducer';
import { registrationPayload } from '../registration';
import { confirmationNeedsReason, kindsWithoutAcceptedFile } from '../rules';
import { resultFormOf, signableDocuments } from '../signing';
import type { CaseState } from '../state';
import {
  HEAD,
  makeEvent,
  OFFICER,
  OTHER_OFFICER,
  PORTAL,
  cosignature,
  sampleApplication,
  signature,
  SYSTEM,
} from './scenario';

const ACTORS: readonly Actor[] = [OFFICER, OTHER_OFFICER, HEAD, PORTAL, SYSTEM];
const OFFICES: readonly OfficeZone[] = [
  { timeZone: 'Asia/Almaty', utcOffsetMinutes: 300 },
  { timeZone: 'Asia/Almaty', utcOffsetMinutes: 360 },
  { timeZone: 'America/New_York', utcOffsetMinutes: -300 },
  { timeZone: 'Pacific/Kiritimati', utcOffsetMinutes: 840 },
];
/** Events that move a case towards its result: all but the side actions of any stage. */
const SIDE: ReadonlySet<EventType> = new Set([
  'received',
  'assigned',
  'document-reviewed',
  'complaint-registered',
  'complaint-answered',
]);
const ONWARD: ReadonlySet<EventType> = new Set(EVENT_TYPES.filter((t) => !SIDE.has(t)));
const STATUSES: readonly ReviewCheck['status'][] = ['pass', 'fail', 'judgement', 'unreadable', 'none'];
const FORMS = ['appendix-2', 'appendix-3', 'appendix-4', 'school-request', 'order'] as const;

/** The random choices of one walk; the walk itself is a pure function of them. */
export interface WalkPlan {
  receivedAtMs: number;
  office: number;
  steps: Array<{ pick: number; minutes: number; coin: number }>;
}

/** The bounds a plan's numbers are drawn within (test/unit/workflow/walk-plan.ts draws them). */
export const WALK_BOUNDS = {
  // 2023-01-01 … 2027-12-31, so cases cross Kazakhstan's 2024 zone change and the years' files.
  receivedFrom: Date.UTC(2023, 0, 1),
  receivedTo: Date.UTC(2027, 11, 31),
  offices: OFFICES.length,
  maxSteps: 30,
  // Mostly forwards by up to 3 days; now and then a clock a few minutes behind (within tolerance).
  maxMinutesForward: 3 * 24 * 60,
  maxMinutesBack: 9,
} as const;

const hex = (n: number, length = 64) => n.toString(16).padStart(length, '0').slice(-length);

/** A payload for `type` that the reducer must accept from `actor` on `state` at `at`. */
function legalPayload(
  state: CaseState,
  type: Exclude<EventType, 'received'>,
  actor: Actor,
  at: string,
  coin: number,
  index: number,
): EventPayloads[typeof type] {
  const today = dayOfInstant(at, state.office);
  const attachments = state.application.attachments;
  switch (type) {
    case 'registered':
      return registrationPayload(state, kazakhstanCalendar, at, `R-${index}`);
    case 'assigned':
      if (actor.role === 'officer' && state.assignedTo === undefined) return { officerId: actor.userId };
      return { officerId: state.assignedTo === OFFICER.userId ? OTHER_OFFICER.userId : OFFICER.userId };
    case 'document-reviewed': {
      const attachment = attachments[coin % attachments.length]!;
      const status = STATUSES[coin % STATUSES.length]!;
      const verdict = coin % 3 === 0 ? 'rejected' : 'confirmed';
      const check = { status, codes: status === 'fail' ? ['medical.expired'] : [] };
      const reasoned = verdict === 'rejected' || confirmationNeedsReason(check);
      return {
        attachmentId: attachment.id,
        verdict,
        check,
        ...(reasoned ? { comment: `reason ${index}` } : {}),
      };
    }
    case 'completeness-checked': {
      const missing = kindsWithoutAcceptedFile(state);
      if (missing.length === 0 && coin % 2 === 0) return { complete: true };
      return { complete: false, missing: missing.length > 0 ? missing : ['medical-conclusion'] };
    }
    case 'refused': {
      const common = { reasons: `r ${index}`, decisionNumber: `D-${index}`, decisionDate: today };
      if (state.stage === 'completeness') return { ground: 1, documents: state.missingDocuments, ...common };
      return { ground: 2, documents: [attachments[coin % attachments.length]!.kind], ...common };
    }
    case 'school-request-sent':
      return { outgoingNumber: `O-${index}`, sentOn: today };
    case 'school-answer-recorded':
      return { answeredOn: today, confirmed: coin % 4 !== 0, summary: `s ${index}` };
    case 'order-prepared':
      return { orderNumber: `P-${index}`, orderDate: today };
    case 'sent-for-approval':
      return {};
    case 'approved':
      return coin % 2 === 0 ? {} : { comment: `ok ${index}` };
    case 'returned':
      return { comment: `again ${index}` };
    case 'signed':
      return signature(signableDocuments(state)[0]!.sha256, at);
    case 'cosigned':
      // Another certificate for every signer: the walk's serials count up from the first one's.
      return cosignature(state, at, hex(0x2000 + (state.cosignatures?.length ?? 0), 4));
    case 'result-delivered':
      return { deliveredAt: at, channel: coin % 2 === 0 ? 'portal' : 'paper' };
    case 'document-produced': {
      // In ready-to-send, mostly the decision's own result, so that walks reach the signature.
      const form =
        state.stage === 'ready-to-send' && state.decision && coin % 4 !== 0
          ? resultFormOf(state.decision)
          : FORMS[coin % FORMS.length]!;
      const language = coin % 2 === 0 ? 'kk' : 'ru';
      return {
        form,
        language,
        sha256: hex(coin * 7919 + index),
        templateId: `${form}.${language}`,
        templateVersion: '1',
      };
    }
    case 'complaint-registered':
      return {
        complaintId: `c-${index}`,
        addressee: coin % 2 === 0 ? 'provider' : 'quality-authority',
        registeredOn: today,
        summary: `complaint ${index}`,
      };
    case 'complaint-answered': {
      const mine = openComplaints(state).find((c) => mayAnswerComplaint(actor, c.addressee))!;
      return {
        complaintId: mine.complaintId,
        answeredOn: today,
        outcome: 'partly',
        summary: `answer ${index}`,
      };
    }
  }
}

export interface Walk {
  events: CaseEvent[];
  /** The state after every event, as the walk folded them one by one. */
  state: CaseState;
  /** Event types the walk reached, for checking that the walks cover the process. */
  types: Set<EventType>;
}

/** Follows a plan; throws (failing the property) when the reducer refuses an offered event. */
export function walk(plan: WalkPlan): Walk {
  const office = OFFICES[plan.office]!;
  const receivedAt = formatInstant(plan.receivedAtMs, office.utcOffsetMinutes);
  const application = sampleApplication({ receivedAt });
  const received = makeEvent(
    undefined,
    'received',
    { application, office },
    { actor: PORTAL, at: receivedAt },
  );
  const first = applyEvent(undefined, received);
  if (!first.ok) throw new Error(`received refused: ${first.reason.code}`);
  let state = first.state;
  const events: CaseEvent[] = [received];
  const types = new Set<EventType>(['received']);

  for (const [index, step] of plan.steps.entries()) {
    const offers = ACTORS.flatMap((actor) =>
      allowedEvents(state, actor)
        .filter((t): t is Exclude<EventType, 'received'> => t !== 'received')
        .map((type) => ({ actor, type })),
    );
    if (offers.length === 0) break;
    // Mostly an event that takes the case on, so that walks reach signatures and deliveries.
    const onward = offers.filter((o) => ONWARD.has(o.type));
    const pool = onward.length > 0 && step.coin % 4 !== 0 ? onward : offers;
    const { actor, type } = pool[step.pick % pool.length]!;
    // A clock a little behind stays on the day of the newest event: earlier facts are never later.
    const offset = state.office.utcOffsetMinutes;
    const moved = formatInstant(parseInstant(state.latestAt) + step.minutes * 60_000, offset);
    const sameDay = dayOfInstant(moved, state.office) >= dayOfInstant(state.latestAt, state.office);
    const at = sameDay ? moved : state.latestAt;
    const payload = legalPayload(state, type, actor, at, step.coin, index);
    const event = makeEvent(state, type, payload, { actor, at });
    const result = applyEvent(state, event);
    if (!result.ok) {
      throw new Error(`offered ${type} by ${actor.role} refused: ${JSON.stringify(result.reason)}`);
    }
    state = result.state;
    events.push(event);
    types.add(type);
  }
  return { events, state, types };
}
