import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../../../shared/auth/demo-users';
import { DeskDatabase } from '../database';
import { uniqueName } from '../testing';
import { createUserRepository, type UserRepository } from './users';

const ADMIN_SECRET = 'күзгі-жапырақ-2026';
const profile = (id: string, role: 'officer' | 'head' | 'admin', fullName = id) => ({
  id,
  fullName,
  role,
  position: { kk: 'Бас маман', ru: 'Главный специалист' },
});

let db: DeskDatabase;
let users: UserRepository;
let clock: number;

beforeEach(async () => {
  db = new DeskDatabase(uniqueName('users'));
  await db.open();
  clock = Date.parse('2026-11-24T05:00:00.000Z');
  users = createUserRepository(db, { now: () => clock });
});
afterEach(() => db.close());

async function setUp(): Promise<void> {
  const admin = await users.createAdministrator(
    { id: 'admin', fullName: 'Жұмабекова Айгерім', position: { kk: 'IT маманы', ru: 'IT-специалист' } },
    ADMIN_SECRET,
  );
  expect(admin.ok).toBe(true);
}

describe('the first start', () => {
  it('creates the administrator once, keeping only a salted hash of the secret', async () => {
    expect(await users.needsSetup()).toBe(true);
    await setUp();
    expect(await users.needsSetup()).toBe(false);
    const [admin] = await users.list();
    expect(admin).toMatchObject({ id: 'admin', role: 'admin', active: true, hasSecret: true, demo: false });
    expect(admin).not.toHaveProperty('credential');
    const stored = await db.users.get('admin');
    expect(stored?.credential).toMatchObject({ algorithm: 'PBKDF2-SHA256', iterations: 310_000 });
    expect(JSON.stringify(stored)).not.toContain(ADMIN_SECRET);

    const again = await users.createAdministrator(
      { id: 'intruder', fullName: 'Бөгде', position: { kk: 'x', ru: 'x' } },
      'басқа-құпия-сөз',
    );
    expect(again).toEqual({ ok: false, refusal: 'already-set-up' });
    expect(await users.createDemoUsers(DEMO_USERS)).toEqual({ ok: false, refusal: 'already-set-up' });
  });

  it('refuses a weak secret or a bad profile and stores nothing', async () => {
    expect(
      await users.createAdministrator(
        { id: 'admin', fullName: 'А', position: { kk: 'x', ru: 'x' } },
        '123456',
      ),
    ).toEqual({ ok: false, secret: 'secret.pin-simple' });
    const bad = await users.createAdministrator(
      { id: 'A B', fullName: '', position: { kk: 'x', ru: 'x' } },
      ADMIN_SECRET,
    );
    expect(bad.ok).toBe(false);
    expect(await db.users.count()).toBe(0);
  });
});

