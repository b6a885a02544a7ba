import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseEvent } from '../../../../shared/workflow';
import {
  CaseScript,
  HEAD,
  makeEvent,
  OFFICER,
  sampleApplication,
  steps,
} from '../../../../shared/workflow/testing/scenario';
import type { Desk } from '../desk';
import { diskFullError, openFailingDesk, openTestDesk, quotaError } from '../testing';
import { REDUCER_VERSION } from '../../../../shared/workflow';

let desk: Desk | undefined;
afterEach(() => desk?.close());

/** A received case (remote, as the portal delivers it) and the officer's first actions (local). */
async function receivedAndRegistered(d: Desk): Promise<CaseScript> {
  const script = new CaseScript();
  expect(await d.cases.ingest(script.current.caseId, script.events, 'remote')).toMatchObject({ ok: true });
  steps.register(script);
  const local = await d.cases.ingest(script.current.caseId, [script.events.at(-1) as CaseEvent], 'local');
  expect(local).toMatchObject({ ok: true });
  return script;
}

async function snapshot(d: Desk) {
  const { db } = d;
  // What opening does in the background (the rebuild, the facts' fill and its marker) is done first.
  await d.rebuilt;
  return {
    events: await db.caseEvents.toArray(),
    states: await db.caseStates.toArray(),
    facts: await db.caseFacts.toArray(),
    rows: await db.queuePages.toArray(),
    outbox: await db.outbox.toArray(),
    held: await db.heldEvents.toArray(),
    files: await db.caseFiles.toArray(),
    attachments: await db.attachments.count(),
    clock: await db.syncState.toArray(),
  };
}

describe('ingest: one transaction for log, projection, row and outbox', () => {
  it('stores a local event with its outbox reference, the stamped projection and the row', async () => {
    desk = await openTestDesk();
    const script = await receivedAndRegistered(desk);
    const caseId = script.current.caseId;

    const detail = await desk.cases.get(caseId);
    expect(detail?.state).toEqual(script.current);
    expect(detail?.events).toEqual(script.events);

    const stored = await desk.db.caseStates.get(caseId);
    expect(stored?.reducerVersion).toBe(REDUCER_VERSION);
    // The application is stored once: in the `received` event, not again in the projection.
    expect(stored?.state).not.toHaveProperty('application');

    const [row] = (await desk.cases.listAll()).filter((r) => r.caseId === caseId);
    expect(row).toMatchObject({ stage: 'completeness', registrationNumber: 'R-1', dueOn: '2026-12-17' });

    // Only the desk's own event is queued, as a reference; the outbox reads the event from the log.
    const refs = await desk.db.outbox.toArray();
    expect(refs).toEqual([
      expect.objectContaining({
        eventId: script.events[1]!.id,
        caseId,
        seq: 1,
        status: 'pending',
        attempts: 0,
      }),
    ]);
    expect(refs[0]).not.toHaveProperty('event');
    expect((await desk.outbox.list()).map((e) => e.event)).toEqual([script.events[1]]);
  });

  it('stores nothing for a refused event and says which one and why', async () => {
    desk = await openTestDesk();
    const script = await receivedAndRegistered(desk);
    const before = await snapshot(desk);
    steps.assign(script);
    const assign = script.events.at(-1) as CaseEvent;
    // The second event is the head's approval at the completeness stage: refused, so neither is stored.
    const approve = makeEvent(script.current, 'approved', {}, { actor: HEAD });
    const result = await desk.cases.ingest(script.current.caseId, [assign, approve], 'local');
    expect(result).toEqual({
      ok: false,
      index: 1,
      reason: { code: 'stage.not-allowed', params: { stage: 'completeness', type: 'approved' } },
    });
    expect(await snapshot(desk)).toEqual(before);
  });

  it.each([
    ['the browser’s quota', quotaError, 'quota'],
    ['the disk', diskFullError, 'disk-full'],
  ] as const)('loses nothing when %s fills up in the middle of the transaction', async (_, error, code) => {
    let full = false;
    desk = await openFailingDesk('outbox', error, () => full);
    const script = new CaseScript();
    await desk.cases.ingest(script.current.caseId, script.events, 'remote');
    const before = await snapshot(desk);

    full = true;
    steps.register(script);
    const register = script.events.at(-1) as CaseEvent;
    // The event, the projection and the row are written before the outbox write fails.
    await expect(desk.cases.ingest(script.current.caseId, [register], 'local')).rejects.toMatchObject({
      name: 'StorageError',
      code,
    });
    expect(await snapshot(desk)).toEqual(before);

    full = false;
    expect(await desk.cases.ingest(script.current.caseId, [register], 'local')).toMatchObject({ ok: true });
    expect(await desk.db.outbox.count()).toBe(1);
  });

  it('is idempotent by event id: the same events again are duplicates, not errors, and change nothing', async () => {
    desk = await openTestDesk();
    const script = await receivedAndRegistered(desk);
    const before = await snapshot(desk);
    const again = await desk.cases.ingest(script.current.caseId, script.events, 'local');
    expect(again).toEqual({
      ok: true,
      state: script.current,
      stored: [],
      duplicates: script.events.map((e) => e.id),
      held: 0,
    });
    expect(await snapshot(desk)).toEqual(before);
  });

  it('refuses an event of another case', async () => {
    desk = await openTestDesk();
    const script = await receivedAndRegistered(desk);
    const other = makeEvent(
      script.current,
      'assigned',
      { officerId: 'officer-1' },
      { caseId: 'case-2', actor: HEAD },
    );
    expect(await desk.cases.ingest(script.current.caseId, [other], 'local')).toMatchObject({
      ok: false,
      index: 0,
      reason: { code: 'case.mismatch' },
    });
  });
});

