import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { DeskDatabase } from '../database';
import type { CaseRow } from '../records';
import { declareSchema } from '../schema';
import { searchTokensOf } from '../search-tokens';
import { uniqueName } from '../testing';

/** A queue row as versions 2 and 3 wrote it: the search words inside. */
function v3Row(caseId: string, caseNumber: string, pupilLast: string): CaseRow {
  const row: CaseRow = {
    caseId,
    version: 3,
    caseNumber,
    stage: 'review',
    queues: ['review'],
    ground: 'abroad-with-parents',
    applicant: { iin: '850101400011', lastName: 'Ахметова', firstName: 'Айгүл' },
    pupil: { iin: '120305500012', lastName: pupilLast, firstName: 'Нұрлан' },
    schoolName: '№ 12 мектеп',
    className: '7 «А»',
    assignedTo: 'officer-1',
    receivedAt: '2026-11-20T10:00:00+05:00',
    registeredOn: '2026-11-20',
    dueOn: '2026-11-27',
    termDueOn: '2026-12-04',
    complaintDueOn: '',
    openComplaints: 0,
  };
  return { ...row, searchTokens: searchTokensOf(row) };
}

describe('upgrade 004: search words in a table of their own', () => {
  it('moves every row’s words to caseSearch, leaves the rest of the row and the other tables as they were', async () => {
    const name = uniqueName('upgrade-004');
    const old = new Dexie(name);
    declareSchema(old, 3);
    await old.open();
    const rows = [v3Row('a', 'KZ-2026-00017', 'Әбілов'), v3Row('b', 'KZ-2026-00018', 'Ёлкина')];
    // A row that somehow lost its words (written outside the repository) gets them computed.
    const { searchTokens: _dropped, ...bare } = v3Row('c', 'KZ-2026-00019', 'Сейітов');
    await old.table('cases').bulkPut([...rows, bare]);
    await old.table('caseStates').put({ caseId: 'a', state: { kept: true } });
    await old.table('settings').put({ key: 'installation', value: { kept: true } });
    old.close();

    const db = new DeskDatabase(name, 4);
    await db.open();
    expect(db.verno).toBe(4);
    const a = await db.table<CaseRow, string>('cases').get('a');
    expect(a).not.toHaveProperty('searchTokens');
    const { searchTokens: tokensA, ...restA } = rows[0]!;
    expect(a).toEqual(restA);
    expect(await db.table('caseSearch').get('a')).toEqual({ caseId: 'a', tokens: tokensA });
    expect(((await db.table('caseSearch').get('c')) as { tokens: string[] } | undefined)?.tokens).toEqual(
      expect.arrayContaining(['сейітов', '00019', '19']),
    );

    // The new index answers the repository's queries ('ё' is stored as 'е'); the old one is gone.
    expect(await db.table('caseSearch').where('tokens').startsWith('елк').primaryKeys()).toEqual(['b']);
    expect(await db.table('caseSearch').where('tokens').startsWith('00017').primaryKeys()).toEqual(['a']);
    expect(db.table<CaseRow, string>('cases').schema.indexes.map((i) => i.name)).not.toContain(
      'searchTokens',
    );
    expect(await db.table<CaseRow, string>('cases').where('queues').equals('review').count()).toBe(3);
    expect(await db.caseStates.get('a')).toEqual({ caseId: 'a', state: { kept: true } });
    expect(await db.settings.get('installation')).toEqual({ key: 'installation', value: { kept: true } });
    db.close();
  });

  it('opens an empty version 3 database without trouble', async () => {
    const name = uniqueName('upgrade-004-empty');
    const old = new Dexie(name);
    declareSchema(old, 3);
    await old.open();
    old.close();
    // Exactly version 4: version 5 drops the table this checks.
    const db = new DeskDatabase(name, 4);
    await db.open();
    expect(db.verno).toBe(4);
    expect(await db.table('caseSearch').count()).toBe(0);
    db.close();
  });
});
