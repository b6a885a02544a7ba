/**
 * Deadlines against a fake calendar: Monday–Friday, 16 December 2026 a holiday (a Wednesday),
 * 1 and 7 January 2027 holidays, 2027 provisional. Expected days are counted by hand.
 */
import { describe, expect, it } from 'vitest';
import {
  caseDeadlines,
  currentDeadline,
  nextComplaintDeadline,
  termDeadline,
  type StageDeadline,
} from './deadlines';
import { urgencyOf } from './queues';
import { fakeCalendar } from './testing/fake-calendar';
import {
  almaty,
  atCompleteness,
  atReview,
  CaseScript,
  grantedAndClosed,
  HEAD,
  PORTAL,
  registration,
  sampleApplication,
  steps,
} from './testing/scenario';

const calendar = fakeCalendar({
  holidays: ['2026-12-16', '2027-01-01', '2027-01-07'],
  provisionalFrom: 2027,
});
const byStage = (list: StageDeadline[]) => Object.fromEntries(list.map((d) => [d.complaintId ?? d.stage, d]));

describe('the happy path, all met', () => {
  it('gives every stage its start, due and done day', () => {
    const d = byStage(caseDeadlines(grantedAndClosed().current, calendar, '2026-12-23'));
    expect(d.registration).toEqual({
      stage: 'registration',
      startedOn: '2026-12-11',
      dueOn: '2026-12-14',
      doneOn: '2026-12-14',
      status: 'met',
      workingDaysLeft: 0,
      provisional: false,
    });
    // Registered Monday 14th; +2 skips the holiday on Wednesday 16th; checked on the 15th.
    expect(d.completeness).toMatchObject({
      startedOn: '2026-12-14',
      dueOn: '2026-12-17',
      doneOn: '2026-12-15',
      status: 'met',
      workingDaysLeft: 1,
    });
    expect(d.school).toMatchObject({
      startedOn: '2026-12-15',
      dueOn: '2026-12-24',
      doneOn: '2026-12-18',
      status: 'met',
    });
    // Review ends with the head's agreement (approved on the 22nd).
    expect(d.review).toMatchObject({
      startedOn: '2026-12-18',
      dueOn: '2026-12-22',
      doneOn: '2026-12-22',
      status: 'met',
      workingDaysLeft: 0,
    });
    expect(d.term).toMatchObject({
      startedOn: '2026-12-14',
      dueOn: '2026-12-29',
      doneOn: '2026-12-22',
      status: 'met',
    });
    expect(Object.keys(d)).toEqual(['registration', 'completeness', 'school', 'review', 'term']);
  });

  it('has no current deadline once closed', () => {
    expect(currentDeadline(grantedAndClosed().current, calendar, '2026-12-23')).toBeUndefined();
  });
});

describe('registration day', () => {
  it.each([
    ['Saturday morning', '2026-12-12T10:00:00+05:00', '2026-12-12', '2026-12-14'],
    ['a working day before closing', '2026-12-14T18:29:00+05:00', '2026-12-14', '2026-12-14'],
    ['a working day at closing', '2026-12-14T18:30:00+05:00', '2026-12-14', '2026-12-15'],
    ['the evening before a holiday', '2026-12-15T19:00:00+05:00', '2026-12-15', '2026-12-17'],
    ['a night written in UTC', '2026-12-14T20:00:00Z', '2026-12-15', '2026-12-15'],
  ])('received on %s', (_label, receivedAt, startedOn, dueOn) => {
    const state = new CaseScript(sampleApplication({ receivedAt })).current;
    expect(currentDeadline(state, calendar, startedOn)).toMatchObject({
      stage: 'registration',
      startedOn,
      dueOn,
    });
  });

  it('is at risk on the day, overdue after it, late when registered after it', () => {
    const s = new CaseScript(sampleApplication({ receivedAt: '2026-12-14T10:00:00+05:00' }));
    expect(currentDeadline(s.current, calendar, '2026-12-14')).toMatchObject({
      status: 'at-risk',
      workingDaysLeft: 0,
    });
    expect(currentDeadline(s.current, calendar, '2026-12-15')).toMatchObject({
      status: 'overdue',
      workingDaysLeft: -1,
    });
    s.do('registered', registration('2026-12-15', '2026-12-14'), { at: almaty('2026-12-15') });
    expect(caseDeadlines(s.current, calendar, '2026-12-15')[0]).toMatchObject({
      status: 'late',
      doneOn: '2026-12-15',
      workingDaysLeft: -1,
    });
  });
});

