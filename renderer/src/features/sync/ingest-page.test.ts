/**
 * A sync page stored as a batch (every case in one transaction, with the page's cursor) gives the
 * same stored result as the same events ingested case by case: log, projection, queue row, facts,
 * outbox, held events, file references and clock, table by table. And the cursor is written in the
 * page's transaction: when it cannot be written, nothing of the page is stored.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CaseEvent } from '../../../../shared/workflow';
import {
  CaseScript,
  HEAD,
  makeEvent,
  OFFICER,
  sampleApplication,
  steps,
} from '../../../../shared/workflow/testing/scenario';
import type { PulledCase } from '../../../../shared/sync';
import { deskSyncStore } from './deskSyncStore';
import type { Desk } from '../../db';
import { openFailingDesk, openTestDesk, quotaError } from '../../db/testing';

const opened: Desk[] = [];
beforeEach(() => {
  // heldAt and queue times come from the clock: both desks see the same instant.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-12-15T04:00:00.000Z'));
});
afterEach(() => {
  vi.useRealTimers();
  for (const d of opened.splice(0)) d.close();
});

async function open(): Promise<Desk> {
  const desk = await openTestDesk();
  opened.push(desk);
  await desk.rebuilt;
  return desk;
}

function script(i: number): CaseScript {
  const s = new CaseScript(sampleApplication({ caseNumber: `KZ-2026-${3000 + i}` }));
  for (const e of s.events) e.caseId = `case-${i}`;
  s.state = { ...s.current, caseId: `case-${i}` };
  return s;
}

/**
 * What both desks hold before the page: case-3's first event, and case-4 with an unsent local
 * registration; and the page: new cases, the rest of case-3, a remote event over case-4's unsent
 * work (held), and case-5's history again (duplicates).
 */
function scenario() {
  const fresh = script(1);
  const longer = script(2);
  steps.register(longer);
  steps.assign(longer);
  const continued = script(3);
  steps.register(continued);
  const busy = script(4);
  const busyReceived = busy.events[0]!;
  steps.register(busy);
  const theirs = makeEvent(
    undefined,
    'assigned',
    { officerId: OFFICER.userId },
    { caseId: 'case-4', baseVersion: 1, actor: HEAD },
  );
  const again = script(5);
  const before = async (desk: Desk) => {
    expect(await desk.cases.ingest('case-3', [continued.events[0]!], 'remote')).toMatchObject({ ok: true });
    expect(await desk.cases.ingest('case-4', [busyReceived], 'remote')).toMatchObject({ ok: true });
    expect(await desk.cases.ingest('case-4', [busy.events.at(-1) as CaseEvent], 'local')).toMatchObject({
      ok: true,
    });
    expect(await desk.cases.ingest('case-5', again.events, 'remote')).toMatchObject({ ok: true });
  };
  const page: PulledCase[] = [
    { caseId: 'case-1', events: fresh.events },
    { caseId: 'case-2', events: longer.events },
    { caseId: 'case-3', events: continued.events },
    { caseId: 'case-4', events: [busyReceived, theirs] },
    { caseId: 'case-5', events: again.events },
  ];
  return { before, page };
}

/**
 * Every table of the desk, in key order; the cursor left out (only the page path writes it), and the
 * queue heads' write stamps (a head's stamp counts the writes to it, and one page is fewer writes
 * than its cases one by one; the heads' rows and totals are compared).
 */
async function everything(desk: Desk): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of desk.db.tables) {
    const rows = await table.toArray();
    out[table.name] =
      table.name === 'syncState'
        ? rows.filter((r) => (r as { key: string }).key !== 'sync.cursor')
        : table.name === 'queueHeads'
          ? rows.map((r) => ({ ...(r as object), stamp: undefined }))
          : rows;
  }
  return out;
}

describe('a sync page stored in one transaction', () => {
  it('stores what ingesting its cases one by one stores, table by table', async () => {
    const { before, page } = scenario();
    const byCase = await open();
    const asPage = await open();
    await before(byCase);
    await before(asPage);

    let held = 0;
    for (const c of page) {
      const r = await byCase.cases.ingest(c.caseId, c.events, 'remote');
      if (!r.ok) throw new Error(`refused: ${r.reason.code}`);
      held += r.held;
    }
    expect(await deskSyncStore(asPage).ingestPage(page, 'e1.10.20')).toEqual({ held, refused: [] });
    expect(held).toBe(1);

    const expected = await everything(byCase);
    // Every event of the page once (case-4's held one aside), and case-4's local registration.
    expect(expected.caseEvents).toHaveLength(page.reduce((n, c) => n + c.events.length, 0) - 1 + 1);
    expect(await everything(asPage)).toEqual(expected);
    expect(await asPage.sync.cursor()).toBe('e1.10.20');
  });
});

describe('a sync page and its cursor', () => {
  it('keeps nothing of the page when its cursor cannot be written', async () => {
    let armed = false;
    const desk = await openFailingDesk('syncState', quotaError, () => armed);
    opened.push(desk);
    await desk.rebuilt;
    // A newest time far ahead: the page's clock update writes nothing, only the cursor would.
    await desk.db.syncState.put({ key: 'clock.lastKnownGood', value: '2999-01-01T00:00:00+05:00' });
    const s = script(1);
    armed = true;
    await expect(
      deskSyncStore(desk).ingestPage([{ caseId: 'case-1', events: s.events }], 'e1.1.1'),
    ).rejects.toThrow();
    armed = false;
    expect(await desk.db.caseEvents.count()).toBe(0);
    expect(await desk.cases.count()).toBe(0);
    expect(await desk.sync.cursor()).toBeNull();
  });
});
