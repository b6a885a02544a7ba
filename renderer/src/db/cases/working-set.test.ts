import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../../../shared/api';
import type { CaseEvent, CaseState } from '../../../../shared/workflow';
import { almaty, grantedAndClosed, makeEvent } from '../../../../shared/workflow/testing/scenario';
import type { Desk } from '../desk';
import { sha256Hex } from '../../../../shared/hash';
import { openTestDesk } from '../testing';
import { evictSettled, isEvicted, restoreEvicted } from './working-set';

/** A case granted and closed in December 2026, held by officer-1, stored as pulled from the server. */
async function closedCase(desk: Desk, caseId: string): Promise<{ events: CaseEvent[]; state: CaseState }> {
  const s = grantedAndClosed();
  const events = s.events.map((e) => ({ ...e, caseId }));
  const r = await desk.cases.ingest(caseId, events, 'remote');
  if (!r.ok) throw new Error(r.reason.code);
  return { events, state: r.state };
}

/** A document the officer produces on the closed case, with its bytes: one outbox entry, one file. */
async function produce(
  desk: Desk,
  state: CaseState,
  text: string,
): Promise<{ event: CaseEvent; sha256: string }> {
  const blob = new Blob([`%PDF-1.7 ${text}`], { type: 'application/pdf' });
  const sha256 = await sha256Hex(await blob.arrayBuffer());
  const event = makeEvent(
    state,
    'document-produced',
    { form: 'order', language: 'kk', sha256, templateId: 'order.kk', templateVersion: '1.0.0' },
    { at: almaty('2026-12-23') },
  );
  const r = await desk.cases.ingest(state.caseId, [event], 'local', {
    files: [{ sha256, blob, fileName: 'order.pdf', mimeType: 'application/pdf' }],
  });
  if (!r.ok) throw new Error(r.reason.code);
  return { event, sha256 };
}

const BEFORE = '2027-06-01';

/** The store's functions as the sync port calls them (features/sync/deskWorkingSet.ts). */
function deskWorkingSet(desk: Desk) {
  return {
    evictSettled: (before: string, keepHeldBy: string | null) => evictSettled(desk.db, before, keepHeldBy),
    restore: async (record: CaseRecord) => (await restoreEvicted(desk.db, record)) !== undefined,
  };
}

describe('the working set on the desk', () => {
  it('never drops a case with unsent work, of any outbox status, and drops it once acknowledged', async () => {
    const desk = await openTestDesk();
    const ws = deskWorkingSet(desk);
    const synced = await closedCase(desk, 'synced');
    const pending = await closedCase(desk, 'pending');
    const rejected = await closedCase(desk, 'rejected');
    const doc = await produce(desk, synced.state, 'synced');
    await desk.outbox.acknowledge([doc.event.id]);
    const unsent = await produce(desk, pending.state, 'pending');
    const refused = await produce(desk, rejected.state, 'rejected');
    await desk.outbox.markProblem(refused.event.id, 'rejected', 'role.not-allowed');

    const first = await ws.evictSettled(BEFORE, null);
    expect(first.evicted).toEqual(['synced']);
    expect(first.keptUnsynced.sort()).toEqual(['pending', 'rejected']);
    expect(first.freedFiles).toBe(1);
    // The unsynced cases are whole: every event and the bytes their events name.
    for (const [id, produced] of [
      ['pending', unsent],
      ['rejected', refused],
    ] as const) {
      const found = await desk.cases.get(id);
      expect(found?.events.map((e) => e.id)).toContain(produced.event.id);
      expect(found?.events).toHaveLength(pending.events.length + 1);
      expect(await desk.attachments.has(produced.sha256)).toBe(true);
    }
    expect(await desk.outbox.countUnsent()).toBe(2);

    // Dropped: the later events and the produced file; the row, the projection and the application stay.
    const dropped = await desk.cases.get('synced');
    expect(dropped?.events.map((e) => e.type)).toEqual(['received']);
    expect(dropped?.state.stage).toBe('closed');
    expect(dropped?.state.version).toBe(synced.events.length + 1);
    expect(dropped?.state.application.caseNumber).toBe(synced.state.application.caseNumber);
    expect(await desk.attachments.has(doc.sha256)).toBe(false);
    expect((await desk.cases.listAll()).map((r) => r.caseId).sort()).toEqual([
      'pending',
      'rejected',
      'synced',
    ]);

    // Once the server acknowledged it, the pending case goes too; the rejected one waits for the officer.
    await desk.outbox.acknowledge([unsent.event.id]);
    const second = await ws.evictSettled(BEFORE, null);
    expect(second.evicted).toEqual(['pending']);
    expect(second.keptUnsynced).toEqual(['rejected']);
    desk.close();
  });

  it('keeps a case whose remote events are held, even once its outbox is empty', async () => {
    const desk = await openTestDesk();
    const { state } = await closedCase(desk, 'held');
    const local = await produce(desk, state, 'held');
    // The server's own document arrives while the officer's is unsent: held, not folded.
    const remote = makeEvent(
      state,
      'document-produced',
      {
        form: 'order',
        language: 'ru',
        sha256: 'b'.repeat(64),
        templateId: 'order.ru',
        templateVersion: '1.0.0',
      },
      { at: almaty('2026-12-23', '11:00') },
    );
    expect((await desk.cases.ingestMany([{ caseId: 'held', events: [remote] }], 'remote')).held).toBe(1);
    await desk.outbox.acknowledge([local.event.id]);
    const result = await deskWorkingSet(desk).evictSettled(BEFORE, null);
    expect(result).toMatchObject({ evicted: [], keptUnsynced: ['held'] });
    expect((await desk.cases.get('held'))?.events).toHaveLength(state.version + 1);
    desk.close();
  });

  it('keeps the officer’s own cases and cases settled after the day', async () => {
    const desk = await openTestDesk();
    const ws = deskWorkingSet(desk);
    await closedCase(desk, 'mine');
    expect((await ws.evictSettled(BEFORE, 'officer-1')).evicted).toEqual([]);
    expect((await ws.evictSettled('2026-06-01', null)).evicted).toEqual([]);
    expect((await ws.evictSettled('2027-03-15', null)).evicted).toEqual(['mine']);
    desk.close();
  });

  it('puts the history back from the server’s record, and refuses one that is not the desk’s', async () => {
    const desk = await openTestDesk();
    const ws = deskWorkingSet(desk);
    const { events, state } = await closedCase(desk, 'old');
    await ws.evictSettled(BEFORE, null);
    expect(await isEvicted(desk.db, 'old')).toBe(true);
    const record: CaseRecord = {
      caseId: 'old',
      version: state.version,
      stage: state.stage,
      assignedTo: state.assignedTo ?? null,
      events,
      files: [],
    };
    const other = grantedAndClosed().events.map((e) => ({ ...e, caseId: 'old' }));
    await expect(ws.restore({ ...record, events: other.slice(0, 3) })).rejects.toThrow(/does not match/);
    expect(await isEvicted(desk.db, 'old')).toBe(true);
    expect(await ws.restore(record)).toBe(true);
    expect(await isEvicted(desk.db, 'old')).toBe(false);
    expect((await desk.cases.get('old'))?.events.map((e) => e.id)).toEqual(events.map((e) => e.id));
    expect(await ws.restore(record)).toBe(false);
    desk.close();
  });
});
