import { describe, expect, it } from 'vitest';
import { CaseScript, makeEvent, steps } from '../workflow/testing/scenario';
import type { CaseEvent } from '../workflow';
import { BACKOFF_BASE_MS, backoffDelayMs } from './backoff';
import { createApiClient } from './client';
import { createSyncEngine, type SyncEngine } from './engine';
import { createSyncLock, type LockManagerLike } from './lock';
import { FakeCentral } from './testing/fake-central';
import { MemoryStore } from './testing/memory-store';

const NOW = new Date('2026-12-14T05:00:00.000Z');

function setup(
  options: { pageLimit?: number; chunkSize?: number; retryDelays?: number[]; locks?: LockManagerLike } = {},
) {
  const central = new FakeCentral();
  const store = new MemoryStore();
  let now = NOW;
  const clock = {
    get: () => now,
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
  };
  const api = createApiClient({
    baseUrl: 'https://central.test',
    fetch: central.fetch,
    token: () => Promise.resolve('t0ken'),
  });
  const engine: SyncEngine = createSyncEngine({
    api,
    store,
    lock: createSyncLock(options.locks),
    now: () => clock.get(),
    random: () => 0.5,
    ...(options.pageLimit ? { pageLimit: options.pageLimit } : {}),
    upload: {
      fetch: central.fetch,
      chunkSize: options.chunkSize ?? 64 * 1024,
      retryDelays: options.retryDelays ?? [0, 0],
    },
  });
  return { central, store, engine, clock };
}

/** The scripts make every case 'case-1': each test's cases get their own ids. */
const as = (caseId: string, e: CaseEvent): CaseEvent => ({ ...e, caseId });

/** A received and registered case on the server (portal + another desk's registration). */
function serverCase(caseId: string): CaseEvent[] {
  const s = new CaseScript();
  steps.register(s);
  return s.events.map((e) => as(caseId, e));
}

function localRegistered(caseId: string) {
  const s = new CaseScript();
  steps.register(s);
  return { received: as(caseId, s.events[0]!), registered: as(caseId, s.events[1]!), script: s };
}

describe('pulling changes', () => {
  it('pulls every page through the store and keeps the cursor of each committed page', async () => {
    const { central, store, engine } = setup({ pageLimit: 3 });
    for (const id of ['c1', 'c2', 'c3', 'c4']) central.deliver(serverCase(id));
    const outcome = await engine.sync();
    expect(outcome?.pulled.pages).toBe(3); // 8 events, 3 a page
    expect([...store.cases.keys()].sort()).toEqual(['c1', 'c2', 'c3', 'c4']);
    expect(store.cases.get('c4')).toEqual(central.cases.get('c4'));
    expect(store.cursorLog).toEqual(['e1.0.3', 'e1.0.6', 'e1.0.8']);
    // The next sync starts from the stored cursor, not from the beginning.
    central.requests.length = 0;
    await engine.sync();
    expect(central.requests.filter((r) => r.path.startsWith('/changes'))).toEqual([
      { method: 'GET', path: '/changes?limit=3&cursor=e1.0.8' },
    ]);
  });

  it('starts over on 410 and keeps the unsent local work', async () => {
    const { central, store, engine } = setup();
    central.deliver(serverCase('c1'));
    await engine.sync();
    // The server is restored from a backup: a new epoch; meanwhile the officer worked offline.
    central.epoch = 'e2';
    const { received, registered } = localRegistered('c9');
    store.cases.set('c9', [received]);
    central.deliver([received]);
    store.local(registered);
    central.faults.statuses.push({ path: '/events', status: 503 });
    await expect(engine.sync()).rejects.toMatchObject({ kind: 'retry' });
    expect(store.entries.map((e) => e.eventId)).toEqual([registered.id]);
    const outcome = await engine.sync();
    // Not before its back-off: the pull alone ran, from the beginning.
    expect(outcome?.pulled.startedOver).toBe(true);
    expect(store.cursorLog.slice(-2)).toEqual([null, 'e2.0.3']);
    expect(store.entries.map((e) => e.eventId)).toEqual([registered.id]);
    expect(store.held).toEqual([]); // its own events came back as duplicates, nothing new
  });
});

