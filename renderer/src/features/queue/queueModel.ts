/**
 * The queues in memory: the rows a load prepares once (prepareRows: deadlines, queue bits, search
 * words) and their orders (sortRows), so that the per-keystroke work (queueView.ts) is plain
 * comparisons. Pure: no stores, no storage, no translations.
 */
import type { IsoDate, WorkingDayCalendar } from '../../../../shared/calendar';
import {
  QUEUE_IDS,
  type ComplaintAddressee,
  type Ground,
  type QueueId,
  type Stage,
} from '../../../../shared/workflow';
import { deadlineKey } from '../../db';
import { foldForSearch } from './searchFold';
import { SearchIndex } from './searchIndex';

/** The fields of the storage's queue row this module reads (renderer/src/db CaseRow fits it). */
export interface QueueSourceRow {
  caseId: string;
  caseNumber: string;
  registrationNumber?: string;
  stage: Stage;
  ground: Ground;
  applicant: { iin: string; lastName: string; firstName: string; middleName?: string };
  pupil: { iin: string; lastName: string; firstName: string; middleName?: string };
  schoolName: string;
  className: string;
  /** '' or null when nobody holds the case. */
  assignedTo: string | null;
  receivedAt: string;
  /** '' or null when there is no deadline (closed). */
  dueOn: string | null;
  termDueOn: string | null;
  complaintDueOn?: string | null;
  openComplaints: number;
  /** Each open complaint, earliest due first (absent on a row stored before version 9, until rebuilt). */
  complaints?: ReadonlyArray<{ addressee: ComplaintAddressee; dueOn: string }>;
  outcome?: 'granted' | 'refused';
}

/** One open complaint of a row, with how it stands against its due day. */
export interface DeskComplaint {
  addressee: ComplaintAddressee;
  dueOn: string;
  timeliness: Timeliness;
}

export type QueueKey = QueueId | 'mine' | 'overdue' | 'due-soon' | 'all';
// The officer's own cases first, the cross-stage views, then the workflow's own queues in its order.
// 'mine' depends on who is signed in, so it is the one queue no row's bits hold (viewQueue asks `me`).
export const QUEUE_KEYS: readonly QueueKey[] = ['mine', 'all', 'overdue', 'due-soon', ...QUEUE_IDS];

/** How the case stands against its current deadline; 'none' once closed. */
export type Timeliness = 'on-track' | 'at-risk' | 'overdue' | 'none';

export interface DeskRow {
  row: QueueSourceRow;
  /** Working days left on the current stage (negative: overdue by that many); null without one. */
  daysLeft: number | null;
  termDaysLeft: number | null;
  timeliness: Timeliness;
  /** The queues the case is in, one bit per QUEUE_KEYS entry (a Set per row cost 10,000 allocations). */
  queues: number;
  /**
   * Lowercased words the case is found by, ' word word … '; built on first need (buildSearchIndex
   * in idle time), so drawing the first queue does not wait for it.
   */
  haystack?: string;
  /** Position among the rows of its load (prepareRows), as the search index knows it. */
  ordinal: number;
  /** The search index of its load, shared by all its rows. */
  index: SearchIndex;
  /** For sorting by deadline: cases without one last. */
  dueKey: string;
  /** The row's open complaints (undefined: not listed yet, only counted). */
  complaints?: DeskComplaint[];
}

const STAGE_QUEUE: Record<Exclude<Stage, 'closed'>, QueueId> = {
  registration: 'to-register',
  completeness: 'completeness-due',
  school: 'waiting-school',
  review: 'review',
  approval: 'awaiting-approval',
  'ready-to-send': 'ready-to-send',
};

/** Lowercase, NFC, 'ё' as 'е': the same for stored words and typed queries. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/ё/g, 'е').trim();
}

// Punctuation that joins parts of numbers and names ('KZ-2026-010459', 'Әбу-Бәкір', '01-07/365').
// A list rather than /[^\p{L}\p{N}]/u: the Unicode-property split was the slowest step over 10,000 rows.
export const SEPARATORS = /[\s\-\u2010-\u2015/\\.,;:()«»"'№#_]+/;
const PADDED = /^0+(?=\d)/;

/**
 * The words a case is found by, as one string ' word word … ': a query word matches when ' ' + it
 * occurs, i.e. it starts one of the words. One join and one split per row keep preparing 10,000 rows
 * cheap; a number with leading zeros is also found without them ('00123' by '123'). The words are
 * folded (searchFold.ts), so «токтарова» and «Toktarova» find «Тоқтарова».
 */
function haystackOf(row: QueueSourceRow): string {
  const people = [row.applicant, row.pupil];
  const text = [row.caseNumber, row.registrationNumber ?? '']
    .concat(...people.map((p) => [p.iin, p.lastName, p.firstName, p.middleName ?? '']))
    .join(' ');
  const words = normalizeText(text).split(SEPARATORS);
  const unpadded = words.filter((w) => PADDED.test(w)).map((w) => w.replace(PADDED, ''));
  return ` ${foldForSearch(words.join(' '))} ${unpadded.join(' ')} `;
}

