/**
 * The rules that keep the record true (issue 7): what did not happen, or not then, cannot be
 * recorded by an event of schema version 2; history made under version 1 still folds as it was.
 */
import { describe, expect, it } from 'vitest';
import { V1_FIXTURES } from './fixtures/v1';
import type { CaseEvent, EventPayloads, EventType } from './events';
import type { CaseState } from './state';
import { applyEvent, foldEvents } from './reducer';
import { CLOCK_TOLERANCE_MINUTES } from './rules';
import {
  almaty,
  atCompleteness,
  atReview,
  CaseScript,
  HEAD,
  registration,
  review,
  sampleApplication,
  SHA,
  signature,
  steps,
} from './testing/scenario';
import { upgradeEvent } from './upgrade';

const codeOf = (r: { ok: boolean; reason?: { code: string } }) => (r.ok ? 'ok' : r.reason?.code);

describe('registration is recorded on the day it is made', () => {
  it('refuses a registration dated another day than its own (no backdating)', () => {
    // Received Friday 11.12 after hours; the law's registration day is Monday 14.12.
    const s = new CaseScript();
    expect(s.try('registered', registration('2026-12-14'), { at: almaty('2026-12-16') })).toEqual({
      ok: false,
      reason: { code: 'registration.not-today', params: { registeredOn: '2026-12-14', today: '2026-12-16' } },
    });
    expect(
      codeOf(s.try('registered', registration('2026-12-17', '2026-12-14'), { at: almaty('2026-12-16') })),
    ).toBe('registration.not-today');
  });

  it("reads the event's day at the office offset of the case", () => {
    // 20:00 UTC on 15.12 is 01:00 on 16.12 in Almaty.
    const s = new CaseScript();
    const at = { at: '2026-12-15T20:00:00Z' };
    expect(codeOf(s.try('registered', registration('2026-12-15', '2026-12-14'), at))).toBe(
      'registration.not-today',
    );
    expect(codeOf(s.try('registered', registration('2026-12-16', '2026-12-14'), at))).toBe('ok');
  });

  it('keeps the lateness beside the law’s day, and counts every term from the law’s day', () => {
    const late = new CaseScript().do('registered', registration('2026-12-17', '2026-12-14'), {
      at: almaty('2026-12-17'),
    });
    expect(late.current.registration).toEqual({
      on: '2026-12-17',
      dueOn: '2026-12-14',
      late: true,
      calendarVersion: '2026.fake',
    });
    const onTime = steps.register(new CaseScript());
    expect(onTime.current.registration).toMatchObject({ on: '2026-12-14', late: false });
  });
});

describe('past facts are not dated after the day they are recorded', () => {
  const inFuture: Array<[string, () => CaseScript, EventType, object, string]> = [
    [
      'the request to the school',
      () => steps.complete(atCompleteness()),
      'school-request-sent',
      { outgoingNumber: 'O', sentOn: '2026-12-16' },
      'sentOn',
    ],
    [
      'the school’s answer',
      () => steps.requestSchool(steps.complete(atCompleteness())),
      'school-answer-recorded',
      { answeredOn: '2026-12-16', confirmed: true, summary: 's' },
      'answeredOn',
    ],
    [
      'the order',
      () => atReview(),
      'order-prepared',
      { orderNumber: 'P', orderDate: '2026-12-19' },
      'orderDate',
    ],
    [
      'the refusal decision',
      () => atReview(),
      'refused',
      {
        ground: 2,
        documents: ['medical-conclusion'],
        reasons: 'r',
        decisionNumber: 'D',
        decisionDate: '2026-12-19',
      },
      'decisionDate',
    ],
    [
      'a complaint’s registration',
      () => atCompleteness(),
      'complaint-registered',
      { complaintId: 'c', addressee: 'provider', registeredOn: '2026-12-15', summary: 's' },
      'registeredOn',
    ],
  ];

  it.each(inFuture)('%s', (_label, build, type, payload, field) => {
    const s = build();
    const today = s.current.latestAt.slice(0, 10);
    const result = s.try(type, payload, { at: s.current.latestAt });
    expect(result).toEqual({
      ok: false,
      reason: { code: 'date.future', params: { field, notAfter: today } },
    });
  });

  it('a complaint’s answer, the delivery and the signature time', () => {
    const complained = atCompleteness().do(
      'complaint-registered',
      { complaintId: 'c', addressee: 'provider', registeredOn: '2026-12-14', summary: 's' },
      { at: almaty('2026-12-14', '11:00') },
    );
    const answer = { complaintId: 'c', answeredOn: '2026-12-15', outcome: 'rejected', summary: 's' } as const;
    expect(
      complained.try('complaint-answered', answer, { actor: HEAD, at: almaty('2026-12-14', '12:00') }),
    ).toEqual({
      ok: false,
      reason: { code: 'date.future', params: { field: 'answeredOn', notAfter: '2026-12-14' } },
    });

    const ready = steps.produceResult(steps.approve(steps.sendForApproval(steps.prepareOrder(atReview()))));
    const tomorrow = signature(SHA, almaty('2026-12-23', '09:00'));
    expect(ready.try('signed', tomorrow, { actor: HEAD, at: almaty('2026-12-22', '12:00') })).toMatchObject({
      ok: false,
      reason: { code: 'date.future', params: { field: 'signedAt' } },
    });
    steps.sign(ready);
    const delivery = { deliveredAt: almaty('2026-12-23', '09:00'), channel: 'portal' } as const;
    expect(codeOf(ready.try('result-delivered', delivery, { at: almaty('2026-12-22', '16:00') }))).toBe(
      'date.future',
    );
  });
});

