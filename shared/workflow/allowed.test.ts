/**
 * allowedEvents (what the UI offers) must agree with applyEvent (what is accepted): for every case
 * situation, every actor and every event type, a valid payload is accepted exactly when offered.
 */
import { describe, expect, it } from 'vitest';
import type { Actor, EventPayloads, EventType } from './events';
import { allowedEvents, EVENT_TYPES } from './guards';
import { applyEvent } from './reducer';
import { signableDocuments } from './signing';
import type { CaseState } from './state';
import {
  almaty,
  atCompleteness,
  atReview,
  CaseScript,
  cosignature,
  grantedAndClosed,
  HEAD,
  makeEvent,
  OFFICE,
  OFFICER,
  OTHER_OFFICER,
  PORTAL,
  registration,
  review,
  sampleApplication,
  SHA,
  signature,
  steps,
  SYSTEM,
} from './testing/scenario';

const LATE = '2026-12-31';

/** A payload for `type` that passes every payload rule wherever the event is allowed at all. */
function validPayload(state: CaseState | undefined, type: EventType, actor: Actor): EventPayloads[EventType] {
  const payloads: { [T in EventType]: () => EventPayloads[T] } = {
    received: () => ({ application: sampleApplication(), office: OFFICE }),
    registered: () => registration(LATE, '2026-12-14', 'R'),
    assigned: () => {
      if (actor.role === 'officer' && state?.assignedTo === undefined) return { officerId: actor.userId };
      return { officerId: state?.assignedTo === 'officer-3' ? 'officer-4' : 'officer-3' };
    },
    'document-reviewed': () => review('att-med', 'confirmed'),
    'completeness-checked': () => ({ complete: true }),
    refused: () =>
      state?.stage === 'completeness'
        ? {
            ground: 1,
            documents: state.missingDocuments,
            reasons: 'r',
            decisionNumber: 'D',
            decisionDate: LATE,
          }
        : {
            ground: 2,
            documents: ['medical-conclusion'],
            reasons: 'r',
            decisionNumber: 'D',
            decisionDate: LATE,
          },
    'school-request-sent': () => ({ outgoingNumber: 'O', sentOn: LATE }),
    'school-answer-recorded': () => ({ answeredOn: LATE, confirmed: true, summary: 's' }),
    'order-prepared': () => ({ orderNumber: 'P', orderDate: LATE }),
    'sent-for-approval': () => ({}),
    approved: () => ({}),
    returned: () => ({ comment: 'c' }),
    signed: () => signature(state ? (signableDocuments(state)[0]?.sha256 ?? SHA) : SHA, almaty(LATE)),
    cosigned: () =>
      state?.signature
        ? cosignature(state, almaty(LATE), `0${state.cosignatures?.length ?? 0}EE`)
        : { ...signature(SHA, almaty(LATE)), certificateSerial: '0EE' },
    'result-delivered': () => ({ deliveredAt: almaty(LATE), channel: 'portal' }),
    'document-produced': () => ({
      form: 'order',
      language: 'ru',
      sha256: 'e'.repeat(64),
      templateId: 't',
      templateVersion: '1',
    }),
    'complaint-registered': () => ({
      complaintId: 'c-new',
      addressee: 'provider',
      registeredOn: LATE,
      summary: 's',
    }),
    'complaint-answered': () => {
      const open = state?.complaints.filter((c) => !c.answer) ?? [];
      const mine = open.find((c) => actor.role === 'head' || c.addressee === 'quality-authority') ?? open[0];
      return { complaintId: mine?.complaintId ?? 'none', answeredOn: LATE, outcome: 'partly', summary: 's' };
    },
  };
  return payloads[type]();
}

const complaint = (id: string, addressee: 'provider' | 'quality-authority') =>
  ({ complaintId: id, addressee, registeredOn: '2026-12-23', summary: 's' }) as const;
const COMPLAINED = { at: almaty('2026-12-23') };

