import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { takeCase } from '../../shared/sync';
import { startCentral, type Central } from './central';
import { enrolledDesk, registerLocally, serverEventIds } from './harness';

let central: Central;
beforeAll(async () => {
  central = await startCentral();
}, 180_000);
afterAll(async () => {
  await central?.stop();
});

/** A case of the seeded demo akimat nobody holds yet (each test takes its own). */
async function freeCase(t: Awaited<ReturnType<typeof enrolledDesk>>): Promise<string> {
  const { rows } = await t.desk.cases.list({ assignedTo: null, stages: ['registration'] });
  const row = rows.find((r) => !taken.has(r.caseId));
  if (!row) throw new Error('no free case left');
  taken.add(row.caseId);
  return row.caseId;
}
const taken = new Set<string>();

describe('a desk against the real central server', () => {
  it('pulls the akimat’s cases, works offline, and after reconnecting the server holds the same history', async () => {
    const a = await enrolledDesk(central, 'officer-1');
    const first = await a.engine.sync();
    expect(first?.pulled.cases).toBeGreaterThanOrEqual(12);
    expect(await a.desk.cases.count()).toBe(first?.pulled.cases);
    const caseId = await freeCase(a);
    const took = await takeCase(a.api, caseId, randomUUID());
    expect(took.ok).toBe(true);
    await a.engine.sync();
    expect((await a.desk.cases.get(caseId))?.state.assignedTo).toBe('officer-1');

    // Offline: the officer registers the case; it waits in the outbox.
    const registered = await registerLocally(a, caseId, `SYNC-${Date.now()}`);
    expect(await a.desk.outbox.countUnsent()).toBe(1);
    const outcome = await a.engine.sync();
    expect(outcome?.pushed.applied).toBe(1);
    expect(await a.desk.outbox.countUnsent()).toBe(0);
    const local = (await a.desk.cases.get(caseId))!.events.map((e) => e.id);
    expect(await serverEventIds(a, caseId)).toEqual(local);
    expect(local).toContain(registered.id);
    expect(a.engine.status()).toMatchObject({ phase: 'idle', pending: 0, problems: 0 });
  });

  it('refuses a second desk taking a case the first holds, and a conflict reaches the officer', async () => {
    const a = await enrolledDesk(central, 'officer-1');
    const b = await enrolledDesk(central, 'officer-2');
    await Promise.all([a.engine.sync(), b.engine.sync()]);
    const caseId = await freeCase(a);
    expect((await takeCase(a.api, caseId, randomUUID())).ok).toBe(true);
    const refused = await takeCase(b.api, caseId, randomUUID());
    expect(refused).toMatchObject({ ok: false, code: 'case.not-assigned' });
    if (!refused.ok) expect(refused.serverCase?.assignedTo).toBe('officer-1');

    // Desk A registers offline twice over: once on the desk, once (as another of its windows
    // that had not seen it) on the server first; the desk's own copy then conflicts.
    await a.engine.sync();
    const registered = await registerLocally(a, caseId, `SYNC-C-${Date.now()}`);
    const other = { ...registered, id: randomUUID(), payload: { ...registered.payload } };
    const pushed = await a.api.raw('/events', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ events: [other] }),
    });
    expect(pushed.status).toBe(200);
    await a.engine.sync();
    const [entry] = await a.desk.outbox.list();
    expect(entry).toMatchObject({ eventId: registered.id, status: 'conflict' });
    const serverCase = (await a.desk.sync.serverCase(caseId)) as { events: Array<{ id: string }> };
    expect(serverCase.events.map((e) => e.id)).toContain(other.id);
    expect(a.engine.status().problems).toBe(1);
    // The server's registration is held on the desk, not folded over the officer's own.
    expect((await a.desk.cases.list({})).rows.find((r) => r.caseId === caseId)?.heldEvents).toBe(1);
  });

  it('stops on a revoked device, says so and keeps the outbox', async () => {
    const a = await enrolledDesk(central, 'officer-1');
    await a.engine.sync();
    const caseId = await freeCase(a);
    expect((await takeCase(a.api, caseId, randomUUID())).ok).toBe(true);
    await a.engine.sync();
    await registerLocally(a, caseId, `SYNC-R-${Date.now()}`);
    const revoked = await central.admin('POST', `/admin/devices/${a.deviceId}/revoke`);
    expect(revoked.status).toBe(200);
    await expect(a.engine.sync()).rejects.toMatchObject({ kind: 'revoked', code: 'device.revoked' });
    expect(a.engine.status()).toMatchObject({ phase: 'revoked', error: 'device.revoked' });
    expect(await a.desk.outbox.countUnsent()).toBe(1);
    expect((await a.desk.outbox.list())[0]?.status).toBe('pending');
  });
});
