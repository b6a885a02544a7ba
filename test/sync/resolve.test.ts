/** Sync problems resolved by the officer, against the real central server (resolve.ts). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { releaseCase, takeCase } from '../../shared/sync';
import type { CaseEvent } from '../../shared/workflow';
import { loadProblems, resolveProblem, type ResolveDeps } from '../../renderer/src/features/sync/resolve';
import { startCentral, type Central } from './central';
import { deskEvent, enrolledDesk, registerLocally, serverEventIds, type TestDesk } from './harness';

let central: Central;
beforeAll(async () => {
  central = await startCentral();
}, 180_000);
afterAll(async () => {
  await central?.stop();
});

const taken = new Set<string>();
async function heldCase(t: TestDesk): Promise<string> {
  await t.engine.sync();
  const { rows } = await t.desk.cases.list({ assignedTo: null, stages: ['registration'] });
  const row = rows.find((r) => !taken.has(r.caseId));
  if (!row) throw new Error('no free case left');
  taken.add(row.caseId);
  expect((await takeCase(t.api, row.caseId, randomUUID())).ok).toBe(true);
  await t.engine.sync();
  return row.caseId;
}

/** What the case store's `act` does: the action made again on the case as it is now, as this desk's officer. */
function deps(t: TestDesk): ResolveDeps {
  return {
    desk: t.desk,
    userId: t.userId,
    load: () => Promise.resolve(),
    async act(event: CaseEvent) {
      const found = await t.desk.cases.get(event.caseId);
      const again = deskEvent(found!.state, t.userId, event.type, event.payload);
      const result = await t.desk.cases.ingest(event.caseId, [again], 'local');
      return result.ok ? { ok: true } : { ok: false, reason: result.reason };
    },
  };
}

describe('sync problems resolved by the officer', () => {
  it('discard: the case shows the server’s version and the officer’s event stays as not accepted', async () => {
    const a = await enrolledDesk(central, 'officer-1');
    const caseId = await heldCase(a);
    const mine = await registerLocally(a, caseId, `RES-D-${Date.now()}`);
    // The same case registered otherwise on the server first (as another window of this desk would).
    const other = {
      ...mine,
      id: randomUUID(),
      payload: { ...mine.payload, registrationNumber: `RES-S-${Date.now()}` },
    };
    const pushed = await a.api.raw('/events', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ events: [other] }),
    });
    expect(pushed.status).toBe(200);
    await a.engine.sync();
    const [problem, ...none] = await loadProblems(a.desk);
    expect(none).toEqual([]);
    expect(problem).toMatchObject({ caseId, kind: 'conflict' });
    expect(problem!.server?.events.map((e) => e.id)).toContain(other.id);

    const outcome = await resolveProblem(problem!, 'discarded', deps(a));
    expect(outcome).toEqual({ ok: true, reapplied: 0 });
    expect(await a.desk.outbox.countUnsent()).toBe(0);
    const local = (await a.desk.cases.get(caseId))!;
    expect(local.state.registrationNumber).toBe(other.payload.registrationNumber);
    expect(await serverEventIds(a, caseId)).toEqual(local.events.map((e) => e.id));
    expect((await a.desk.cases.notAccepted(caseId)).map((n) => [n.event.id, n.resolution])).toEqual([
      [mine.id, 'discarded'],
    ]);
    await a.engine.sync();
    expect(a.engine.status()).toMatchObject({ phase: 'idle', pending: 0, problems: 0 });
  });

  it('re-apply: the action is made again on the server’s state and the server applies it', async () => {
    const a = await enrolledDesk(central, 'officer-1');
    const caseId = await heldCase(a);
    await registerLocally(a, caseId, `RES-R-${Date.now()}`);
    await a.engine.sync();
    const found = (await a.desk.cases.get(caseId))!;
    const checked = deskEvent(found.state, a.userId, 'completeness-checked', { complete: true });
    expect((await a.desk.cases.ingest(caseId, [checked], 'local')).ok).toBe(true);
    // Meanwhile on the server the officer released the case and took it again: two versions on.
    expect((await releaseCase(a.api, caseId, randomUUID())).ok).toBe(true);
    expect((await takeCase(a.api, caseId, randomUUID())).ok).toBe(true);
    await a.engine.sync();
    const [problem] = await loadProblems(a.desk);
    expect(problem).toMatchObject({ caseId, kind: 'conflict' });

    const outcome = await resolveProblem(problem!, 'reapplied', deps(a));
    expect(outcome).toEqual({ ok: true, reapplied: 1 });
    await a.engine.sync();
    expect(await a.desk.outbox.countUnsent()).toBe(0);
    const local = (await a.desk.cases.get(caseId))!;
    const onServer = await serverEventIds(a, caseId);
    expect(onServer).toEqual(local.events.map((e) => e.id));
    // The first event is not on the server; the one made again is, as the newest.
    expect(onServer).not.toContain(checked.id);
    expect(local.events.at(-1)).toMatchObject({
      type: 'completeness-checked',
      baseVersion: local.state.version - 1,
    });
    expect((await a.desk.cases.notAccepted(caseId)).map((n) => [n.event.id, n.resolution])).toEqual([
      [checked.id, 'reapplied'],
    ]);
  });

  it('re-apply that the reducer refuses on the server’s state stops, says why, and keeps the record', async () => {
    const a = await enrolledDesk(central, 'officer-1');
    const caseId = await heldCase(a);
    const mine = await registerLocally(a, caseId, `RES-X-${Date.now()}`);
    const other = {
      ...mine,
      id: randomUUID(),
      payload: { ...mine.payload, registrationNumber: `RES-Y-${Date.now()}` },
    };
    await a.api.raw('/events', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ events: [other] }),
    });
    await a.engine.sync();
    const [problem] = await loadProblems(a.desk);
    const outcome = await resolveProblem(problem!, 'reapplied', deps(a));
    // The case is registered on the server already: registering it again is not allowed.
    expect(outcome).toMatchObject({ ok: true, reapplied: 0, refused: { event: { id: mine.id } } });
    expect(await a.desk.outbox.countUnsent()).toBe(0);
    expect((await a.desk.cases.notAccepted(caseId)).map((n) => n.event.id)).toEqual([mine.id]);
  });
});
