/**
 * What a queue shows on every keystroke: the rows of the chosen queue under the filters and the
 * search, in the order given, and how many rows each queue holds under the same filters. Works on
 * the rows queueModel.ts prepared once. Pure: no stores, no storage, no translations.
 */
import type { Ground, Stage } from '../../../../shared/workflow';
import {
  BIT,
  haystack,
  normalizeText,
  QUEUE_KEYS,
  SEPARATORS,
  type DeskRow,
  type QueueKey,
} from './queueModel';
import { foldForSearch } from './searchFold';

export interface QueueFilter {
  queue: QueueKey;
  stage: Stage | '';
  ground: Ground | '';
  school: string;
  /** A user id, UNASSIGNED for cases nobody holds, or '' for everyone's. */
  officer: string;
  search: string;
  /** The signed-in user's id: whose cases 'mine' holds. */
  me?: string;
}

export const UNASSIGNED = '~none';

export const EMPTY_FILTER: QueueFilter = {
  queue: 'all',
  stage: '',
  ground: '',
  school: '',
  officer: '',
  search: '',
};

/**
 * The words of a query, split like the cases' words ('KZ-2026-01' → kz, 2026, 01); a case matches
 * when every word starts one of its words.
 */
export function queryWords(query: string): string[] {
  const words = normalizeText(query)
    .split(SEPARATORS)
    .filter((w) => w !== '')
    .map(foldForSearch);
  return [...new Set(words)];
}

function matchesAll(haystack: string, query: readonly string[]): boolean {
  return query.every((q) => haystack.includes(` ${q}`));
}

/**
 * Everything but the queue: what the counts per queue are computed over. `found`: the search
 * index's answer (by ordinal), when it is complete; otherwise the row's words are scanned.
 */
function matchesFilters(
  r: DeskRow,
  f: QueueFilter,
  query: readonly string[],
  found: Uint8Array | undefined,
): boolean {
  const row = r.row;
  if (f.stage && row.stage !== f.stage) return false;
  if (f.ground && row.ground !== f.ground) return false;
  if (f.school && row.schoolName !== f.school) return false;
  if (f.officer) {
    const holder = row.assignedTo ?? '';
    if (f.officer === UNASSIGNED ? holder !== '' : holder !== f.officer) return false;
  }
  if (query.length === 0) return true;
  return found ? found[r.ordinal] === 1 : matchesAll(haystack(r), query);
}

export interface QueueView {
  rows: DeskRow[];
  counts: Record<QueueKey, number>;
}

/** An order's rows as numbers, position by position: what a search keystroke reads of most rows. */
interface OrderColumns {
  /** Each row's ordinal (its place in the search index). */
  ordinals: Int32Array;
  /** Each row's queue bits, with 'mine' for `me`. */
  queues: Int32Array;
  me: string;
}

/**
 * Kept per order (sortRows makes a new array for every order, and nothing changes one after) and
 * signed-in person: a search then passes over the rows it did not find, and counts the queues of
 * those it did, without reading the rows themselves (at 100,000 cases, reading every row object on
 * a keystroke was most of its time).
 */
const columnsOf = new WeakMap<readonly DeskRow[], OrderColumns>();

function orderColumns(sorted: readonly DeskRow[], me: string): OrderColumns {
  let kept = columnsOf.get(sorted);
  if (kept?.me !== me || kept.ordinals.length !== sorted.length) {
    kept = {
      ordinals: Int32Array.from(sorted, (r) => r.ordinal),
      queues: Int32Array.from(sorted, (r) =>
        me !== '' && r.row.assignedTo === me ? r.queues | BIT.mine : r.queues,
      ),
      me,
    };
    columnsOf.set(sorted, kept);
  }
  return kept;
}

/** The rows of the chosen queue, in the order given, and how many each queue holds under the same filters. */
export function viewQueue(sorted: readonly DeskRow[], f: QueueFilter): QueueView {
  const rows: DeskRow[] = [];
  const query = queryWords(f.search);
  const found = query.length > 0 ? sorted[0]?.index.match(query) : undefined;
  const { ordinals, queues } = orderColumns(sorted, f.me ?? '');
  // The rows themselves are read only for the filters other than the search, or to scan their
  // words while the index is not complete.
  const readRows = f.stage || f.ground || f.school || f.officer || (query.length > 0 && !found);
  // How many rows have each combination of queue bits; the counts per queue are summed from it.
  const perQueues = new Int32Array(1 << QUEUE_KEYS.length);
  const chosen = BIT[f.queue];
  for (let i = 0; i < sorted.length; i++) {
    if (found && found[ordinals[i]!] === 0) continue;
    if (readRows && !matchesFilters(sorted[i]!, f, query, found)) continue;
    const bits = queues[i]!;
    perQueues[bits] = perQueues[bits]! + 1;
    if (bits & chosen) rows.push(sorted[i]!);
  }
  // Counted by bit (a row is in two or three of the twelve queues): bit i is QUEUE_KEYS[i].
  const perBit = new Array<number>(QUEUE_KEYS.length).fill(0);
  perQueues.forEach((n, combination) => {
    if (n === 0) return;
    for (let bits = combination; bits !== 0; bits &= bits - 1) {
      const i = 31 - Math.clz32(bits & -bits);
      perBit[i] = (perBit[i] ?? 0) + n;
    }
  });
  const counts = Object.fromEntries(QUEUE_KEYS.map((k, i) => [k, perBit[i] ?? 0])) as Record<
    QueueKey,
    number
  >;
  return { rows, counts };
}
