/**
 * The contract, end to end through the HTTP app on every backend: pulling changes, pushing events
 * (applied, already applied with the same answer, conflict with the server's case, rejected), the
 * server's own rules beside the reducer, and every answer checked against shared/api's schemas.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  assignmentAnswerSchema,
  changesPageSchema,
  pushResponseSchema,
  type CaseChange,
  type ChangesPage,
  type PushResponse,
} from '../../shared/api';
import { BACKENDS, testServer, type TestServer } from './harness';
import { deskEvent, registration } from './events';

describe.each(BACKENDS)('sync on $name', (backend) => {
  // One server per backend for the file (starting PGlite costs seconds); each test works on cases
  // of its own, so none depends on another's.
  let server: TestServer;
  let officer: { token: string };
  let seeded: string[] = [];
  beforeAll(async () => {
    server = await testServer(backend);
    const first = await server.enrol('officer-1');
    seeded = [...(await pullAll(first.token)).cases.keys()];
  }, 120_000);
  afterAll(() => server.close());
  beforeEach(async () => {
    officer = await server.enrol('officer-1');
  });
  const freeCase = () => {
    const caseId = seeded.shift();
    if (caseId === undefined) throw new Error('the seed has no free case left for this test');
    return caseId;
  };

  async function pullAll(
    token: string,
  ): Promise<{ cases: Map<string, CaseChange>; cursor: string; pages: number }> {
    const cases = new Map<string, CaseChange>();
    let cursor: string | undefined;
    let pages = 0;
    for (;;) {
      const { status, body } = await server.json<ChangesPage>(
        `/changes?limit=5${cursor ? `&cursor=${cursor}` : ''}`,
        { token },
      );
      expect(status).toBe(200);
      const page = changesPageSchema.parse(body);
      pages += 1;
      for (const c of page.cases) {
        const known = cases.get(c.caseId);
        cases.set(c.caseId, known ? { ...c, events: [...known.events, ...c.events] } : c);
      }
      cursor = page.cursor;
      if (!page.hasMore) return { cases, cursor, pages };
    }
  }

  async function takeFirstCase(): Promise<{ caseId: string; version: number }> {
    const caseId = freeCase();
    const { status, body } = await server.json(`/cases/${caseId}/take`, { token: officer.token, body: {} });
    expect(status).toBe(200);
    return { caseId, version: assignmentAnswerSchema.parse(body).case.version };
  }

  async function push(token: string, events: unknown[]): Promise<PushResponse> {
    const { status, body } = await server.json<PushResponse>('/events', { token, body: { events } });
    expect(status).toBe(200);
    return pushResponseSchema.parse(body);
  }

  it('pulls the seeded applications page by page, each event once, and then nothing new', async () => {
    const { cases, cursor, pages } = await pullAll(officer.token);
    expect(cases.size).toBe(12);
    expect(pages).toBeGreaterThan(2);
    for (const c of cases.values()) {
      expect(c.events[0]?.type).toBe('received');
      expect(new Set(c.events.map((e) => e.id)).size).toBe(c.events.length);
      expect(c.events.map((e) => e.baseVersion)).toEqual(c.events.map((_, i) => i));
      expect(c.files.length).toBe(2);
      expect(c.files.every((f) => f.available)).toBe(true);
    }
    const again = await server.json<ChangesPage>(`/changes?cursor=${cursor}`, { token: officer.token });
    expect(changesPageSchema.parse(again.body)).toMatchObject({ cases: [], cursor, hasMore: false });
  });

  it('starts from the beginning with whole cases (a snapshot), then the log: an event made meanwhile comes once', async () => {
    const firstPage = changesPageSchema.parse(
      (await server.json<ChangesPage>('/changes?limit=5', { token: officer.token })).body,
    );
    expect(firstPage.cursor).toMatch(/\.s[A-Za-z0-9_-]+$/);
    expect(firstPage.hasMore).toBe(true);
    // Made after the snapshot began: after its end, so it comes from the log, once.
    const { caseId } = await takeFirstCase();
    const pulled: string[] = [];
    const seen = new Map<string, number>();
    let page = firstPage;
    for (;;) {
      for (const c of page.cases) {
        // A case is whole from its beginning in the snapshot, and goes on where it stood in the log.
        expect(c.events[0]?.baseVersion).toBe(seen.get(c.caseId) ?? 0);
        expect(c.events.map((e) => e.baseVersion)).toEqual(
          c.events.map((_, i) => c.events[0]!.baseVersion + i),
        );
        seen.set(c.caseId, c.version);
        pulled.push(...c.events.map((e) => e.id));
      }
      if (!page.hasMore) break;
      page = changesPageSchema.parse(
        (await server.json<ChangesPage>(`/changes?limit=5&cursor=${page.cursor}`, { token: officer.token }))
          .body,
      );
    }
    // The last cursor is the log's again.
    expect(page.cursor).toMatch(/^[a-z0-9]+\.\d+\.\d+$/);
    const { rows } = await server.db.query<{ id: string }>(
      'SELECT id FROM events WHERE akimat_id = (SELECT akimat_id FROM cases WHERE id = $1)',
      [caseId],
    );
    expect([...pulled].sort()).toEqual(rows.map((r) => r.id).sort());
    expect(new Set(pulled).size).toBe(pulled.length);
    expect(seen.has(caseId)).toBe(true);
  });

  it('applies an event once; the same event again gets the first answer; another event with its id is refused', async () => {
    const { caseId, version } = await takeFirstCase();
    const event = registration({ caseId, baseVersion: version, userId: 'officer-1' });
    const first = await push(officer.token, [event]);
    expect(first.results[0]).toMatchObject({ status: 'applied', httpStatus: 200, caseVersion: version + 1 });
    const again = await push(officer.token, [event]);
    expect(again.results[0]).toMatchObject({
      status: 'already-applied',
      httpStatus: 200,
      caseVersion: version + 1,
    });
    const reused = await push(officer.token, [
      { ...event, payload: { ...event.payload, registrationNumber: 'REG-2' } },
    ]);
    expect(reused.results[0]).toMatchObject({
      status: 'rejected',
      httpStatus: 409,
      reason: { code: 'event.id-reused' },
    });
    const { body } = await server.json<{ version: number; events: unknown[] }>(`/cases/${caseId}`, {
      token: officer.token,
    });
    expect(body.version).toBe(version + 1);
    expect(body.events).toHaveLength(version + 1);
  });

  it('answers an event made on an older version with 409 and the server case, and blocks the rest of that case', async () => {
    const { caseId, version } = await takeFirstCase();
    const stale = registration({ caseId, baseVersion: version - 1, userId: 'officer-1' });
    const next = deskEvent(
      'completeness-checked',
      { complete: true },
      { caseId, baseVersion: version + 1, userId: 'officer-1' },
    );
    const { results } = await push(officer.token, [stale, next]);
    expect(results[0]).toMatchObject({
      status: 'conflict',
      httpStatus: 409,
      reason: { code: 'version.conflict' },
    });
    expect(results[0]?.case?.version).toBe(version);
    expect(results[0]?.case?.assignedTo).toBe('officer-1');
    expect(results[1]).toMatchObject({
      status: 'blocked',
      httpStatus: 424,
      reason: { code: 'batch.earlier-event-failed' },
    });
    // The blocked event was not judged: sent again after the conflict is resolved, it can still apply.
    const fixed = registration({ caseId, baseVersion: version, userId: 'officer-1' });
    const retried = await push(officer.token, [fixed, next]);
    expect(retried.results.map((r) => r.status)).toEqual(['applied', 'applied']);
  });

  it('refuses what the desk may not record: another user, a case held by someone else, a missing file', async () => {
    const { caseId, version } = await takeFirstCase();
    const registered = await push(officer.token, [
      registration({ caseId, baseVersion: version, userId: 'officer-1' }),
    ]);
    expect(registered.results[0]?.status).toBe('applied');
    const now = version + 1;
    const other = await server.enrol('officer-2');
    const check = (userId: string) =>
      deskEvent('completeness-checked', { complete: true }, { caseId, baseVersion: now, userId });
    const asOther = await push(other.token, [check('officer-2')]);
    expect(asOther.results[0]).toMatchObject({
      status: 'rejected',
      httpStatus: 403,
      reason: { code: 'case.not-assigned', params: { assignedTo: 'officer-1' } },
    });
    const impostor = await push(other.token, [check('officer-1')]);
    expect(impostor.results[0]).toMatchObject({
      status: 'rejected',
      reason: { code: 'actor.not-device-user' },
    });
    const produced = deskEvent(
      'document-produced',
      {
        form: 'appendix-3',
        language: 'kk',
        sha256: 'b'.repeat(64),
        templateId: 'appendix-3.kk',
        templateVersion: '1',
      },
      { caseId, baseVersion: now, userId: 'officer-1' },
    );
    const missing = await push(officer.token, [produced]);
    expect(missing.results[0]).toMatchObject({
      status: 'rejected',
      reason: { code: 'file.missing', params: { sha256: 'b'.repeat(64) } },
    });
    const { body } = await server.json<{ version: number }>(`/cases/${caseId}`, { token: officer.token });
    expect(body.version).toBe(now);
  });

  it('answers each malformed event by its path without quoting values, and applies the good ones of the batch', async () => {
    const { caseId, version } = await takeFirstCase();
    const good = registration({ caseId, baseVersion: version, userId: 'officer-1' });
    const bad = {
      ...registration({ caseId: 'other', baseVersion: 0, userId: 'officer-1' }),
      payload: { registrationNumber: 7 },
    };
    const { results } = await push(officer.token, [bad, good, 'not an event']);
    expect(results[0]).toMatchObject({ index: 0, status: 'rejected', httpStatus: 400 });
    expect(results[1]).toMatchObject({ index: 1, status: 'applied' });
    expect(results[2]).toMatchObject({ index: 2, status: 'rejected', httpStatus: 400, eventId: null });
  });

  it('takes a case for one officer only; the head assigns; release gives it back', async () => {
    const { caseId } = await takeFirstCase();
    const other = await server.enrol('officer-2');
    const refused = await server.json<{ code: string; case: { assignedTo: string } }>(
      `/cases/${caseId}/take`,
      {
        token: other.token,
        body: {},
      },
    );
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('assignment.refused');
    expect(refused.body.case.assignedTo).toBe('officer-1');
    const head = await server.enrol('head-1');
    const assigned = await server.json(`/cases/${caseId}/assign`, {
      token: head.token,
      body: { officerId: 'officer-2' },
    });
    expect(assigned.status).toBe(200);
    expect(assignmentAnswerSchema.parse(assigned.body).case.assignedTo).toBe('officer-2');
    const released = await server.json(`/cases/${caseId}/release`, { token: other.token, body: {} });
    expect(released.status).toBe(200);
    expect(assignmentAnswerSchema.parse(released.body).case.assignedTo).toBeNull();
  });

  it('repeats a take made with the same event id instead of taking twice', async () => {
    const caseId = freeCase();
    const eventId = '7d3f6c1e-2b4a-4c5d-8e9f-0a1b2c3d4e5f';
    const first = await server.json(`/cases/${caseId}/take`, { token: officer.token, body: { eventId } });
    const second = await server.json(`/cases/${caseId}/take`, { token: officer.token, body: { eventId } });
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(assignmentAnswerSchema.parse(second.body).case.version).toBe(2);
  });

  it('gives a restored or foreign cursor start-over (410) and a made-up one 400', async () => {
    const { cursor } = await pullAll(officer.token);
    const [, xid, seq] = cursor.split('.');
    const otherEpoch = await server.request(`/changes?cursor=ffffff.${xid}.${seq}`, { token: officer.token });
    expect(otherEpoch.status).toBe(410);
    expect(await otherEpoch.json()).toMatchObject({ code: 'start-over' });
    const [epoch] = cursor.split('.');
    const ahead = await server.request(`/changes?cursor=${epoch}.${xid}.99999999`, { token: officer.token });
    expect(ahead.status).toBe(410);
    const junk = await server.request('/changes?cursor=not-a-cursor', { token: officer.token });
    expect(junk.status).toBe(400);
    expect(await junk.json()).toMatchObject({ code: 'request.invalid', issues: [{ path: 'query.cursor' }] });
  });
});