describe('pushing the outbox', () => {
  it('applies per-event results: acknowledged, rejected, and the rest of that case waits', async () => {
    const { central, store, engine } = setup();
    const a = localRegistered('ca');
    const b = localRegistered('cb');
    central.deliver([a.received, b.received]);
    store.cases.set('ca', [a.received]);
    store.cases.set('cb', [b.received]);
    store.local(a.registered);
    store.local(b.registered);
    const bNext = as(
      'cb',
      makeEvent(
        b.script.current,
        'assigned',
        { officerId: 'officer-1' },
        { actor: { userId: 'head-1', role: 'head' } },
      ),
    );
    store.local(bNext);
    central.faults.reject.set(b.registered.id, 'registration.not-today');
    const outcome = await engine.sync();
    expect(outcome?.pushed).toMatchObject({ applied: 1, rejected: 1 });
    expect(central.cases.get('ca')?.map((e) => e.id)).toEqual([a.received.id, a.registered.id]);
    expect(store.entries.find((e) => e.eventId === b.registered.id)).toMatchObject({
      status: 'rejected',
      lastError: 'registration.not-today',
    });
    expect(store.entries.find((e) => e.eventId === bNext.id)?.status).toBe('pending');
    expect(engine.status()).toMatchObject({ phase: 'idle', problems: 1, pending: 1 });
    // The case is stuck behind its rejected event: its later event is not sent again and again.
    central.requests.length = 0;
    await engine.sync();
    expect(central.requests.some((r) => r.path === '/events')).toBe(false);
  });

  it('marks a conflict and keeps the server’s case for the officer', async () => {
    const { central, store, engine } = setup();
    const server = serverCase('cc'); // another desk registered it already
    central.deliver(server);
    const mine = localRegistered('cc');
    store.cases.set('cc', [server[0]!]);
    const myRegistration = { ...mine.registered, baseVersion: 1 };
    store.local(myRegistration);
    await engine.sync();
    expect(store.entries[0]).toMatchObject({ status: 'conflict' });
    expect(store.conflicts.get(myRegistration.id)?.events.map((e) => e.id)).toEqual(server.map((e) => e.id));
    // The server's registration is held, not folded over the officer's own.
    expect(store.held.map((e) => e.id)).toEqual([server[1]!.id]);
    expect(engine.status().problems).toBe(1);
  });

  it('backs off with growing, jittered delays and does not send before its time', async () => {
    const { central, store, engine, clock } = setup();
    const a = localRegistered('cr');
    central.deliver([a.received]);
    store.cases.set('cr', [a.received]);
    store.local(a.registered);
    central.faults.statuses.push({ path: '/events', status: 503 }, { path: '/events', status: 429 });
    await expect(engine.sync()).rejects.toMatchObject({ kind: 'retry' });
    const first = store.entries[0]!;
    expect(first).toMatchObject({ status: 'pending', attempts: 1, lastError: 'internal' });
    expect(Date.parse(first.nextAttemptAt) - NOW.getTime()).toBe(backoffDelayMs(1, () => 0.5));
    clock.advance(500);
    central.requests.length = 0;
    await engine.sync();
    expect(central.requests.some((r) => r.path === '/events')).toBe(false);
    clock.advance(BACKOFF_BASE_MS);
    await expect(engine.sync()).rejects.toMatchObject({ kind: 'retry' });
    const second = store.entries[0]!;
    expect(second.attempts).toBe(2);
    expect(Date.parse(second.nextAttemptAt) - clock.get().getTime()).toBe(backoffDelayMs(2, () => 0.5));
    clock.advance(backoffDelayMs(2, () => 0.5));
    await engine.sync();
    expect(store.entries).toEqual([]);
  });

  it('replays a batch whose answer was lost: the server applies each event once', async () => {
    const { central, store, engine } = setup();
    const a = localRegistered('cl');
    central.deliver([a.received]);
    store.cases.set('cl', [a.received]);
    store.local(a.registered);
    central.faults.loseEventsAnswer = true;
    await expect(engine.sync()).rejects.toMatchObject({ kind: 'network' });
    expect(central.cases.get('cl')).toHaveLength(2); // applied, but the desk never heard
    expect(store.entries[0]).toMatchObject({ status: 'pending', attempts: 1 });
    store.entries[0]!.nextAttemptAt = NOW.toISOString();
    await engine.sync();
    expect(store.entries).toEqual([]);
    expect(central.cases.get('cl')?.filter((e) => e.id === a.registered.id)).toHaveLength(1);
  });

  it('uploads files before their events and resumes a cut upload from the server’s offset', async () => {
    const { central, store, engine } = setup({ chunkSize: 64 * 1024 });
    const s = new CaseScript();
    central.deliver([as('cf', s.events[0]!)]);
    store.cases.set('cf', [as('cf', s.events[0]!)]);
    const bytes = new Uint8Array(200_000).map((_, i) => i % 251);
    const sha = 'f'.repeat(64);
    store.files.set(sha, {
      sha256: sha,
      fileName: 'order.pdf',
      mimeType: 'application/pdf',
      size: bytes.length,
      data: new Blob([bytes]),
    });
    steps.register(s);
    store.local(as('cf', s.events[1]!));
    const produced = makeEvent(s.current, 'document-produced', {
      form: 'order',
      language: 'kk',
      sha256: sha,
      templateId: 'order.kk',
      templateVersion: '1',
    });
    store.local(as('cf', produced));
    central.faults.cutUploadAfter = 30_000; // the first PATCH is cut 30 KB in
    await engine.sync();
    expect(central.files.get(sha)).toEqual(bytes);
    // Every byte reached the server once: after the cut it went on from 30,000, not from zero.
    expect(central.uploadBytesReceived).toBe(bytes.length);
    const order = central.requests.map((r) => `${r.method} ${r.path.replace(/\?.*/, '')}`);
    expect(order.indexOf('POST /events')).toBeGreaterThan(order.lastIndexOf('PATCH /files/u1'));
    expect(order).toContain('HEAD /files/u1');
    expect(store.entries).toEqual([]);
  });

  it('resumes an upload cut in one sync in the next one', async () => {
    const { central, store } = setup();
    const s = new CaseScript();
    central.deliver([as('cg', s.events[0]!)]);
    store.cases.set('cg', [as('cg', s.events[0]!)]);
    steps.register(s);
    const bytes = new Uint8Array(150_000).map((_, i) => (i * 7) % 256);
    const sha = 'e'.repeat(64);
    store.files.set(sha, {
      sha256: sha,
      fileName: 'x.pdf',
      mimeType: 'application/pdf',
      size: bytes.length,
      data: new Blob([bytes]),
    });
    store.local(as('cg', s.events[1]!));
    store.local(
      as(
        'cg',
        makeEvent(s.current, 'document-produced', {
          form: 'order',
          language: 'kk',
          sha256: sha,
          templateId: 'order.kk',
          templateVersion: '1',
        }),
      ),
    );
    // The first PATCH goes whole; the second is cut 30 KB in (at byte 95,536 of the file).
    let patches = 0;
    const wrapped = (input: string, init?: RequestInit) => {
      if (init?.method === 'PATCH' && ++patches === 2) central.faults.cutUploadAfter = 30_000;
      return central.fetch(input, init);
    };
    const engine2 = createSyncEngine({
      api: createApiClient({ baseUrl: 'https://central.test', fetch: wrapped }),
      store,
      lock: createSyncLock(undefined),
      now: () => NOW,
      random: () => 0.5,
      upload: { fetch: wrapped, chunkSize: 64 * 1024, retryDelays: [] },
    });
    await expect(engine2.sync()).rejects.toMatchObject({ kind: 'network' });
    expect(engine2.status().phase).toBe('offline');
    expect(central.files.has(sha)).toBe(false);
    for (const e of store.entries) e.nextAttemptAt = NOW.toISOString();
    await engine2.sync();
    expect(central.files.get(sha)).toEqual(bytes);
    expect(central.uploadBytesReceived).toBe(bytes.length);
    expect(store.entries).toEqual([]);
  });
});

