/**
 * The head's dashboard as numbers: compliance with the law's deadlines per stage and overall, by
 * week or month; each officer's load today; refusals by ground; how long stages took; complaints.
 * Everything is counted from MetricCase (facts.ts), so the same numbers can come from the server.
 */
import { addDays } from '../calendar/dates';
import type { IsoDate } from '../calendar/types';
import type { ComplaintAddressee, DeadlineStage } from '../workflow';
import type { MetricCase, MetricDeadline } from './facts';
import { bucketOf, bucketsOf, inPeriod, weekStart, type Granularity, type Period } from './period';

export const SLA_STAGES = ['registration', 'completeness', 'school', 'review', 'term', 'complaint'] as const;
export type SlaStage = (typeof SLA_STAGES)[number] & DeadlineStage;

/**
 * Deadlines due in the period: `met` done on or before the due day, `late` done after it,
 * `overdue` past its due day and not done; `pending` still running (due later in the period).
 * `rate` is met / (met + late + overdue), null when none of them fell due.
 */
export interface SlaCount {
  met: number;
  late: number;
  overdue: number;
  pending: number;
  rate: number | null;
}

export interface SlaBucket {
  /** The bucket's first day: a week's Monday or a month's first day. */
  start: IsoDate;
  overall: SlaCount;
  byStage: Record<SlaStage, SlaCount>;
}

export interface OfficerLoad {
  /** Null: cases nobody holds yet. */
  officerId: string | null;
  /** Cases not closed, or closed with a complaint still to answer. */
  open: number;
  /** Of those, due (stage or complaint) between today and Sunday, not yet overdue. */
  dueThisWeek: number;
  overdue: number;
}

export interface StageDuration {
  stage: SlaStage;
  /** Stages done in the period (by the day they were done). */
  count: number;
  /** Median working days from the start day to the day done; null when none was done. */
  medianWorkingDays: number | null;
  /** Median calendar days over the same stages. */
  medianCalendarDays: number | null;
}

/** One complaint registered in the period: which case, to whom, when registered, due and answered. */
export interface ComplaintLine {
  caseId: string;
  caseNumber: string;
  /** Absent only for a complaint whose addressee the case does not name (none is recorded so). */
  addressee?: ComplaintAddressee;
  registeredOn: IsoDate;
  dueOn: IsoDate;
  answeredOn?: IsoDate;
  /** met: answered in time; late: answered after the due day; overdue: unanswered past it; pending: waiting. */
  status: MetricDeadline['status'];
}

export interface ComplaintCounts {
  /** Registered in the period. */
  registered: number;
  /** Each of them, the earliest due first (then by case number), so two of one case are told apart. */
  list: ComplaintLine[];
  byAddressee: Record<ComplaintAddressee, number>;
  answeredInTime: number;
  answeredLate: number;
  /** Still unanswered past the due day. */
  overdue: number;
  /** Still unanswered, due day not yet passed. */
  waiting: number;
}

export interface DashboardMetrics {
  period: Period;
  today: IsoDate;
  granularity: Granularity;
  cases: number;
  sla: { overall: SlaCount; byStage: Record<SlaStage, SlaCount>; buckets: SlaBucket[] };
  load: OfficerLoad[];
  /** Decisions the head approved with their date in the period. */
  decisions: { grants: number; refusals: number; refusalsByGround: Record<1 | 2, number> };
  durations: StageDuration[];
  complaints: ComplaintCounts;
}

interface Tally {
  met: number;
  late: number;
  overdue: number;
  pending: number;
}

const emptyTally = (): Tally => ({ met: 0, late: 0, overdue: 0, pending: 0 });
const byStage = <T>(make: () => T) =>
  Object.fromEntries(SLA_STAGES.map((s) => [s, make()])) as Record<SlaStage, T>;

function count(tally: Tally, d: MetricDeadline): void {
  if (d.status === 'met') tally.met += 1;
  else if (d.status === 'late') tally.late += 1;
  else if (d.status === 'overdue') tally.overdue += 1;
  else tally.pending += 1;
}

