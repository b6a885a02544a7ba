import { describe, expect, it } from 'vitest';
import type { EventPayloads } from './events';
import {
  almaty,
  atCompleteness,
  atReview,
  CaseScript,
  grantedAndClosed,
  HEAD,
  OFFICER,
  OTHER_OFFICER,
  PORTAL,
  SHA,
  signature,
  steps,
} from './testing/scenario';

type Refusal = EventPayloads['refused'];
const refusal = (over: Partial<Refusal>): Refusal => ({
  ground: 2,
  documents: ['medical-conclusion'],
  reasons: 'The conclusion is forged',
  decisionNumber: 'D-2',
  decisionDate: '2026-12-21',
  ...over,
});
const codeOf = (r: { ok: boolean; reason?: { code: string } }) => (r.ok ? 'ok' : r.reason?.code);

describe('ground-1 refusal at completeness', () => {
  it('needs the incomplete check first', () => {
    expect(codeOf(atCompleteness().try('refused', refusal({ ground: 1, decisionDate: '2026-12-15' })))).toBe(
      'stage.not-allowed',
    );
  });

  it('must use ground 1 and list exactly the missing documents', () => {
    const s = steps.incomplete(atCompleteness());
    expect(s.try('refused', refusal({ ground: 2 }))).toEqual({
      ok: false,
      reason: { code: 'refusal.ground-not-allowed', params: { ground: 2, stage: 'completeness' } },
    });
    expect(s.try('refused', refusal({ ground: 1, documents: ['progress-record'] }))).toEqual({
      ok: false,
      reason: { code: 'refusal.documents-mismatch', params: { expected: ['medical-conclusion'] } },
    });
    expect(s.try('refused', refusal({ ground: 1, decisionDate: '2026-12-13' }))).toEqual({
      ok: false,
      reason: { code: 'date.out-of-order', params: { field: 'decisionDate', notBefore: '2026-12-14' } },
    });
    steps.refuseGround1(s);
    expect(s.current).toMatchObject({ stage: 'completeness', decision: { kind: 'refusal', ground: 1 } });
  });
});

describe('the school stage', () => {
  const atSchool = () => steps.complete(atCompleteness());

  it('records the answer only after the request', () => {
    const s = atSchool();
    expect(
      codeOf(s.try('school-answer-recorded', { answeredOn: '2026-12-18', confirmed: true, summary: 'ok' })),
    ).toBe('school.request-missing');
    steps.requestSchool(s);
    expect(codeOf(s.try('school-request-sent', { outgoingNumber: 'O-2', sentOn: '2026-12-16' }))).toBe(
      'school.request-already-sent',
    );
    expect(
      s.try('school-answer-recorded', { answeredOn: '2026-12-14', confirmed: true, summary: 'ok' }),
    ).toEqual({
      ok: false,
      reason: { code: 'date.out-of-order', params: { field: 'answeredOn', notBefore: '2026-12-15' } },
    });
    steps.schoolAnswer(s);
    expect(s.current).toMatchObject({ stage: 'review', schoolAnswer: { answeredOn: '2026-12-18' } });
  });

  it('does not send the request before registration day', () => {
    expect(
      atSchool().try('school-request-sent', { outgoingNumber: 'O', sentOn: '2026-12-11' }),
    ).toMatchObject({
      ok: false,
      reason: { code: 'date.out-of-order' },
    });
  });

  it('has no decision yet', () => {
    expect(codeOf(atSchool().try('order-prepared', { orderNumber: 'P', orderDate: '2026-12-21' }))).toBe(
      'stage.not-allowed',
    );
  });
});

