/**
 * The server's test suite runs on every backend at hand: PGlite always, and a real PostgreSQL
 * when DATABASE_URL is set (test/run-all.mjs starts a throwaway cluster for `npm test`; in CI a
 * missing PostgreSQL is a failure, see postgres-required.test.ts). Each test gets a database of
 * its own: PGlite in memory, or a fresh database created on the PostgreSQL server and dropped after.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../shared/api';
import { prepareDatabase } from '../src/central';
import { openPglite } from '../src/db/pglite';
import { openPostgres } from '../src/db/postgres';
import type { Database } from '../src/db/types';
import { createApp } from '../src/http/app';
import { DEMO_AKIMAT } from '../src/seed/demo';
import { issueCode } from '../src/store/devices';

export interface Backend {
  name: 'pglite' | 'postgres';
  open(): Promise<Database>;
}

/** A new, empty database on the PostgreSQL server of DATABASE_URL; closing it drops it. */
export async function freshPostgres(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `central_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const own = new URL(url);
  own.pathname = `/${name}`;
  return {
    url: own.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

const databaseUrl = process.env['DATABASE_URL'];

export const BACKENDS: Backend[] = [
  { name: 'pglite', open: () => openPglite() },
  ...(databaseUrl
    ? [
        {
          name: 'postgres' as const,
          async open() {
            const fresh = await freshPostgres(databaseUrl);
            const db = await openPostgres(fresh.url);
            return { ...db, close: () => db.close().then(() => fresh.drop()) };
          },
        },
      ]
    : []),
];

export type JsonInit = Omit<RequestInit, 'body'> & { token?: string; body?: unknown };

export interface TestServer {
  db: Database;
  /** A request to the app in this process, with the protocol header (unless told otherwise). */
  request(path: string, init?: RequestInit & { token?: string; protocol?: string | null }): Promise<Response>;
  json<T = unknown>(path: string, init?: JsonInit): Promise<{ status: number; body: T }>;
  /** Enrols a desk for a user of the demo akimat; returns its token and device id. */
  enrol(userId: string, deviceName?: string): Promise<{ token: string; deviceId: string }>;
  close(): Promise<void>;
}

export async function testServer(backend: Backend, options: { seed?: boolean } = {}): Promise<TestServer> {
  const db = await backend.open();
  await prepareDatabase(db, options.seed ?? true);
  const app = createApp({ db, allowedOrigins: '*' });
  const request: TestServer['request'] = (path, init = {}) => {
    const { token, protocol, ...rest } = init;
    const headers = new Headers(rest.headers);
    if (protocol !== null) headers.set(PROTOCOL_HEADER, protocol ?? String(PROTOCOL_VERSION));
    if (token) headers.set('authorization', `Bearer ${token}`);
    return Promise.resolve(app.request(path, { ...rest, headers }));
  };
  const json: TestServer['json'] = async (path, init = {}) => {
    const { body, ...rest } = init;
    const headers = new Headers(rest.headers);
    if (body !== undefined) headers.set('content-type', 'application/json');
    const res = await request(path, {
      ...rest,
      headers,
      ...(body !== undefined ? { method: rest.method ?? 'POST', body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as never };
  };
  return {
    db,
    request,
    json,
    async enrol(userId, deviceName = 'test desk') {
      const issued = await issueCode(db, DEMO_AKIMAT.id, userId, 1);
      if (!issued.ok) throw new Error(`no user ${userId}`);
      const { status, body } = await json<{ token: string; deviceId: string }>('/enrolment', {
        body: { code: issued.answer.code, deviceName },
      });
      if (status !== 200) throw new Error(`enrolment failed: ${status}`);
      return body;
    },
    close: () => db.close(),
  };
}
