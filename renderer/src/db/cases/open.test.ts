import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseEvent } from '../../../../shared/workflow';
import {
  CaseScript,
  HEAD,
  makeEvent,
  sampleApplication,
  steps,
} from '../../../../shared/workflow/testing/scenario';
import { openDesk, UnsentWorkError, type Desk } from '../desk';
import { placeRows } from '../queue-pages';
import { uniqueName } from '../testing';
import { REDUCER_VERSION } from '../../../../shared/workflow';

const opened: Desk[] = [];
afterEach(() => {
  for (const d of opened.splice(0)) d.close();
});

async function open(name: string): Promise<Desk> {
  const desk = await openDesk({ name });
  opened.push(desk);
  return desk;
}

function script(i: number): CaseScript {
  const s = new CaseScript(sampleApplication({ caseNumber: `KZ-2026-${2000 + i}` }));
  for (const e of s.events) e.caseId = `case-${i}`;
  s.state = { ...s.current, caseId: `case-${i}` };
  return s;
}

describe('opening the desk', () => {
  it('puts outbox entries left in sending back to pending', async () => {
    const name = uniqueName('recover');
    const desk = await open(name);
    const s = script(1);
    await desk.cases.ingest('case-1', s.events, 'remote');
    steps.register(s);
    await desk.cases.ingest('case-1', [s.events.at(-1) as CaseEvent], 'local');
    // The desk crashed while a push was under way.
    await desk.db.outbox.toCollection().modify({ status: 'sending', attempts: 1 });
    desk.close();

    const reopened = await open(name);
    expect(await reopened.outbox.counts()).toEqual({ pending: 1, sending: 0, rejected: 0, conflict: 0 });
    expect((await reopened.outbox.list())[0]).toMatchObject({ attempts: 1, event: s.events.at(-1) });
  });

  it('rebuilds projections folded by another reducer version from the log', async () => {
    const name = uniqueName('rebuild');
    const desk = await open(name);
    const s = script(1);
    steps.register(s);
    await desk.cases.ingest('case-1', s.events, 'remote');
    // As an older reducer left it: another state, another stamp, a row that says so.
    await desk.db.caseStates.update('case-1', {
      reducerVersion: REDUCER_VERSION - 1,
      'state.stage': 'closed',
    });
    const [row] = await desk.cases.listAll();
    const record = (await desk.db.caseStates.get('case-1'))!;
    await placeRows(desk.db, [
      { row: { ...row!, stage: 'closed' }, at: { page: record.page, slot: record.slot } },
    ]);
    expect((await desk.cases.listAll())[0]?.stage).toBe('closed');
    expect(await desk.cases.staleCount()).toBe(1);
    // The older desk remembered a finished rebuild for its own reducer, not for this one.
    await desk.db.syncState.put({ key: 'projections.reducerVersion', value: REDUCER_VERSION - 1 });
    desk.close();

    const progress: number[] = [];
    const reopened = await openDesk({ name, onRebuildProgress: (done) => progress.push(done) });
    opened.push(reopened);
    // In the background; meanwhile the case page folds the case from its log.
    expect((await reopened.cases.get('case-1'))?.state).toEqual(s.current);
    const heard: string[][] = [];
    reopened.cases.onChange((ids) => heard.push(ids));
    expect(await reopened.rebuilt).toEqual({ rebuilt: 1, refused: 0 });
    expect(progress).toEqual([1]);
    // The queue hears once, at the end, to reload everything.
    expect(heard).toEqual([['case-1'], []]);
    expect(await reopened.cases.staleCount()).toBe(0);
    expect((await reopened.cases.get('case-1'))?.state).toEqual(s.current);
    expect((await reopened.cases.listAll())[0]?.stage).toBe('completeness');
    expect((await reopened.db.caseStates.get('case-1'))?.reducerVersion).toBe(REDUCER_VERSION);
    // Remembered, so the next start does not count stale projections again.
    expect((await reopened.db.syncState.get('projections.reducerVersion'))?.value).toBe(REDUCER_VERSION);
    expect(await reopened.cases.knownRebuilt()).toBe(true);
  });
});

describe('ingestMany', () => {
  it('stores every case it can; a refused one stores nothing and does not stop the others', async () => {
    const desk = await open(uniqueName('many'));
    const good = [script(1), script(2), script(3)];
    const bad = script(4);
    bad.events.push(makeEvent(bad.current, 'approved', {}, { actor: HEAD }));
    const result = await desk.cases.ingestMany(
      [...good, bad].map((s) => ({ caseId: s.current.caseId, events: s.events })),
      'remote',
      2,
    );
    expect(result).toMatchObject({ cases: 3, stored: 3, held: 0, duplicates: 0 });
    expect(result.refused).toEqual([
      {
        caseId: 'case-4',
        index: 1,
        reason: { code: 'stage.not-allowed', params: { stage: 'registration', type: 'approved' } },
      },
    ]);
    expect((await desk.cases.listAll()).map((r) => r.caseId).sort()).toEqual(['case-1', 'case-2', 'case-3']);
    expect(
      await desk.db.caseEvents
        .where('[caseId+baseVersion]')
        .between(['case-4', 0], ['case-4', Infinity])
        .count(),
    ).toBe(0);
  });
});

describe('clearAll', () => {
  it('refuses while the outbox holds unsent work, and says how much', async () => {
    const desk = await open(uniqueName('clear'));
    const s = script(1);
    await desk.cases.ingest('case-1', s.events, 'remote');
    expect(await desk.canClear()).toEqual({ ok: true });
    steps.register(s);
    await desk.cases.ingest('case-1', [s.events.at(-1) as CaseEvent], 'local');

    expect(await desk.canClear()).toEqual({ ok: false, code: 'clear.unsent-work', unsent: 1 });
    const error = await desk.clearAll().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsentWorkError);
    expect(error).toMatchObject({ code: 'clear.unsent-work', unsent: 1 });
    expect(await desk.cases.count()).toBe(1);
    expect(await desk.outbox.countUnsent()).toBe(1);

    // Once the server's history brings the event back, nothing unsent remains.
    await desk.cases.ingest('case-1', s.events, 'remote');
    await desk.clearAll();
    expect(await desk.cases.count()).toBe(0);
  });
});