/** One bit per QUEUE_KEYS entry, as DeskRow.queues holds them. */
export const BIT = Object.fromEntries(QUEUE_KEYS.map((k, i) => [k, 1 << i])) as Record<QueueKey, number>;

export function inQueue(r: DeskRow, queue: QueueKey): boolean {
  return (r.queues & BIT[queue]) !== 0;
}

function queuesOf(row: QueueSourceRow, timeliness: Timeliness, complaintTimeliness: Timeliness): number {
  let queues = BIT.all;
  if (row.stage === 'closed') queues |= BIT[row.outcome === 'granted' ? 'granted' : 'refused'];
  else queues |= BIT[STAGE_QUEUE[row.stage]];
  if (row.openComplaints > 0) queues |= BIT.complaints;
  if (timeliness === 'overdue' || complaintTimeliness === 'overdue') queues |= BIT.overdue;
  else if (timeliness === 'at-risk' || complaintTimeliness === 'at-risk') queues |= BIT['due-soon'];
  return queues;
}

/** The row's search words, built once and indexed. */
export function haystack(r: DeskRow): string {
  if (r.haystack === undefined) {
    r.haystack = haystackOf(r.row);
    r.index.add(r.ordinal, r.haystack);
  }
  return r.haystack;
}

/**
 * Builds the search words of `rows` from `start` until `budgetMs` is spent; returns where it
 * stopped (rows.length when done). Called in idle time after the first queue is drawn, so the
 * first search keystroke rarely has to build them.
 */
export function buildSearchIndex(rows: readonly DeskRow[], start: number, budgetMs: number): number {
  const until = performance.now() + budgetMs;
  let i = start;
  while (i < rows.length && performance.now() < until) {
    const end = Math.min(i + 100, rows.length);
    for (; i < end; i++) haystack(rows[i]!);
  }
  return i;
}

/**
 * Rows with what the desk derives from today and the calendar. Many cases share a due day, so the
 * working-day counts are memoised per day: 10,000 rows cost a few hundred calendar walks.
 */
export function prepareRows(
  rows: readonly QueueSourceRow[],
  calendar: WorkingDayCalendar,
  today: IsoDate,
  /** Rows read in chunks share one index: this chunk's first row is at `offset` in it. */
  into: { index: SearchIndex; offset: number } = { index: new SearchIndex(rows.length), offset: 0 },
): DeskRow[] {
  const cache = new Map<string, number>();
  const left = (due: string | null | undefined): number | null => {
    if (!due) return null;
    let n = cache.get(due);
    if (n === undefined) {
      n = calendar.workingDaysBetween(today, due);
      cache.set(due, n);
    }
    return n;
  };
  const timelinessOf = (due: string | null | undefined): Timeliness => {
    if (!due) return 'none';
    if (due < today) return 'overdue';
    return (left(due) ?? 0) <= 1 ? 'at-risk' : 'on-track';
  };
  const { index, offset } = into;
  return rows.map((row, i) => {
    const timeliness = timelinessOf(row.dueOn);
    return {
      row,
      ordinal: offset + i,
      index,
      daysLeft: left(row.dueOn),
      termDaysLeft: row.stage === 'closed' ? null : left(row.termDueOn),
      timeliness,
      queues: queuesOf(row, timeliness, timelinessOf(row.complaintDueOn)),
      dueKey: earliestDue(row),
      ...(row.complaints
        ? { complaints: row.complaints.map((c) => ({ ...c, timeliness: timelinessOf(c.dueOn) })) }
        : {}),
    };
  });
}

/**
 * The day that decides the default order: the stage's due day or an open complaint's, whichever is
 * first (the same key the stored queue heads are in, db/queue-heads.ts).
 */
function earliestDue(row: QueueSourceRow): string {
  return deadlineKey(row);
}

export type SortKey = 'deadline' | 'term' | 'received' | 'caseNumber';

export function sortRows(rows: readonly DeskRow[], key: SortKey): DeskRow[] {
  const keyOf: (r: DeskRow) => string =
    key === 'deadline'
      ? (r) => r.dueKey
      : key === 'term'
        ? (r) => r.row.termDueOn || '9999-99-99'
        : key === 'received'
          ? (r) => r.row.receivedAt
          : (r) => r.row.caseNumber;
  const keyed = rows.map((r) => ({ r, k: keyOf(r) }));
  // Ties by case number, so the order is stable across reloads whatever the storage returned.
  keyed.sort((a, b) =>
    a.k < b.k
      ? -1
      : a.k > b.k
        ? 1
        : a.r.row.caseNumber < b.r.row.caseNumber
          ? -1
          : a.r.row.caseNumber > b.r.row.caseNumber
            ? 1
            : 0,
  );
  return keyed.map((x) => x.r);
}
