import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { DeskDatabase } from '../database';
import type { CaseRow } from '../records';
import { declareSchema } from '../schema';
import { uniqueName } from '../testing';
import type { TemplateRecord } from '../repositories/templates-records';

describe('upgrade 003: form templates', () => {
  it('keeps what version 2 stored and adds an empty, indexed templates table', async () => {
    const name = uniqueName('upgrade-003');
    const old = new Dexie(name);
    declareSchema(old, 2);
    await old.open();
    await old.table('settings').put({ key: 'installation', value: { kept: true } });
    await old
      .table('calendarYears')
      .put({ year: 2027, file: { year: 2027 }, importedAt: '2026-11-20T10:00:00Z' });
    await old.table('cases').put({ caseId: 'a', caseNumber: 'KZ-2026-00017', searchTokens: ['00017'] });
    expect(old.tables.map((t) => t.name)).not.toContain('templates');
    old.close();

    const db = new DeskDatabase(name, 3);
    await db.open();
    expect(db.verno).toBe(3);
    expect(await db.settings.get('installation')).toEqual({ key: 'installation', value: { kept: true } });
    expect((await db.calendarYears.get(2027))?.importedAt).toBe('2026-11-20T10:00:00Z');
    expect(
      await db.table<CaseRow, string>('cases').where('searchTokens').startsWith('000').primaryKeys(),
    ).toEqual(['a']);
    expect(await db.templates.count()).toBe(0);

    // The indexes the repository queries exist and answer.
    const row = (version: string, active: 0 | 1): TemplateRecord => ({
      form: 'appendix-2',
      language: 'kk',
      version,
      json: {},
      importedAt: '2026-11-24T09:00:00Z',
      active,
    });
    const first = await db.templates.add(row('1.1.0', 0));
    const second = await db.templates.add(row('1.2.0', 1));
    expect(second).toBeGreaterThan(first);
    expect(await db.templates.where('[form+language]').equals(['appendix-2', 'kk']).count()).toBe(2);
    expect(
      await db.templates.where('[form+language+active]').equals(['appendix-2', 'kk', 1]).primaryKeys(),
    ).toEqual([second]);
    expect(
      await db.templates.where('[form+language+version]').equals(['appendix-2', 'kk', '1.1.0']).primaryKeys(),
    ).toEqual([first]);
    db.close();
  });

  it('opens an empty version 2 database without trouble', async () => {
    const name = uniqueName('upgrade-003-empty');
    const old = new Dexie(name);
    declareSchema(old, 2);
    await old.open();
    old.close();
    const db = new DeskDatabase(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(3); // later versions upgrade past it
    expect(await db.templates.count()).toBe(0);
    db.close();
  });
});
