/** Whole cases from receipt to result, through the public API (index.ts), as the desk will use it. */
import { describe, expect, it } from 'vitest';
import {
  allowedEvents,
  applyEvent,
  caseDeadlines,
  foldEvents,
  queueOf,
  type CaseEvent,
  type CaseState,
} from './index';
import { fakeCalendar } from './testing/fake-calendar';
import { almaty, atCompleteness, grantedAndClosed, HEAD, OFFICER, steps } from './testing/scenario';

const calendar = fakeCalendar({ holidays: ['2026-12-16'] });

function foldOk(events: CaseEvent[]): CaseState {
  const result = foldEvents(events);
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.state;
}

describe('the happy path', () => {
  it('grants permission in time, every event folded in order', () => {
    const s = grantedAndClosed();
    expect(s.events.map((e) => e.type)).toEqual([
      'received',
      'registered',
      'assigned',
      'completeness-checked',
      'school-request-sent',
      'school-answer-recorded',
      'order-prepared',
      'sent-for-approval',
      'approved',
      // The extract from the order, produced after the approval: what the signature is over.
      'document-produced',
      'signed',
      'result-delivered',
    ]);
    const state = foldOk(s.events);
    expect(state).toMatchObject({
      version: 12,
      stage: 'closed',
      outcome: 'granted',
      registrationNumber: 'R-1',
      decision: { kind: 'grant', orderNumber: 'P-1' },
      assignedTo: 'officer-1',
    });
    expect(caseDeadlines(state, calendar, '2026-12-23').map((d) => d.status)).toEqual([
      'met',
      'met',
      'met',
      'met',
      'met',
    ]);
    expect(queueOf(state)).toEqual(['granted']);
    expect(allowedEvents(state, OFFICER)).toEqual(['document-produced', 'complaint-registered']);
  });

  it('survives a return by the head and a second approval round', () => {
    const s = steps.prepareOrder(steps.schoolAnswer(steps.requestSchool(steps.complete(atCompleteness()))));
    steps.returnToOfficer(steps.sendForApproval(s));
    s.do(
      'order-prepared',
      { orderNumber: 'P-2', orderDate: '2026-12-22' },
      { at: almaty('2026-12-22', '11:00') },
    );
    steps.approve(steps.sendForApproval(s, '2026-12-22'), '2026-12-22');
    steps.deliver(steps.sign(s));
    const state = foldOk(s.events);
    expect(state).toMatchObject({ stage: 'closed', outcome: 'granted', decision: { orderNumber: 'P-2' } });
  });
});

describe('the ground-1 refusal path', () => {
  it('refuses an incomplete package through approval, signature and delivery', () => {
    const s = steps.incomplete(atCompleteness());
    steps.refuseGround1(s);
    steps.sendForApproval(s, '2026-12-15');
    steps.approve(s, '2026-12-15');
    steps.sign(s, '2026-12-16');
    steps.deliver(s, '2026-12-17');
    const state = foldOk(s.events);
    expect(state).toMatchObject({
      version: 10,
      stage: 'closed',
      outcome: 'refused',
      decision: { kind: 'refusal', ground: 1, documents: ['medical-conclusion'] },
      missingDocuments: ['medical-conclusion'],
    });
    expect(state.schoolRequest).toBeUndefined();
    const term = caseDeadlines(state, calendar, '2026-12-17').find((d) => d.stage === 'term');
    expect(term).toMatchObject({ dueOn: '2026-12-17', doneOn: '2026-12-17', status: 'met' });
    expect(queueOf(state)).toEqual(['refused']);
  });

  it('a replayed event is refused as a conflict, not applied twice', () => {
    const s = steps.incomplete(atCompleteness());
    const last = s.events[s.events.length - 1]!;
    expect(applyEvent(s.current, last)).toMatchObject({ ok: false, reason: { code: 'version.conflict' } });
    expect(applyEvent(s.current, { ...last, baseVersion: s.current.version })).toMatchObject({
      ok: false,
      reason: { code: 'completeness.already-checked' },
    });
    expect(allowedEvents(s.current, HEAD)).toContain('refused');
  });
});