describe('the device and the lock', () => {
  it('stops on a revoked device, keeps the outbox and does not knock again', async () => {
    const { central, store, engine } = setup();
    const a = localRegistered('cv');
    store.cases.set('cv', [a.received]);
    store.local(a.registered);
    central.faults.statuses.push({
      path: '/events',
      status: 401,
      body: { code: 'device.revoked', message: 'revoked' },
    });
    await expect(engine.sync()).rejects.toMatchObject({ kind: 'revoked' });
    expect(engine.status()).toMatchObject({ phase: 'revoked', error: 'device.revoked', pending: 1 });
    expect(store.entries).toHaveLength(1);
    central.requests.length = 0;
    expect(await engine.sync()).toBeUndefined();
    expect(central.requests).toEqual([]);
  });

  it('runs one sync at a time: a second call while one runs does nothing', async () => {
    const { central, engine } = setup();
    central.deliver(serverCase('c1'));
    const [first, second] = await Promise.all([engine.sync(), engine.sync()]);
    expect(first?.pulled.cases).toBe(1);
    expect(second).toBeUndefined();
  });

  it('asks the Web Locks API and skips when another window holds the lock', async () => {
    const held = new Set<string>();
    const locks: LockManagerLike = {
      async request(name, _opts, cb) {
        if (held.has(name)) return cb(null);
        held.add(name);
        try {
          return await cb({ name });
        } finally {
          held.delete(name);
        }
      },
    };
    const { central, engine } = setup({ locks });
    central.deliver(serverCase('c1'));
    held.add('externship-desk-sync'); // another window syncs
    expect(await engine.sync()).toBeUndefined();
    held.clear();
    expect((await engine.sync())?.pulled.cases).toBe(1);
  });
});

describe('back-off', () => {
  it('doubles up to 15 minutes and never waits less than half its ceiling', () => {
    expect(backoffDelayMs(1, () => 0)).toBe(1_000);
    expect(backoffDelayMs(1, () => 0.999999)).toBe(2_000);
    expect(backoffDelayMs(3, () => 0)).toBe(4_000);
    expect(backoffDelayMs(30, () => 0.999999)).toBe(15 * 60_000);
    expect(backoffDelayMs(30, () => 0)).toBe(7.5 * 60_000);
  });
});