describe('ingest: remote history and unsent local work', () => {
  it('a remote event with the id of a queued local one acknowledges it', async () => {
    desk = await openTestDesk();
    const script = await receivedAndRegistered(desk);
    const result = await desk.cases.ingest(script.current.caseId, script.events, 'remote');
    expect(result).toMatchObject({ ok: true, stored: [], held: 0 });
    expect(await desk.outbox.countUnsent()).toBe(0);
  });

  it('holds remote events that would land on unsent local work, and folds them never', async () => {
    desk = await openTestDesk();
    const script = await receivedAndRegistered(desk);
    const caseId = script.current.caseId;
    const before = await desk.cases.get(caseId);
    // Another desk assigned the case at the version this desk's unsent registration was made on.
    const theirs = makeEvent(
      undefined,
      'assigned',
      { officerId: OFFICER.userId },
      { caseId, baseVersion: 1, actor: HEAD },
    );

    const result = await desk.cases.ingest(caseId, [script.events[0]!, theirs], 'remote');
    expect(result).toMatchObject({ ok: true, stored: [], duplicates: [script.events[0]!.id], held: 1 });
    expect(await desk.cases.get(caseId)).toEqual(before);
    expect(await desk.outbox.countUnsent()).toBe(1);
    expect((await desk.db.heldEvents.toArray()).map((h) => h.event)).toEqual([theirs]);
    expect((await desk.cases.listAll())[0]?.heldEvents).toBe(1);

    // Delivered again: already held, a duplicate.
    expect(await desk.cases.ingest(caseId, [theirs], 'remote')).toMatchObject({
      held: 0,
      duplicates: [theirs.id],
    });
    expect(await desk.db.heldEvents.count()).toBe(1);
  });

  it('folds remote events onto a case with nothing unsent, and a local action after them', async () => {
    desk = await openTestDesk();
    const script = new CaseScript();
    steps.register(script);
    steps.assign(script);
    const remote = await desk.cases.ingest(script.current.caseId, script.events, 'remote');
    expect(remote).toMatchObject({ ok: true, stored: script.events.map((e) => e.id), held: 0 });
    expect(await desk.outbox.countUnsent()).toBe(0);
    steps.complete(script);
    const local = await desk.cases.ingest(script.current.caseId, [script.events.at(-1)!], 'local');
    expect(local).toMatchObject({ ok: true, state: script.current });
    expect(await desk.outbox.countUnsent()).toBe(1);
  });
});

describe('ingest: the newest time seen', () => {
  it('keeps the newest `at` of any event, compared as instants', async () => {
    desk = await openTestDesk();
    expect(await desk.clock.lastKnownGood()).toBeNull();
    const script = new CaseScript();
    steps.register(script);
    await desk.cases.ingest(script.current.caseId, script.events, 'remote');
    expect(await desk.clock.lastKnownGood()).toBe('2026-12-14T09:15:00+05:00');
    // An event made earlier (another desk, another offset) does not move it back.
    const other = new CaseScript(
      sampleApplication({ caseNumber: 'KZ-2', receivedAt: '2026-12-14T04:00:00+01:00' }),
    );
    for (const e of other.events) e.caseId = 'case-2';
    await desk.cases.ingest('case-2', other.events, 'remote');
    expect(await desk.clock.lastKnownGood()).toBe('2026-12-14T09:15:00+05:00');
  });
});
