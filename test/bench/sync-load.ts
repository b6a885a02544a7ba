/**
 * The server under load: `desks` simulated desks syncing at once against one server process, each
 * with the desk's own HTTP client (shared/sync createApiClient, gzip batches): pull everything,
 * then three rounds of push (20 events a request: register its cases, then review each case's two
 * attachments) with a pull after each, as a desk's sync does. Measured: events applied per second
 * over the concurrent phase, the latency of every POST /events (median, 95th percentile), and —
 * from the monitoring feed afterwards — that every event pushed is on the server exactly once.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { changesPageSchema, pushResponseSchema, monitoringPageSchema } from '../../shared/api';
import { kazakhstanCalendar } from '../../shared/calendar';
import { formatInstant } from '../../shared/calendar/instant';
import { createApiClient, type ApiClient } from '../../shared/sync';
import {
  applyEvent,
  checkAttachment,
  EVENT_SCHEMA_VERSION,
  registrationPayload,
  reviewCheckOf,
  type CaseEvent,
  type CaseState,
} from '../../shared/workflow';
import { openPglite } from '../../server/src/db/pglite';
import { openPostgres } from '../../server/src/db/postgres';
import { seedSyncServer } from './sync-seed';
import { startBenchCentral, type BenchCentral } from './sync-server';

export interface LoadResult {
  backend: string;
  desks: number;
  events: number;
  requests: number;
  wallMs: number;
  eventsPerSecond: number;
  pushMs: { median: number; p95: number; max: number };
  pullMs: { median: number; p95: number };
  /** Pushed events not found on the server, and found more than once (both must be 0). */
  missing: number;
  duplicated: number;
  notApplied: number;
}

const quantile = (sorted: number[], q: number) =>
  sorted.length === 0 ? 0 : (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number);

async function pullStates(
  api: ApiClient,
  states: Map<string, CaseState>,
  cursor: string | undefined,
  times: number[],
) {
  const events = new Map<string, CaseEvent[]>();
  for (;;) {
    const t0 = performance.now();
    const page = await api.json(
      'GET',
      `/changes?limit=1000${cursor ? `&cursor=${cursor}` : ''}`,
      changesPageSchema,
    );
    times.push(performance.now() - t0);
    for (const c of page.cases) events.set(c.caseId, [...(events.get(c.caseId) ?? []), ...c.events]);
    cursor = page.cursor;
    if (!page.hasMore) break;
  }
  for (const [caseId, list] of events) {
    const before = states.get(caseId);
    let state = before;
    for (const e of list) {
      if (state && e.baseVersion < state.version) continue;
      const folded = applyEvent(state, e);
      if (!folded.ok) throw new Error(`a pulled case does not fold: ${folded.reason.code}`);
      state = folded.state;
    }
    if (state) states.set(caseId, state);
  }
  return cursor;
}

function event(state: CaseState, userId: string, type: CaseEvent['type'], payload: unknown): CaseEvent {
  return {
    id: randomUUID(),
    caseId: state.caseId,
    baseVersion: state.version,
    schemaVersion: EVENT_SCHEMA_VERSION,
    actor: { userId, role: 'officer' },
    at: formatInstant(Date.now(), 300),
    origin: { kind: 'desk' },
    type,
    payload,
  } as CaseEvent;
}

/** The next event of a round for one case (round 0: register; 1 and 2: review attachment 0 and 1). */
function nextEvent(state: CaseState, userId: string, round: number, n: string): CaseEvent {
  if (round === 0) {
    const at = formatInstant(Date.now(), 300);
    return event(state, userId, 'registered', registrationPayload(state, kazakhstanCalendar, at, n));
  }
  const attachment = state.application.attachments[round - 1];
  if (!attachment) throw new Error('a load case has no such attachment');
  const today = formatInstant(Date.now(), 300).slice(0, 10);
  return event(state, userId, 'document-reviewed', {
    attachmentId: attachment.id,
    verdict: 'confirmed',
    check: reviewCheckOf(checkAttachment(state.application, attachment, today)),
  });
}

