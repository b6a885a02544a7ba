import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { CaseScript, steps } from '../../../../shared/workflow/testing/scenario';
import { openTestDesk } from '../testing';

describe('remote events held over unsent work', () => {
  it('are folded once the server acknowledged the local work, in one go', async () => {
    const desk = await openTestDesk();
    const s = new CaseScript();
    steps.register(s);
    steps.assign(s);
    const [received, registered, assigned] = s.events;
    await desk.cases.ingest(received!.caseId, [received!], 'remote');
    await desk.cases.ingest(registered!.caseId, [registered!], 'local');
    // The head's assignment arrives while the registration is unsent: held, not folded.
    const pulled = await desk.cases.ingestMany([{ caseId: assigned!.caseId, events: [assigned!] }], 'remote');
    expect(pulled.held).toBe(1);
    expect(await desk.cases.releaseHeld()).toBe(0); // still unsent: stays held
    await desk.outbox.acknowledge([registered!.id]);
    expect(await desk.cases.releaseHeld()).toBe(1);
    const found = await desk.cases.get(received!.caseId);
    expect(found?.events.map((e) => e.id)).toEqual(s.events.map((e) => e.id));
    expect(found?.state.assignedTo).toBe('officer-1');
    expect((await desk.cases.listAll())[0]?.heldEvents).toBeUndefined();
    desk.close();
  });
});
