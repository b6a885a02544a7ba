import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { BUNDLED_CALENDAR_YEARS } from '../../../../shared/calendar';
import { makeIin } from '../../../../shared/iin';
import type { CaseEvent } from '../../../../shared/workflow';
import {
  CaseScript,
  HEAD,
  makeEvent,
  OFFICER,
  sampleApplication,
  steps,
} from '../../../../shared/workflow/testing/scenario';
import type { Desk } from '../desk';
import { StorageError } from '../errors';
import { openTestDesk } from '../testing';

let desk: Desk | undefined;
afterEach(() => desk?.close());

/** A received (remote) case registered and assigned by this desk (local). */
async function store(d: Desk, script: CaseScript): Promise<void> {
  const [received, ...local] = script.events;
  await d.cases.ingest(script.current.caseId, [received as CaseEvent], 'remote');
  const result = await d.cases.ingest(script.current.caseId, local, 'local');
  if (!result.ok) throw new Error(`refused: ${result.reason.code}`);
}

describe('caseRepository reads', () => {
  it('gives the case as folded and its history, and the queue row with due days', async () => {
    desk = await openTestDesk();
    const script = new CaseScript();
    steps.register(script);
    await store(desk, script);

    const detail = await desk.cases.get(script.current.caseId);
    expect(detail?.state).toEqual(script.current);
    expect(detail?.events.map((e) => e.id)).toEqual(script.events.map((e) => e.id));
    expect(await desk.cases.get('no-such-case')).toBeUndefined();

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
  });

  it('tells subscribers which case changed, only after a committed write', async () => {
    desk = await openTestDesk();
    const heard: string[][] = [];
    const stop = desk.cases.onChange((ids) => heard.push(ids));
    const script = new CaseScript();
    await store(desk, script);
    heard.length = 0;
    await desk.cases.ingest(
      script.current.caseId,
      [makeEvent(script.current, 'approved', {}, { actor: HEAD })],
      'local',
    );
    expect(heard).toEqual([]);
    steps.register(script);
    await desk.cases.appendEvent(script.events.at(-1) as CaseEvent);
    stop();
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

describe('due days follow the calendar', () => {
  async function registeredCase(d: Desk): Promise<string> {
    const script = new CaseScript(
      sampleApplication({
        caseNumber: 'KZ-1',
        pupil: { iin: makeIin('2012-03-05', 'male', 1), lastName: 'A', firstName: 'B' },
      }),
    );
    steps.register(script);
    steps.assign(script, OFFICER);
    await store(d, script);
    return script.current.caseId;
  }

  /** The stored rows once the change feed reported a refresh (the desk does it by itself). */
  function refreshed(d: Desk): Promise<void> {
    return new Promise((resolve) => {
      const stop = d.cases.onChange(() => {
        stop();
        resolve();
      });
    });
  }

  it('an imported calendar file moves the stored due days, without anyone asking', async () => {
    desk = await openTestDesk();
    await registeredCase(desk);
    expect((await desk.cases.listAll())[0]?.dueOn).toBe('2026-12-17');

    const y2026 = structuredClone(BUNDLED_CALENDAR_YEARS.find((y) => y.year === 2026)!);
    // An imported correction declaring 15 December a day off pushes the check to the 18th.
    y2026.daysOff.push({ date: '2026-12-15', key: 'transfer', note: 'test' });
    y2026.workingWeekends.push({ date: '2026-12-19', note: 'test' });
    const done = refreshed(desk);
    expect(await desk.calendar.importYear(y2026)).toEqual({ ok: true, year: 2026 });
    await done;
    expect((await desk.cases.listAll())[0]?.dueOn).toBe('2026-12-18');
    // Removing the import brings the bundled file back, and the due day with it.
    const back = refreshed(desk);
    await desk.calendar.removeYear(2026);
    await back;
    expect((await desk.cases.listAll())[0]?.dueOn).toBe('2026-12-17');
  });
});