const situations: Record<string, () => CaseState | undefined> = {
  'no case': () => undefined,
  'registration, free': () => new CaseScript().state,
  'registration, assigned': () => steps.assign(new CaseScript()).state,
  'completeness, free': () => steps.register(new CaseScript()).state,
  'completeness, assigned': () => atCompleteness().state,
  'completeness, incomplete': () => steps.incomplete(atCompleteness()).state,
  'completeness, ground-1 drafted': () => steps.refuseGround1(steps.incomplete(atCompleteness())).state,
  'approval, ground 1': () =>
    steps.sendForApproval(steps.refuseGround1(steps.incomplete(atCompleteness())), '2026-12-15').state,
  'completeness, returned': () =>
    steps.returnToOfficer(
      steps.sendForApproval(steps.refuseGround1(steps.incomplete(atCompleteness())), '2026-12-15'),
    ).state,
  'school, no request': () => steps.complete(atCompleteness()).state,
  'school, requested': () => steps.requestSchool(steps.complete(atCompleteness())).state,
  'review, no decision': () => atReview().state,
  'review, order drafted': () => steps.prepareOrder(atReview()).state,
  'approval, grant': () => steps.sendForApproval(steps.prepareOrder(atReview())).state,
  'review, returned': () =>
    steps.returnToOfficer(steps.sendForApproval(steps.prepareOrder(atReview()))).state,
  'ready-to-send': () => steps.approve(steps.sendForApproval(steps.prepareOrder(atReview()))).state,
  'ready-to-send, produced': () =>
    steps.produceResult(steps.approve(steps.sendForApproval(steps.prepareOrder(atReview())))).state,
  'ready-to-send, signed': () =>
    steps.sign(steps.approve(steps.sendForApproval(steps.prepareOrder(atReview())))).state,
  'ready-to-send, cosigned': () => {
    const signed = steps.sign(steps.approve(steps.sendForApproval(steps.prepareOrder(atReview()))));
    return signed.do('cosigned', cosignature(signed.current, almaty('2026-12-22', '13:00')), {
      actor: OFFICER,
      at: almaty('2026-12-22', '13:05'),
    }).state;
  },
  closed: () => grantedAndClosed().state,
  'closed, provider complaint': () =>
    grantedAndClosed().do('complaint-registered', complaint('c-1', 'provider'), COMPLAINED).state,
  'closed, authority complaint': () =>
    grantedAndClosed().do('complaint-registered', complaint('c-1', 'quality-authority'), COMPLAINED).state,
  'review, complaint answered': () =>
    atReview()
      .do('complaint-registered', complaint('c-1', 'provider'), COMPLAINED)
      .do(
        'complaint-answered',
        { complaintId: 'c-1', answeredOn: LATE, outcome: 'upheld', summary: 's' },
        { actor: HEAD, at: almaty(LATE) },
      ).state,
};

const actors: Record<string, Actor> = {
  head: HEAD,
  'assigned officer': OFFICER,
  'other officer': OTHER_OFFICER,
  portal: PORTAL,
  system: SYSTEM,
};

describe('allowedEvents agrees with applyEvent', () => {
  for (const [situation, build] of Object.entries(situations)) {
    for (const [actorName, actor] of Object.entries(actors)) {
      it(`${situation} — ${actorName}`, () => {
        const state = build();
        const allowed = allowedEvents(state, actor);
        for (const type of EVENT_TYPES) {
          const event = makeEvent(state, type, validPayload(state, type, actor), { actor, at: almaty(LATE) });
          const result = applyEvent(state, event);
          const why = result.ok ? 'accepted' : JSON.stringify(result.reason);
          expect(result.ok, `${type}: ${why}`).toBe(allowed.includes(type));
        }
      });
    }
  }
});

