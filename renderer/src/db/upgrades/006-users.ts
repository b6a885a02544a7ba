/**
 * Version 6: the desk's users get a table of their own, with a salted hash of each person's
 * password or PIN. Until now they were a list inside the settings record, which anyone could edit
 * (an officer could make herself head) and where nobody had a secret. The upgrade moves each listed
 * user into `users` without a credential (the administrator must give each one a password or PIN),
 * removes the list from the settings and adds the inactivity lock setting. Self-contained: it reads
 * the settings as version 5 and earlier wrote them, whatever the current schema says.
 */
import type { Transaction } from 'dexie';
import type { UserRecord } from '../repositories/users-records';

export const STORES_V6 = {
  users: 'id',
} as const;

const SETTINGS_KEY = 'installation';
/** The default of the setting this version adds (shared/settings DEFAULT_LOCK_MINUTES when written). */
const LOCK_AFTER_MINUTES = 10;

type Loose = Record<string, unknown>;

const isObject = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/** A user as the settings listed it (id, fullName, role officer|head, position kk/ru), or undefined. */
function listedUser(v: unknown, at: string): UserRecord | undefined {
  if (!isObject(v) || !isText(v['id']) || !isText(v['fullName'])) return undefined;
  const role = v['role'];
  if (role !== 'officer' && role !== 'head') return undefined;
  const position = isObject(v['position']) ? v['position'] : {};
  return {
    id: v['id'],
    fullName: v['fullName'],
    role,
    position: {
      kk: typeof position['kk'] === 'string' ? position['kk'] : '',
      ru: typeof position['ru'] === 'string' ? position['ru'] : '',
    },
    credential: null,
    active: true,
    createdAt: at,
    createdBy: 'upgrade',
  };
}

export async function upgrade006Users(tx: Transaction): Promise<void> {
  const settings = tx.table<{ key: string; value: unknown }, string>('settings');
  const record = await settings.get(SETTINGS_KEY);
  // Never saved: the desk ran on the embedded defaults, whose demo users had no secrets either.
  if (!record || !isObject(record.value)) return;
  const { users: listed, ...rest } = record.value;
  const at = new Date().toISOString();
  const users = new Map<string, UserRecord>();
  for (const entry of Array.isArray(listed) ? listed : []) {
    const user = listedUser(entry, at);
    // The old validation kept ids unique; should two collide anyway, the first listed wins.
    if (user && !users.has(user.id)) users.set(user.id, user);
  }
  await tx.table<UserRecord, string>('users').bulkPut([...users.values()]);
  await settings.put({
    key: SETTINGS_KEY,
    value: { ...rest, lockAfterMinutes: rest['lockAfterMinutes'] ?? LOCK_AFTER_MINUTES },
  });
}