describe('a clock set back cannot write history backwards', () => {
  const minutesBefore = (at: string, minutes: number) =>
    new Date(Date.parse(at) - minutes * 60_000).toISOString();

  it(`allows ${CLOCK_TOLERANCE_MINUTES} minutes of difference between clocks, no more`, () => {
    const s = atCompleteness();
    const latest = s.current.latestAt;
    expect(s.try('completeness-checked', { complete: true }, { at: minutesBefore(latest, 11) })).toEqual({
      ok: false,
      reason: { code: 'clock.before-previous', params: { latestAt: latest } },
    });
    expect(codeOf(s.try('completeness-checked', { complete: true }, { at: minutesBefore(latest, 10) }))).toBe(
      'ok',
    );
  });

  it('measures from the newest time of the case, so steps back cannot add up', () => {
    const s = atCompleteness();
    const latest = s.current.latestAt;
    s.do('document-reviewed', review('att-app', 'confirmed', 'none'), { at: minutesBefore(latest, 9) });
    expect(s.current.latestAt).toBe(latest);
    expect(codeOf(s.try('completeness-checked', { complete: true }, { at: minutesBefore(latest, 18) }))).toBe(
      'clock.before-previous',
    );
  });
});

describe('a document confirmed against its automated check needs a reason', () => {
  it.each(['fail', 'unreadable', 'judgement'] as const)('check %s', (status) => {
    const s = atCompleteness();
    expect(s.try('document-reviewed', review('att-med', 'confirmed', status))).toEqual({
      ok: false,
      reason: { code: 'review.reason-required', params: { status } },
    });
    expect(
      codeOf(s.try('document-reviewed', review('att-med', 'confirmed', status, 'Checked by phone'))),
    ).toBe('ok');
    // Rejecting agrees with the check: nothing to explain to the reducer.
    expect(codeOf(s.try('document-reviewed', review('att-med', 'rejected', status, 'Expired')))).toBe('ok');
  });

  it.each(['pass', 'none'] as const)('check %s needs none', (status) => {
    expect(codeOf(atCompleteness().try('document-reviewed', review('att-med', 'confirmed', status)))).toBe(
      'ok',
    );
  });

  it('keeps what the check showed in the state', () => {
    const s = atCompleteness().do('document-reviewed', {
      ...review('att-med', 'confirmed', 'judgement', 'The recommendation reads as home study'),
      check: { status: 'judgement', codes: ['medical.recommendation-other'] },
    });
    expect(s.current.documentReviews['att-med']?.check).toEqual({
      status: 'judgement',
      codes: ['medical.recommendation-other'],
    });
  });
});

describe('"complete" is refused while a required document is missing', () => {
  it('refuses when the only file of a required kind was rejected, until one is confirmed', () => {
    const s = atCompleteness().do('document-reviewed', review('att-med', 'rejected', 'fail', 'Expired'));
    expect(s.try('completeness-checked', { complete: true })).toEqual({
      ok: false,
      reason: { code: 'completeness.documents-missing', params: { missing: ['medical-conclusion'] } },
    });
    // What the officer may record is that the package is incomplete.
    expect(codeOf(s.try('completeness-checked', { complete: false, missing: ['medical-conclusion'] }))).toBe(
      'ok',
    );
    s.do('document-reviewed', review('att-med', 'confirmed', 'fail', 'A newer conclusion was shown'));
    expect(codeOf(s.try('completeness-checked', { complete: true }))).toBe('ok');
  });

  it('refuses when a required kind never arrived', () => {
    const app = sampleApplication();
    const withoutConclusion = {
      ...app,
      attachments: app.attachments.filter((a) => a.kind === 'application'),
    };
    const s = steps.assign(steps.register(new CaseScript(withoutConclusion)));
    expect(s.try('completeness-checked', { complete: true })).toMatchObject({
      ok: false,
      reason: { code: 'completeness.documents-missing', params: { missing: ['medical-conclusion'] } },
    });
  });

  it('does not ask for documents the ground does not need', () => {
    expect(codeOf(atCompleteness().try('completeness-checked', { complete: true }))).toBe('ok');
  });
});

