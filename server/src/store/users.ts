/** The akimats and their users as the server holds them (the desk's directory is filled from here). */
import type { ServerUser } from '../../../shared/api';
import type { UserProfile, UserRole } from '../../../shared/auth';
import type { Queryable } from '../db/types';

export interface UserRow {
  id: string;
  full_name: string;
  role: UserRole;
  position_kk: string;
  position_ru: string;
  active: boolean;
}

export function userOf(row: UserRow): ServerUser {
  return {
    id: row.id,
    fullName: row.full_name,
    role: row.role,
    position: { kk: row.position_kk, ru: row.position_ru },
    active: row.active,
  };
}

export async function listUsers(db: Queryable, akimatId: string): Promise<ServerUser[]> {
  const { rows } = await db.query<UserRow>(
    `SELECT id, full_name, role, position_kk, position_ru, active FROM users WHERE akimat_id = $1
      ORDER BY CASE role WHEN 'admin' THEN 0 WHEN 'head' THEN 1 ELSE 2 END, full_name, id`,
    [akimatId],
  );
  return rows.map(userOf);
}

export async function ensureAkimat(
  db: Queryable,
  id: string,
  name: { kk: string; ru: string },
): Promise<void> {
  await db.query(
    'INSERT INTO akimats (id, name_kk, name_ru) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING',
    [id, name.kk, name.ru],
  );
}

export async function upsertUser(
  db: Queryable,
  akimatId: string,
  profile: UserProfile,
  active = true,
): Promise<void> {
  await db.query(
    `INSERT INTO users (akimat_id, id, full_name, role, position_kk, position_ru, active)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (akimat_id, id) DO UPDATE SET full_name = $3, role = $4, position_kk = $5, position_ru = $6, active = $7`,
    [akimatId, profile.id, profile.fullName, profile.role, profile.position.kk, profile.position.ru, active],
  );
}

export async function akimatIds(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>('SELECT id FROM akimats ORDER BY id');
  return rows.map((r) => r.id);
}
