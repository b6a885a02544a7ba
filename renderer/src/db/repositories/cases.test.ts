import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { makeIin } from '../../../../shared/iin';
import type { CaseEvent } from '../../../../shared/workflow';
import {
  CaseScript,
  makeEvent,
  OFFICER,
  sampleApplication,
  steps,
} from '../../../../shared/workflow/testing/scenario';
import type { Desk } from '../desk';
import { StorageError } from '../errors';
import { diskFullError, openFailingDesk, openTestDesk, quotaError } from '../testing';

let desk: Desk | undefined;
afterEach(() => desk?.close());

/** Appends every event of a script's case, failing the test if the repository rejects one. */
async function store(d: Desk, script: CaseScript): Promise<void> {
  for (const event of script.events) {
    const result = await d.cases.appendEvent(event);
    if (!result.ok) throw new Error(`refused: ${result.reason.code}`);
  }
}

async function snapshot(d: Desk) {
  return {
    events: await d.db.events.count(),
    states: await d.db.caseStates.toArray(),
    rows: await d.db.cases.toArray(),
    search: await d.db.caseSearch.toArray(),
    outbox: await d.db.outbox.count(),
  };
}

describe('caseRepository.appendEvent', () => {
  it('stores the event, the projection, the queue row and the outbox entry together', async () => {
    desk = await openTestDesk();
    const script = new CaseScript();
    steps.register(script);
    await store(desk, script);

    const detail = await desk.cases.get(script.current.caseId);
    expect(detail?.state).toEqual(script.current);
    expect(detail?.events.map((e) => e.id)).toEqual(script.events.map((e) => e.id));

    const { rows } = await desk.cases.list();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      stage: 'completeness',
      version: 2,
      registrationNumber: 'R-1',
      assignedTo: null,
    });
    // Registered on Monday 2026-12-14: the completeness check is due 2 working days later, the term
    // after 10 (16 December is Independence Day, a holiday, so both move by a day).
    expect(rows[0]?.dueOn).toBe('2026-12-17');
    expect(rows[0]?.termDueOn).toBe('2026-12-29');
    // The search words live beside the row, not in it (opening the desk reads every row).
    expect((await desk.db.cases.toArray())[0]).not.toHaveProperty('searchTokens');
    expect((await desk.cases.list({ search: 'r-1' })).total).toBe(1);

    const outbox = await desk.outbox.list();
    expect(outbox.map((o) => [o.seq, o.status, o.event.type])).toEqual([
      [0, 'pending', 'received'],
      [1, 'pending', 'registered'],
    ]);
    expect(await desk.outbox.countPending()).toBe(2);
  });

  it('stores nothing for a rejected event and returns the reducer reason', async () => {
    desk = await openTestDesk();
    const script = new CaseScript();
    await store(desk, script);
    const before = await snapshot(desk);

    // The head's approval at the registration stage is not an event this case can take.
    const illegal = makeEvent(script.current, 'approved', {}, { actor: { userId: 'head-1', role: 'head' } });
    const result = await desk.cases.appendEvent(illegal);
    expect(result).toEqual({
      ok: false,
      reason: { code: 'stage.not-allowed', params: { stage: 'registration', type: 'approved' } },
    });

    const stale = makeEvent(
      script.current,
      'registered',
      { registrationNumber: 'R-9', registeredOn: '2026-12-14' },
      { baseVersion: 0 },
    );
    expect(await desk.cases.appendEvent(stale)).toMatchObject({
      ok: false,
      reason: { code: 'version.conflict' },
    });
    expect(await snapshot(desk)).toEqual(before);
  });

  it.each([
    ['the browser’s quota', quotaError, 'quota'],
    ['the disk', diskFullError, 'disk-full'],
  ] as const)('leaves everything as it was when %s fills up in the middle of the transaction', async (_, error, code) => {
    let full = false;
    desk = await openFailingDesk('outbox', error, () => full);
    const script = new CaseScript();
    await store(desk, script);
    const before = await snapshot(desk);

    full = true;
    steps.register(script);
    const register = script.events.at(-1) as CaseEvent;
    // The event, the projection and the row were written before the outbox write failed.
    await expect(desk.cases.appendEvent(register)).rejects.toMatchObject({ name: 'StorageError', code });
    expect(await snapshot(desk)).toEqual(before);

    full = false;
    expect(await desk.cases.appendEvent(register)).toMatchObject({ ok: true });
    expect((await snapshot(desk)).outbox).toBe(2);
  });

  it('tells subscribers which case changed, only after a committed write', async () => {
    desk = await openTestDesk();
    const heard: string[][] = [];
    const stop = desk.cases.onChange((ids) => heard.push(ids));
    const script = new CaseScript();
    await store(desk, script);
    await desk.cases.appendEvent(
      makeEvent(script.current, 'approved', {}, { actor: { userId: 'h', role: 'head' } }),
    );
    stop();
    steps.register(script);
    await desk.cases.appendEvent(script.events.at(-1) as CaseEvent);
    expect(heard).toEqual([[script.current.caseId]]);
  });

  it('throws a StorageError, not a Dexie error, once the database is closed', async () => {
    desk = await openTestDesk();
    desk.close();
    const error: unknown = await desk.cases.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).code).toBe('unavailable');
  });
});

describe('caseRepository.refreshDeadlines', () => {
  it('moves stored due days when an imported calendar file changes a working day', async () => {
    desk = await openTestDesk();
    const script = new CaseScript(
      sampleApplication({
        caseNumber: 'KZ-1',
        pupil: { iin: makeIin('2012-03-05', 'male', 1), lastName: 'A', firstName: 'B' },
      }),
    );
    steps.register(script);
    steps.assign(script, OFFICER);
    await store(desk, script);
    expect((await desk.cases.listAll())[0]?.dueOn).toBe('2026-12-17');

    const { BUNDLED_CALENDAR_YEARS } = await import('../../../../shared/calendar');
    const y2026 = structuredClone(BUNDLED_CALENDAR_YEARS.find((y) => y.year === 2026)!);
    // An imported correction declaring 15 December a day off pushes the check to the 18th.
    y2026.daysOff.push({ date: '2026-12-15', key: 'transfer', note: 'test' });
    y2026.workingWeekends.push({ date: '2026-12-19', note: 'test' });
    const imported = await desk.calendar.importYear(y2026);
    expect(imported).toEqual({ ok: true, year: 2026 });
    await desk.cases.refreshDeadlines();
    expect((await desk.cases.listAll())[0]?.dueOn).toBe('2026-12-18');
    // Rewriting the rows keeps the case findable.
    expect((await desk.cases.list({ search: 'kz-1' })).total).toBe(1);
  });
});