describe('a signature is recorded only over the approved decision’s produced result', () => {
  const approved = () => steps.approve(steps.sendForApproval(steps.prepareOrder(atReview())));
  const produce = (
    s: CaseScript,
    form: EventPayloads['document-produced']['form'],
    sha256: string,
    at: string,
  ) =>
    s.do(
      'document-produced',
      { form, language: 'ru', sha256, templateId: `${form}.ru`, templateVersion: '1' },
      { at },
    );

  it('refuses an unknown file, a draft produced before the approval, and the wrong form', () => {
    const draft = 'b'.repeat(64);
    const s = steps.prepareOrder(atReview());
    produce(s, 'appendix-3', draft, almaty('2026-12-21', '10:30'));
    steps.approve(steps.sendForApproval(s));
    produce(s, 'appendix-2', 'c'.repeat(64), almaty('2026-12-22', '11:00'));
    const sign = (sha: string) =>
      s.try('signed', signature(sha, almaty('2026-12-22', '11:50')), { actor: HEAD });
    const unknown = {
      ok: false,
      reason: { code: 'signature.document-unknown', params: { form: 'appendix-3' } },
    };
    expect(sign('d'.repeat(64))).toEqual(unknown);
    expect(sign(draft)).toEqual(unknown);
    expect(sign('c'.repeat(64))).toEqual(unknown);
    produce(s, 'appendix-3', 'e'.repeat(64), almaty('2026-12-22', '11:30'));
    expect(codeOf(sign('e'.repeat(64)))).toBe('ok');
  });

  it('is not offered before the result is produced', () => {
    expect(
      codeOf(approved().try('signed', signature(SHA, almaty('2026-12-22', '11:00')), { actor: HEAD })),
    ).toBe('signature.document-unknown');
  });

  it('takes the refusal form for a refusal', () => {
    const s = steps.refuseGround1(steps.incomplete(atCompleteness()));
    steps.approve(steps.sendForApproval(s, '2026-12-15'), '2026-12-15');
    steps.produceResult(s, '2026-12-15');
    expect(s.current.producedDocuments.at(-1)?.form).toBe('appendix-2');
    s.do('signed', signature(SHA, almaty('2026-12-15', '16:00')), { actor: HEAD });
    expect(s.current.signature).toMatchObject({ documentSha256: SHA, signatureFormat: 'cms-detached' });
  });
});

/**
 * A version-1 event as a desk would make it today: the mark of its version removed, and what
 * version 1 did not record stated as it stands in the record (the registration day the officer
 * typed, the failed check of an expired conclusion, a detached signature over the file named).
 */
function asMadeToday(upgraded: CaseEvent): CaseEvent {
  const { upgradedFrom: _v1, ...event } = upgraded;
  switch (event.type) {
    case 'registered':
      return {
        ...event,
        payload: { ...event.payload, registeredOn: event.payload.dueOn, calendarVersion: '2026.1' },
      };
    case 'document-reviewed':
      return {
        ...event,
        payload: { ...event.payload, check: { status: 'fail', codes: ['medical.expired'] } },
      };
    case 'signed': {
      const { documentSha256, signerName } = event.payload;
      return { ...event, payload: { ...signature(documentSha256, event.at), signerName } };
    }
    default:
      return event;
  }
}

describe('history made under version 1 folds as it was recorded', () => {
  const oldRules = V1_FIXTURES['old-rules']!.events;

  it('folds the v1 entries these rules refuse for new events', () => {
    expect(foldEvents(oldRules).ok).toBe(true);
  });

  it('refuses the same entries when they are made as version 2', () => {
    // Each event upgraded, then stripped of the mark of its version: as if made today. A refused
    // one is recorded by its code, and the case goes on with the event as version 1 made it.
    const codes: string[] = [];
    let state: CaseState | undefined;
    for (const raw of oldRules) {
      const v1 = upgradeEvent(raw);
      if (!v1.ok) throw new Error(v1.code);
      const fresh = applyEvent(state, asMadeToday(v1.event));
      if (!fresh.ok) codes.push(fresh.reason.code);
      const kept = fresh.ok ? fresh : applyEvent(state, v1.event);
      if (!kept.ok) throw new Error(kept.reason.code);
      state = kept.state;
    }
    expect(codes).toEqual([
      'registration.not-today',
      'completeness.documents-missing',
      // The school answer was written an hour before the request (its future date comes second).
      'clock.before-previous',
      'decision.pending',
      'signature.document-unknown',
    ]);
  });

  it('marks what version 1 did not record, which a new event may not claim', () => {
    const marked = oldRules.map((raw) => upgradeEvent(raw)).flatMap((r) => (r.ok ? [r.event] : []));
    const unmarked = marked.map(({ upgradedFrom: _v1, ...event }) => event);
    const refused = unmarked.map((e) => upgradeEvent(e)).filter((r) => !r.ok);
    // registered (calendarVersion), document-reviewed (check.status) and signed (signatureFormat).
    expect(refused.map((r) => (r.ok ? '' : r.path))).toEqual([
      'payload.calendarVersion',
      'payload.check.status',
      'payload.signatureFormat',
    ]);
  });
});
