import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import {
  actTypeOf,
  DEMO_SETTINGS,
  signatoryTitleOf,
  validateSettings,
  type Settings,
} from '../../../../shared/settings';
import { DeskDatabase } from '../database';
import { createSettingsRepository } from '../repositories/settings';
import { declareSchema } from '../schema';
import { uniqueName } from '../testing';

/** The settings record as versions 1–6 wrote it: everything but the issuing body. */
function earlierSettings(): Omit<Settings, 'issuer'> {
  const { issuer: _none, ...rest } = structuredClone(DEMO_SETTINGS);
  return rest;
}

async function storedBefore(name: string, value: unknown): Promise<void> {
  const old = new Dexie(name);
  declareSchema(old, 6);
  await old.open();
  await old.table('settings').put({ key: 'installation', value });
  await old.table('syncState').put({ key: 'probe', value: 'KZ-2026-00017' });
  old.close();
}

describe('upgrade 007: the issuing body in the settings', () => {
  it('gives stored settings the body their documents printed until now, and they validate', async () => {
    const name = uniqueName('upgrade-007');
    await storedBefore(name, earlierSettings());

    const db = new DeskDatabase(name, 7);
    await db.open();
    expect(db.verno).toBe(7);
    const value = (await db.settings.get('installation'))?.value as Settings;
    expect(value.issuer).toEqual({
      kind: 'akimat',
      name: DEMO_SETTINGS.akimat.name,
      address: DEMO_SETTINGS.akimat.address,
      bin: DEMO_SETTINGS.akimat.bin,
      phone: '',
      email: '',
      signatory: { name: DEMO_SETTINGS.head.name, title: DEMO_SETTINGS.head.position },
    });
    // Everything else as it was, the other tables untouched.
    expect({ ...value, issuer: undefined }).toEqual({ ...earlierSettings(), issuer: undefined });
    expect((await db.syncState.get('probe'))?.value).toBe('KZ-2026-00017');

    // The repository reads it (no 'corrupt'), and header, act and signatory agree: an akimat's resolution.
    const settings = await createSettingsRepository(db).get();
    expect(validateSettings(settings).ok).toBe(true);
    expect(actTypeOf(settings)).toBe('resolution');
    expect(signatoryTitleOf(settings)).toEqual(DEMO_SETTINGS.head.position);
    db.close();
  });

  it('leaves settings that already name an issuing body, and a record it cannot read, as they are', async () => {
    const current = structuredClone(DEMO_SETTINGS);
    const a = uniqueName('upgrade-007-current');
    await storedBefore(a, current);
    const dbA = new DeskDatabase(a, 7);
    await dbA.open();
    expect((await dbA.settings.get('installation'))?.value).toEqual(current);
    dbA.close();

    const b = uniqueName('upgrade-007-broken');
    await storedBefore(b, { akimat: { name: 'not bilingual' } });
    const dbB = new DeskDatabase(b, 7);
    await dbB.open();
    expect((await dbB.settings.get('installation'))?.value).toEqual({ akimat: { name: 'not bilingual' } });
    await expect(createSettingsRepository(dbB).get()).rejects.toMatchObject({ code: 'corrupt' });
    dbB.close();
  });

  it('opens a version 6 database that never saved settings: the demo settings apply', async () => {
    const name = uniqueName('upgrade-007-empty');
    const old = new Dexie(name);
    declareSchema(old, 6);
    await old.open();
    old.close();
    const db = new DeskDatabase(name, 7);
    await db.open();
    expect(await db.settings.count()).toBe(0);
    expect((await createSettingsRepository(db).get()).issuer.kind).toBe('education-department');
    db.close();
  });
});
