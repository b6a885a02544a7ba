/**
 * Bundled for the sync benchmark only (never part of the desk): in Chromium, on a page of the
 * desk's origin, a desk database of its own with the desk's real sync engine and storage port
 * (shared/sync over renderer/src/db through deskSyncStore), timed: pulling everything into an empty
 * desk, the naive single download for comparison, and pushing local work (events, then events
 * naming new files).
 */
import { openDesk, type Desk } from '../../renderer/src/db';
import { caseRowOf } from '../../renderer/src/db/rows';
import { changesPageSchema, PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../shared/api';
import type { WorkingDayCalendar } from '../../shared/calendar/types';
import { caseFactsOf } from '../../shared/metrics/stored';
import { deskSyncStore } from '../../renderer/src/features/sync/deskSyncStore';
import { formatInstant } from '../../shared/calendar/instant';
import {
  createApiClient,
  createSyncEngine,
  createSyncLock,
  MemoryUrlStorage,
  PULL_PAGE_LIMIT,
  push,
  type FetchLike,
  type SyncStore,
} from '../../shared/sync';
import {
  EVENT_SCHEMA_VERSION,
  foldEvents,
  registrationPayload,
  type CaseEvent,
  type CaseState,
} from '../../shared/workflow';

interface Counted {
  fetch: FetchLike;
  requests(): number;
}

function counting(): Counted {
  let requests = 0;
  return {
    fetch: (input, init) => {
      requests += 1;
      return fetch(input, init);
    },
    requests: () => requests,
  };
}

export interface PullRun {
  ms: number;
  cases: number;
  events: number;
  pages: number;
  requests: number;
  /** Inside the store's page transactions (fold, rows, facts, IndexedDB writes, the cursor). */
  storeMs: number;
  /** Waiting for a page that had not arrived yet (what the prefetch did not hide). */
  waitMs: number;
}

/** Where a pull's time goes, each phase measured alone over every page (ms, summed). */
export interface Phases {
  pages: number;
  /** Request sent to the answer's headers: the server's page time and the first bytes. */
  serverMs: number;
  /** The body: transfer and brotli decoding (Response.text()). */
  bodyMs: number;
  parseMs: number;
  /** shared/api's changesPageSchema over the parsed page. */
  validateMs: number;
  /** The reducer's fold of every case, its queue row and its dashboard facts (no storage). */
  foldMs: number;
}

async function pullAll(o: {
  baseUrl: string;
  token: string;
  name: string;
  /** Undefined: the desk's own (PULL_PAGE_LIMIT). */
  pageLimit?: number;
}): Promise<PullRun> {
  const desk = await openDesk({ name: o.name });
  try {
    const counted = counting();
    const timed = timedStore(deskSyncStore(desk));
    const engine = createSyncEngine({
      api: createApiClient({
        baseUrl: o.baseUrl,
        fetch: counted.fetch,
        token: () => Promise.resolve(o.token),
      }),
      store: timed.store,
      lock: createSyncLock(undefined),
      now: () => new Date(),
      random: Math.random,
      ...(o.pageLimit ? { pageLimit: o.pageLimit } : {}),
      upload: { fetch: counted.fetch },
    });
    const t0 = performance.now();
    const outcome = await engine.sync();
    const ms = performance.now() - t0;
    if (!outcome) throw new Error('the sync did not run');
    return {
      ms,
      cases: await desk.cases.count(),
      events: outcome.pulled.events,
      pages: outcome.pulled.pages,
      requests: counted.requests(),
      storeMs: timed.storeMs,
      waitMs: Math.max(0, ms - timed.storeMs),
    };
  } finally {
    desk.close();
  }
}

/** The store's page ingests, timed (everything else the pull does is waiting for pages). */
function timedStore(store: SyncStore): { store: SyncStore; storeMs: number } {
  const out = { store, storeMs: 0 };
  out.store = {
    ...store,
    async ingestPage(cases, cursor) {
      const t0 = performance.now();
      try {
        return await store.ingestPage(cases, cursor);
      } finally {
        out.storeMs += performance.now() - t0;
      }
    },
  };
  return out;
}

/** Every page of the pull again from the beginning, each phase timed on its own, nothing stored. */
async function phases(o: {
  baseUrl: string;
  token: string;
  name: string;
  pageLimit?: number;
}): Promise<Phases> {
  const desk = await openDesk({ name: o.name });
  let calendar: WorkingDayCalendar;
  try {
    calendar = await desk.calendar.get();
  } finally {
    desk.close();
  }
  const p: Phases = { pages: 0, serverMs: 0, bodyMs: 0, parseMs: 0, validateMs: 0, foldMs: 0 };
  let cursor: string | undefined;
  for (;;) {
    const query = new URLSearchParams({
      limit: String(o.pageLimit ?? PULL_PAGE_LIMIT),
      ...(cursor ? { cursor } : {}),
    });
    let t = performance.now();
    const res = await fetch(`${o.baseUrl}/changes?${query.toString()}`, {
      headers: { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION), authorization: `Bearer ${o.token}` },
    });
    p.serverMs += performance.now() - t;
    t = performance.now();
    const text = await res.text();
    p.bodyMs += performance.now() - t;
    t = performance.now();
    const json: unknown = JSON.parse(text);
    p.parseMs += performance.now() - t;
    t = performance.now();
    const page = changesPageSchema.parse(json);
    p.validateMs += performance.now() - t;
    t = performance.now();
    for (const c of page.cases) {
      const folded = foldEvents(c.events);
      if (folded.ok) {
        caseRowOf(folded.state, calendar);
        caseFactsOf(folded.state, calendar);
      }
    }
    p.foldMs += performance.now() - t;
    p.pages += 1;
    cursor = page.cursor;
    if (!page.hasMore) return p;
  }
}

