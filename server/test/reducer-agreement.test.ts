/**
 * The desk and the server fold with the same reducer, and agree: random legal cases (the workflow's
 * walks) applied on the server give the state the desk folded, and an event made after them —
 * legal or not — gets the same verdict from the server as from the desk's `applyEvent`.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyEvent, type CaseEvent } from '../../shared/workflow';
import { walk } from '../../shared/workflow/testing/walk';
import { walkPlan } from '../../test/unit/workflow/walk-plan';
import { applyBatch } from '../src/store/apply';
import { loadCase } from '../src/store/cases';
import { DEMO_AKIMAT } from '../src/seed/demo';
import { BACKENDS, testServer, type TestServer } from './harness';

describe.each(BACKENDS)('the reducer on the desk and on $name', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await testServer(backend);
  }, 120_000);
  afterAll(() => server.close());

  it('gives the same state and the same verdicts for random cases', async () => {
    await fc.assert(
      fc.asyncProperty(walkPlan, fc.nat(), async (plan, pick) => {
        const w = walk(plan);
        // Each run its own case and event ids: the server keeps every answer by id.
        const caseId = randomUUID();
        const events = w.events.map((e) => ({ ...e, id: randomUUID(), caseId }) as CaseEvent);
        const results = await applyBatch(server.db, events, DEMO_AKIMAT.id, { kind: 'import' });
        expect(results.map((r) => r.status)).toEqual(events.map(() => 'applied'));
        const stored = await loadCase(server.db, caseId);
        expect(stored?.state).toEqual({ ...w.state, caseId });

        // One more event: an earlier one of the case made again on its newest version.
        const source = events[pick % events.length] as CaseEvent;
        const extra = {
          ...source,
          id: randomUUID(),
          baseVersion: w.state.version,
          at: w.state.latestAt,
        } as CaseEvent;
        const desk = applyEvent(stored?.state, extra);
        const [onServer] = await applyBatch(server.db, [extra], DEMO_AKIMAT.id, { kind: 'import' });
        if (desk.ok) expect(onServer).toMatchObject({ status: 'applied', caseVersion: desk.state.version });
        else expect(onServer?.reason?.code).toBe(desk.reason.code);
      }),
      { numRuns: 25, seed: 9009 },
    );
  }, 240_000);
});
