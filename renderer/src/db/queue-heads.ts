/**
 * The heads of the queues (version 11): for each view the first screen of the desk can show — every
 * case (`all`), each officer's own (`mine:<user id>`) and the head's `awaiting-approval` — the first
 * rows in the default order (deadline, then case number) and how many cases the view holds. Opening
 * the desk reads these few records and draws the queue at once; every row is read afterwards, in the
 * background (at 100,000 cases decoding all the pages takes seconds).
 *
 * A head is always a true prefix of its view: the rows it holds are the view's first ones, in order,
 * with nothing missing between them. placeRows keeps it so in the writer's own transaction: a row that
 * changes leaves the heads it was in, and enters a head when it sorts before the head's last row (or
 * when the head holds its whole view). A row that moves past the end of a full head is not replaced by
 * the next one (only a read of every row knows it), so a head can shrink; the rebuild and
 * refreshDeadlines, which rewrite every row anyway, compute the heads afresh (fillHeads), and the desk
 * refills a short head from the rows it has read (refillHeads), unless a write touched it meanwhile.
 *
 * The rows are stored as queue-pages tuples (the same layout, the same rule: never repurposed in place).
 */
import type { DeskDatabase } from './database';
import { decodeRow, encodeRow, readRows } from './queue-pages';
import type { QueueHeadRecord, QueueRow } from './records';

/** Rows kept per head: a screen shows about 15; a head keeps serving while some of them move away. */
export const HEAD_SIZE = 100;

export type HeadView = 'all' | 'awaiting-approval' | `mine:${string}`;

export const mineView = (userId: string): HeadView => `mine:${userId}`;

/** The fields the order and the views are decided by. */
type Ordered = Pick<QueueRow, 'dueOn' | 'complaintDueOn' | 'caseNumber'>;

/**
 * The day the default order ("by deadline") goes by: the stage's due day or an open complaint's,
 * whichever is first; cases without one last. The queue (features/queue) sorts by the same key.
 */
export function deadlineKey(row: { dueOn: string | null; complaintDueOn?: string | null }): string {
  const a = row.dueOn || '';
  const b = row.complaintDueOn || '';
  if (a && b) return a < b ? a : b;
  return a || b || '9999-99-99';
}

/** Negative when `a` comes first in the default order (ties by case number). */
export function compareByDeadline(a: Ordered, b: Ordered): number {
  const ka = deadlineKey(a);
  const kb = deadlineKey(b);
  if (ka !== kb) return ka < kb ? -1 : 1;
  return a.caseNumber < b.caseNumber ? -1 : a.caseNumber > b.caseNumber ? 1 : 0;
}

/** The heads a row belongs to. */
export function viewsOf(row: Pick<QueueRow, 'stage' | 'assignedTo'>): HeadView[] {
  const views: HeadView[] = ['all'];
  if (row.stage === 'approval') views.push('awaiting-approval');
  if (row.assignedTo) views.push(mineView(row.assignedTo));
  return views;
}

/** A head as the desk reads it. */
export interface QueueHead {
  view: HeadView;
  total: number;
  /** The view's first rows, in the default order (fewer than HEAD_SIZE when the head shrank). */
  rows: QueueRow[];
  /** Changed by every write to the head: a refill is dropped when the head changed since it was read. */
  stamp: number;
}

/** Whether the head lacks rows its view has (it shrank below a full screen's worth). */
export function isShort(head: { total: number; rows: readonly unknown[] }): boolean {
  return head.rows.length < Math.min(head.total, HEAD_SIZE / 2);
}

const CASE_ID = 0;

/**
 * Keeps the heads true after rows were written (inside the writer's transaction, which must include
 * db.queueHeads). `before`: the row as stored until now (undefined for a new case).
 */
