/**
 * Enrolment, device tokens and revocation, the protocol header, and requests refused before
 * anything changes: malformed (400, naming paths, never values), oversized (413, before reading).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiErrorSchema,
  enrolmentAnswerSchema,
  MAX_JSON_BODY_BYTES,
  PROTOCOL_HEADER,
  usersAnswerSchema,
} from '../../shared/api';
import { DEMO_USERS } from '../../shared/auth/demo-users';
import { issueCode, issueToken } from '../src/store/devices';
import { DEMO_AKIMAT } from '../src/seed/demo';
import { BACKENDS, testServer, type TestServer } from './harness';

describe.each(BACKENDS)('authentication on $name', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await testServer(backend);
  }, 120_000);
  afterAll(() => server.close());

  it('enrols a desk once per code, keeps only the hash of the token, and fills the directory from GET /users', async () => {
    const issued = await issueCode(server.db, DEMO_AKIMAT.id, 'officer-2', 1);
    if (!issued.ok) throw new Error('no code');
    const first = await server.json('/enrolment', {
      body: { code: issued.answer.code, deviceName: 'Кабинет 12' },
    });
    expect(first.status).toBe(200);
    const answer = enrolmentAnswerSchema.parse(first.body);
    expect(answer.user).toMatchObject({ id: 'officer-2', role: 'officer', active: true });
    const again = await server.json('/enrolment', {
      body: { code: issued.answer.code, deviceName: 'another' },
    });
    expect(again.status).toBe(401);
    expect(apiErrorSchema.parse(again.body).code).toBe('enrolment.code-invalid');

    const stored = await server.db.query<{ token_hash: string }>(
      'SELECT token_hash FROM devices WHERE id = $1',
      [answer.deviceId],
    );
    expect(stored.rows[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.rows[0]?.token_hash).not.toContain(answer.token);
    const codes = await server.db.query<{ code_hash: string }>('SELECT code_hash FROM enrolment_codes');
    expect(codes.rows.map((r) => r.code_hash)).not.toContain(issued.answer.code);

    const users = await server.json('/users', { token: answer.token });
    expect(users.status).toBe(200);
    const ids = usersAnswerSchema
      .parse(users.body)
      .users.map((u) => u.id)
      .sort();
    expect(ids).toEqual(DEMO_USERS.map((u) => u.profile.id).sort());
  });

  it('refuses a revoked device on the next request (self sign-out and the administrator alike)', async () => {
    const desk = await server.enrol('officer-1', 'to sign out');
    expect((await server.request('/users', { token: desk.token })).status).toBe(200);
    const out = await server.json('/devices/self/revoke', { token: desk.token, method: 'POST' });
    expect(out.status).toBe(200);
    const refused = await server.json('/users', { token: desk.token });
    expect(refused.status).toBe(401);
    expect(apiErrorSchema.parse(refused.body).code).toBe('device.revoked');

    const other = await server.enrol('officer-1', 'revoked by admin');
    const admin = await server.enrol('admin');
    const listed = await server.json<{ devices: { deviceId: string }[] }>('/admin/devices', {
      token: admin.token,
    });
    expect(listed.body.devices.map((d) => d.deviceId)).toContain(other.deviceId);
    const revoked = await server.json(`/admin/devices/${other.deviceId}/revoke`, {
      token: admin.token,
      method: 'POST',
    });
    expect(revoked.status).toBe(200);
    expect((await server.json('/changes', { token: other.token })).body).toMatchObject({
      code: 'device.revoked',
    });
  });

  it('lets only administrators issue codes and feed applications; an officer gets 403', async () => {
    const officer = await server.enrol('officer-1');
    const admin = await server.enrol('admin');
    const denied = await server.json('/admin/enrolment-codes', {
      token: officer.token,
      body: { userId: 'officer-2' },
    });
    expect(denied.status).toBe(403);
    const code = await server.json<{ code: string }>('/admin/enrolment-codes', {
      token: admin.token,
      body: { userId: 'officer-2' },
    });
    expect(code.status).toBe(200);
    expect(code.body.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    const unknown = await server.json('/admin/enrolment-codes', {
      token: admin.token,
      body: { userId: 'nobody' },
    });
    expect(unknown.status).toBe(404);
    const fed = await server.json<{ caseIds: string[] }>('/admin/feed', {
      token: admin.token,
      body: { count: 2 },
    });
    expect(fed.status).toBe(200);
    expect(fed.body.caseIds).toHaveLength(2);
    const { token: key } = await issueToken(server.db, 'admin', 'operator');
    const byKey = await server.json('/admin/enrolment-codes', { token: key, body: { userId: 'head-1' } });
    expect(byKey.status).toBe(200);
  });

  it('serves the monitoring feed to a monitoring token with stages and no personal data', async () => {
    const { token } = await issueToken(server.db, 'monitoring', 'state monitoring');
    const { status, body } = await server.json<{ entries: Record<string, unknown>[] }>(
      '/monitoring?limit=50',
      { token },
    );
    expect(status).toBe(200);
    expect(body.entries.length).toBeGreaterThanOrEqual(12);
    expect(body.entries[0]).toMatchObject({
      eventType: 'received',
      previousStage: null,
      stage: 'registration',
    });
    const text = JSON.stringify(body);
    const { rows } = await server.db.query<{ iin: string; last: string }>(
      "SELECT body->'payload'->'application'->'pupil'->>'iin' AS iin, body->'payload'->'application'->'pupil'->>'lastName' AS last FROM events WHERE type = 'received'",
    );
    for (const r of rows) {
      expect(text).not.toContain(r.iin);
      expect(text).not.toContain(r.last);
    }
    const desk = await server.enrol('officer-1');
    expect((await server.request('/monitoring', { token: desk.token })).status).toBe(403);
  });

  it('refuses a request without the protocol header, or with another version, and says which it speaks', async () => {
    const desk = await server.enrol('officer-1');
    const missing = await server.request('/users', { token: desk.token, protocol: null });
    expect(missing.status).toBe(400);
    expect(missing.headers.get(PROTOCOL_HEADER)).toBe('1');
    expect(await missing.json()).toMatchObject({ code: 'protocol.missing' });
    const other = await server.request('/users', { token: desk.token, protocol: '99' });
    expect(await other.json()).toMatchObject({ code: 'protocol.unsupported', params: { supported: ['1'] } });
    const ok = await server.request('/users', { token: desk.token });
    expect(ok.headers.get(PROTOCOL_HEADER)).toBe('1');
  });

  it('answers malformed bodies with 400 naming the path, never the value, and changes nothing', async () => {
    const desk = await server.enrol('officer-1');
    const before = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM events');
    const notJson = await server.request('/events', {
      token: desk.token,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"events": [',
    });
    expect(notJson.status).toBe(400);
    const iin = '120305500012';
    const wrong = await server.json('/enrolment', { body: { code: iin, deviceName: '' } });
    expect(wrong.status).toBe(400);
    const error = apiErrorSchema.parse(wrong.body);
    expect(error.issues?.map((i) => i.path).sort()).toEqual(['body.code', 'body.deviceName']);
    expect(JSON.stringify(error)).not.toContain(iin);
    const empty = await server.json('/events', { token: desk.token, body: { events: [] } });
    expect(empty.status).toBe(400);
    const after = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM events');
    expect(after.rows[0]?.n).toBe(before.rows[0]?.n);
  });

  it('refuses a body over the limit by its length, before reading it', async () => {
    const desk = await server.enrol('officer-1');
    const declared = await server.request('/events', {
      token: desk.token,
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(MAX_JSON_BODY_BYTES + 1) },
      body: '{}',
    });
    expect(declared.status).toBe(413);
    expect(await declared.json()).toMatchObject({ code: 'request.too-large' });
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024).fill(32);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const streamed = await server.request('/events', {
      token: desk.token,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    });
    expect(streamed.status).toBe(413);
    // An endless body: refused once the limit was passed, not read for ever.
    expect(pulled).toBeLessThan(MAX_JSON_BODY_BYTES * 2);
  });
});
