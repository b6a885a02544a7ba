/**
 * The seam between the desk and whoever keeps its users. Today the desk keeps them itself
 * (renderer/src/db/repositories/users.ts, over IndexedDB); when sync exists the central system's
 * enrolment implements the same interface and the desk's screens do not change. Every method that
 * changes a user names who is acting (`by`, a user id) and the directory looks that user up itself,
 * so a caller cannot claim a role it does not have.
 */
import type { DirectoryRefusal } from './rules';
import type { SecretIssueCode } from './policy';
import type { DeskUser, UserIssue, UserProfile, UserRole } from './users';

export const VERIFY_FAILURES = [
  /** The secret is not this user's. */
  'wrong-secret',
  /** Too many failures: the next attempt is heard after `retryAfterMs`. */
  'throttled',
  /** The user has no password or PIN yet (a manager must give one). */
  'no-secret',
  'inactive',
  'unknown-user',
] as const;
export type VerifyFailure = (typeof VERIFY_FAILURES)[number];

export type VerifyResult =
  | { ok: true; user: DeskUser }
  | {
      ok: false;
      reason: VerifyFailure;
      /** 0 when the next attempt may come at once. */ retryAfterMs: number;
    };

export type DirectoryResult<T> =
  | { ok: true; value: T }
  | { ok: false; issues: readonly UserIssue[] }
  | { ok: false; secret: SecretIssueCode }
  | { ok: false; refusal: DirectoryRefusal };

/** What a manager may change about a user; absent fields stay as they are. */
export interface UserChanges {
  fullName?: string;
  role?: UserRole;
  position?: { kk: string; ru: string };
  active?: boolean;
}

export interface UserDirectory {
  /** Every user, active or not, in a stable order (managers first, then by name). */
  list(): Promise<DeskUser[]>;
  /** Checks a secret, counting failures for the growing delay; nothing about the secret is kept. */
  verify(userId: string, secret: string): Promise<VerifyResult>;
  create(by: string, profile: unknown, secret: string): Promise<DirectoryResult<DeskUser>>;
  update(by: string, userId: string, changes: UserChanges): Promise<DirectoryResult<DeskUser>>;
  setSecret(by: string, userId: string, secret: string): Promise<DirectoryResult<DeskUser>>;
  deactivate(by: string, userId: string): Promise<DirectoryResult<DeskUser>>;
  /** True while no active administrator or head can sign in: a new installation, or one just upgraded. */
  needsSetup(): Promise<boolean>;
  /** The first start: the administrator, created by whoever installs the desk. Refused once set up. */
  createAdministrator(profile: Omit<UserProfile, 'role'>, secret: string): Promise<DirectoryResult<DeskUser>>;
  /** The demo desk's users with their public PINs; only into an empty directory. */
  createDemoUsers(
    users: ReadonlyArray<{ profile: UserProfile; pin: string }>,
  ): Promise<DirectoryResult<DeskUser[]>>;
  onChange(listener: () => void): () => void;
}
