import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { DeskDatabase } from '../database';
import { headsOf, HEAD_SIZE, readHeads } from '../queue-heads';
import { encodeRow, PAGE_SIZE, readRows } from '../queue-pages';
import type { QueueRow } from '../records';
import { testQueueRow, uniqueName } from '../testing';

let db: DeskDatabase | undefined;
afterEach(() => db?.close());

/** Row `i`, with every fifth one awaiting approval and every fourth under a complaint. */
function row(i: number): QueueRow {
  return testQueueRow(i, {
    stage: i % 5 === 0 ? 'approval' : 'review',
    queues: [i % 5 === 0 ? 'awaiting-approval' : 'review'],
    dueOn: `2026-12-${String(((i * 7) % 28) + 1).padStart(2, '0')}`,
    complaintDueOn: i % 4 === 0 ? '2026-11-30' : null,
  });
}

describe('upgrade 011: the queue heads', () => {
  it('builds every head from the rows version 10 stored, over more than one page', async () => {
    const name = uniqueName();
    const old = new DeskDatabase(name, 10);
    await old.open();
    const rows = Array.from({ length: PAGE_SIZE + 130 }, (_, i) => row(i));
    await old.queuePages.bulkPut([
      { page: 0, rows: rows.slice(0, PAGE_SIZE).map(encodeRow) },
      { page: 1, rows: rows.slice(PAGE_SIZE).map(encodeRow) },
    ]);
    old.close();

    db = new DeskDatabase(name);
    await db.open();
    // Opened at the latest version (12 since the stored signature checks), through version 11.
    expect(db.verno).toBe(12);
    const heads = new Map((await readHeads(db)).map((h) => [h.view, h]));
    expect([...heads.keys()].sort()).toEqual([
      'all',
      'awaiting-approval',
      'mine:officer-1',
      'mine:officer-2',
    ]);
    const truth = headsOf(await readRows(db));
    for (const [view, want] of truth) {
      const got = heads.get(view)!;
      expect(got.total, view).toBe(want.total);
      expect(
        got.rows.map((r) => r.caseId),
        view,
      ).toEqual(want.rows.map((r) => r.caseId));
      expect(got.rows.length, view).toBe(Math.min(want.total, HEAD_SIZE));
    }
    // The order is the queue's default: the earliest of the stage's and a complaint's due day first.
    expect(heads.get('all')!.rows[0]!.complaintDueOn).toBe('2026-11-30');
    expect(heads.get('all')!.total).toBe(PAGE_SIZE + 130);
  });

  it('leaves an empty desk with no heads', async () => {
    const name = uniqueName();
    const old = new DeskDatabase(name, 10);
    await old.open();
    old.close();
    db = new DeskDatabase(name);
    await db.open();
    expect(await db.queueHeads.count()).toBe(0);
  });
});