describe('review', () => {
  it('prepares the order, dated not before the school answer', () => {
    const s = atReview();
    expect(codeOf(s.try('order-prepared', { orderNumber: 'P', orderDate: '2026-12-17' }))).toBe(
      'date.out-of-order',
    );
    steps.prepareOrder(s);
    expect(s.current).toMatchObject({
      stage: 'review',
      decision: { kind: 'grant', orderNumber: 'P-1', orderDate: '2026-12-21' },
    });
  });

  it('refuses only on ground 2, naming submitted documents', () => {
    const s = atReview();
    expect(codeOf(s.try('refused', refusal({ ground: 1 })))).toBe('refusal.ground-not-allowed');
    expect(s.try('refused', refusal({ documents: ['study-abroad'] }))).toEqual({
      ok: false,
      reason: { code: 'refusal.document-not-submitted', params: { kind: 'study-abroad' } },
    });
    expect(codeOf(s.try('refused', refusal({ decisionDate: '2026-12-17' })))).toBe('date.out-of-order');
    s.do('refused', refusal({}));
    expect(s.current.decision).toMatchObject({ kind: 'refusal', ground: 2 });
  });

  it('holds one decision at a time: a draft is replaced only after the head returns it', () => {
    const s = steps.prepareOrder(atReview());
    expect(s.try('refused', refusal({}))).toEqual({ ok: false, reason: { code: 'decision.pending' } });
    expect(codeOf(s.try('order-prepared', { orderNumber: 'P-9', orderDate: '2026-12-21' }))).toBe(
      'decision.pending',
    );
    steps.returnToOfficer(steps.sendForApproval(s));
    s.do('refused', refusal({ decisionDate: '2026-12-22' }));
    expect(s.current.decision?.kind).toBe('refusal');
  });

  it('holds one ground-1 refusal at a time too', () => {
    const s = steps.refuseGround1(steps.incomplete(atCompleteness()));
    expect(codeOf(s.try('refused', refusal({ ground: 1, decisionDate: '2026-12-15' })))).toBe(
      'decision.pending',
    );
  });

  it('sends only a prepared decision for approval', () => {
    expect(codeOf(atReview().try('sent-for-approval', {}))).toBe('decision.missing');
    const s = steps.sendForApproval(steps.prepareOrder(atReview()));
    expect(s.current).toMatchObject({ stage: 'approval', approval: { sentOn: '2026-12-21' } });
  });
});

describe('approval by the head', () => {
  const inApproval = () => steps.sendForApproval(steps.prepareOrder(atReview()));

  it('is the head’s alone', () => {
    expect(inApproval().try('approved', {}, { actor: OFFICER })).toEqual({
      ok: false,
      reason: { code: 'role.head-only', params: { type: 'approved' } },
    });
    expect(codeOf(inApproval().try('returned', { comment: 'no' }, { actor: OFFICER }))).toBe(
      'role.head-only',
    );
  });

  it('approval makes the case ready to send', () => {
    const s = steps.approve(inApproval());
    expect(s.current).toMatchObject({
      stage: 'ready-to-send',
      approval: { approvedOn: '2026-12-22', approvedBy: 'head-1' },
    });
  });

  it('a return sends the case back to review with the decision cleared and the comment kept', () => {
    const s = steps.returnToOfficer(inApproval());
    expect(s.current.stage).toBe('review');
    expect(s.current.decision).toBeUndefined();
    expect(s.current.approval?.returnedComment).toBe('Check the conclusion again');
    expect(codeOf(s.try('sent-for-approval', {}))).toBe('decision.missing');
    steps.prepareOrder(s, '2026-12-22');
    steps.sendForApproval(s, '2026-12-22');
    expect(s.current.approval?.returnedComment).toBeUndefined();
  });

  it('a returned ground-1 refusal goes back to completeness, where the check may be made again', () => {
    const s = steps.refuseGround1(steps.incomplete(atCompleteness()));
    steps.sendForApproval(s, '2026-12-15');
    steps.returnToOfficer(s);
    expect(s.current).toMatchObject({ stage: 'completeness', missingDocuments: ['medical-conclusion'] });
    expect(s.current.decision).toBeUndefined();
    steps.complete(s, '2026-12-22');
    expect(s.current).toMatchObject({ stage: 'school', missingDocuments: [] });
    expect(s.current.approval).toBeUndefined();
  });

  it('cannot act outside the approval stage', () => {
    expect(codeOf(atReview().try('approved', {}, { actor: HEAD }))).toBe('stage.not-allowed');
  });
});

describe('the result', () => {
  const ready = () => steps.approve(steps.sendForApproval(steps.prepareOrder(atReview())));

  it('is signed once, then delivered', () => {
    const s = ready();
    expect(
      codeOf(
        s.try(
          'result-delivered',
          { deliveredAt: almaty('2026-12-22', '15:00'), channel: 'portal' },
          { actor: PORTAL },
        ),
      ),
    ).toBe('result.not-signed');
    steps.sign(s);
    expect(s.current.signature).toMatchObject({ on: '2026-12-22', by: 'head-1', certificateSerial: '01AB' });
    expect(
      codeOf(s.try('signed', signature('b'.repeat(64), almaty('2026-12-22', '12:30')), { actor: HEAD })),
    ).toBe('result.already-signed');
    steps.deliver(s);
    expect(s.current).toMatchObject({
      stage: 'closed',
      outcome: 'granted',
      delivered: { channel: 'portal' },
    });
  });

  it('may be signed by the assigned officer, not by another', () => {
    const sig = signature(SHA, almaty('2026-12-22', '11:00'));
    const produced = () => steps.produceResult(ready());
    expect(codeOf(produced().try('signed', sig, { actor: OTHER_OFFICER }))).toBe('case.not-assigned');
    expect(codeOf(produced().try('signed', sig, { actor: OFFICER }))).toBe('ok');
  });

  it('cannot be signed before approval', () => {
    const sig = signature(SHA, almaty('2026-12-22', '11:00'));
    expect(codeOf(steps.prepareOrder(atReview()).try('signed', sig, { actor: HEAD }))).toBe(
      'stage.not-allowed',
    );
  });
});