describe('status of an open stage (completeness due Thursday 17th)', () => {
  it.each([
    ['2026-12-14', 'on-track', 2],
    ['2026-12-15', 'at-risk', 1],
    ['2026-12-16', 'at-risk', 1],
    ['2026-12-17', 'at-risk', 0],
    ['2026-12-18', 'overdue', -1],
    ['2026-12-21', 'overdue', -2],
  ])('on %s it is %s with %i working days left', (today, status, left) => {
    const d = currentDeadline(atCompleteness().current, calendar, today);
    expect(d).toMatchObject({ stage: 'completeness', dueOn: '2026-12-17', status, workingDaysLeft: left });
  });

  it('done after the due day is late', () => {
    const s = atCompleteness().do('completeness-checked', { complete: true }, { at: almaty('2026-12-18') });
    const d = byStage(caseDeadlines(s.current, calendar, '2026-12-21'));
    expect(d.completeness).toMatchObject({ doneOn: '2026-12-18', status: 'late', workingDaysLeft: -1 });
    // The school term runs from the day of the check, not from its due day.
    expect(d.school).toMatchObject({ startedOn: '2026-12-18', dueOn: '2026-12-28', status: 'on-track' });
  });

  it('counts an event’s day at the office offset of the case, whatever zone the calendar names', () => {
    // 20:00 UTC on the 17th is 01:00 on the 18th in Almaty (+05:00, recorded at receipt): one day late.
    const s = atCompleteness().do('completeness-checked', { complete: true }, { at: '2026-12-17T20:00:00Z' });
    const late = { doneOn: '2026-12-18', status: 'late' };
    expect(byStage(caseDeadlines(s.current, calendar, '2026-12-18')).completeness).toMatchObject(late);
    const utcCalendar = fakeCalendar({ holidays: ['2026-12-16'], officeHours: { timeZone: 'UTC' } });
    expect(byStage(caseDeadlines(s.current, utcCalendar, '2026-12-18')).completeness).toMatchObject(late);
  });
});

describe('current deadline by stage', () => {
  it('follows the case from school to review to approval to sending', () => {
    const s = steps.requestSchool(steps.complete(atCompleteness()));
    expect(currentDeadline(s.current, calendar, '2026-12-23')).toMatchObject({
      stage: 'school',
      dueOn: '2026-12-24',
      status: 'at-risk',
    });
    steps.schoolAnswer(s);
    expect(currentDeadline(s.current, calendar, '2026-12-21')).toMatchObject({
      stage: 'review',
      dueOn: '2026-12-22',
      status: 'at-risk',
    });
    steps.sendForApproval(steps.prepareOrder(s));
    expect(currentDeadline(s.current, calendar, '2026-12-23')).toMatchObject({
      stage: 'review',
      status: 'overdue',
    });
    steps.approve(s, '2026-12-23');
    expect(byStage(caseDeadlines(s.current, calendar, '2026-12-23')).review).toMatchObject({
      doneOn: '2026-12-23',
      status: 'late',
    });
    expect(currentDeadline(s.current, calendar, '2026-12-23')).toMatchObject({
      stage: 'term',
      dueOn: '2026-12-29',
      status: 'on-track',
    });
  });

  it('reopens review when the head returns the decision', () => {
    const s = steps.returnToOfficer(steps.sendForApproval(steps.prepareOrder(atReview())));
    expect(currentDeadline(s.current, calendar, '2026-12-22')).toMatchObject({
      stage: 'review',
      status: 'at-risk',
    });
    expect(byStage(caseDeadlines(s.current, calendar, '2026-12-22')).review?.doneOn).toBeUndefined();
  });
});

