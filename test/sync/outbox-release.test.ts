/**
 * An outbox left by an earlier release is still sent after the upgrade: the desk's store as
 * release 4 wrote it (the outbox holding copies of the events, one entry left `sending` by a crash)
 * goes through every numbered upgrade to today's references, and the sync engine sends it to the
 * real central server, each event applied once.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { formatInstant } from '../../shared/calendar/instant';
import { createSyncEngine, createSyncLock, takeCase } from '../../shared/sync';
import { foldEvents, registrationPayload } from '../../shared/workflow';
import { openDesk } from '../../renderer/src/db';
import { uniqueName } from '../../renderer/src/db/testing';
import { writeV4 } from '../../renderer/src/db/testing-v4';
import { deskSyncStore } from '../../renderer/src/features/sync/deskSyncStore';
import { startCentral, type Central } from './central';
import { deskEvent, enrolledDesk, serverEventIds } from './harness';

let central: Central;
beforeAll(async () => {
  central = await startCentral();
}, 180_000);
afterAll(async () => {
  await central?.stop();
});

describe('an outbox written by an earlier release', () => {
  it('is upgraded with the store and sent: the server holds each event once, the outbox empties', async () => {
    // The case as the earlier desk had it: pulled from the server and taken by its officer.
    const a = await enrolledDesk(central, 'officer-1');
    await a.engine.sync();
    const { rows } = await a.desk.cases.list({ assignedTo: null, stages: ['registration'] });
    const caseId = rows[0]!.caseId;
    expect((await takeCase(a.api, caseId, randomUUID())).ok).toBe(true);
    await a.engine.sync();
    const pulled = (await a.desk.cases.get(caseId))!;
    const calendar = await a.desk.calendar.get();

    // Two local actions the earlier release queued and never sent; the first was being sent when
    // that desk was closed.
    const registered = deskEvent(
      pulled.state,
      'officer-1',
      'registered',
      registrationPayload(pulled.state, calendar, formatInstant(Date.now(), 300), `OLD-${Date.now()}`),
    );
    const afterRegistration = foldEvents([...pulled.events, registered]);
    if (!afterRegistration.ok) throw new Error(`registration refused: ${afterRegistration.reason.code}`);
    const checked = deskEvent(afterRegistration.state, 'officer-1', 'completeness-checked', {
      complete: true,
    });
    const events = [...pulled.events, registered, checked];
    const current = foldEvents(events);
    if (!current.ok) throw new Error(`completeness refused: ${current.reason.code}`);

    const name = uniqueName('outbox-release-4');
    await writeV4(
      name,
      [{ events, current: current.state }],
      new Map([
        [registered.id, 'sending'],
        [checked.id, 'pending'],
      ]),
    );

    const desk = await openDesk({ name });
    try {
      expect((await desk.outbox.list()).map((e) => [e.status, e.event.id])).toEqual([
        ['pending', registered.id],
        ['pending', checked.id],
      ]);
      const engine = createSyncEngine({
        api: a.api,
        store: deskSyncStore(desk),
        lock: createSyncLock(undefined),
        now: () => new Date(),
        random: () => 0.5,
      });
      const outcome = await engine.sync();
      expect(outcome?.pushed.applied).toBe(2);
      expect(await desk.outbox.countUnsent()).toBe(0);
      const server = await serverEventIds(a, caseId);
      expect(server).toEqual(events.map((e) => e.id));
      expect(server.filter((id) => id === registered.id)).toHaveLength(1);
      // Sending again changes nothing: the server answers known events with their first answer.
      expect((await engine.sync())?.pushed.applied ?? 0).toBe(0);
      expect(await serverEventIds(a, caseId)).toEqual(server);
    } finally {
      desk.close();
    }
  }, 120_000);
});
