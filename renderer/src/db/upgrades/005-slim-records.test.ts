import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { CaseScript, grantedAndClosed, makeEvent, steps } from '../../../../shared/workflow/testing/scenario';
import { DeskDatabase } from '../database';
import { openDesk } from '../desk';
import { decodeRow } from '../queue-pages';
import { caseRowOf } from '../rows';
import { declareSchema } from '../schema';
import { uniqueName } from '../testing';
import { writeV4 } from '../testing-v4';
import { kazakhstanCalendar } from '../../../../shared/calendar';

function cases(): [CaseScript, CaseScript] {
  const closed = grantedAndClosed();
  const open = new CaseScript();
  for (const e of open.events) e.caseId = 'case-2';
  open.state = { ...open.current, caseId: 'case-2' };
  steps.register(open);
  steps.assign(open);
  open.do('document-produced', {
    form: 'school-request',
    language: 'kk',
    sha256: 'B'.repeat(64),
    templateId: 'school-request.kk',
    templateVersion: '1',
  });
  return [closed, open];
}

describe('upgrade 005: slim records, outbox references, case→file references', () => {
  it('moves events to caseEvents as made, slims projections, turns the outbox into references', async () => {
    const name = uniqueName('upgrade-005');
    const [closed, open] = cases();
    const localIds = open.events.slice(1);
    const status = new Map<string, 'pending' | 'sending'>(
      localIds.map((e, i) => [e.id, i === 0 ? 'sending' : 'pending']),
    );
    await writeV4(name, [closed, open], status, async (old) => {
      await old.table('settings').put({ key: 'installation', value: { kept: true } });
      await old.table('attachments').put({
        sha256: 'a'.repeat(64),
        blob: new Blob(['x']),
        fileName: 'a.pdf',
        mimeType: 'application/pdf',
        size: 1,
        storedAt: '2026-12-01T00:00:00Z',
      });
    });

    const db = new DeskDatabase(name, 5);
    await db.open();
    expect(db.verno).toBe(5);
    expect(db.tables.map((t) => t.name)).not.toContain('events');
    expect(db.tables.map((t) => t.name)).not.toContain('caseSearch');

    // Every event exactly as made, keyed by its place in the case.
    expect(await db.caseEvents.count()).toBe(closed.events.length + open.events.length);
    expect(await db.caseEvents.get(['case-2', 2])).toEqual(open.events[2]);
    const history = await db.caseEvents
      .where('[caseId+baseVersion]')
      .between(['case-2', 0], ['case-2', Infinity])
      .toArray();
    expect(history).toEqual(open.events);

    // The projection without the application (the `received` event has it), stamped reducer 1.
    const stored = await db.caseStates.get('case-2');
    expect(stored?.reducerVersion).toBe(1);
    expect(stored?.state).not.toHaveProperty('application');
    const { application: _a, ...rest } = open.current;
    expect(stored?.state).toEqual(rest);

    // The outbox as references, statuses kept ('sending' is recovered when the desk opens).
    const refs = await db.outbox.orderBy('[caseId+seq]').toArray();
    expect(refs.map((r) => [r.seq, r.status])).toEqual(
      localIds.map((e, i) => [e.baseVersion, i === 0 ? 'sending' : 'pending']),
    );
    for (const r of refs) {
      expect(r).not.toHaveProperty('event');
      expect(r.nextAttemptAt).toBe(r.queuedAt);
    }

    // Which case refers to which bytes: attachments of the application, produced and signed documents.
    const files = await db.caseFiles.toArray();
    expect(files).toContainEqual({
      caseId: 'case-2',
      sha256: 'b'.repeat(64),
      role: 'produced',
      eventId: open.events[3]!.id,
      seq: 3,
    });
    // The signed document's hash is also the application's (the fixture's one hash): the earlier
    // event, `received`, keeps the reference; the signature file has its own.
    expect(
      files
        .filter((f) => f.caseId === closed.current.caseId)
        .map((f) => f.role)
        .sort(),
    ).toEqual(['attachment', 'signature']);
    expect(files.filter((f) => f.caseId === 'case-2' && f.role === 'attachment')).toHaveLength(1);

    // The rows, packed into pages, each where its projection says; no `cases` table, no row indexes.
    expect(db.tables.map((t) => t.name)).not.toContain('cases');
    const pages = await db.queuePages.toArray();
    for (const s of [closed, open]) {
      const record = (await db.caseStates.get(s.current.caseId))!;
      const tuple = pages.find((p) => p.page === record.page)!.rows[record.slot]!;
      expect(decodeRow(tuple)).toEqual(caseRowOf(s.current, kazakhstanCalendar));
      expect(record.registrationNumber).toBe('R-1');
      expect(record.registeredOn).toBe('2026-12-14');
    }
    // Only the indexes a query uses: stale projections, the register's numbers and days.
    expect(db.caseStates.schema.indexes.map((i) => i.name).sort()).toEqual([
      'reducerVersion',
      'registeredOn',
      'registrationNumber',
    ]);
    expect(await db.caseStates.where('registrationNumber').equals('R-1').count()).toBe(2);
    expect(await db.caseStates.where('reducerVersion').equals(1).count()).toBe(2);
    expect(await db.settings.get('installation')).toEqual({ key: 'installation', value: { kept: true } });
    expect(await db.attachments.count()).toBe(1);
    db.close();
  });

  it('opened by the desk: projections rebuilt from the log, sending entries pending, events readable', async () => {
    const name = uniqueName('upgrade-005-open');
    const [closed, open] = cases();
    await writeV4(name, [closed, open], new Map([[open.events[1]!.id, 'sending']]));
    const desk = await openDesk({ name });
    try {
      expect(await desk.rebuilt).toEqual({ rebuilt: 2, refused: 0 });
      expect(await desk.cases.staleCount()).toBe(0);
      expect((await desk.cases.get('case-2'))?.state).toEqual(open.current);
      expect((await desk.cases.get(closed.current.caseId))?.state).toEqual(closed.current);
      const outbox = await desk.outbox.list();
      expect(outbox.map((e) => [e.status, e.event])).toEqual([['pending', open.events[1]]]);
      // The desk goes on from the upgraded data: the next local action lands on top.
      const next = makeEvent(
        open.current,
        'completeness-checked',
        { complete: true },
        { at: '2026-12-15T11:00:00+05:00' },
      );
      expect(await desk.cases.ingest('case-2', [next], 'local')).toMatchObject({ ok: true });
    } finally {
      desk.close();
    }
  });

  it('opens an empty version 4 database without trouble', async () => {
    const name = uniqueName('upgrade-005-empty');
    const old = new Dexie(name);
    declareSchema(old, 4);
    await old.open();
    old.close();
    const db = new DeskDatabase(name, 5);
    await db.open();
    expect(await db.caseEvents.count()).toBe(0);
    db.close();
  });
});