describe('managing users', () => {
  it('lets the administrator create an officer and a head, each signing in with their own secret', async () => {
    await setUp();
    const officer = await users.create('admin', profile('a.ivanova', 'officer', 'Иванова Анна'), '918273');
    const head = await users.create(
      'admin',
      profile('n.serikbayev', 'head', 'Серікбаев Нұрлан'),
      'басшының-құпиясы',
    );
    expect(officer).toMatchObject({
      ok: true,
      value: { id: 'a.ivanova', role: 'officer', createdBy: 'admin' },
    });
    expect(head.ok).toBe(true);
    expect((await users.list()).map((u) => u.id)).toEqual(['admin', 'n.serikbayev', 'a.ivanova']);
    expect(await users.verify('a.ivanova', '918273')).toMatchObject({ ok: true, user: { role: 'officer' } });
    expect(await users.verify('n.serikbayev', '918273')).toMatchObject({ ok: false, reason: 'wrong-secret' });
    expect(await users.create('admin', profile('a.ivanova', 'head'), '564738')).toEqual({
      ok: false,
      issues: [{ path: ['id'], code: 'login.taken' }],
    });
  });

  it('never lets an officer manage anyone, herself included', async () => {
    await setUp();
    await users.create('admin', profile('a.ivanova', 'officer'), '918273');
    expect(await users.update('a.ivanova', 'a.ivanova', { role: 'head' })).toEqual({
      ok: false,
      refusal: 'not-allowed',
    });
    expect(await users.create('a.ivanova', profile('friend', 'head'), '564738')).toEqual({
      ok: false,
      refusal: 'not-allowed',
    });
    expect(await users.setSecret('a.ivanova', 'admin', '564738')).toEqual({
      ok: false,
      refusal: 'not-allowed',
    });
    expect(await users.deactivate('a.ivanova', 'admin')).toEqual({ ok: false, refusal: 'not-allowed' });
    expect((await db.users.get('a.ivanova'))?.role).toBe('officer');
    expect(await db.users.count()).toBe(2);
  });

  it('lets nobody change their own role, and keeps the last manager who can sign in', async () => {
    await setUp();
    await users.create('admin', profile('head-1', 'head'), 'басшының-құпиясы');
    expect(await users.update('head-1', 'head-1', { role: 'admin' })).toEqual({
      ok: false,
      refusal: 'own-role',
    });
    expect(await users.deactivate('head-1', 'head-1')).toEqual({ ok: false, refusal: 'own-role' });
    // The head may retire the administrator: the head still manages the desk.
    expect(await users.deactivate('head-1', 'admin')).toMatchObject({ ok: true, value: { active: false } });
    expect(await users.verify('admin', ADMIN_SECRET)).toMatchObject({ ok: false, reason: 'inactive' });
    expect(await users.update('head-1', 'admin', { active: true })).toMatchObject({ ok: true });
    // Now demote the head by the admin, then nobody may remove the admin, the last manager.
    expect(await users.update('admin', 'head-1', { role: 'officer' })).toMatchObject({ ok: true });
    expect(await users.deactivate('admin', 'admin')).toEqual({ ok: false, refusal: 'own-role' });
    expect(await users.needsSetup()).toBe(false);
  });

  it('refuses the change that would leave no manager who can sign in', async () => {
    await setUp();
    await users.create('admin', profile('head-1', 'head'), 'басшының-құпиясы');
    // A manager carried over without a secret does not count.
    await db.users.update('admin', { credential: null });
    const admin2 = await users.create('head-1', profile('admin-2', 'admin'), 'екінші-әкімші');
    expect(admin2.ok).toBe(true);
    expect(await users.deactivate('admin-2', 'head-1')).toMatchObject({ ok: true });
    // admin-2 is now the only manager who can sign in: an inactive head cannot act, and even a
    // manager by role may not demote or retire the last one.
    expect(await users.update('head-1', 'admin-2', { role: 'officer' })).toEqual({
      ok: false,
      refusal: 'not-allowed',
    });
    expect(await users.update('admin', 'admin-2', { role: 'officer' })).toEqual({
      ok: false,
      refusal: 'last-manager',
    });
    expect(await users.deactivate('admin', 'admin-2')).toEqual({ ok: false, refusal: 'last-manager' });
    expect(await users.setSecret('admin', 'admin', '564738')).toMatchObject({ ok: true });
    expect(await users.deactivate('admin', 'admin-2')).toMatchObject({ ok: true });
  });

  it('gives a carried-over user a first secret, validated, and edits a profile without touching the secret', async () => {
    await setUp();
    await db.users.put({
      id: 'officer-1',
      fullName: 'Ахметова Гүлнар',
      role: 'officer',
      position: { kk: 'Бас маман', ru: 'Главный специалист' },
      credential: null,
      active: true,
      createdAt: '2026-01-10T04:00:00.000Z',
      createdBy: 'upgrade',
    });
    expect(await users.verify('officer-1', 'anything')).toMatchObject({ ok: false, reason: 'no-secret' });
    expect(await users.setSecret('admin', 'officer-1', '2406')).toEqual({
      ok: false,
      secret: 'secret.pin-short',
    });
    expect(await users.setSecret('admin', 'officer-1', '564738')).toMatchObject({
      ok: true,
      value: { hasSecret: true },
    });
    expect(await users.verify('officer-1', '564738')).toMatchObject({ ok: true });
    const renamed = await users.update('admin', 'officer-1', { fullName: '  Ахметова Гүлнар Серікқызы ' });
    expect(renamed).toMatchObject({ ok: true, value: { fullName: 'Ахметова Гүлнар Серікқызы' } });
    expect(await users.verify('officer-1', '564738')).toMatchObject({ ok: true });
    expect(await users.update('admin', 'officer-1', { fullName: '' })).toEqual({
      ok: false,
      issues: [{ path: ['fullName'], code: 'required' }],
    });
    expect(await users.update('admin', 'nobody', { fullName: 'x' })).toEqual({
      ok: false,
      refusal: 'unknown-user',
    });
  });
});

