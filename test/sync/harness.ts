/** A desk (fake IndexedDB) enrolled with the real central server, with its sync engine. */
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { formatInstant } from '../../shared/calendar/instant';
import {
  createApiClient,
  createSyncEngine,
  createSyncLock,
  enrol,
  type ApiClient,
  type FetchLike,
  type SyncEngine,
} from '../../shared/sync';
import {
  EVENT_SCHEMA_VERSION,
  registrationPayload,
  type CaseEvent,
  type CaseState,
} from '../../shared/workflow';
import { openDesk, type Desk } from '../../renderer/src/db';
import { uniqueName } from '../../renderer/src/db/testing';
import { deskSyncStore } from '../../renderer/src/features/sync/deskSyncStore';
import type { Central } from './central';

export interface TestDesk {
  desk: Desk;
  api: ApiClient;
  engine: SyncEngine;
  userId: string;
  deviceId: string;
  token: string;
}

export async function enrolledDesk(
  central: Central,
  userId: string,
  options: { via?: string; fetch?: FetchLike } = {},
): Promise<TestDesk> {
  const base = options.via ?? central.url;
  const doFetch: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  const code = await central.issueCode(userId);
  const answer = await enrol(
    createApiClient({ baseUrl: central.url, fetch: doFetch }),
    code,
    `desk of ${userId}`,
  );
  const desk = await openDesk({ name: uniqueName('sync-desk') });
  const api = createApiClient({
    baseUrl: base,
    fetch: doFetch,
    token: () => Promise.resolve(answer.token),
    compressRequests: true,
  });
  const engine = createSyncEngine({
    api,
    store: deskSyncStore(desk),
    lock: createSyncLock(undefined),
    now: () => new Date(),
    random: () => 0.5,
    upload: { fetch: doFetch, chunkSize: 64 * 1024, retryDelays: [0, 100, 300] },
  });
  return { desk, api, engine, userId, deviceId: answer.deviceId, token: answer.token };
}

/** An event this desk's officer makes now, at the office's offset (+05:00). */
export function deskEvent(
  state: CaseState,
  userId: string,
  type: CaseEvent['type'],
  payload: unknown,
): CaseEvent {
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

export async function registerLocally(t: TestDesk, caseId: string, number: string): Promise<CaseEvent> {
  const found = await t.desk.cases.get(caseId);
  if (!found) throw new Error('case not on the desk');
  const calendar = await t.desk.calendar.get();
  const event = deskEvent(
    found.state,
    t.userId,
    'registered',
    registrationPayload(found.state, calendar, formatInstant(Date.now(), 300), number),
  );
  const result = await t.desk.cases.ingest(caseId, [event], 'local');
  if (!result.ok) throw new Error(`registration refused: ${result.reason.code}`);
  return event;
}

/** The server's events of a case, by id (GET /cases/{caseId}). */
export async function serverEventIds(t: TestDesk, caseId: string): Promise<string[]> {
  const res = await t.api.raw(`/cases/${encodeURIComponent(caseId)}`);
  const body = (await res.json()) as { events: Array<{ id: string }> };
  return body.events.map((e) => e.id);
}
