import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { caseFactsOf } from '../../../../shared/metrics';
import { openDesk } from '../desk';
import { declareSchema } from '../schema';
import { uniqueName } from '../testing';
import type { CaseEvent } from '../../../../shared/workflow';
import { CaseScript, sampleApplication, steps } from '../../../../shared/workflow/testing/scenario';

describe('upgrade 010: the dashboard facts of each case', () => {
  it('on a version-8 desk with cases: the table starts empty and openDesk fills it from the projections', async () => {
    const name = uniqueName('upgrade-010-cases');
    // The cases written by the current code, then the database taken back to what version 8 held.
    const seed = await openDesk({ name });
    await seed.rebuilt;
    const calendar = await seed.calendar.get();
    for (let i = 0; i < 30; i++) {
      const script = new CaseScript(sampleApplication({ caseNumber: `KZ-${i}` }));
      // A third registered, the rest as received: facts with a deadline done and with open ones.
      if (i % 3 === 0) steps.register(script);
      const events = script.events.map((e): CaseEvent => ({ ...e, caseId: `case-${i}` }));
      expect(await seed.cases.ingest(`case-${i}`, events, 'remote')).toMatchObject({ ok: true });
    }
    const states = new Map<string, unknown>();
    await seed.cases.eachState((chunk) => {
      for (const s of chunk) states.set(s.caseId, caseFactsOf(s, calendar));
    });
    const rowsBefore = await seed.cases.listAll();
    seed.close();
    await downgradeTo8(name);

    const old = new Dexie(name);
    await old.open();
    expect(old.verno).toBe(8);
    expect(old.tables.map((t) => t.name)).not.toContain('caseFacts');
    expect(await old.table('caseStates').count()).toBe(30);
    old.close();

    const desk = await openDesk({ name });
    // Upgraded to the latest version (12 since the stored signature checks).
    expect(desk.db.verno).toBe(12);
    await desk.rebuilt;
    const facts = await desk.db.caseFacts.toArray();
    expect(facts).toHaveLength(30);
    for (const f of facts) expect(f).toEqual(states.get(f.caseId));
    // Nothing else moved.
    expect(await desk.cases.listAll()).toEqual(rowsBefore);
    expect(await desk.cases.fillFacts()).toBe(0);
    desk.close();
  });
});

/** Tables versions after 8 added. */
const LATER = ['caseFacts', 'queueHeads', 'signatureChecks'];

/**
 * Copies every table but caseFacts (and the later queueHeads) into a fresh version-8 database of the same name, without the
 * marker of the facts' fill (version 8 wrote neither).
 */
async function downgradeTo8(name: string): Promise<void> {
  const src = new Dexie(name);
  await src.open();
  const tables = Object.fromEntries(
    await Promise.all(
      src.tables
        .filter((t) => !LATER.includes(t.name))
        .map(async (t) => [t.name, await t.toArray()] as const),
    ),
  );
  const keys = Object.fromEntries(
    await Promise.all(
      src.tables
        .filter((t) => !LATER.includes(t.name))
        .map(async (t) => [t.name, await t.toCollection().primaryKeys()] as const),
    ),
  );
  src.close();
  await Dexie.delete(name);
  const v8 = new Dexie(name);
  declareSchema(v8, 8);
  await v8.open();
  tables['syncState'] = tables['syncState']!.filter(
    (r) => (r as { key: string }).key !== 'dashboard.caseFacts',
  );
  keys['syncState'] = [];
  for (const [table, records] of Object.entries(tables)) {
    const t = v8.table(table);
    if (t.schema.primKey.keyPath) await t.bulkAdd(records);
    else await t.bulkAdd(records, keys[table]);
  }
  v8.close();
}