describe('the ground-1 refusal', () => {
  it('must reach the applicant within the 2 completeness days', () => {
    const s = atCompleteness();
    expect(termDeadline(s.current, calendar, '2026-12-15')).toMatchObject({ dueOn: '2026-12-29' });
    steps.incomplete(s);
    expect(termDeadline(s.current, calendar, '2026-12-15')).toMatchObject({
      dueOn: '2026-12-17',
      status: 'at-risk',
    });
    expect(currentDeadline(s.current, calendar, '2026-12-15')).toMatchObject({
      stage: 'term',
      dueOn: '2026-12-17',
    });
    steps.refuseGround1(s);
    steps.sendForApproval(s, '2026-12-15');
    expect(currentDeadline(s.current, calendar, '2026-12-15')).toMatchObject({
      stage: 'term',
      dueOn: '2026-12-17',
    });
    steps.approve(s, '2026-12-17');
    steps.sign(s, '2026-12-17');
    steps.deliver(s, '2026-12-18');
    const d = byStage(caseDeadlines(s.current, calendar, '2026-12-18'));
    expect(d.term).toMatchObject({ dueOn: '2026-12-17', doneOn: '2026-12-18', status: 'late' });
    expect(d.school).toBeUndefined();
    expect(d.review).toBeUndefined();
  });

  it('is back to the 10-day term when a returned refusal leads to a complete package', () => {
    const s = steps.returnToOfficer(
      steps.sendForApproval(steps.refuseGround1(steps.incomplete(atCompleteness())), '2026-12-15'),
    );
    steps.complete(s, '2026-12-22');
    expect(termDeadline(s.current, calendar, '2026-12-22')).toMatchObject({ dueOn: '2026-12-29' });
  });
});

describe('complaints', () => {
  const withComplaint = (addressee: 'provider' | 'quality-authority') =>
    grantedAndClosed().do(
      'complaint-registered',
      { complaintId: 'c-1', addressee, registeredOn: '2026-12-23', summary: 's' },
      { actor: PORTAL },
    );

  it('to the provider: 5 working days', () => {
    const s = withComplaint('provider');
    expect(byStage(caseDeadlines(s.current, calendar, '2026-12-23'))['c-1']).toEqual({
      stage: 'complaint',
      complaintId: 'c-1',
      startedOn: '2026-12-23',
      dueOn: '2026-12-30',
      status: 'on-track',
      workingDaysLeft: 5,
      provisional: false,
    });
    s.do(
      'complaint-answered',
      { complaintId: 'c-1', answeredOn: '2026-12-31', outcome: 'rejected', summary: 's' },
      { actor: HEAD },
    );
    expect(byStage(caseDeadlines(s.current, calendar, '2027-01-04'))['c-1']).toMatchObject({
      status: 'late',
      doneOn: '2026-12-31',
    });
  });

  it('to the quality authority: 15 working days, across the new year (provisional)', () => {
    const d = byStage(caseDeadlines(withComplaint('quality-authority').current, calendar, '2026-12-23'))[
      'c-1'
    ];
    expect(d).toMatchObject({
      dueOn: '2027-01-15',
      status: 'on-track',
      workingDaysLeft: 15,
      provisional: true,
    });
  });
});

describe('provisional', () => {
  it('is set when the days a deadline rests on fall in a provisional year', () => {
    const s = new CaseScript(sampleApplication({ receivedAt: '2026-12-31T12:00:00+05:00' }));
    expect(currentDeadline(s.current, calendar, '2026-12-31')).toMatchObject({
      dueOn: '2026-12-31',
      provisional: false,
    });
    expect(currentDeadline(s.current, calendar, '2027-01-04')).toMatchObject({
      status: 'overdue',
      provisional: true,
    });
  });
});

describe('every term counts from the law’s registration day', () => {
  it('gives a late registration no longer deadlines, and shows it late', () => {
    // The law's day is Monday 14th; registered on Thursday 17th.
    const late = new CaseScript().do('registered', registration('2026-12-17', '2026-12-14'), {
      at: almaty('2026-12-17'),
    });
    const onTime = steps.register(new CaseScript());
    const d = byStage(caseDeadlines(late.current, calendar, '2026-12-17'));
    expect(d.registration).toMatchObject({ dueOn: '2026-12-14', doneOn: '2026-12-17', status: 'late' });
    expect(d.completeness).toMatchObject({ startedOn: '2026-12-14', dueOn: '2026-12-17' });
    expect(d.term).toMatchObject({ startedOn: '2026-12-14', dueOn: '2026-12-29' });
    const o = byStage(caseDeadlines(onTime.current, calendar, '2026-12-17'));
    expect(d.completeness?.dueOn).toBe(o.completeness?.dueOn);
    expect(d.term?.dueOn).toBe(o.term?.dueOn);
  });
});

