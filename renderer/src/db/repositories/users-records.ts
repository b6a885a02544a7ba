/** What the `users` table (version 6) holds: one person of the desk per row. */
import type { Credential, FailureRecord, UserRole } from '../../../../shared/auth';

export interface UserRecord {
  /** The login; also the `userId` of the case events the person makes. */
  id: string;
  fullName: string;
  role: UserRole;
  position: { kk: string; ru: string };
  /** Null until a manager gives the person a password or PIN (users carried over by version 6). */
  credential: Credential | null;
  active: boolean;
  createdAt: string;
  /** A user id, or 'first-start', 'demo', 'upgrade'. */
  createdBy: string;
  /** A demo desk's user, whose PIN is public. Absent for everyone else. */
  demo?: true;
  /** Consecutive failed sign-ins, for the growing delay; absent after a good one. */
  failures?: FailureRecord;
}