function finish(t: Tally): SlaCount {
  const due = t.met + t.late + t.overdue;
  return { ...t, rate: due === 0 ? null : t.met / due };
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function isOpen(c: MetricCase): boolean {
  return c.stage !== 'closed' || c.nextComplaint !== undefined;
}

function officerLoad(cases: readonly MetricCase[], today: IsoDate): OfficerLoad[] {
  const sunday = addDays(weekStart(today), 6);
  const byOfficer = new Map<string | null, OfficerLoad>();
  for (const c of cases) {
    if (!isOpen(c)) continue;
    const load = byOfficer.get(c.assignedTo) ?? {
      officerId: c.assignedTo,
      open: 0,
      dueThisWeek: 0,
      overdue: 0,
    };
    byOfficer.set(c.assignedTo, load);
    load.open += 1;
    const running = [c.current, c.nextComplaint].filter((d) => d !== undefined);
    if (running.some((d) => d.status === 'overdue')) load.overdue += 1;
    else if (running.some((d) => d.dueOn >= today && d.dueOn <= sunday)) load.dueThisWeek += 1;
  }
  // The most overdue first; nobody's cases last, since they need assigning rather than chasing.
  return [...byOfficer.values()].sort(
    (a, b) =>
      Number(a.officerId === null) - Number(b.officerId === null) ||
      b.overdue - a.overdue ||
      b.open - a.open ||
      String(a.officerId).localeCompare(String(b.officerId)),
  );
}

export function dashboardMetrics(
  cases: readonly MetricCase[],
  options: { period: Period; today: IsoDate; granularity: Granularity },
): DashboardMetrics {
  const { period, today, granularity } = options;
  const overall = emptyTally();
  const stages = byStage(emptyTally);
  const bucketStarts = bucketsOf(period, granularity);
  const buckets = new Map(
    bucketStarts.map((start) => [start, { overall: emptyTally(), byStage: byStage(emptyTally) }]),
  );
  const done = byStage((): { working: number[]; calendar: number[] } => ({ working: [], calendar: [] }));
  const complaints: ComplaintCounts = {
    registered: 0,
    list: [],
    byAddressee: { provider: 0, 'quality-authority': 0 },
    answeredInTime: 0,
    answeredLate: 0,
    overdue: 0,
    waiting: 0,
  };
  const decisions = { grants: 0, refusals: 0, refusalsByGround: { 1: 0, 2: 0 } };

  for (const c of cases) {
    for (const d of c.deadlines) {
      const stage = d.stage;
      if (inPeriod(d.dueOn, period)) {
        count(overall, d);
        count(stages[stage], d);
        const bucket = buckets.get(bucketOf(d.dueOn, granularity));
        if (bucket) {
          count(bucket.overall, d);
          count(bucket.byStage[stage], d);
        }
      }
      if (d.doneOn !== undefined && inPeriod(d.doneOn, period) && d.workingDays !== undefined) {
        done[stage].working.push(d.workingDays);
        done[stage].calendar.push(d.calendarDays ?? 0);
      }
      if (stage === 'complaint' && inPeriod(d.startedOn, period)) {
        complaints.registered += 1;
        complaints.list.push({
          caseId: c.caseId,
          caseNumber: c.caseNumber,
          ...(d.addressee ? { addressee: d.addressee } : {}),
          registeredOn: d.startedOn,
          dueOn: d.dueOn,
          ...(d.doneOn !== undefined ? { answeredOn: d.doneOn } : {}),
          status: d.status,
        });
        if (d.addressee) complaints.byAddressee[d.addressee] += 1;
        if (d.status === 'met') complaints.answeredInTime += 1;
        else if (d.status === 'late') complaints.answeredLate += 1;
        else if (d.status === 'overdue') complaints.overdue += 1;
        else complaints.waiting += 1;
      }
    }
    if (c.decision && inPeriod(c.decision.on, period)) {
      if (c.decision.kind === 'grant') decisions.grants += 1;
      else {
        decisions.refusals += 1;
        if (c.decision.ground) decisions.refusalsByGround[c.decision.ground] += 1;
      }
    }
  }

  complaints.list.sort(
    (a, b) =>
      a.dueOn.localeCompare(b.dueOn) ||
      a.caseNumber.localeCompare(b.caseNumber) ||
      a.registeredOn.localeCompare(b.registeredOn),
  );

  return {
    period,
    today,
    granularity,
    cases: cases.length,
    sla: {
      overall: finish(overall),
      byStage: Object.fromEntries(SLA_STAGES.map((s) => [s, finish(stages[s])])) as Record<
        SlaStage,
        SlaCount
      >,
      buckets: bucketStarts.map((start) => {
        const b = buckets.get(start)!;
        return {
          start,
          overall: finish(b.overall),
          byStage: Object.fromEntries(SLA_STAGES.map((s) => [s, finish(b.byStage[s])])) as Record<
            SlaStage,
            SlaCount
          >,
        };
      }),
    },
    load: officerLoad(cases, today),
    decisions,
    durations: SLA_STAGES.map((stage) => ({
      stage,
      count: done[stage].working.length,
      medianWorkingDays: median(done[stage].working),
      medianCalendarDays: median(done[stage].calendar),
    })),
    complaints,
  };
}