describe('every stage deadline is capped by the whole term', () => {
  // Registered 14th: the term ends on Tuesday 29th (10 working days, 16th a holiday).
  const schoolAnswered = (s: CaseScript, day: string) =>
    s
      .do(
        'school-request-sent',
        { outgoingNumber: 'O', sentOn: '2026-12-24' },
        { at: almaty('2026-12-24', '12:00') },
      )
      .do('school-answer-recorded', { answeredOn: day, confirmed: true, summary: 's' }, { at: almaty(day) });
  const lateCheck = () =>
    atCompleteness().do('completeness-checked', { complete: true }, { at: almaty('2026-12-24', '11:00') });

  it('ends a stage that started late on the term’s due day', () => {
    const s = lateCheck();
    // Its own 6 days would run to 5 January.
    expect(currentDeadline(s.current, calendar, '2026-12-28')).toMatchObject({
      stage: 'school',
      startedOn: '2026-12-24',
      dueOn: '2026-12-29',
      status: 'at-risk',
    });
    schoolAnswered(s, '2026-12-28');
    expect(currentDeadline(s.current, calendar, '2026-12-28')).toMatchObject({
      stage: 'review',
      dueOn: '2026-12-29',
    });
    expect(byStage(caseDeadlines(s.current, calendar, '2026-12-28')).school).toMatchObject({
      dueOn: '2026-12-29',
      status: 'met',
    });
  });

  it('makes a case past its term overdue, in the current deadline and the urgency alike', () => {
    const s = lateCheck();
    expect(currentDeadline(s.current, calendar, '2026-12-30')).toMatchObject({ status: 'overdue' });
    expect(urgencyOf(s.current, calendar, '2026-12-30')).toBe('overdue');
    expect(urgencyOf(s.current, calendar, '2026-12-24')).toBe('normal');
  });

  it('counts a stage done after the term as late', () => {
    const s = lateCheck();
    schoolAnswered(s, '2026-12-30');
    expect(byStage(caseDeadlines(s.current, calendar, '2026-12-30')).school).toMatchObject({
      dueOn: '2026-12-29',
      doneOn: '2026-12-30',
      status: 'late',
    });
  });
});

describe('the complaint due first', () => {
  it('is the unanswered complaint with the earliest due day, whatever the order of registration', () => {
    const s = grantedAndClosed();
    s.do(
      'complaint-registered',
      { complaintId: 'late', addressee: 'quality-authority', registeredOn: '2026-12-23', summary: 's' },
      { actor: PORTAL, at: almaty('2026-12-23') },
    );
    s.do(
      'complaint-registered',
      { complaintId: 'soon', addressee: 'provider', registeredOn: '2026-12-24', summary: 's' },
      { actor: PORTAL, at: almaty('2026-12-24') },
    );
    // To the provider: 5 days from the 24th → the 31st; to the authority: 15 from the 23rd → 2027.
    expect(nextComplaintDeadline(s.current, calendar, '2026-12-24')).toMatchObject({
      complaintId: 'soon',
      dueOn: '2026-12-31',
    });
    expect(urgencyOf(s.current, calendar, '2027-01-04')).toBe('overdue');
    s.do(
      'complaint-answered',
      { complaintId: 'soon', answeredOn: '2026-12-28', outcome: 'rejected', summary: 's' },
      { actor: HEAD, at: almaty('2026-12-28') },
    );
    expect(nextComplaintDeadline(s.current, calendar, '2026-12-28')).toMatchObject({ complaintId: 'late' });
    expect(urgencyOf(s.current, calendar, '2027-01-04')).toBe('normal');
  });

  it('is undefined when no complaint waits', () => {
    expect(nextComplaintDeadline(grantedAndClosed().current, calendar, '2026-12-24')).toBeUndefined();
  });
});
