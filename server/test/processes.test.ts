/**
 * The server as deployed: `npm run central` on a fresh machine (PGlite, seeded, a code printed for
 * the administrator to read out), and two processes on one PostgreSQL with desks alternating
 * between them: every event applied exactly once, a revocation refused by both at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  pushResponseSchema,
  type ChangesPage,
  type PushResponse,
} from '../../shared/api';
import { openPostgres } from '../src/db/postgres';
import { issueCode } from '../src/store/devices';
import { DEMO_AKIMAT } from '../src/seed/demo';
import { deskEvent, registration } from './events';
import { freshPostgres } from './harness';
import { runCentral, type CentralProcess } from './process';

async function call<T>(
  base: string,
  path: string,
  init: { token?: string; body?: unknown; method?: string } = {},
) {
  const headers: Record<string, string> = { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) };
  if (init.token) headers['authorization'] = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers,
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  return { status: res.status, body: (await res.json()) as T };
}

describe('npm run central on a fresh machine (PGlite)', () => {
  let central: CentralProcess;
  beforeAll(async () => {
    central = await runCentral(['--memory', '--port', '0', '--issue-code', 'officer-1']);
  }, 150_000);
  afterAll(() => central.stop());

  it('starts seeded, prints a one-time code that enrols a desk, and logs no personal data', async () => {
    const code = central.output.map((l) => /enrolment code for officer-1: (\S+)/.exec(l)?.[1]).find(Boolean);
    expect(code).toBeDefined();
    const enrolled = await call<{ token: string }>(central.url, '/enrolment', {
      body: { code, deviceName: 'demo' },
    });
    expect(enrolled.status).toBe(200);
    const page = await call<ChangesPage>(central.url, '/changes', { token: enrolled.body.token });
    expect(page.body.cases).toHaveLength(12);
    const pupils = page.body.cases.flatMap((c) =>
      c.events.flatMap((e) => (e.type === 'received' ? [e.payload.application.pupil] : [])),
    );
    const logText = central.logs.join('\n');
    expect(logText).toContain('"route":"/changes"');
    for (const p of pupils) {
      expect(logText).not.toContain(p.iin);
      expect(logText).not.toContain(p.lastName);
    }
  });
});

const databaseUrl = process.env['DATABASE_URL'];
// Two processes need a database both can reach: a PostgreSQL server (PGlite is one process's own).
describe.runIf(databaseUrl !== undefined)('two server processes on one PostgreSQL', () => {
  let a: CentralProcess;
  let b: CentralProcess;
  let fresh: Awaited<ReturnType<typeof freshPostgres>>;
  beforeAll(async () => {
    fresh = await freshPostgres(databaseUrl as string);
    // Started at once: the migrations and the seed run exactly once between them.
    [a, b] = await Promise.all([
      runCentral(['--port', '0'], { DATABASE_URL: fresh.url }),
      runCentral(['--port', '0'], { DATABASE_URL: fresh.url }),
    ]);
  }, 200_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await fresh?.drop();
  });

  async function enrol(userId: string): Promise<string> {
    const db = await openPostgres(fresh.url, 1);
    try {
      const issued = await issueCode(db, DEMO_AKIMAT.id, userId, 1);
      if (!issued.ok) throw new Error('no code');
      const r = await call<{ token: string }>(a.url, '/enrolment', {
        body: { code: issued.answer.code, deviceName: userId },
      });
      return r.body.token;
    } finally {
      await db.close();
    }
  }

  it('seeds once, and applies every event exactly once when the same batches reach both at once', async () => {
    const token = await enrol('officer-1');
    const pageA = await call<ChangesPage>(a.url, '/changes', { token });
    const pageB = await call<ChangesPage>(b.url, '/changes', { token });
    expect(pageA.body.cases).toHaveLength(12);
    expect(pageB.body.cases.map((c) => c.caseId)).toEqual(pageA.body.cases.map((c) => c.caseId));

    const caseIds = pageA.body.cases.slice(0, 6).map((c) => c.caseId);
    // Desks alternate: taken on one process, pushed to both (a retry after a lost answer, twice over).
    for (const [i, caseId] of caseIds.entries()) {
      expect((await call((i % 2 ? b : a).url, `/cases/${caseId}/take`, { token, body: {} })).status).toBe(
        200,
      );
    }
    const batch = caseIds.flatMap((caseId) => [
      registration({ caseId, baseVersion: 2, userId: 'officer-1' }),
      deskEvent('completeness-checked', { complete: true }, { caseId, baseVersion: 3, userId: 'officer-1' }),
    ]);
    const answers = await Promise.all(
      [a, b, a, b].map((p) => call<PushResponse>(p.url, '/events', { token, body: { events: batch } })),
    );
    const results = answers.map((r) => pushResponseSchema.parse(r.body).results);
    for (let i = 0; i < batch.length; i++) {
      const statuses = results.map((r) => r[i]?.status);
      expect(statuses.filter((s) => s === 'applied')).toHaveLength(1);
      expect(statuses.every((s) => s === 'applied' || s === 'already-applied')).toBe(true);
      expect(new Set(results.map((r) => r[i]?.caseVersion)).size).toBe(1);
    }
    const db = await openPostgres(fresh.url, 1);
    try {
      const { rows } = await db.query<{ n: number; distinct_ids: number }>(
        'SELECT count(*)::int AS n, count(DISTINCT id)::int AS distinct_ids FROM events WHERE case_id = ANY($1)',
        [caseIds],
      );
      // received + assigned + the two pushed, per case.
      expect(rows[0]).toEqual({ n: caseIds.length * 4, distinct_ids: caseIds.length * 4 });
      const seeded = await db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM events WHERE type = 'received'",
      );
      expect(seeded.rows[0]?.n).toBe(12);
    } finally {
      await db.close();
    }
  });

  it('refuses a token revoked on one process on the other at once', async () => {
    const token = await enrol('officer-2');
    expect((await call(b.url, '/users', { token })).status).toBe(200);
    expect((await call(a.url, '/devices/self/revoke', { token, method: 'POST' })).status).toBe(200);
    const refused = await call<{ code: string }>(b.url, '/users', { token });
    expect(refused).toEqual({
      status: 401,
      body: expect.objectContaining({ code: 'device.revoked' }) as unknown,
    });
  });
});