export async function updateHeads(
  db: DeskDatabase,
  changes: ReadonlyArray<{ before: QueueRow | undefined; after: QueueRow }>,
): Promise<void> {
  if (changes.length === 0) return;
  const views = new Set<HeadView>();
  for (const { before, after } of changes) {
    if (before) for (const v of viewsOf(before)) views.add(v);
    for (const v of viewsOf(after)) views.add(v);
  }
  const keys = [...views];
  const stored = await db.queueHeads.bulkGet(keys);
  const records = keys.map((view, i): QueueHeadRecord => stored[i] ?? { view, total: 0, rows: [], stamp: 0 });
  for (const record of records) {
    const view = record.view as HeadView;
    // Whether the head held the whole view before these changes: then every entering row belongs in it.
    const whole = record.rows.length === record.total;
    const leaving = new Set<string>();
    let entering: QueueRow[] = [];
    for (const { before, after } of changes) {
      if (before && viewsOf(before).includes(view)) {
        record.total -= 1;
        leaving.add(before.caseId);
      }
      if (viewsOf(after).includes(view)) {
        record.total += 1;
        leaving.add(after.caseId);
        entering.push(after);
      }
    }
    let rows = record.rows.filter((t) => !leaving.has(t[CASE_ID] as string)).map(decodeRow);
    if (!whole && rows.length > 0) {
      const last = rows[rows.length - 1] as QueueRow;
      entering = entering.filter((r) => compareByDeadline(r, last) < 0);
    } else if (!whole) entering = [];
    rows = rows.concat(entering).sort(compareByDeadline).slice(0, HEAD_SIZE);
    record.rows = rows.map(encodeRow);
    record.stamp += 1;
  }
  await db.queueHeads.bulkPut(records);
}

/** The heads of every view, computed from all of `rows` (any order). */
export function headsOf(rows: readonly QueueRow[]): Map<HeadView, { total: number; rows: QueueRow[] }> {
  const heads = new Map<HeadView, { total: number; rows: QueueRow[] }>();
  for (const row of rows)
    for (const view of viewsOf(row)) {
      let head = heads.get(view);
      if (!head) heads.set(view, (head = { total: 0, rows: [] }));
      head.total += 1;
      head.rows.push(row);
    }
  for (const head of heads.values()) head.rows = head.rows.sort(compareByDeadline).slice(0, HEAD_SIZE);
  return heads;
}

/**
 * Replaces every head with one computed from `rows` (all the stored rows), inside the caller's
 * transaction (which must include db.queueHeads): the upgrade, the rebuild, refreshDeadlines.
 */
export async function fillHeads(db: DeskDatabase, rows: readonly QueueRow[]): Promise<void> {
  const old = new Map((await db.queueHeads.toArray()).map((h) => [h.view, h.stamp]));
  const heads = headsOf(rows);
  await db.queueHeads.clear();
  await db.queueHeads.bulkPut(
    [...heads].map(([view, h]) => ({
      view,
      total: h.total,
      rows: h.rows.map(encodeRow),
      stamp: (old.get(view) ?? 0) + 1,
    })),
  );
}

/**
 * After a pass that rewrote many rows (the rebuild, refreshDeadlines): if a head shrank, every head
 * is computed afresh from all the rows, in one transaction. Nothing to do (and nothing read) otherwise.
 */
export async function fillShortHeads(db: DeskDatabase): Promise<boolean> {
  return db.transaction('rw', [db.queuePages, db.queueHeads], async () => {
    const heads = await db.queueHeads.toArray();
    if (!heads.some((h) => isShort(h))) return false;
    await fillHeads(db, await readRows(db));
    return true;
  });
}

/** Every head, decoded. */
export async function readHeads(db: DeskDatabase): Promise<QueueHead[]> {
  return (await db.queueHeads.toArray()).map((h) => ({
    view: h.view as HeadView,
    total: h.total,
    rows: h.rows.map(decodeRow),
    stamp: h.stamp,
  }));
}

/**
 * Refills the heads that shrank, from every row the desk read (`rows`), each only if its stamp is
 * still the one read with the heads (`stamps`): a head written meanwhile is left as it is (still
 * true, only short). Returns how many were refilled.
 */
export async function refillHeads(
  db: DeskDatabase,
  rows: readonly QueueRow[],
  stamps: ReadonlyMap<HeadView, number>,
): Promise<number> {
  const fresh = headsOf(rows);
  return db.transaction('rw', db.queueHeads, async () => {
    const stored = await db.queueHeads.bulkGet([...stamps.keys()]);
    const refilled: QueueHeadRecord[] = [];
    for (const record of stored) {
      if (!record || record.stamp !== stamps.get(record.view as HeadView)) continue;
      if (!isShort(record)) continue;
      const head = fresh.get(record.view as HeadView);
      if (!head || head.total !== record.total) continue;
      refilled.push({ ...record, rows: head.rows.map(encodeRow), stamp: record.stamp + 1 });
    }
    await db.queueHeads.bulkPut(refilled);
    return refilled.length;
  });
}
