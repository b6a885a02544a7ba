import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { DeskDatabase } from './database';
import { countRows, decodeRow, encodeRow, PAGE_SIZE, placeRows, readRows } from './queue-pages';
import type { QueueRow } from './records';
import { uniqueName } from './testing';

const full: QueueRow = {
  caseId: 'c-1',
  version: 7,
  caseNumber: 'KZ-2026-000101',
  registrationNumber: '01-07/147',
  stage: 'closed',
  queues: ['refused', 'complaints'],
  ground: 'marks',
  applicant: { iin: '850101400011', lastName: 'Ахметова', firstName: 'Айгүл', middleName: 'Серікқызы' },
  pupil: { iin: '120305500012', lastName: 'Ахметов', firstName: 'Нұрлан' },
  schoolName: '№ 12 мектеп',
  className: '7 «А»',
  assignedTo: 'officer-1',
  receivedAt: '2026-11-20T10:00:00+05:00',
  registeredOn: '2026-11-20',
  dueOn: null,
  termDueOn: '2026-12-04',
  complaintDueOn: '2026-12-10',
  openComplaints: 2,
  outcome: 'refused',
  heldEvents: 2,
  complaints: [
    { addressee: 'provider', dueOn: '2026-12-10' },
    { addressee: 'quality-authority', dueOn: '2026-12-24' },
  ],
};

const bare: QueueRow = {
  ...full,
  caseId: 'c-2',
  stage: 'registration',
  queues: ['to-register'],
  assignedTo: null,
  dueOn: '2026-11-20',
  termDueOn: null,
  complaintDueOn: null,
  openComplaints: 0,
  complaints: [],
};
delete bare.registrationNumber;
delete bare.registeredOn;
delete bare.outcome;
delete bare.heldEvents;

let db: DeskDatabase | undefined;
afterEach(() => db?.close());

describe('queue pages', () => {
  it('a row survives its tuple, every optional field present or absent', () => {
    expect(decodeRow(encodeRow(full))).toEqual(full);
    expect(decodeRow(encodeRow(bare))).toEqual(bare);
    expect(Object.keys(decodeRow(encodeRow(bare)))).not.toContain('outcome');
  });

  it('reads a tuple written before version 9: no complaint list, unknown only while one is open', () => {
    const before9 = (row: QueueRow) => encodeRow(row).slice(0, 26);
    expect(decodeRow(before9(bare)).complaints).toEqual([]);
    expect(decodeRow(before9(full)).complaints).toBeUndefined();
    expect(decodeRow(before9(full)).openComplaints).toBe(2);
  });

  it('fills a page up to PAGE_SIZE rows, then starts the next; a placed row replaces its slot', async () => {
    db = new DeskDatabase(uniqueName('pages'));
    await db.open();
    expect(await countRows(db)).toBe(0);
    const rows = Array.from({ length: PAGE_SIZE + 3 }, (_, i) => ({ ...bare, caseId: `c-${i}` }));
    const first = await db.transaction('rw', [db.queuePages, db.queueHeads], () =>
      placeRows(
        db!,
        rows.slice(0, 10).map((row) => ({ row, at: undefined })),
      ),
    );
    expect(first.at(-1)).toEqual({ page: 0, slot: 9 });
    const rest = await db.transaction('rw', [db.queuePages, db.queueHeads], () =>
      placeRows(
        db!,
        rows.slice(10).map((row) => ({ row, at: undefined })),
      ),
    );
    expect(rest.at(-1)).toEqual({ page: 1, slot: 2 });
    expect(await db.queuePages.count()).toBe(2);
    expect(await countRows(db)).toBe(PAGE_SIZE + 3);

    const changed = { ...rows[5]!, stage: 'completeness' as const };
    await db.transaction('rw', [db.queuePages, db.queueHeads], () =>
      placeRows(db!, [{ row: changed, at: first[5] }]),
    );
    const read = await readRows(db);
    expect(read).toHaveLength(PAGE_SIZE + 3);
    expect(read[5]).toEqual(changed);
    expect(read.map((r) => r.caseId)).toEqual(rows.map((r) => r.caseId));
  });
});
