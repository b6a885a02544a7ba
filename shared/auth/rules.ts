/**
 * The rules every user directory applies (the desk's local one, and the central enrolment's when
 * sync brings it): who may change whom, and what no change may do. Pure, so both sides can run
 * exactly these.
 */
import { isManager, type DeskUser, type UserProfile } from './users';

export const DIRECTORY_REFUSALS = [
  /** The person acting is not an active administrator or head. */
  'not-allowed',
  /** Nobody gives themselves a role or takes their own away. */
  'own-role',
  /** The change would leave no active administrator or head who can sign in. */
  'last-manager',
  'unknown-user',
  /** The desk already has a manager: the first-start and demo paths are closed. */
  'already-set-up',
] as const;
export type DirectoryRefusal = (typeof DIRECTORY_REFUSALS)[number];

/** Managers who could still sign in and manage the desk if `without` changed as proposed. */
function managersLeft(users: readonly DeskUser[], changed: DeskUser): number {
  return users.map((u) => (u.id === changed.id ? changed : u)).filter((u) => isManager(u) && u.hasSecret)
    .length;
}

/** Whether `by` may create `profile` among `users`. */
export function checkCreate(by: DeskUser | undefined): DirectoryRefusal | undefined {
  return isManager(by) ? undefined : 'not-allowed';
}

/**
 * Whether `by` may turn `before` into `after` (profile changes, activation, deactivation, a new
 * secret all go through here).
 */
export function checkChange(
  by: DeskUser | undefined,
  before: DeskUser,
  after: DeskUser,
  users: readonly DeskUser[],
): DirectoryRefusal | undefined {
  if (!by || !isManager(by)) return 'not-allowed';
  if (by.id === before.id && (after.role !== before.role || !after.active)) return 'own-role';
  const wasManager = isManager(before) && before.hasSecret;
  if (wasManager && !(isManager(after) && after.hasSecret) && managersLeft(users, after) === 0)
    return 'last-manager';
  return undefined;
}

/** The desk needs its first administrator: no active manager can sign in. */
export function needsSetup(users: readonly DeskUser[]): boolean {
  return !users.some((u) => isManager(u) && u.hasSecret);
}

/** A profile as a user record before storing (the fields a directory adds itself). */
export function newUser(
  profile: UserProfile,
  meta: { createdAt: string; createdBy: string; demo?: boolean },
): DeskUser {
  return {
    ...profile,
    active: true,
    hasSecret: true,
    demo: meta.demo ?? false,
    createdAt: meta.createdAt,
    createdBy: meta.createdBy,
  };
}
