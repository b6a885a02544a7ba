/**
 * The dashboard's numbers on cases driven through the reducer, against the workflow's fake calendar
 * (Monday–Friday, 16 December 2026 a holiday). Registered Monday 14.12, a case's completeness check
 * is due on Thursday 17.12 (15th, then 17th: the 16th is a holiday).
 */
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../calendar/types';
import { fakeCalendar } from '../workflow/testing/fake-calendar';
import {
  atCompleteness,
  CaseScript,
  grantedAndClosed,
  HEAD,
  PORTAL,
  sampleApplication,
  steps,
} from '../workflow/testing/scenario';
import { dashboardMetrics, median } from './aggregate';
import { metricCaseOf } from './facts';

const calendar = fakeCalendar({
  holidays: ['2026-12-16', '2027-01-01', '2027-01-07'],
  provisionalFrom: 2027,
});
const DECEMBER = { from: '2026-12-01', to: '2026-12-31' };

function checkedOn(day: IsoDate, caseNumber: string): CaseScript {
  const s = atCompleteness();
  s.current.application.caseNumber = caseNumber;
  return steps.complete(s, day);
}

/** Today Friday 18.12: one check on its last day, one a working day late, one not made (overdue). */
function completenessCases(today: IsoDate = '2026-12-18') {
  const metOnLastDay = checkedOn('2026-12-17', 'KZ-1');
  const lateByOne = checkedOn('2026-12-18', 'KZ-2');
  const overdue = atCompleteness();
  // Received this morning, nobody holds it: registration due today.
  const fresh = new CaseScript(
    sampleApplication({ caseNumber: 'KZ-4', receivedAt: '2026-12-18T10:00:00+05:00' }),
  );
  return [metOnLastDay, lateByOne, overdue, fresh].map((s) => metricCaseOf(s.current, calendar, today));
}

describe('compliance with the law’s deadlines', () => {
  it('counts a check on the last day as met, one a working day later as late, none as overdue', () => {
    const cases = completenessCases();
    const late = cases[1]!.deadlines.find((d) => d.stage === 'completeness');
    expect(late).toMatchObject({
      dueOn: '2026-12-17',
      doneOn: '2026-12-18',
      status: 'late',
      workingDaysLeft: -1,
    });
    const m = dashboardMetrics(cases, { period: DECEMBER, today: '2026-12-18', granularity: 'week' });
    expect(m.sla.byStage.completeness).toEqual({ met: 1, late: 1, overdue: 1, pending: 0, rate: 1 / 3 });
    // Three registered on their day; the fourth is due today and still running.
    expect(m.sla.byStage.registration).toEqual({ met: 3, late: 0, overdue: 0, pending: 1, rate: 1 });
    // The 10-day terms (due 29.12) and the school stages (25.12, 28.12) still run.
    expect(m.sla.byStage.term).toMatchObject({ met: 0, pending: 3, rate: null });
    expect(m.sla.byStage.school).toMatchObject({ pending: 2, rate: null });
    expect(m.sla.overall).toMatchObject({ met: 4, late: 1, overdue: 1, pending: 6 });
  });

  it('puts each deadline in the week or month of its due day, empty ones kept', () => {
    const cases = completenessCases();
    const weeks = dashboardMetrics(cases, { period: DECEMBER, today: '2026-12-18', granularity: 'week' });
    expect(weeks.sla.buckets.map((b) => b.start)).toEqual([
      '2026-11-30',
      '2026-12-07',
      '2026-12-14',
      '2026-12-21',
      '2026-12-28',
    ]);
    const week14 = weeks.sla.buckets[2]!;
    expect(week14.byStage.completeness).toMatchObject({ met: 1, late: 1, overdue: 1 });
    expect(weeks.sla.buckets[1]!.overall).toEqual({ met: 0, late: 0, overdue: 0, pending: 0, rate: null });
    // The school stages are due 25.12 and 28.12: two weeks.
    expect(weeks.sla.buckets[3]!.byStage.school.pending).toBe(1);
    expect(weeks.sla.buckets[4]!.byStage.school.pending).toBe(1);
    const months = dashboardMetrics(cases, {
      period: { from: '2026-11-01', to: '2026-12-31' },
      today: '2026-12-18',
      granularity: 'month',
    });
    expect(months.sla.buckets.map((b) => [b.start, b.overall.met])).toEqual([
      ['2026-11-01', 0],
      ['2026-12-01', 4],
    ]);
  });

  it('counts only deadlines due in the period', () => {
    const m = dashboardMetrics(completenessCases(), {
      period: { from: '2026-12-21', to: '2026-12-27' },
      today: '2026-12-18',
      granularity: 'week',
    });
    expect(m.sla.byStage.completeness).toMatchObject({ met: 0, late: 0, overdue: 0 });
    expect(m.sla.byStage.school.pending).toBe(1);
  });
});

