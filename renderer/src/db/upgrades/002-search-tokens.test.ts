import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { DeskDatabase } from '../database';
import type { CaseRow } from '../records';
import { declareSchema, LATEST_VERSION } from '../schema';
import { uniqueName } from '../testing';

/** A row exactly as version 1 wrote it: no searchTokens. */
function v1Row(caseId: string, caseNumber: string, pupilLast: string, pupilIin: string): CaseRow {
  return {
    caseId,
    version: 2,
    caseNumber,
    registrationNumber: `ВХ-${caseId}`,
    stage: 'completeness',
    queues: ['completeness-due'],
    ground: 'health',
    applicant: { iin: '850101400011', lastName: 'Ахметова', firstName: 'Айгүл', middleName: 'Серікқызы' },
    pupil: { iin: pupilIin, lastName: pupilLast, firstName: 'Нұрлан' },
    schoolName: '№ 12 мектеп',
    className: '7 «А»',
    assignedTo: '',
    receivedAt: '2026-11-20T10:00:00+05:00',
    registeredOn: '2026-11-20',
    dueOn: '2026-11-24',
    termDueOn: '2026-12-04',
    complaintDueOn: '',
    openComplaints: 0,
  };
}

describe('upgrade 002: search tokens', () => {
  it('backfills the tokens of rows written by version 1 and indexes them', async () => {
    const name = uniqueName('upgrade-002');
    const old = new Dexie(name);
    declareSchema(old, 1);
    await old.open();
    const rows = [
      v1Row('a', 'KZ-2026-00017', 'Әбілов', '120305500012'),
      v1Row('b', 'KZ-2026-00018', 'Ёлкина', '110714600013'),
    ];
    await old.table('cases').bulkPut(rows);
    await old.table('settings').put({ key: 'installation', value: { kept: true } });
    expect(old.verno).toBe(1);
    old.close();

    // Version 2 itself: version 4 moves the words out of the rows (tested in 004-case-search.test.ts).
    const db = new DeskDatabase(name, 2);
    await db.open();
    expect(db.verno).toBe(2);
    const a = await db.table<CaseRow, string>('cases').get('a');
    expect(a?.searchTokens).toEqual(
      expect.arrayContaining([
        'kz-2026-00017',
        '00017',
        '17',
        'вх-a',
        '120305500012',
        'әбілов',
        'нұрлан',
        'ахметова',
        'серікқызы',
      ]),
    );
    // Everything else of the row is as version 1 left it.
    expect({ ...a, searchTokens: undefined }).toEqual({ ...rows[0], searchTokens: undefined });
    // The new index answers: 'ё' is stored as 'е'.
    expect(
      await db.table<CaseRow, string>('cases').where('searchTokens').startsWith('елк').primaryKeys(),
    ).toEqual(['b']);
    expect(await db.settings.get('installation')).toEqual({ key: 'installation', value: { kept: true } });
    db.close();
  });

  it('opens an empty version 1 database without trouble', async () => {
    const name = uniqueName('upgrade-002-empty');
    const old = new Dexie(name);
    declareSchema(old, 1);
    await old.open();
    old.close();
    // Through every later upgrade up to the latest version.
    const db = new DeskDatabase(name);
    await db.open();
    expect(db.verno).toBe(LATEST_VERSION);
    expect(await db.caseStates.count()).toBe(0);
    db.close();
  });
});
