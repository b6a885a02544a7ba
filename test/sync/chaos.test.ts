/**
 * Fault injection against the real central server process, each scenario repeated with fixed
 * seeds (the seed is in every failure message, and `startChaosProxy(…, { seed })` replays it):
 * requests delayed, answered 500, cut mid-upload, duplicated, answers lost after the server applied
 * them, and the server killed (SIGKILL) and restarted mid-push. After recovery: every event on the
 * server exactly once and in the desk's order, every file whole (its SHA-256 checked), the outbox
 * empty, and no upload started again from zero.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { formatInstant } from '../../shared/calendar/instant';
import {
  createApiClient,
  createSyncEngine,
  createSyncLock,
  takeCase,
  type ApiClient,
  type SyncEngine,
} from '../../shared/sync';
import { registrationPayload } from '../../shared/workflow';
import { deskSyncStore } from '../../renderer/src/features/sync/deskSyncStore';
import { startCentral, type Central } from './central';
import {
  startChaosProxy,
  type ChaosOptions,
  type ChaosProxy,
  type Fault,
  type UploadTrace,
} from './chaos-proxy';
import { deskEvent, enrolledDesk, type TestDesk } from './harness';

const SEEDS = [11, 23, 37, 41, 59];
const FAULT_KINDS: Fault[] = ['delay', 'error', 'lose-answer', 'duplicate', 'cut'];
/** Faults met by the seeded runs together, by kind. */
const met = new Map<string, number>();
const FILE_BYTES = 96 * 1024;
const CHUNK = 32 * 1024;

let central: Central;
let dataDir: string;
let port: number;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'chaos-central-'));
  port = await freePort();
  central = await startCentral({ dataDir, port });
}, 180_000);
afterAll(async () => {
  await central?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port: p } = s.address() as net.AddressInfo;
      s.close(() => resolve(p));
    });
  });
}

/** The desk's requests go through the proxy; the test's own checks go to the server directly. */
interface Run {
  t: TestDesk;
  proxy: ChaosProxy;
  engine: SyncEngine;
  direct: ApiClient;
  /** The desk's clock: moved on an hour between attempts, so back-off never makes the test wait. */
  clock: { now: number };
}

async function startRun(seed: number, chaos: Omit<ChaosOptions, 'seed'>): Promise<Run> {
  const proxy = await startChaosProxy(central.url, { seed, ...chaos });
  const t = await enrolledDesk(central, 'officer-1', { via: proxy.url });
  const clock = { now: Date.now() };
  const engine = createSyncEngine({
    api: t.api,
    store: deskSyncStore(t.desk),
    lock: createSyncLock(undefined),
    now: () => new Date(clock.now),
    random: () => 0.5,
    upload: {
      fetch: (input, init) => fetch(input, init),
      chunkSize: CHUNK,
      retryDelays: [0, 50, 100],
    },
  });
  const direct = createApiClient({
    baseUrl: central.url,
    fetch: (input, init) => fetch(input, init),
    token: () => Promise.resolve(t.token),
  });
  return { t, proxy, engine, direct, clock };
}

/** Syncs until `done` holds, at most `attempts` times; a failed attempt is what chaos is for. */
async function syncUntil(run: Run, done: () => Promise<boolean>, attempts: number, seed: number) {
  for (let i = 0; i < attempts; i++) {
    await run.engine.sync().catch(() => undefined);
    run.clock.now += 3_600_000;
    if (await done()) return;
  }
  throw new Error(
    `seed ${seed}: not done after ${attempts} syncs (faults ${JSON.stringify(run.proxy.faults())})`,
  );
}

const taken = new Set<string>();
/** Free cases of the seeded akimat, taken for the officer on the server (not through the proxy). */
async function takeFree(run: Run, n: number): Promise<string[]> {
  const { rows } = await run.t.desk.cases.list({ assignedTo: null, stages: ['registration'] });
  const ids = rows
    .map((r) => r.caseId)
    .filter((id) => !taken.has(id))
    .slice(0, n);
  if (ids.length < n) throw new Error('not enough free cases in the seeded akimat');
  for (const id of ids) {
    taken.add(id);
    const took = await takeCase(run.direct, id, randomUUID());
    if (!took.ok) throw new Error(`taking ${id} failed: ${took.code}`);
  }
  return ids;
}

/** Offline work on a case: registered, complete, and a produced document (bytes the server lacks). */
async function workOn(run: Run, caseId: string): Promise<string> {
  const { desk, userId } = run.t;
  const calendar = await desk.calendar.get();
  type File = { sha256: string; blob: Blob; fileName: string; mimeType: string };
  const act = async (type: Parameters<typeof deskEvent>[2], payload: unknown, files: File[] = []) => {
    const { state } = (await desk.cases.get(caseId))!;
    const result = await desk.cases.ingest(caseId, [deskEvent(state, userId, type, payload)], 'local', {
      files,
    });
    if (!result.ok) throw new Error(`${type} refused: ${result.reason.code}`);
  };
  const { state } = (await desk.cases.get(caseId))!;
  await act(
    'registered',
    registrationPayload(state, calendar, formatInstant(Date.now(), 300), `CH-${randomUUID().slice(0, 8)}`),
  );
  await act('completeness-checked', { complete: true });
  const bytes = randomBytes(FILE_BYTES);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const file = {
    sha256,
    blob: new Blob([bytes]),
    fileName: 'school-request.pdf',
    mimeType: 'application/pdf',
  };
  await act(
    'document-produced',
    { form: 'school-request', language: 'kk', sha256, templateId: 'school-request.kk', templateVersion: '1' },
    [file],
  );
  return sha256;
}

