/** Filtering, searching and sorting of queue rows (pure; the repository feeds it stored rows). */
import type { IsoDate, WorkingDayCalendar } from '../../../shared/calendar/types';
import type { Ground, QueueId, Stage, Urgency } from '../../../shared/workflow';
import type { QueueRow } from './records';
import { urgencyOfRow } from './rows';

export interface CaseQuery {
  /** Any of these stages. */
  stages?: readonly Stage[];
  /** Any of these queues (queueOf: stage queues, 'refused', 'granted', 'complaints'). */
  queues?: readonly QueueId[];
  grounds?: readonly Ground[];
  /** Exact school name (schoolNames() lists them). */
  schoolName?: string;
  /** A user id; null: cases nobody holds. */
  assignedTo?: string | null;
  /** Any of these urgencies on `today` (needs `today`): 'overdue', 'due-soon' (today or next working day). */
  urgency?: readonly Urgency[];
  today?: IsoDate;
  /** Default 'dueOn': the most urgent due day (stage or open complaint) first, cases with none last. */
  sort?: 'dueOn' | 'termDueOn' | 'receivedAt' | 'caseNumber';
  direction?: 'asc' | 'desc';
  offset?: number;
  limit?: number;
}

/** A queue row as the UI sees it: what version 5 stores (absent values null). */
export type CaseListRow = QueueRow;

/** The due day that decides the order: the earlier of the stage's and an open complaint's. */
function urgentDue(row: QueueRow): string {
  if (row.dueOn === null) return row.complaintDueOn ?? '';
  if (row.complaintDueOn === null) return row.dueOn;
  return row.dueOn < row.complaintDueOn ? row.dueOn : row.complaintDueOn;
}

const SORT_KEY: Record<NonNullable<CaseQuery['sort']>, (row: QueueRow) => string> = {
  dueOn: urgentDue,
  termDueOn: (row) => row.termDueOn ?? '',
  receivedAt: (row) => row.receivedAt,
  caseNumber: (row) => row.caseNumber,
};

/**
 * Filters and sorts rows; pure so it is easy to test. Searching by words is the queue's, in memory
 * (features/queue/queueModel): one search for the whole desk.
 */
export function filterAndSort(
  rows: readonly QueueRow[],
  query: CaseQuery,
  calendar: WorkingDayCalendar,
): QueueRow[] {
  const { stages, queues, grounds, schoolName, assignedTo, urgency, today } = query;
  if (urgency && !today) throw new RangeError('CaseQuery.urgency needs CaseQuery.today');
  const filtered = rows.filter(
    (row) =>
      (!stages || stages.includes(row.stage)) &&
      (!queues || row.queues.some((q) => queues.includes(q))) &&
      (!grounds || grounds.includes(row.ground)) &&
      (schoolName === undefined || row.schoolName === schoolName) &&
      (assignedTo === undefined || row.assignedTo === assignedTo) &&
      (!urgency || !today || urgency.includes(urgencyOfRow(row, calendar, today))),
  );
  const key = SORT_KEY[query.sort ?? 'dueOn'];
  const sign = query.direction === 'desc' ? -1 : 1;
  // Rows without the key ('') go last whatever the direction; ties fall back to the case number.
  return filtered
    .map((row) => ({ row, k: key(row) }))
    .sort((a, b) => {
      if (a.k !== b.k) {
        if (a.k === '' || b.k === '') return a.k === '' ? 1 : -1;
        return a.k < b.k ? -sign : sign;
      }
      return a.row.caseNumber < b.row.caseNumber ? -1 : a.row.caseNumber > b.row.caseNumber ? 1 : 0;
    })
    .map((x) => x.row);
}
