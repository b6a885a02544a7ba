import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeskDatabase } from '../database';
import { uniqueName } from '../testing';
import { createUserRepository, type CentralUser, type UserRepository } from './users';

const SECRET = 'күзгі-жапырақ-2026';
const position = { kk: 'Бас маман', ru: 'Главный специалист' };
const central = (id: string, role: CentralUser['role'], active = true): CentralUser => ({
  id,
  fullName: `Server ${id}`,
  role,
  position,
  active,
});

let db: DeskDatabase;
let users: UserRepository;
beforeEach(async () => {
  db = new DeskDatabase(uniqueName('users-central'));
  await db.open();
  users = createUserRepository(db, { now: () => Date.parse('2026-12-01T05:00:00.000Z') });
  const admin = await users.createAdministrator({ id: 'head-1', fullName: 'Local head', position }, SECRET);
  expect(admin.ok).toBe(true);
  expect(
    (await users.create('head-1', { id: 'local-only', fullName: 'Local', role: 'officer', position }, SECRET))
      .ok,
  ).toBe(true);
});
afterEach(() => db.close());

describe("the central system's users replace the desk's list", () => {
  it('takes names, roles and the active flag from the server and keeps the secrets of this desk', async () => {
    expect(await users.replaceFromCentral([central('head-1', 'head'), central('officer-2', 'officer')])).toBe(
      true,
    );
    const list = await users.list();
    const byId = new Map(list.map((u) => [u.id, u]));
    // The role is the server's: the local administrator is the akimat's head there.
    expect(byId.get('head-1')).toMatchObject({
      fullName: 'Server head-1',
      role: 'head',
      active: true,
      hasSecret: true,
    });
    expect((await users.verify('head-1', SECRET)).ok).toBe(true);
    // New from the server: no secret until a manager of this desk gives one.
    expect(byId.get('officer-2')).toMatchObject({ role: 'officer', hasSecret: false, createdBy: 'central' });
    // Not listed by the server: kept (the history names her) but no longer active.
    expect(byId.get('local-only')).toMatchObject({ active: false });
    // The same list again changes nothing.
    expect(await users.replaceFromCentral([central('head-1', 'head'), central('officer-2', 'officer')])).toBe(
      false,
    );
  });

  it('never locks the desk: when no listed manager can sign in here, the local users stay active', async () => {
    await users.replaceFromCentral([central('head-9', 'head'), central('officer-2', 'officer')]);
    const byId = new Map((await users.list()).map((u) => [u.id, u]));
    expect(byId.get('head-1')).toMatchObject({ active: true, hasSecret: true });
    expect(byId.get('head-9')).toMatchObject({ hasSecret: false });
    expect(await users.needsSetup()).toBe(false);
  });
});
