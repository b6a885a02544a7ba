/**
 * Enrolment codes, device tokens and revocation. Codes and tokens are random and kept only as
 * SHA-256 (they carry 80 and 256 bits of randomness, so a slow hash would add nothing). A token is
 * checked in the database on every request: a revocation holds at once in every process.
 */
import { randomInt } from 'node:crypto';
import type { Device, IssueCodeAnswer, ServerUser } from '../../../shared/api';
import type { UserRole } from '../../../shared/auth';
import type { Database, Queryable } from '../db/types';
import { newId, newSecret, sha256Hex } from '../util/hash';
import { isoOf, isoOrNull } from '../util/time';
import { userOf, type UserRow } from './users';

/** Crockford's base32 without I, L, O, U: nothing to misread when a code is read out. */
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newEnrolmentCode(): string {
  const chars = Array.from({ length: 16 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  return chars.replace(/(.{4})(?=.)/g, '$1-');
}

export type Principal =
  | {
      kind: 'desk';
      deviceId: string;
      akimatId: string;
      user: { id: string; role: UserRole; active: boolean };
    }
  | { kind: 'monitoring'; deviceId: string }
  | { kind: 'admin'; deviceId: string };

export type AuthResult =
  { ok: true; principal: Principal } | { ok: false; code: 'auth.invalid' | 'device.revoked' };

interface TokenRow {
  id: string;
  kind: 'desk' | 'monitoring' | 'admin';
  akimat_id: string | null;
  user_id: string | null;
  revoked_at: unknown;
  role: UserRole | null;
  active: boolean | null;
}

export async function authenticate(db: Queryable, token: string): Promise<AuthResult> {
  const { rows } = await db.query<TokenRow>(
    `SELECT d.id, d.kind, d.akimat_id, d.user_id, d.revoked_at, u.role, u.active
       FROM devices d LEFT JOIN users u ON u.akimat_id = d.akimat_id AND u.id = d.user_id
      WHERE d.token_hash = $1`,
    [sha256Hex(token)],
  );
  const row = rows[0];
  if (!row) return { ok: false, code: 'auth.invalid' };
  if (row.revoked_at !== null) return { ok: false, code: 'device.revoked' };
  // Seen at most once a minute: a write per request would cost more than it tells.
  await db.query(
    "UPDATE devices SET last_seen_at = now() WHERE id = $1 AND (last_seen_at IS NULL OR last_seen_at < now() - interval '1 minute')",
    [row.id],
  );
  if (row.kind === 'desk' && row.akimat_id !== null && row.user_id !== null && row.role !== null) {
    return {
      ok: true,
      principal: {
        kind: 'desk',
        deviceId: row.id,
        akimatId: row.akimat_id,
        user: { id: row.user_id, role: row.role, active: row.active === true },
      },
    };
  }
  return {
    ok: true,
    principal: { kind: row.kind === 'monitoring' ? 'monitoring' : 'admin', deviceId: row.id },
  };
}

export type IssueResult = { ok: true; answer: IssueCodeAnswer } | { ok: false; code: 'user.not-found' };

export async function issueCode(
  db: Queryable,
  akimatId: string,
  userId: string,
  validHours: number,
): Promise<IssueResult> {
  const { rows } = await db.query<{ active: boolean }>(
    'SELECT active FROM users WHERE akimat_id = $1 AND id = $2',
    [akimatId, userId],
  );
  if (!rows[0]?.active) return { ok: false, code: 'user.not-found' };
  const code = newEnrolmentCode();
  const expires = await db.query<{ expires_at: unknown }>(
    `INSERT INTO enrolment_codes (code_hash, akimat_id, user_id, expires_at)
     VALUES ($1, $2, $3, now() + make_interval(hours => $4)) RETURNING expires_at`,
    [sha256Hex(code), akimatId, userId, validHours],
  );
  return { ok: true, answer: { code, userId, expiresAt: isoOf(expires.rows[0]?.expires_at) } };
}

export type EnrolResult =
  | {
      ok: true;
      deviceId: string;
      token: string;
      user: ServerUser;
      akimat: { id: string; name: { kk: string; ru: string } };
    }
  | { ok: false; code: 'enrolment.code-invalid' };

/** Uses the code (once: the UPDATE claims it) and makes the device with a new token. */
export async function enrol(db: Database, code: string, deviceName: string): Promise<EnrolResult> {
  return db.transaction(async (tx) => {
    const deviceId = newId('d');
    const claimed = await tx.query<{ akimat_id: string; user_id: string }>(
      `UPDATE enrolment_codes SET used_at = now()
        WHERE code_hash = $1 AND used_at IS NULL AND expires_at > now()
        RETURNING akimat_id, user_id`,
      [sha256Hex(code)],
    );
    const claim = claimed.rows[0];
    if (!claim) return { ok: false, code: 'enrolment.code-invalid' } as const;
    const users = await tx.query<UserRow & { name_kk: string; name_ru: string }>(
      `SELECT u.*, a.name_kk, a.name_ru FROM users u JOIN akimats a ON a.id = u.akimat_id
        WHERE u.akimat_id = $1 AND u.id = $2 AND u.active`,
      [claim.akimat_id, claim.user_id],
    );
    const user = users.rows[0];
    if (!user) return { ok: false, code: 'enrolment.code-invalid' } as const;
    const token = newSecret('dt');
    await tx.query(
      `INSERT INTO devices (id, kind, akimat_id, user_id, name, token_hash) VALUES ($1, 'desk', $2, $3, $4, $5)`,
      [deviceId, claim.akimat_id, claim.user_id, deviceName, sha256Hex(token)],
    );
    await tx.query('UPDATE enrolment_codes SET device_id = $1 WHERE code_hash = $2', [
      deviceId,
      sha256Hex(code),
    ]);
    return {
      ok: true,
      deviceId,
      token,
      user: userOf(user),
      akimat: { id: claim.akimat_id, name: { kk: user.name_kk, ru: user.name_ru } },
    } as const;
  });
}

/** A token for the monitoring system or an operator's admin key (shown once, kept hashed). */
export async function issueToken(
  db: Queryable,
  kind: 'monitoring' | 'admin',
  name: string,
): Promise<{ deviceId: string; token: string }> {
  const deviceId = newId(kind === 'admin' ? 'k' : 'm');
  const token = newSecret(kind === 'admin' ? 'ak' : 'mt');
  await db.query('INSERT INTO devices (id, kind, name, token_hash) VALUES ($1, $2, $3, $4)', [
    deviceId,
    kind,
    name,
    sha256Hex(token),
  ]);
  return { deviceId, token };
}

/** Revokes a device of the akimat (null: any device, for the operator's admin key). */
export async function revokeDevice(
  db: Queryable,
  deviceId: string,
  akimatId: string | null,
): Promise<{ deviceId: string; revokedAt: string } | undefined> {
  const { rows } = await db.query<{ revoked_at: unknown }>(
    `UPDATE devices SET revoked_at = COALESCE(revoked_at, now())
      WHERE id = $1 AND ($2::text IS NULL OR akimat_id = $2) RETURNING revoked_at`,
    [deviceId, akimatId],
  );
  const row = rows[0];
  return row ? { deviceId, revokedAt: isoOf(row.revoked_at) } : undefined;
}

export async function listDevices(db: Queryable, akimatId: string | null): Promise<Device[]> {
  const { rows } = await db.query<{
    id: string;
    kind: Device['kind'];
    user_id: string | null;
    name: string;
    enrolled_at: unknown;
    last_seen_at: unknown;
    revoked_at: unknown;
  }>(
    `SELECT id, kind, user_id, name, enrolled_at, last_seen_at, revoked_at FROM devices
      WHERE ($1::text IS NULL OR akimat_id = $1) ORDER BY enrolled_at, id`,
    [akimatId],
  );
  return rows.map((r) => ({
    deviceId: r.id,
    userId: r.user_id,
    kind: r.kind,
    name: r.name,
    enrolledAt: isoOf(r.enrolled_at),
    lastSeenAt: isoOrNull(r.last_seen_at),
    revokedAt: isoOrNull(r.revoked_at),
  }));
}
