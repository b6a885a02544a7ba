import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { CaseScript } from '../../../../shared/workflow/testing/scenario';
import { openTestDesk } from '../testing';
import { seedConflict } from '../testing-conflict';

async function conflicted() {
  const desk = await openTestDesk();
  const c = await seedConflict(desk);
  return {
    desk,
    ...c,
    serverRegistered: c.server.events[1]!,
    serverAssigned: c.server.events[2]!,
  };
}

describe('taking back the unsent events of a case (sync problem resolved)', () => {
  it('records them as not accepted and folds the case with the server’s events instead', async () => {
    const { desk, caseId, local, behind, server } = await conflicted();
    const result = await desk.cases.discardUnsent({
      caseId,
      by: 'officer-1',
      resolution: 'discarded',
      serverEvents: server.events,
    });
    expect(result.ok).toBe(true);
    const found = await desk.cases.get(caseId);
    expect(found?.events.map((e) => e.id)).toEqual(server.events.map((e) => e.id));
    expect(found?.state.registrationNumber).toBe('R-1');
    expect(found?.state.assignedTo).toBe('officer-1');
    expect(await desk.outbox.countUnsent()).toBe(0);
    const row = (await desk.cases.listAll()).find((r) => r.caseId === caseId);
    expect(row?.heldEvents).toBeUndefined();
    expect(row?.registrationNumber).toBe('R-1');
    const kept = await desk.cases.notAccepted(caseId);
    expect(kept.map((k) => [k.event.id, k.problem, k.resolution, k.resolvedBy])).toEqual([
      [local.id, 'conflict', 'discarded', 'officer-1'],
      [behind.id, 'pending', 'discarded', 'officer-1'],
    ]);
    expect(kept[0]?.reason).toEqual({ code: 'version.conflict' });
    // The events are kept whole, exactly as made.
    expect(kept[0]?.event).toEqual(local);
    desk.close();
  });

  it('with only the held events (no conflict answer), still folds what the server sent', async () => {
    const { desk, caseId, serverRegistered } = await conflicted();
    const result = await desk.cases.discardUnsent({
      caseId,
      by: 'officer-1',
      resolution: 'discarded',
      serverEvents: [],
    });
    expect(result.ok).toBe(true);
    expect((await desk.cases.get(caseId))?.events.map((e) => e.id)).toContain(serverRegistered.id);
    desk.close();
  });

  it('changes nothing when the reducer refuses the server’s events on the remaining history', async () => {
    const { desk, caseId, local, serverAssigned } = await conflicted();
    const before = await desk.cases.get(caseId);
    // An event made on a version the case never had here: the reducer refuses it.
    await desk.db.heldEvents.clear();
    const result = await desk.cases.discardUnsent({
      caseId,
      by: 'officer-1',
      resolution: 'discarded',
      serverEvents: [{ ...serverAssigned, baseVersion: 7 }],
    });
    expect(result.ok).toBe(false);
    expect(await desk.cases.get(caseId)).toEqual(before);
    expect((await desk.outbox.list()).map((e) => e.eventId)).toContain(local.id);
    expect(await desk.cases.notAccepted(caseId)).toEqual([]);
    desk.close();
  });

  it('says there is nothing to take back on a case without unsent events', async () => {
    const desk = await openTestDesk();
    const s = new CaseScript();
    await desk.cases.ingest(s.events[0]!.caseId, s.events, 'remote');
    const result = await desk.cases.discardUnsent({
      caseId: s.events[0]!.caseId,
      by: 'officer-1',
      resolution: 'discarded',
      serverEvents: [],
    });
    expect(result).toEqual({ ok: false, reason: { code: 'discard.nothing-unsent' } });
    desk.close();
  });
});
