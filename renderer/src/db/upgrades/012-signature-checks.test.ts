import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '../../../../shared/workflow';
import { CaseScript, sampleApplication, steps } from '../../../../shared/workflow/testing/scenario';
import { openDesk } from '../desk';
import { declareSchema } from '../schema';
import { uniqueName } from '../testing';

describe('upgrade 012: the stored signature checks', () => {
  it('a version-11 desk with cases opens at version 12 with nothing lost, the new table empty and a full run due', async () => {
    const name = uniqueName('upgrade-012');
    const seed = await openDesk({ name });
    await seed.rebuilt;
    for (let i = 0; i < 12; i++) {
      const script = new CaseScript(sampleApplication({ caseNumber: `KZ-${i}` }));
      if (i % 2 === 0) steps.register(script);
      const events = script.events.map((e): CaseEvent => ({ ...e, caseId: `case-${i}` }));
      expect(await seed.cases.ingest(`case-${i}`, events, 'remote')).toMatchObject({ ok: true });
    }
    await seed.attachments.put(new Blob(['bytes']), { fileName: 'a.pdf', mimeType: 'application/pdf' });
    const before = await dump(seed.db);
    delete before['signatureChecks'];
    seed.close();
    await downgradeTo11(name);

    const old = new Dexie(name);
    await old.open();
    expect(old.verno).toBe(11);
    expect(old.tables.map((t) => t.name)).not.toContain('signatureChecks');
    old.close();

    const desk = await openDesk({ name });
    expect(desk.db.verno).toBe(12);
    await desk.rebuilt;
    expect(await desk.db.signatureChecks.count()).toBe(0);
    // No full run recorded: the arrival checks go through the stored cases once.
    expect(await desk.signatureChecks.scanned()).toBeUndefined();
    const after = await dump(desk.db);
    delete after['signatureChecks'];
    expect(after).toEqual(before);
    desk.close();
  });
});

/** Every table's records and keys (the blobs as their text). */
async function dump(db: Dexie): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const t of db.tables) {
    const records = await t.toArray();
    out[t.name] = await Promise.all(
      records.map(async (r: Record<string, unknown>) =>
        r['blob'] instanceof Blob ? { ...r, blob: await r['blob'].text() } : r,
      ),
    );
  }
  return out;
}

/** Copies every table but signatureChecks into a fresh version-11 database of the same name. */
async function downgradeTo11(name: string): Promise<void> {
  const src = new Dexie(name);
  await src.open();
  const tables = src.tables.filter((t) => t.name !== 'signatureChecks');
  const data = await Promise.all(
    tables.map(async (t) => [t.name, await t.toArray(), await t.toCollection().primaryKeys()] as const),
  );
  src.close();
  await Dexie.delete(name);
  const v11 = new Dexie(name);
  declareSchema(v11, 11);
  await v11.open();
  for (const [table, records, keys] of data) {
    const t = v11.table(table);
    if (t.schema.primKey.keyPath) await t.bulkAdd(records);
    else await t.bulkAdd(records, keys);
  }
  v11.close();
}