async function serverEvents(run: Run, caseId: string): Promise<string[]> {
  const res = await run.direct.raw(`/cases/${encodeURIComponent(caseId)}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { events: Array<{ id: string }> }).events.map((e) => e.id);
}

/** An upload request that starts below what the server had already said it holds started over. */
function restartsBelowServer(trace: UploadTrace): number {
  let held = 0;
  let restarts = 0;
  for (const step of trace) {
    if (step.kind === 'reported') held = Math.max(held, step.offset);
    else if (step.offset < held) restarts += 1;
  }
  return restarts;
}

async function expectRecovered(run: Run, seed: number, cases: string[], files: string[]) {
  const why = `seed ${seed}, faults ${JSON.stringify(run.proxy.faults())}`;
  expect(await run.t.desk.outbox.countUnsent(), why).toBe(0);
  for (const caseId of cases) {
    const local = (await run.t.desk.cases.get(caseId))!.events.map((e) => e.id);
    const server = await serverEvents(run, caseId);
    expect(server, why).toEqual(local);
    expect(new Set(server).size, why).toBe(server.length);
  }
  for (const sha256 of files) {
    const res = await run.direct.raw(`/files/${sha256}`);
    expect(res.status, why).toBe(200);
    const back = Buffer.from(await res.arrayBuffer());
    expect(back.length, why).toBe(FILE_BYTES);
    expect(createHash('sha256').update(back).digest('hex'), why).toBe(sha256);
    const trace = run.proxy.uploads().get(sha256) ?? [];
    expect(restartsBelowServer(trace), `${why}, upload of ${sha256}: ${JSON.stringify(trace)}`).toBe(0);
  }
}

describe('sync under injected faults, against the real server process', () => {
  it.each(SEEDS)(
    'seed %i: delays, 500s, cut uploads, duplicated requests and lost answers leave every event once and every file whole',
    async (seed) => {
      const run = await startRun(seed, { rate: 0.5 });
      try {
        await syncUntil(run, async () => (await run.t.desk.cases.count()) > 0, 20, seed);
        const cases = await takeFree(run, 2);
        // The taken cases come in with the next pull; then the officer works offline on both.
        await syncUntil(
          run,
          async () => {
            const states = await Promise.all(cases.map((id) => run.t.desk.cases.get(id)));
            return states.every((s) => s?.state.assignedTo === 'officer-1');
          },
          20,
          seed,
        );
        const files = [];
        for (const caseId of cases) files.push(await workOn(run, caseId));
        expect(await run.t.desk.outbox.countUnsent()).toBe(6);

        await syncUntil(run, async () => (await run.t.desk.outbox.countUnsent()) === 0, 40, seed);
        for (const [kind, n] of Object.entries(run.proxy.faults())) met.set(kind, (met.get(kind) ?? 0) + n);
        await expectRecovered(run, seed, cases, files);
      } finally {
        await run.proxy.close();
        run.t.desk.close();
      }
    },
    120_000,
  );

  it('the seeds together met every kind of fault (a test that met none would prove nothing)', () => {
    for (const kind of FAULT_KINDS) expect(met.get(kind) ?? 0, kind).toBeGreaterThan(0);
  });

  it('the server killed mid-upload and again after applying a batch (its answer lost): the push completes once', async () => {
    const kills: string[] = [];
    let armed = false;
    // The server dies before it answers and stays down until the desk's upload has given up its
    // own quick retries, so that the next sync must resume from what the restarted server holds.
    let restarting: Promise<void> = Promise.resolve();
    const restart = async (why: string) => {
      kills.push(why);
      await central.kill();
      restarting = new Promise((r) => setTimeout(r, 500))
        .then(() => startCentral({ dataDir, port }))
        .then((c) => {
          central = c;
        });
    };
    const run = await startRun(7, {
      rate: 0,
      onAnswered: async (req) => {
        if (!armed) return false;
        if (req.method === 'PATCH' && kills.length === 0) {
          await restart('mid-upload');
          return true;
        }
        if (req.method === 'POST' && req.path === '/events' && req.status === 200 && kills.length === 1) {
          await restart('after-apply');
          return true;
        }
        return false;
      },
    });
    try {
      await syncUntil(run, async () => (await run.t.desk.cases.count()) > 0, 5, 7);
      const [caseId] = await takeFree(run, 1);
      await syncUntil(
        run,
        async () => (await run.t.desk.cases.get(caseId!))?.state.assignedTo === 'officer-1',
        5,
        7,
      );
      const sha256 = await workOn(run, caseId!);
      armed = true;
      await syncUntil(
        run,
        async () => {
          await restarting;
          return (await run.t.desk.outbox.countUnsent()) === 0;
        },
        10,
        7,
      );
      expect(kills).toEqual(['mid-upload', 'after-apply']);
      await expectRecovered(run, 7, [caseId!], [sha256]);
      // The upload went on from what the restarted server held, never from zero.
      const sent = (run.proxy.uploads().get(sha256) ?? []).filter((s) => s.kind === 'sent');
      expect(sent.map((s) => s.offset)).toContain(CHUNK);
    } finally {
      await run.proxy.close();
      run.t.desk.close();
    }
  }, 240_000);
});