export async function loadTest(
  central: BenchCentral,
  backend: string,
  fresh: Record<string, string[]>,
  desks: number,
): Promise<LoadResult> {
  const officers = Object.keys(fresh);
  const clients: Array<{ api: ApiClient; userId: string; caseIds: string[] }> = [];
  for (let i = 0; i < desks; i++) {
    const userId = officers[i % officers.length] as string;
    const own = fresh[userId] as string[];
    const per = Math.floor(own.length / Math.ceil(desks / officers.length));
    const slot = Math.floor(i / officers.length);
    const token = await central.enrol(userId, `load desk ${i}`);
    clients.push({
      api: createApiClient({
        baseUrl: central.url,
        fetch: (input, init) => fetch(input, init),
        token: () => Promise.resolve(token),
        compressRequests: true,
      }),
      userId,
      caseIds: own.slice(slot * per, (slot + 1) * per),
    });
  }
  const pushTimes: number[] = [];
  const pullTimes: number[] = [];
  const pushed: string[] = [];
  let notApplied = 0;
  let requests = 0;
  const t0 = performance.now();
  await Promise.all(
    clients.map(async (client, d) => {
      const states = new Map<string, CaseState>();
      let cursor = await pullStates(client.api, states, undefined, pullTimes);
      for (let round = 0; round < 3; round++) {
        const batch = client.caseIds.map((id, k) => {
          const state = states.get(id);
          if (!state) throw new Error('a load case was not pulled');
          return nextEvent(state, client.userId, round, `L-${d}-${k}`);
        });
        const start = performance.now();
        const answer = await client.api.json('POST', '/events', pushResponseSchema, { events: batch });
        pushTimes.push(performance.now() - start);
        requests += 1;
        notApplied += answer.results.filter((r) => r.status !== 'applied').length;
        pushed.push(...batch.map((e) => e.id));
        cursor = await pullStates(client.api, states, cursor, pullTimes);
      }
    }),
  );
  const wallMs = performance.now() - t0;

  // Every pushed event on the server exactly once: the monitoring feed lists every applied event.
  const seen = new Map<string, number>();
  const monitor = createApiClient({
    baseUrl: central.url,
    fetch: (input, init) => fetch(input, init),
    token: () => Promise.resolve(central.adminToken),
  });
  let since: string | undefined;
  for (;;) {
    const page = await monitor.json(
      'GET',
      `/monitoring?limit=5000${since ? `&since=${since}` : ''}`,
      monitoringPageSchema,
    );
    for (const e of page.entries) seen.set(e.eventId, (seen.get(e.eventId) ?? 0) + 1);
    since = page.cursor;
    if (!page.hasMore) break;
  }
  const sortedPush = [...pushTimes].sort((a, b) => a - b);
  const sortedPull = [...pullTimes].sort((a, b) => a - b);
  return {
    backend,
    desks,
    events: pushed.length,
    requests,
    wallMs: Math.round(wallMs),
    eventsPerSecond: Math.round((pushed.length / wallMs) * 1000),
    pushMs: {
      median: Math.round(quantile(sortedPush, 0.5)),
      p95: Math.round(quantile(sortedPush, 0.95)),
      max: Math.round(sortedPush[sortedPush.length - 1] ?? 0),
    },
    pullMs: { median: Math.round(quantile(sortedPull, 0.5)), p95: Math.round(quantile(sortedPull, 0.95)) },
    missing: pushed.filter((id) => !seen.has(id)).length,
    duplicated: pushed.filter((id) => (seen.get(id) ?? 0) > 1).length,
    notApplied,
  };
}

interface ClusterModule {
  startCluster(): Promise<{ url: string; stop(): void } | undefined>;
}

/**
 * The 50-desk load on one backend: a fresh server seeded with the desks' new applications, then
 * the load; undefined (with a note) when PostgreSQL is not installed.
 */
export async function loadOn(
  backend: 'pglite' | 'postgres',
  desks: number,
  notes: string[],
): Promise<LoadResult | undefined> {
  const perOfficer = Math.ceil((desks * 20) / 2);
  const plan = { history: 0, fresh: { 'officer-1': perOfficer, 'officer-2': perOfficer } };
  if (backend === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'central-load-'));
    try {
      const db = await openPglite(dir);
      const seeded = await seedSyncServer(db, plan);
      await db.close();
      const central = await startBenchCentral({ dataDir: dir });
      try {
        return await loadTest(central, 'PGlite', seeded.fresh, desks);
      } finally {
        await central.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const { startCluster } = (await import(new URL('../postgres.mjs', import.meta.url).href)) as ClusterModule;
  const cluster = await startCluster();
  if (!cluster) {
    notes.push('PostgreSQL is not installed here: the load ran on PGlite only.');
    return undefined;
  }
  try {
    const db = await openPostgres(cluster.url);
    const seeded = await seedSyncServer(db, plan);
    await db.close();
    const central = await startBenchCentral({ databaseUrl: cluster.url });
    try {
      return await loadTest(central, 'PostgreSQL 15 (throwaway cluster, fsync off)', seeded.fresh, desks);
    } finally {
      await central.stop();
    }
  } finally {
    cluster.stop();
  }
}
