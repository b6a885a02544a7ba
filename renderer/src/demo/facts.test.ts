/**
 * The head's dashboard facts the storage keeps per case (renderer/src/db/cases/facts.ts, version 10),
 * over the demo's mix of stages, grounds, complaints and decisions (here because storage's own tests
 * may not import the demo).
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { BUNDLED_CALENDAR_YEARS, type IsoDate } from '../../../shared/calendar';
import { caseFactsOf, metricCaseAt, metricCaseOf, type CaseFacts } from '../../../shared/metrics';
import type { CaseEvent } from '../../../shared/workflow';
import { CaseScript, steps } from '../../../shared/workflow/testing/scenario';
import { generateCases } from './generate';
import type { Desk } from '../db';
import { openTestDesk } from '../db/testing';

let desk: Desk | undefined;
afterEach(() => desk?.close());

const TODAY: IsoDate = '2026-11-20';

/** The demo's mix of stages, grounds, complaints and decisions, stored as a sync page would be. */
async function seeded(n = 120): Promise<Desk> {
  const d = await openTestDesk();
  // What opening starts in the background (the rebuild, then the facts' fill) is done first.
  await d.rebuilt;
  const [calendar, settings] = await Promise.all([d.calendar.get(), d.settings.get()]);
  await d.cases.importCases(generateCases(n, 7, { today: TODAY, calendar, settings }));
  return d;
}

async function storedFacts(d: Desk): Promise<CaseFacts[]> {
  const out: CaseFacts[] = [];
  await d.cases.eachFacts((facts) => out.push(...facts), 50);
  return out.sort((a, b) => a.caseId.localeCompare(b.caseId));
}

/** What the facts must be: derived now from every stored case with the calendar in use. */
async function expectedFacts(d: Desk): Promise<CaseFacts[]> {
  const calendar = await d.calendar.get();
  const out: CaseFacts[] = [];
  await d.cases.eachState((states) => out.push(...states.map((s) => caseFactsOf(s, calendar))));
  return out.sort((a, b) => a.caseId.localeCompare(b.caseId));
}

describe('the dashboard facts kept per case (version 10)', () => {
  it('dated for any day, give exactly what the whole case gives (metricCaseOf)', async () => {
    desk = await seeded();
    const calendar = await desk.calendar.get();
    const states: Parameters<typeof metricCaseOf>[0][] = [];
    await desk.cases.eachState((s) => states.push(...s));
    const withOpen = states.filter((s) => s.stage !== 'closed').length;
    expect(withOpen).toBeGreaterThan(20);
    expect(states.some((s) => s.complaints.length > 0)).toBe(true);
    // Before, on and after the cases' days, a holiday and a weekend among them: open deadlines
    // change their status and working days left with the day; done ones do not.
    for (const day of ['2026-11-02', TODAY, '2026-11-22', '2026-12-16', '2027-02-01'] as const) {
      for (const state of states)
        expect(metricCaseAt(caseFactsOf(state, calendar), calendar, day)).toEqual(
          metricCaseOf(state, calendar, day),
        );
    }
  });

  it('are written by the ingest with every case, and by a local event in the same write', async () => {
    desk = await seeded();
    expect(await desk.db.caseFacts.count()).toBe(120);
    expect(await storedFacts(desk)).toEqual(await expectedFacts(desk));

    // A local event (the officer registers a new case): its facts change in the same write.
    const script = new CaseScript();
    const caseId = script.current.caseId;
    expect(await desk.cases.ingest(caseId, [...script.events], 'remote')).toMatchObject({ ok: true });
    expect(await desk.db.caseFacts.get(caseId)).toMatchObject({ stage: 'registration' });
    steps.register(script);
    const local = await desk.cases.ingest(caseId, [script.events.at(-1) as CaseEvent], 'local');
    expect(local).toMatchObject({ ok: true });
    const facts = await desk.db.caseFacts.get(caseId);
    expect(facts).toMatchObject({ stage: 'completeness', currentStage: 'completeness' });
    expect(facts?.deadlines.find((d) => d.stage === 'registration')?.doneOn).toBeDefined();
    expect(await storedFacts(desk)).toEqual(await expectedFacts(desk));
  });

  it('move with the rows when the calendar changes', async () => {
    desk = await seeded();
    const before = await storedFacts(desk);
    const y2026 = structuredClone(BUNDLED_CALENDAR_YEARS.find((y) => y.year === 2026)!);
    y2026.version = '2026.99';
    for (const date of ['2026-11-23', '2026-11-24', '2026-11-25'])
      y2026.daysOff.push({ date, key: 'transfer', note: 'test' });
    expect(await desk.calendar.importYear(y2026)).toMatchObject({ ok: true });
    await desk.cases.refreshDeadlines();
    const after = await storedFacts(desk);
    expect(after).not.toEqual(before);
    expect(after).toEqual(await expectedFacts(desk));
  });

  it('are written again by the rebuild of stale projections', async () => {
    desk = await seeded(40);
    await desk.db.caseStates.toCollection().modify({ reducerVersion: -1 });
    await desk.db.caseFacts.clear();
    await desk.cases.rebuildStale();
    expect(await desk.db.caseFacts.count()).toBe(40);
    expect(await storedFacts(desk)).toEqual(await expectedFacts(desk));
  });

  it('are derived on the way for a case that has none yet, and filled once by fillFacts', async () => {
    desk = await seeded(40);
    const keys = await desk.db.caseFacts.toCollection().primaryKeys();
    await desk.db.caseFacts.bulkDelete(keys.slice(0, 15));
    expect(await storedFacts(desk)).toEqual(await expectedFacts(desk));
    // A new desk has done its fill at open: nothing to do until the facts' version changes.
    expect(await desk.cases.fillFacts()).toBe(0);
    expect(await desk.db.caseFacts.count()).toBe(25);
    await desk.db.syncState.delete('dashboard.caseFacts');
    expect(await desk.cases.fillFacts()).toBe(40);
    expect(await desk.db.caseFacts.count()).toBe(40);
  });
});
