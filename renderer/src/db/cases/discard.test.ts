import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  CaseScript,
  HEAD,
  makeEvent,
  registration,
  steps,
} from '../../../../shared/workflow/testing/scenario';
import { openTestDesk } from '../testing';

/** A case the desk registered locally while the server registered it otherwise, then assigned it. */
async function conflicted() {
  const desk = await openTestDesk();
  const server = new CaseScript();
  steps.register(server);
  steps.assign(server);
  const [received, serverRegistered, serverAssigned] = server.events;
  const caseId = received!.caseId;
  await desk.cases.ingest(caseId, [received!], 'remote');
  const received1 = (await desk.cases.get(caseId))!.state;
  const local = makeEvent(received1, 'registered', registration('2026-12-14', '2026-12-14', 'LOCAL-1'), {
    at: '2026-12-14T09:20:00+05:00',
  });
  expect((await desk.cases.ingest(caseId, [local], 'local')).ok).toBe(true);
  const afterLocal = (await desk.cases.get(caseId))!.state;
  // Made on top of the conflicting one: it waits behind it and follows its case.
  const behind = makeEvent(
    afterLocal,
    'assigned',
    { officerId: 'officer-1' },
    { actor: HEAD, at: '2026-12-14T09:25:00+05:00' },
  );
  expect((await desk.cases.ingest(caseId, [behind], 'local')).ok).toBe(true);
  await desk.outbox.markProblem(local.id, 'conflict', 'version.conflict');
  // The pull brought the server's registration: held over the unsent work.
  await desk.cases.ingestMany([{ caseId, events: [serverRegistered!] }], 'remote');
  return {
    desk,
    caseId,
    local,
    behind,
    server,
    serverRegistered: serverRegistered!,
    serverAssigned: serverAssigned!,
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