describe('produced documents', () => {
  const produced = {
    form: 'appendix-3',
    language: 'kk',
    sha256: 'c'.repeat(64),
    templateId: 'a3',
    templateVersion: '1',
  } as const;

  it('are recorded at any stage after registration, also on a closed case', () => {
    expect(codeOf(new CaseScript().try('document-produced', produced, { actor: HEAD }))).toBe(
      'stage.not-allowed',
    );
    const s = grantedAndClosed().do('document-produced', produced, { at: almaty('2026-12-23') });
    expect(s.current.producedDocuments.at(-1)).toEqual({
      ...produced,
      at: almaty('2026-12-23'),
      by: 'officer-1',
    });
  });
});

describe('complaints', () => {
  const complaint = (
    id: string,
    addressee: 'provider' | 'quality-authority',
    registeredOn = '2026-12-23',
  ) => ({
    complaintId: id,
    addressee,
    registeredOn,
    summary: 'Too slow',
  });
  const answer = (id: string, answeredOn = '2026-12-24') => ({
    complaintId: id,
    answeredOn,
    outcome: 'rejected' as const,
    summary: 'In time',
  });

  it('may be registered at any stage, even before registration (inaction), by the office or the portal', () => {
    const fresh = new CaseScript();
    fresh.do('complaint-registered', complaint('c-0', 'provider', '2026-12-14'), { actor: PORTAL });
    expect(fresh.current.complaints).toHaveLength(1);
    const open = atReview().do('complaint-registered', complaint('c-1', 'quality-authority'), {
      actor: OTHER_OFFICER,
    });
    expect(open.current.complaints[0]).toMatchObject({ complaintId: 'c-1', addressee: 'quality-authority' });
  });

  it('are not dated before the case was registered, and ids are unique', () => {
    const s = grantedAndClosed();
    expect(s.try('complaint-registered', complaint('c-1', 'provider', '2026-12-13'))).toEqual({
      ok: false,
      reason: { code: 'date.out-of-order', params: { field: 'registeredOn', notBefore: '2026-12-14' } },
    });
    s.do('complaint-registered', complaint('c-1', 'provider'));
    expect(codeOf(s.try('complaint-registered', complaint('c-1', 'quality-authority')))).toBe(
      'complaint.duplicate',
    );
  });

  it('to the provider are answered by the head, once', () => {
    const s = grantedAndClosed();
    expect(codeOf(s.try('complaint-answered', answer('c-1'), { actor: HEAD }))).toBe('complaint.none-open');
    s.do('complaint-registered', complaint('c-1', 'provider'));
    expect(codeOf(s.try('complaint-answered', answer('c-1'), { actor: OFFICER }))).toBe('role.head-only');
    expect(codeOf(s.try('complaint-answered', answer('c-9'), { actor: HEAD }))).toBe('complaint.not-found');
    expect(codeOf(s.try('complaint-answered', answer('c-1', '2026-12-22'), { actor: HEAD }))).toBe(
      'date.out-of-order',
    );
    s.do('complaint-answered', answer('c-1'), { actor: HEAD });
    expect(s.current.complaints[0]?.answer).toEqual(answer('c-1'));
    s.do('complaint-registered', complaint('c-2', 'provider'));
    expect(s.try('complaint-answered', answer('c-1'), { actor: HEAD })).toEqual({
      ok: false,
      reason: { code: 'complaint.already-answered', params: { complaintId: 'c-1' } },
    });
  });

  it('to the quality authority may have their answer recorded by an officer', () => {
    const s = grantedAndClosed().do('complaint-registered', complaint('c-1', 'quality-authority'));
    s.do('complaint-answered', answer('c-1'), { actor: OTHER_OFFICER });
    expect(s.current.complaints[0]?.answer?.outcome).toBe('rejected');
  });

  it('need no assignment: a complaint may be about the assigned officer', () => {
    const s = atReview().do('complaint-registered', complaint('c-1', 'quality-authority'), {
      actor: OTHER_OFFICER,
    });
    expect(codeOf(s.try('complaint-answered', answer('c-1'), { actor: OTHER_OFFICER }))).toBe('ok');
  });
});
