import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { validateSettings } from '../../../../shared/settings';
import { DeskDatabase } from '../database';
import { createDesk } from '../desk';
import { declareSchema } from '../schema';
import { uniqueName } from '../testing';

/** The settings record as versions 1 to 5 stored it: the users listed inside. */
const oldSettings = {
  akimat: {
    level: 'district',
    name: { kk: 'Бурабай ауданының әкімдігі', ru: 'Акимат Бурабайского района' },
    address: { kk: 'Щучинск, Абылай хан көшесі, 38', ru: 'Щучинск, улица Абылай хана, 38' },
    bin: '990340003217',
  },
  head: {
    name: { kk: 'Серікбаев Нұрлан', ru: 'Серикбаев Нурлан' },
    position: { kk: 'Әкімнің орынбасары', ru: 'Заместитель акима' },
  },
  users: [
    {
      id: 'officer-1',
      fullName: 'Ахметова Гүлнар',
      role: 'officer',
      position: { kk: 'Бас маман', ru: 'Главный специалист' },
    },
    {
      id: 'head-1',
      fullName: 'Серікбаев Нұрлан',
      role: 'head',
      position: { kk: 'Орынбасар', ru: 'Заместитель' },
    },
    // What the old validation would never have let through is not carried over.
    { id: 'officer-1', fullName: 'Дубль', role: 'officer', position: { kk: 'x', ru: 'x' } },
    { id: 'root', fullName: 'Бөгде', role: 'admin', position: { kk: 'x', ru: 'x' } },
    'not a user',
  ],
  officeHours: {
    opens: '09:00',
    closes: '18:30',
    lunchFrom: '13:00',
    lunchTo: '14:30',
    timeZone: 'Asia/Almaty',
  },
  language: 'ru',
  maxAttachmentBytes: 20 * 1024 * 1024,
};

async function oldDesk(name: string, settings?: unknown): Promise<void> {
  const old = new Dexie(name);
  declareSchema(old, 5);
  await old.open();
  expect(old.tables.map((t) => t.name)).not.toContain('users');
  if (settings) await old.table('settings').put({ key: 'installation', value: settings });
  await old.table('syncState').put({ key: 'probe', value: 'KZ-2026-00017' });
  old.close();
}

describe('upgrade 006: users out of the settings, into a table of their own', () => {
  it('moves each listed user over without a secret and leaves settings that validate without them', async () => {
    const name = uniqueName('upgrade-006');
    await oldDesk(name, oldSettings);

    const db = new DeskDatabase(name, 6);
    await db.open();
    expect(db.verno).toBe(6);
    const users = await db.users.toArray();
    expect(users.map((u) => [u.id, u.role, u.fullName, u.credential, u.active, u.createdBy])).toEqual([
      ['head-1', 'head', 'Серікбаев Нұрлан', null, true, 'upgrade'],
      ['officer-1', 'officer', 'Ахметова Гүлнар', null, true, 'upgrade'],
    ]);
    expect(users[1]?.position).toEqual({ kk: 'Бас маман', ru: 'Главный специалист' });

    const stored = (await db.settings.get('installation'))?.value as Record<string, unknown>;
    expect(stored).not.toHaveProperty('users');
    expect(stored['lockAfterMinutes']).toBe(10);
    expect(stored['language']).toBe('ru');
    expect(await db.syncState.get('probe')).toEqual({ key: 'probe', value: 'KZ-2026-00017' });
    db.close();

    // Later versions add to the settings (7: the issuing body); after the whole chain they validate.
    const latest = new DeskDatabase(name);
    await latest.open();
    expect(validateSettings((await latest.settings.get('installation'))?.value).ok).toBe(true);
    latest.close();
  });

  it('leaves the desk waiting for its administrator: the carried-over users cannot sign in yet', async () => {
    const name = uniqueName('upgrade-006-setup');
    await oldDesk(name, oldSettings);
    const db = new DeskDatabase(name);
    await db.open();
    const desk = createDesk(db);
    expect(await desk.users.needsSetup()).toBe(true);
    expect(await desk.users.verify('head-1', 'anything')).toMatchObject({ ok: false, reason: 'no-secret' });
    expect((await desk.settings.get()).language).toBe('ru');
    desk.close();
  });

  it('opens a desk that never saved its settings with no users and the embedded defaults', async () => {
    const name = uniqueName('upgrade-006-empty');
    await oldDesk(name);
    const db = new DeskDatabase(name);
    await db.open();
    expect(await db.users.count()).toBe(0);
    expect(await db.settings.count()).toBe(0);
    db.close();
  });
});