describe('signing in', () => {
  it('forgives three wrong secrets, then makes each next attempt wait longer, the right secret included', async () => {
    await setUp();
    for (let i = 0; i < 3; i++)
      expect(await users.verify('admin', 'wrong-guess-' + i)).toEqual({
        ok: false,
        reason: 'wrong-secret',
        retryAfterMs: 0,
      });
    expect(await users.verify('admin', 'wrong-guess-3')).toEqual({
      ok: false,
      reason: 'wrong-secret',
      retryAfterMs: 30_000,
    });
    expect(await users.verify('admin', ADMIN_SECRET)).toEqual({
      ok: false,
      reason: 'throttled',
      retryAfterMs: 30_000,
    });
    clock += 10_000;
    expect(await users.verify('admin', ADMIN_SECRET)).toEqual({
      ok: false,
      reason: 'throttled',
      retryAfterMs: 20_000,
    });
    clock += 20_000;
    expect(await users.verify('admin', 'wrong-guess-4')).toEqual({
      ok: false,
      reason: 'wrong-secret',
      retryAfterMs: 60_000,
    });
    clock += 60_000;
    expect(await users.verify('admin', ADMIN_SECRET)).toMatchObject({ ok: true });
    // A good sign-in clears the count: the next typo is free again.
    expect(await users.verify('admin', 'wrong-guess-5')).toMatchObject({ retryAfterMs: 0 });
    expect((await db.users.get('admin'))?.failures).toEqual({
      count: 1,
      lastAt: new Date(clock).toISOString(),
    });
  });

  it('says a login nobody has is unknown', async () => {
    expect(await users.verify('ghost', 'x')).toEqual({ ok: false, reason: 'unknown-user', retryAfterMs: 0 });
  });
});

describe('the demo users', () => {
  it('go only into an empty directory, marked as demo, with their public PINs', async () => {
    const created = await users.createDemoUsers(DEMO_USERS);
    expect(created.ok).toBe(true);
    const listed = await users.list();
    expect(listed.map((u) => [u.role, u.demo])).toEqual([
      ['admin', true],
      ['head', true],
      ['officer', true],
      ['officer', true],
    ]);
    for (const { profile: p, pin } of DEMO_USERS)
      expect(await users.verify(p.id, pin)).toMatchObject({ ok: true });
    expect(await users.needsSetup()).toBe(false);
  });

  it('tell the subscribers after every committed change, not after a refused one', async () => {
    let heard = 0;
    const stop = users.onChange(() => (heard += 1));
    await setUp();
    await users.create('admin', profile('a.ivanova', 'officer'), '918273');
    await users.update('a.ivanova', 'a.ivanova', { role: 'head' });
    stop();
    await users.deactivate('admin', 'a.ivanova');
    expect(heard).toBe(2);
  });
});
