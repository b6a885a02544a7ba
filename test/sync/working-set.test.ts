/**
 * The working set end to end, the desk's engine and storage (fake IndexedDB) against the server's
 * HTTP app on PGlite in this process: a desk pulls only its working set; a case left out that
 * changes again arrives whole; an old settled case is dropped after the sync and fetched again on
 * demand, with the same history as the server's.
 */
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../shared/api';
import { setLogSink } from '../../shared/log';
import {
  createApiClient,
  createSyncEngine,
  createSyncLock,
  fetchCaseAgain,
  trimWorkingSet,
  type ApiClient,
  type FetchLike,
} from '../../shared/sync';
import type { CaseEvent } from '../../shared/workflow';
import { almaty, grantedAndClosed, makeEvent } from '../../shared/workflow/testing/scenario';
import { openDesk, type Desk } from '../../renderer/src/db';
import { deskWorkingSet } from '../../renderer/src/features/sync/deskWorkingSet';
import { uniqueName } from '../../renderer/src/db/testing';
import { deskSyncStore } from '../../renderer/src/features/sync/deskSyncStore';
import { prepareDatabase } from '../../server/src/central';
import { openPglite } from '../../server/src/db/pglite';
import type { Database } from '../../server/src/db/types';
import { createApp } from '../../server/src/http/app';
import { DEMO_AKIMAT } from '../../server/src/seed/demo';
import { applyBatch } from '../../server/src/store/apply';
import { issueCode } from '../../server/src/store/devices';

let db: Database;
let fetchApp: FetchLike;
const BASE = 'http://central.test';
const closed = { a: randomUUID(), b: randomUUID() };
const histories: Record<string, CaseEvent[]> = {};

beforeAll(async () => {
  setLogSink(() => undefined);
  db = await openPglite();
  await prepareDatabase(db, true);
  const app = createApp({ db, allowedOrigins: '*' });
  fetchApp = (input, init) => Promise.resolve(app.request(input, init));
  // Two cases granted and closed in December 2026, held by officer-1.
  for (const caseId of Object.values(closed)) {
    const events = grantedAndClosed().events.map((e) => ({ ...e, caseId, id: randomUUID() }));
    histories[caseId] = events;
    const results = await applyBatch(db, events, DEMO_AKIMAT.id, { kind: 'import' });
    expect(results.every((r) => r.status === 'applied')).toBe(true);
  }
}, 120_000);
afterAll(() => db?.close());

async function desk(userId: string): Promise<{ desk: Desk; api: ApiClient }> {
  const issued = await issueCode(db, DEMO_AKIMAT.id, userId, 1);
  if (!issued.ok) throw new Error('no such user');
  const res = await fetchApp(`${BASE}/enrolment`, {
    method: 'POST',
    headers: { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION), 'content-type': 'application/json' },
    body: JSON.stringify({ code: issued.answer.code, deviceName: 'working-set desk' }),
  });
  const { token } = (await res.json()) as { token: string };
  return {
    desk: await openDesk({ name: uniqueName('working-set') }),
    api: createApiClient({ baseUrl: BASE, fetch: fetchApp, token: () => Promise.resolve(token) }),
  };
}

function engine(t: { desk: Desk; api: ApiClient }, closedBefore?: string) {
  return createSyncEngine({
    api: t.api,
    store: deskSyncStore(t.desk),
    lock: createSyncLock(undefined),
    now: () => new Date(),
    random: () => 0.5,
    ...(closedBefore ? { closedBefore: () => closedBefore } : {}),
  });
}

describe('the working set, desk and server', () => {
  it('pulls only the working set, and a left-out case that changes again arrives whole', async () => {
    const t = await desk('officer-2');
    await engine(t, '2027-06-01').sync();
    const ids = new Set((await t.desk.cases.listAll()).map((r) => r.caseId));
    expect(ids.size).toBeGreaterThanOrEqual(12);
    expect(ids.has(closed.a) || ids.has(closed.b)).toBe(false);

    // A complaint about case a: work on it again, and only its new event is after the desk's cursor.
    const history = histories[closed.a]!;
    const complaint = makeEvent(
      { ...(await caseState(closed.a)), caseId: closed.a },
      'complaint-registered',
      { complaintId: 'c-1', addressee: 'provider', registeredOn: '2027-01-11', summary: 's' },
      { at: almaty('2027-01-11') },
    );
    const [applied] = await applyBatch(db, [complaint], DEMO_AKIMAT.id, { kind: 'import' });
    expect(applied?.status).toBe('applied');
    const outcome = await engine(t, '2027-06-01').sync();
    expect(outcome?.refusedRemote).toEqual([]);
    const found = await t.desk.cases.get(closed.a);
    expect(found?.events.map((e) => e.id)).toEqual([...history.map((e) => e.id), complaint.id]);
    t.desk.close();
  });

  it('drops an old settled case after the sync and fetches it again on demand', async () => {
    const t = await desk('officer-2');
    await engine(t).sync();
    const before = await t.desk.cases.get(closed.b);
    expect(before?.events).toHaveLength(histories[closed.b]!.length);
    const ws = deskWorkingSet(t.desk);
    const trimmed = await trimWorkingSet(ws, {
      now: () => new Date('2029-06-01T00:00:00Z'),
      userId: 'officer-2',
    });
    expect(trimmed.evicted).toContain(closed.b);
    expect((await t.desk.cases.get(closed.b))?.events).toHaveLength(1);
    expect(await fetchCaseAgain(t.api, ws, closed.b)).toBe(true);
    expect((await t.desk.cases.get(closed.b))?.events.map((e) => e.id)).toEqual(
      histories[closed.b]!.map((e) => e.id),
    );
    t.desk.close();
  });
});

async function caseState(caseId: string) {
  const { rows } = await db.query<{ state: Parameters<typeof makeEvent>[0] }>(
    'SELECT state FROM cases WHERE id = $1',
    [caseId],
  );
  return rows[0]!.state!;
}
