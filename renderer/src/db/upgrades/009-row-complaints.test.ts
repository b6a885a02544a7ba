import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { kazakhstanCalendar } from '../../../../shared/calendar';
import { complaintDeadline, REDUCER_VERSION } from '../../../../shared/workflow';
import { almaty, atReview, grantedAndClosed } from '../../../../shared/workflow/testing/scenario';
import { DeskDatabase } from '../database';
import { openDesk } from '../desk';
import { declareSchema } from '../schema';
import { uniqueName } from '../testing';

/** A closed case with two open complaints, one to the akimat and one to the quality authority. */
function complained() {
  const s = grantedAndClosed();
  s.do(
    'complaint-registered',
    { complaintId: 'q', addressee: 'quality-authority', registeredOn: '2026-12-22', summary: 'Disagrees' },
    { at: almaty('2026-12-23', '11:00') },
  );
  s.do(
    'complaint-registered',
    { complaintId: 'p', addressee: 'provider', registeredOn: '2026-12-23', summary: 'Disagrees' },
    { at: almaty('2026-12-23', '11:05') },
  );
  return s;
}

const TABLES = ['caseStates', 'caseEvents', 'queuePages', 'syncState', 'caseFiles'] as const;

/**
 * Writes what a version 8 desk stored for these cases: made by today's code, then the queue rows cut
 * back to the 26 positions versions 5–8 wrote (there was no complaint list).
 */
async function writeV8(name: string) {
  const made = await openDesk({ name: uniqueName('made-by-v9') });
  const withComplaints = complained();
  // The same script makes every case 'case-1': the second one is moved to its own id.
  const plain = atReview();
  for (const e of plain.events) e.caseId = 'case-2';
  plain.state = { ...plain.current, caseId: 'case-2' };
  for (const s of [withComplaints, plain]) {
    const result = await made.cases.ingest(s.current.caseId, s.events, 'remote');
    expect(result).toMatchObject({ ok: true });
  }
  await made.rebuilt;
  const dump = Object.fromEntries(
    await Promise.all(TABLES.map(async (t) => [t, await made.db.table(t).toArray()] as const)),
  );
  made.close();

  const old = new Dexie(name);
  declareSchema(old, 8);
  await old.open();
  for (const t of TABLES) {
    const records = dump[t] as Array<Record<string, unknown>>;
    const stored =
      t === 'queuePages'
        ? records.map((p) => ({ ...p, rows: (p.rows as unknown[][]).map((row) => row.slice(0, 26)) }))
        : records;
    await old.table(t).bulkPut(stored);
  }
  // A version 8 desk that had rebuilt everything: the marker says so.
  const marker = (await old.table('syncState').get('projections.reducerVersion')) as
    { value: unknown } | undefined;
  expect(marker?.value).toBe(REDUCER_VERSION);
  old.close();
  return { complaintCase: withComplaints.current, plainCase: plain.current.caseId };
}

describe('upgrade 009: each open complaint in the queue row', () => {
  it('stamps stale only the cases with an open complaint; the rebuild then lists them, to whom and when', async () => {
    const name = uniqueName('upgrade-009');
    const { complaintCase, plainCase } = await writeV8(name);

    const db = new DeskDatabase(name, 9);
    await db.open();
    expect(db.verno).toBe(9);
    expect((await db.caseStates.get(complaintCase.caseId))?.reducerVersion).toBe(0);
    expect((await db.caseStates.get(plainCase))?.reducerVersion).toBe(REDUCER_VERSION);
    expect(await db.syncState.get('projections.reducerVersion')).toBeUndefined();
    db.close();

    const desk = await openDesk({ name });
    const rebuilt = await desk.rebuilt;
    expect(rebuilt.rebuilt).toBe(1);
    const rows = await desk.cases.listAll();
    const row = rows.find((r) => r.caseId === complaintCase.caseId);
    const due = (id: string) =>
      complaintDeadline(
        complaintCase.complaints.find((c) => c.complaintId === id)!,
        kazakhstanCalendar,
        '2026-12-23',
      ).dueOn;
    // The akimat answers in 5 working days, the quality authority in 15: the later-made complaint is due first.
    expect(row?.complaints).toEqual([
      { addressee: 'provider', dueOn: due('p') },
      { addressee: 'quality-authority', dueOn: due('q') },
    ]);
    expect(row?.openComplaints).toBe(2);
    expect(rows.find((r) => r.caseId === plainCase)?.complaints).toEqual([]);
    desk.close();
  });

  it('changes nothing where no complaint is open', async () => {
    const name = uniqueName('upgrade-009-none');
    const old = new Dexie(name);
    declareSchema(old, 8);
    await old.open();
    await old.table('syncState').put({ key: 'projections.reducerVersion', value: REDUCER_VERSION });
    old.close();
    const db = new DeskDatabase(name, 9);
    await db.open();
    expect((await db.syncState.get('projections.reducerVersion'))?.value).toBe(REDUCER_VERSION);
    db.close();
  });
});
