import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { DeskDatabase } from '../database';
import { createDraftRepository } from '../repositories/drafts';
import { declareSchema } from '../schema';
import { uniqueName } from '../testing';

describe('upgrade 008: drafts', () => {
  it('adds an empty drafts table and leaves what version 7 stored as it was', async () => {
    const name = uniqueName('upgrade-008');
    const old = new Dexie(name);
    declareSchema(old, 7);
    await old.open();
    await old.table('syncState').put({ key: 'probe', value: 'KZ-2026-00017' });
    await old.table('users').put({ id: 'officer-1', fullName: 'Ахметова Гүлнар' });
    expect(old.tables.map((t) => t.name)).not.toContain('drafts');
    old.close();

    const db = new DeskDatabase(name, 8);
    await db.open();
    expect(db.verno).toBe(8);
    expect(await db.drafts.count()).toBe(0);
    expect(await db.syncState.get('probe')).toEqual({ key: 'probe', value: 'KZ-2026-00017' });
    expect((await db.users.get('officer-1'))?.fullName).toBe('Ахметова Гүлнар');

    // The new table works as the repository needs: by user and key, listed per user.
    const drafts = createDraftRepository(db);
    await drafts.put('officer-1', 'action:c1:refused', { comment: 'а' });
    expect(await drafts.get('officer-1', 'action:c1:refused')).toEqual({ comment: 'а' });
    expect(await drafts.get('officer-2', 'action:c1:refused')).toBeUndefined();
    db.close();
  });
});
