/**
 * The working set on the server (migration 003): GET /changes?closedBefore= leaves out the cases
 * settled before that day, except those the desk's officer holds; open cases always come; the
 * contract's GET /cases/{caseId} still gives a left-out case whole, for the desk to fetch on demand.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changesPageSchema, caseRecordSchema, type ChangesPage } from '../../shared/api';
import type { CaseEvent } from '../../shared/workflow';
import { atCompleteness, grantedAndClosed } from '../../shared/workflow/testing/scenario';
import { DEMO_AKIMAT } from '../src/seed/demo';
import { applyBatch } from '../src/store/apply';
import { BACKENDS, testServer, type TestServer } from './harness';

const asCase = (events: readonly CaseEvent[], caseId: string): CaseEvent[] =>
  events.map((e) => ({ ...e, caseId, id: randomUUID() }));

describe.each(BACKENDS)('the working set on $name', (backend) => {
  let server: TestServer;
  // Two cases granted and closed in December 2026, held by officer-1; one still open.
  const ids = { closed: randomUUID(), alsoClosed: randomUUID(), open: randomUUID() };
  beforeAll(async () => {
    server = await testServer(backend, { seed: true });
    for (const [events, caseId] of [
      [grantedAndClosed().events, ids.closed],
      [grantedAndClosed().events, ids.alsoClosed],
      [atCompleteness().events, ids.open],
    ] as const) {
      const results = await applyBatch(server.db, asCase(events, caseId), DEMO_AKIMAT.id, { kind: 'import' });
      expect(results.every((r) => r.status === 'applied')).toBe(true);
    }
  }, 120_000);
  afterAll(() => server.close());

  async function pulledIds(token: string, query: string): Promise<Set<string>> {
    const found = new Set<string>();
    let cursor = '';
    for (;;) {
      const { status, body } = await server.json<ChangesPage>(`/changes?limit=500${query}${cursor}`, {
        token,
      });
      expect(status).toBe(200);
      const page = changesPageSchema.parse(body);
      for (const c of page.cases) found.add(c.caseId);
      cursor = `&cursor=${page.cursor}`;
      if (!page.hasMore) return found;
    }
  }

  it('records when a case settled', async () => {
    const { rows } = await server.db.query<{ id: string; settled: boolean }>(
      'SELECT id, settled_at IS NOT NULL AS settled FROM cases WHERE id = ANY($1)',
      [[ids.closed, ids.alsoClosed, ids.open]],
    );
    expect(Object.fromEntries(rows.map((r) => [r.id, r.settled]))).toEqual({
      [ids.closed]: true,
      [ids.alsoClosed]: true,
      [ids.open]: false,
    });
  });

  it('leaves out cases settled before the day, except the officer’s own; open cases always come', async () => {
    const one = await server.enrol('officer-1');
    const two = await server.enrol('officer-2');
    const everything = await pulledIds(two.token, '');
    expect([ids.closed, ids.alsoClosed, ids.open].every((id) => everything.has(id))).toBe(true);

    // officer-2 holds neither closed case: both are left out; the open one and the demo's new
    // applications (open work) all come.
    const later = await pulledIds(two.token, '&closedBefore=2027-06-01');
    expect(later.has(ids.open)).toBe(true);
    expect(later.has(ids.closed) || later.has(ids.alsoClosed)).toBe(false);
    expect(later.size).toBe(everything.size - 2);

    // officer-1 holds them: they stay in its working set.
    const holder = await pulledIds(one.token, '&closedBefore=2027-06-01');
    expect(holder.has(ids.closed) && holder.has(ids.alsoClosed)).toBe(true);

    // Settled after the day: still in the working set.
    const earlier = await pulledIds(two.token, '&closedBefore=2026-01-01');
    expect(earlier.has(ids.closed)).toBe(true);
  });

  it('still gives a left-out case whole on demand, and refuses a malformed day', async () => {
    const one = await server.enrol('officer-2');
    const { status, body } = await server.json(`/cases/${ids.closed}`, { token: one.token });
    expect(status).toBe(200);
    expect(caseRecordSchema.parse(body).stage).toBe('closed');
    const bad = await server.json('/changes?closedBefore=2027-13-01', { token: one.token });
    expect(bad.status).toBe(400);
  });
});