/** The naive way: one JSON of every case's events, downloaded whole, then stored through the same ingest. */
async function naive(o: {
  url: string;
  name: string;
}): Promise<{ ms: number; downloadMs: number; cases: number }> {
  const desk = await openDesk({ name: o.name });
  try {
    const t0 = performance.now();
    const res = await fetch(o.url);
    const all = (await res.json()) as Array<{ caseId: string; events: CaseEvent[] }>;
    const downloadMs = performance.now() - t0;
    await desk.cases.ingestMany(all, 'remote');
    return { ms: performance.now() - t0, downloadMs, cases: await desk.cases.count() };
  } finally {
    desk.close();
  }
}

function localEvent(state: CaseState, userId: string, type: CaseEvent['type'], payload: unknown): CaseEvent {
  return {
    id: crypto.randomUUID(),
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

/** A small PDF of its own per case (a produced document), so every file is new to the server. */
function producedPdf(caseId: string, size: number): Blob {
  const head = `%PDF-1.7\n% produced for ${caseId}\n`;
  const filler = new Uint8Array(Math.max(0, size - head.length));
  crypto.getRandomValues(filler.subarray(0, Math.min(filler.length, 65_536)));
  return new Blob([head, filler], { type: 'application/pdf' });
}

async function sha256(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export interface PushRun {
  ms: number;
  events: number;
  files: number;
  applied: number;
  requests: number;
  /** Outbox entries left unsent afterwards (must be 0). */
  unsent: number;
  preparedMs: number;
}

async function timedPush(
  desk: Desk,
  o: { baseUrl: string; token: string },
  prepared: number,
  preparedMs: number,
): Promise<PushRun> {
  const counted = counting();
  const api = createApiClient({
    baseUrl: o.baseUrl,
    fetch: counted.fetch,
    token: () => Promise.resolve(o.token),
    compressRequests: true,
  });
  const t0 = performance.now();
  const result = await push(api, deskSyncStore(desk), {
    now: () => new Date(),
    random: Math.random,
    upload: {
      fetch: counted.fetch,
      urlStorage: new MemoryUrlStorage(),
      chunkSize: 1024 * 1024,
      retryDelays: [0, 500],
    },
  });
  const ms = performance.now() - t0;
  return {
    ms,
    events: prepared,
    files: result.files,
    applied: result.applied,
    requests: counted.requests(),
    unsent: await desk.outbox.countUnsent(),
    preparedMs,
  };
}

/**
 * On the desk `name` (which has pulled the cases): the officer registers each of `caseIds` offline,
 * and the outbox is pushed (timed); then produces a document on each (a new file per case) and the
 * outbox is pushed again, files first (timed).
 */
async function pushWork(o: {
  baseUrl: string;
  token: string;
  name: string;
  userId: string;
  caseIds: string[];
  fileBytes: number;
  /** False: the second push (events naming new files) is left out. */
  withFiles: boolean;
}): Promise<{ events: PushRun; withFiles: PushRun }> {
  const desk = await openDesk({ name: o.name });
  try {
    const calendar = await desk.calendar.get();
    let t0 = performance.now();
    for (const [i, caseId] of o.caseIds.entries()) {
      const found = await desk.cases.get(caseId);
      if (!found) throw new Error('a case to push was not pulled');
      const at = formatInstant(Date.now(), 300);
      const event = localEvent(
        found.state,
        o.userId,
        'registered',
        registrationPayload(found.state, calendar, at, `B-${i}`),
      );
      const r = await desk.cases.ingest(caseId, [event], 'local');
      if (!r.ok) throw new Error(`registration refused: ${r.reason.code}`);
    }
    const events = await timedPush(desk, o, o.caseIds.length, performance.now() - t0);
    if (!o.withFiles)
      return {
        events,
        withFiles: { ms: 0, events: 0, files: 0, applied: 0, requests: 0, unsent: 0, preparedMs: 0 },
      };

    t0 = performance.now();
    for (const caseId of o.caseIds) {
      const found = await desk.cases.get(caseId);
      if (!found) throw new Error('a case to push was not pulled');
      const blob = producedPdf(caseId, o.fileBytes);
      const hash = await sha256(blob);
      const event = localEvent(found.state, o.userId, 'document-produced', {
        form: 'order',
        language: 'kk',
        sha256: hash,
        templateId: 'order.kk',
        templateVersion: '1.0.0',
      });
      const r = await desk.cases.ingest(caseId, [event], 'local', {
        files: [{ sha256: hash, blob, fileName: 'order.pdf', mimeType: 'application/pdf' }],
      });
      if (!r.ok) throw new Error(`document refused: ${r.reason.code}`);
    }
    const withFiles = await timedPush(desk, o, o.caseIds.length, performance.now() - t0);
    return { events, withFiles };
  } finally {
    desk.close();
  }
}

const g = globalThis as unknown as {
  deskBenchSync: {
    pullAll: typeof pullAll;
    phases: typeof phases;
    naive: typeof naive;
    pushWork: typeof pushWork;
  };
};
g.deskBenchSync = { pullAll, phases, naive, pushWork };
