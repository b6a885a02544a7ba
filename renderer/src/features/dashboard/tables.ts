/**
 * The dashboard's numbers as tables with headers in the officer's language: what the screen shows
 * under each chart and exactly what the CSV and XLSX exports write, so the three cannot disagree.
 * Pure: the translation function and the officers' names are passed in.
 */
import type { TFunction } from 'i18next';
import {
  SLA_STAGES,
  type ComplaintLine,
  type DashboardMetrics,
  type SlaCount,
} from '../../../../shared/metrics';
import { formatDate } from '../../i18n/format';

export type Cell = string | number | null;

export interface Table {
  id: 'sla' | 'sla-buckets' | 'load' | 'decisions' | 'durations' | 'complaints' | 'complaint-list';
  title: string;
  headers: string[];
  /** Every column after the first holds numbers unless it is named here (then it is text). */
  textColumns?: number[];
  rows: Cell[][];
}

/** The share met, in per cent with one decimal; null when nothing fell due. */
export function percent(rate: number | null): number | null {
  return rate === null ? null : Math.round(rate * 1000) / 10;
}

function slaCells(c: SlaCount): Cell[] {
  return [c.met, c.late, c.overdue, c.pending, percent(c.rate)];
}

export function bucketLabel(t: TFunction, start: string, granularity: 'week' | 'month'): string {
  return granularity === 'week'
    ? t('dashboard.weekOf', { date: formatDate(start) })
    : formatDate(start).slice(3);
}

/** A complaint's state in the words of the complaint counts, so the list and the counts agree. */
function complaintState(t: TFunction, status: ComplaintLine['status']): string {
  if (status === 'met') return t('dashboard.complaints.answeredInTime');
  if (status === 'late') return t('dashboard.complaints.answeredLate');
  if (status === 'overdue') return t('dashboard.complaints.overdue');
  return t('dashboard.complaints.waiting');
}

function addresseeOf(t: TFunction, line: ComplaintLine): Cell {
  if (line.addressee === 'provider') return t('dashboard.complaints.provider');
  if (line.addressee === 'quality-authority') return t('dashboard.complaints.qualityAuthority');
  return null;
}

export function dashboardTables(
  m: DashboardMetrics,
  t: TFunction,
  officerName: (id: string) => string,
): Table[] {
  const slaHeaders = ['met', 'late', 'overdue', 'pending', 'rate'].map((k) => t(`dashboard.sla.${k}`));
  return [
    {
      id: 'sla',
      title: t('dashboard.sla.title'),
      headers: [t('dashboard.sla.stage'), ...slaHeaders],
      rows: [
        ...SLA_STAGES.map((s) => [t(`dashboard.stage.${s}`), ...slaCells(m.sla.byStage[s])]),
        [t('dashboard.sla.overall'), ...slaCells(m.sla.overall)],
      ],
    },
    {
      id: 'sla-buckets',
      title: `${t('dashboard.sla.title')}: ${t(`dashboard.${m.granularity}`)}`,
      headers: [t('dashboard.sla.bucket'), ...slaHeaders],
      rows: m.sla.buckets.map((b) => [bucketLabel(t, b.start, m.granularity), ...slaCells(b.overall)]),
    },
    {
      id: 'load',
      title: t('dashboard.load.title'),
      headers: ['officer', 'open', 'dueThisWeek', 'overdue'].map((k) => t(`dashboard.load.${k}`)),
      rows: m.load.map((l) => [
        l.officerId === null ? t('dashboard.load.nobody') : officerName(l.officerId),
        l.open,
        l.dueThisWeek,
        l.overdue,
      ]),
    },
    {
      id: 'decisions',
      title: t('dashboard.decisions.title'),
      headers: [t('dashboard.decisions.kind'), t('dashboard.decisions.count')],
      rows: [
        [t('dashboard.decisions.grants'), m.decisions.grants],
        [t('dashboard.decisions.refusals'), m.decisions.refusals],
        [t('dashboard.decisions.ground1'), m.decisions.refusalsByGround[1]],
        [t('dashboard.decisions.ground2'), m.decisions.refusalsByGround[2]],
      ],
    },
    {
      id: 'durations',
      title: t('dashboard.durations.title'),
      headers: ['stage', 'count', 'workingDays', 'calendarDays'].map((k) => t(`dashboard.durations.${k}`)),
      rows: m.durations.map((d) => [
        t(`dashboard.stage.${d.stage}`),
        d.count,
        d.medianWorkingDays,
        d.medianCalendarDays,
      ]),
    },
    {
      id: 'complaints',
      title: t('dashboard.complaints.title'),
      headers: [t('dashboard.complaints.measure'), t('dashboard.complaints.value')],
      rows: [
        [t('dashboard.complaints.registered'), m.complaints.registered],
        [t('dashboard.complaints.provider'), m.complaints.byAddressee.provider],
        [t('dashboard.complaints.qualityAuthority'), m.complaints.byAddressee['quality-authority']],
        [t('dashboard.complaints.answeredInTime'), m.complaints.answeredInTime],
        [t('dashboard.complaints.answeredLate'), m.complaints.answeredLate],
        [t('dashboard.complaints.overdue'), m.complaints.overdue],
        [t('dashboard.complaints.waiting'), m.complaints.waiting],
      ],
    },
    {
      id: 'complaint-list',
      title: t('dashboard.complaints.listTitle'),
      headers: ['case', 'addressee', 'registeredOn', 'dueOn', 'answeredOn', 'state'].map((k) =>
        t(`dashboard.complaints.${k}`),
      ),
      textColumns: [1, 2, 3, 4, 5],
      rows: m.complaints.list.map((line) => [
        line.caseNumber,
        addresseeOf(t, line),
        formatDate(line.registeredOn),
        formatDate(line.dueOn),
        line.answeredOn === undefined ? null : formatDate(line.answeredOn),
        complaintState(t, line.status),
      ]),
    },
  ];
}
