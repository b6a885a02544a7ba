import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  atCompleteness,
  atReview,
  grantedAndClosed,
  type CaseScript,
} from '../../../shared/workflow/testing/scenario';
import { DeskDatabase } from './database';
import type { Desk } from './desk';
import { HEAD_SIZE, headsOf, isShort, readHeads, refillHeads, type HeadView } from './queue-heads';
import { placeRows, readRows, type Placement } from './queue-pages';
import type { QueueRow } from './records';
import { openTestDesk, testQueueRow, uniqueName } from './testing';

let db: DeskDatabase | undefined;
let desk: Desk | undefined;
afterEach(() => {
  db?.close();
  desk?.close();
  db = desk = undefined;
});

const row = testQueueRow;

/**
 * Every stored head is the true start of its view (nothing missing, nothing out of order) with the
 * view's true size; `whole`: and as long as it can be (HEAD_SIZE or the whole view).
 */
async function expectHeadsTrue(d: DeskDatabase, whole: boolean): Promise<void> {
  const truth = headsOf(await readRows(d));
  const stored = new Map((await readHeads(d)).map((h) => [h.view, h]));
  for (const [view, want] of truth) {
    const got = stored.get(view);
    expect(got, view).toBeDefined();
    expect(got!.total, view).toBe(want.total);
    const ids = got!.rows.map((r) => r.caseId);
    expect(ids, view).toEqual(want.rows.slice(0, ids.length).map((r) => r.caseId));
    if (whole) expect(ids.length, view).toBe(Math.min(want.total, HEAD_SIZE));
  }
  // A view nobody is in any more holds no rows.
  for (const [view, h] of stored) if (!truth.has(view)) expect(h.total, view).toBe(0);
}

async function place(d: DeskDatabase, updates: Array<{ row: QueueRow; at: Placement | undefined }>) {
  return d.transaction('rw', [d.queuePages, d.queueHeads], () => placeRows(d, updates));
}

describe('queue heads', () => {
  it('are kept true by placeRows: new rows, later deadlines, another officer, another stage', async () => {
    db = new DeskDatabase(uniqueName());
    await db.open();
    const rows = Array.from({ length: 450 }, (_, i) => row(i));
    const at: Placement[] = [];
    // In batches, as ingest chunks write them.
    for (let start = 0; start < rows.length; start += 97)
      at.push(
        ...(await place(
          db,
          rows.slice(start, start + 97).map((r) => ({ row: r, at: undefined })),
        )),
      );
    await expectHeadsTrue(db, true);
    const all = (await readHeads(db)).find((h) => h.view === 'all')!;
    expect(all.total).toBe(450);
    expect(all.rows).toHaveLength(HEAD_SIZE);

    // The first 30 of 'all' move to the end of the year; 20 others become the earliest; some change hands.
    const first = all.rows.slice(0, 30).map((r) => Number(r.caseId.slice(2)));
    const moved = first.map((i) => ({ row: row(i, { dueOn: '2026-12-31', version: 2 }), at: at[i] }));
    const early = [
      400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 418, 419,
    ]
      .filter((i) => !first.includes(i))
      .map((i) => ({ row: row(i, { dueOn: '2026-10-01', version: 2 }), at: at[i] }));
    const handed = [5, 6, 7].map((i) => ({ row: row(i, { assignedTo: 'officer-9' }), at: at[i] }));
    const approval = [8, 9].map((i) => ({
      row: row(i, { stage: 'approval', queues: ['awaiting-approval'] }),
      at: at[i],
    }));
    await place(db, moved);
    await place(db, [...early, ...handed, ...approval]);
    // True, but 'all' lost rows no write could replace without reading every row.
    await expectHeadsTrue(db, false);
    const heads = new Map((await readHeads(db)).map((h) => [h.view, h]));
    expect(heads.get('mine:officer-9')).toMatchObject({ total: 3 });
    expect(heads.get('awaiting-approval')?.rows.map((r) => r.caseId)).toEqual(['c-8', 'c-9']);
    expect(heads.get('all')!.rows.length).toBeLessThan(HEAD_SIZE);
  });

  it('are refilled from the rows the desk read, unless a write changed them meanwhile', async () => {
    db = new DeskDatabase(uniqueName());
    await db.open();
    const rows = Array.from({ length: 300 }, (_, i) => row(i, { assignedTo: 'officer-1' }));
    const at = await place(
      db,
      rows.map((r) => ({ row: r, at: undefined })),
    );
    const firstIds = (await readHeads(db)).find((h) => h.view === 'all')!.rows.map((r) => r.caseId);
    // 80 of the first rows move past the end: the heads shrink below half a head.
    await place(
      db,
      firstIds.slice(0, 80).map((id) => {
        const i = Number(id.slice(2));
        return { row: row(i, { assignedTo: 'officer-1', dueOn: '2027-01-31' }), at: at[i] };
      }),
    );
    const short = await readHeads(db);
    expect(
      short
        .filter((h) => isShort(h))
        .map((h) => h.view)
        .sort(),
    ).toEqual(['all', 'mine:officer-1']);
    const stamps = new Map<HeadView, number>(short.map((h) => [h.view, h.stamp]));
    const read = await readRows(db);
    // A write to officer-1's cases lands between the read and the refill: that head is left short.
    await place(db, [{ row: row(299, { assignedTo: 'officer-1', version: 3 }), at: at[299] }]);
    // …and so is 'all' (the same write touched it): nothing refilled from a stale read.
    expect(await refillHeads(db, read, stamps)).toBe(0);
    const fresh = await readHeads(db);
    const fresher = new Map<HeadView, number>(fresh.map((h) => [h.view, h.stamp]));
    expect(await refillHeads(db, await readRows(db), fresher)).toBe(2);
    await expectHeadsTrue(db, true);
  });
});

/** Cases through the desk's own ingest: some at completeness, review and closed, held by two officers. */
function scripts(): CaseScript[] {
  const made: CaseScript[] = [];
  for (let i = 0; i < 12; i++) {
    const s = i % 3 === 0 ? atCompleteness() : i % 3 === 1 ? atReview() : grantedAndClosed();
    for (const e of s.events) e.caseId = `case-${i}`;
    made.push(s);
  }
  return made;
}

describe('queue heads through the desk', () => {
  async function seeded(): Promise<Desk> {
    const d = await openTestDesk();
    await d.rebuilt;
    for (const s of scripts()) {
      const caseId = s.events[0]!.caseId;
      expect(await d.cases.ingest(caseId, s.events, 'remote')).toMatchObject({ ok: true });
    }
    return d;
  }

  /** A head cut short, as many rows moving past its end leave it. */
  async function cutShort(d: Desk): Promise<void> {
    const all = await d.db.queueHeads.get('all');
    await d.db.queueHeads.put({ ...all!, rows: [] });
  }

  it('follow every ingest, and the rebuild and refreshDeadlines fill a head that shrank', async () => {
    desk = await seeded();
    await expectHeadsTrue(desk.db, true);

    await cutShort(desk);
    await desk.cases.refreshDeadlines();
    await expectHeadsTrue(desk.db, true);

    await cutShort(desk);
    // Every projection stale, as after a reducer change: the rebuild folds and places every row.
    await desk.db.caseStates.toCollection().modify((r: { reducerVersion?: number }) => {
      r.reducerVersion = 0;
    });
    await desk.db.syncState.delete('projections.reducerVersion');
    await desk.cases.rebuildStale();
    await expectHeadsTrue(desk.db, true);
  });
});