// The table the desk's buttons follow, written out by hand from SERVICE.md and the brief.
const cross = ['assigned', 'document-produced', 'complaint-registered'];
const expected: Array<[string, string, string[]]> = [
  ['no case', 'portal', ['received']],
  ['no case', 'head', []],
  ['registration, free', 'assigned officer', ['registered', 'assigned', 'complaint-registered']],
  ['registration, assigned', 'other officer', ['registered', 'complaint-registered']],
  ['completeness, free', 'assigned officer', ['assigned', 'complaint-registered']],
  [
    'completeness, assigned',
    'assigned officer',
    ['assigned', 'document-reviewed', 'completeness-checked', 'document-produced', 'complaint-registered'],
  ],
  ['completeness, assigned', 'other officer', ['complaint-registered']],
  [
    'completeness, incomplete',
    'assigned officer',
    ['assigned', 'document-reviewed', 'refused', 'document-produced', 'complaint-registered'],
  ],
  // One decision at a time: a drafted one goes to the head before anything replaces it.
  [
    'completeness, ground-1 drafted',
    'assigned officer',
    ['assigned', 'sent-for-approval', 'document-produced', 'complaint-registered'],
  ],
  [
    'approval, ground 1',
    'head',
    ['assigned', 'approved', 'returned', 'document-produced', 'complaint-registered'],
  ],
  ['approval, ground 1', 'assigned officer', cross],
  [
    'completeness, returned',
    'assigned officer',
    [
      'assigned',
      'document-reviewed',
      'completeness-checked',
      'refused',
      'document-produced',
      'complaint-registered',
    ],
  ],
  [
    'school, no request',
    'assigned officer',
    ['assigned', 'school-request-sent', 'document-produced', 'complaint-registered'],
  ],
  [
    'school, requested',
    'assigned officer',
    ['assigned', 'school-answer-recorded', 'document-produced', 'complaint-registered'],
  ],
  [
    'review, no decision',
    'assigned officer',
    [
      'assigned',
      'document-reviewed',
      'refused',
      'order-prepared',
      'document-produced',
      'complaint-registered',
    ],
  ],
  [
    'review, order drafted',
    'assigned officer',
    ['assigned', 'sent-for-approval', 'document-produced', 'complaint-registered'],
  ],
  // A signature is recorded over the result produced after the approval, so first it is produced.
  ['ready-to-send', 'assigned officer', ['assigned', 'document-produced', 'complaint-registered']],
  [
    'ready-to-send, produced',
    'assigned officer',
    ['assigned', 'signed', 'document-produced', 'complaint-registered'],
  ],
  ['ready-to-send, signed', 'portal', ['result-delivered', 'complaint-registered']],
  // The head signed: the officer may add hers (another person, another certificate), the head not again.
  [
    'ready-to-send, signed',
    'assigned officer',
    ['assigned', 'cosigned', 'result-delivered', 'document-produced', 'complaint-registered'],
  ],
  [
    'ready-to-send, signed',
    'head',
    ['assigned', 'result-delivered', 'document-produced', 'complaint-registered'],
  ],
  [
    'ready-to-send, cosigned',
    'assigned officer',
    ['assigned', 'result-delivered', 'document-produced', 'complaint-registered'],
  ],
  [
    'ready-to-send, cosigned',
    'head',
    ['assigned', 'result-delivered', 'document-produced', 'complaint-registered'],
  ],
  ['ready-to-send, cosigned', 'other officer', ['complaint-registered']],
  ['closed', 'assigned officer', ['document-produced', 'complaint-registered']],
  ['closed', 'portal', ['complaint-registered']],
  ['closed, provider complaint', 'assigned officer', ['document-produced', 'complaint-registered']],
  ['closed, provider complaint', 'head', ['document-produced', 'complaint-registered', 'complaint-answered']],
  ['closed, authority complaint', 'other officer', ['complaint-registered', 'complaint-answered']],
];

describe('the offered actions', () => {
  it.each(expected)('%s — %s', (situation, actorName, types) => {
    const state = situations[situation]!();
    expect([...allowedEvents(state, actors[actorName]!)].sort()).toEqual([...types].sort());
  });
});
