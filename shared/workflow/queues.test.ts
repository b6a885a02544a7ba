import { describe, expect, it } from 'vitest';
import { queueOf, urgencyOf } from './queues';
import { fakeCalendar } from './testing/fake-calendar';
import {
  atCompleteness,
  atReview,
  CaseScript,
  grantedAndClosed,
  HEAD,
  PORTAL,
  steps,
} from './testing/scenario';

const calendar = fakeCalendar({ holidays: ['2026-12-16'] });

describe('queueOf', () => {
  it.each([
    ['received', () => new CaseScript(), ['to-register']],
    ['registered', () => atCompleteness(), ['completeness-due']],
    [
      'found incomplete, refusal drafted',
      () => steps.refuseGround1(steps.incomplete(atCompleteness())),
      ['completeness-due'],
    ],
    ['complete', () => steps.complete(atCompleteness()), ['waiting-school']],
    ['school answered', () => atReview(), ['review']],
    ['sent to the head', () => steps.sendForApproval(steps.prepareOrder(atReview())), ['awaiting-approval']],
    [
      'approved and signed',
      () => steps.sign(steps.approve(steps.sendForApproval(steps.prepareOrder(atReview())))),
      ['ready-to-send'],
    ],
    ['granted', () => grantedAndClosed(), ['granted']],
    [
      'refused',
      () => {
        const s = steps.sendForApproval(
          steps.refuseGround1(steps.incomplete(atCompleteness())),
          '2026-12-15',
        );
        return steps.deliver(steps.sign(steps.approve(s, '2026-12-15'), '2026-12-15'), '2026-12-15');
      },
      ['refused'],
    ],
  ] as const)('%s', (_label, build, queues) => {
    expect(queueOf(build().current)).toEqual(queues);
  });

  it('adds the complaints queue while a complaint waits for an answer', () => {
    const s = grantedAndClosed().do(
      'complaint-registered',
      { complaintId: 'c', addressee: 'provider', registeredOn: '2026-12-23', summary: 's' },
      { actor: PORTAL },
    );
    expect(queueOf(s.current)).toEqual(['granted', 'complaints']);
    s.do(
      'complaint-answered',
      { complaintId: 'c', answeredOn: '2026-12-24', outcome: 'rejected', summary: 's' },
      { actor: HEAD },
    );
    expect(queueOf(s.current)).toEqual(['granted']);
  });
});

describe('urgencyOf', () => {
  it('follows the current stage: normal, due soon (today or next working day), overdue', () => {
    const state = atCompleteness().current; // completeness due Thursday 17th
    expect(urgencyOf(state, calendar, '2026-12-14')).toBe('normal');
    expect(urgencyOf(state, calendar, '2026-12-15')).toBe('due-soon');
    expect(urgencyOf(state, calendar, '2026-12-17')).toBe('due-soon');
    expect(urgencyOf(state, calendar, '2026-12-18')).toBe('overdue');
  });

  it('is normal for a closed case and raised by an unanswered complaint', () => {
    const s = grantedAndClosed();
    expect(urgencyOf(s.current, calendar, '2027-03-01')).toBe('normal');
    s.do(
      'complaint-registered',
      { complaintId: 'c', addressee: 'provider', registeredOn: '2026-12-23', summary: 's' },
      { actor: PORTAL },
    );
    expect(urgencyOf(s.current, calendar, '2026-12-23')).toBe('normal');
    expect(urgencyOf(s.current, calendar, '2026-12-29')).toBe('due-soon');
    expect(urgencyOf(s.current, calendar, '2026-12-31')).toBe('overdue');
  });

  it('takes the most urgent of stage and complaints', () => {
    // A complaint registered on the 14th is due on the 22nd (16th a holiday); school is due on the 24th.
    const s = atCompleteness().do(
      'complaint-registered',
      { complaintId: 'c', addressee: 'provider', registeredOn: '2026-12-14', summary: 's' },
      { actor: PORTAL },
    );
    steps.requestSchool(steps.complete(s));
    expect(urgencyOf(s.current, calendar, '2026-12-18')).toBe('normal');
    expect(urgencyOf(s.current, calendar, '2026-12-21')).toBe('due-soon');
    expect(urgencyOf(s.current, calendar, '2026-12-23')).toBe('overdue');
    s.do(
      'complaint-answered',
      { complaintId: 'c', answeredOn: '2026-12-21', outcome: 'rejected', summary: 's' },
      { actor: HEAD },
    );
    expect(urgencyOf(s.current, calendar, '2026-12-21')).toBe('normal');
  });
});