describe('how long stages took', () => {
  it('gives the median in working days and in calendar days', () => {
    const m = dashboardMetrics(completenessCases(), {
      period: DECEMBER,
      today: '2026-12-18',
      granularity: 'week',
    });
    const completeness = m.durations.find((d) => d.stage === 'completeness');
    // 14→17: the 15th and 17th (2 working, 3 calendar); 14→18: 15th, 17th, 18th (3 working, 4 calendar).
    expect(completeness).toEqual({
      stage: 'completeness',
      count: 2,
      medianWorkingDays: 2.5,
      medianCalendarDays: 3.5,
    });
    // Received Friday 11.12 after hours, registered Monday 14.12: one working day, three calendar days.
    expect(m.durations.find((d) => d.stage === 'registration')).toMatchObject({
      count: 3,
      medianWorkingDays: 1,
      medianCalendarDays: 3,
    });
    expect(m.durations.find((d) => d.stage === 'review')).toMatchObject({
      count: 0,
      medianWorkingDays: null,
    });
  });

  it('median of an odd and an even count', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe('load per officer', () => {
  it('counts open, due this week and overdue cases, nobody’s last', () => {
    const m = dashboardMetrics(completenessCases(), {
      period: DECEMBER,
      today: '2026-12-18',
      granularity: 'week',
    });
    expect(m.load).toEqual([
      { officerId: 'officer-1', open: 3, dueThisWeek: 0, overdue: 1 },
      { officerId: null, open: 1, dueThisWeek: 1, overdue: 0 },
    ]);
  });
});

describe('decisions and complaints', () => {
  function refusedGroundOne(approve: boolean): CaseScript {
    const s = atCompleteness();
    steps.incomplete(s);
    steps.refuseGround1(s);
    steps.sendForApproval(s);
    return approve ? steps.approve(s) : steps.returnToOfficer(s);
  }

  it('counts the decisions the head approved, refusals by ground', () => {
    const cases = [grantedAndClosed(), refusedGroundOne(true), refusedGroundOne(false)].map((s) =>
      metricCaseOf(s.current, calendar, '2026-12-23'),
    );
    const m = dashboardMetrics(cases, { period: DECEMBER, today: '2026-12-23', granularity: 'month' });
    expect(m.decisions).toEqual({ grants: 1, refusals: 1, refusalsByGround: { 1: 1, 2: 0 } });
    const january = dashboardMetrics(cases, {
      period: { from: '2027-01-01', to: '2027-01-31' },
      today: '2026-12-23',
      granularity: 'month',
    });
    expect(january.decisions.refusals).toBe(0);
  });

  it('counts complaints answered in time, late, overdue and waiting, by addressee', () => {
    const register = (s: CaseScript, complaintId: string, addressee: 'provider' | 'quality-authority') =>
      s.do(
        'complaint-registered',
        { complaintId, addressee, registeredOn: '2026-12-23', summary: 's' },
        { actor: PORTAL },
      );
    const answer = (s: CaseScript, complaintId: string, answeredOn: IsoDate) =>
      s.do(
        'complaint-answered',
        { complaintId, answeredOn, outcome: 'rejected', summary: 's' },
        { actor: HEAD },
      );
    // Two complaints of one case: one to the provider (due 30.12) answered on the 31st, one to the
    // quality authority (15 working days) still waiting; another case's complaint past its day.
    const first = grantedAndClosed();
    register(first, 'c-1', 'provider');
    register(first, 'c-2', 'quality-authority');
    answer(first, 'c-1', '2026-12-31');
    const second = grantedAndClosed();
    register(second, 'c-3', 'provider');
    const third = grantedAndClosed();
    register(third, 'c-4', 'provider');
    answer(third, 'c-4', '2026-12-30');
    const today = '2027-01-04';
    const cases = [first, second, third].map((s) => metricCaseOf(s.current, calendar, today));
    const m = dashboardMetrics(cases, { period: DECEMBER, today, granularity: 'month' });
    const [one, two, three] = cases.map((c) => ({ caseId: c.caseId, caseNumber: c.caseNumber }));
    const { list, ...counts } = m.complaints;
    // Each complaint by name: to whom, registered, due and answered; the earliest due first (the
    // quality authority's, registered before the second case's, comes last).
    expect(list).toEqual([
      {
        ...one,
        addressee: 'provider',
        registeredOn: '2026-12-23',
        dueOn: '2026-12-30',
        answeredOn: '2026-12-31',
        status: 'late',
      },
      { ...two, addressee: 'provider', registeredOn: '2026-12-23', dueOn: '2026-12-30', status: 'overdue' },
      {
        ...three,
        addressee: 'provider',
        registeredOn: '2026-12-23',
        dueOn: '2026-12-30',
        answeredOn: '2026-12-30',
        status: 'met',
      },
      {
        ...one,
        addressee: 'quality-authority',
        registeredOn: '2026-12-23',
        dueOn: calendar.addWorkingDays('2026-12-23', 15),
        status: 'on-track',
      },
    ]);
    expect(counts).toEqual({
      registered: 4,
      byAddressee: { provider: 3, 'quality-authority': 1 },
      answeredInTime: 1,
      answeredLate: 1,
      overdue: 1,
      waiting: 1,
    });
    // Closed cases with a complaint to answer are still someone's work.
    // The first's complaint to the quality authority is due in the week after this one.
    expect(m.load).toEqual([{ officerId: 'officer-1', open: 2, dueThisWeek: 0, overdue: 1 }]);
  });
});
