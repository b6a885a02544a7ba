/**
 * The people who work at the desk and what each may do. Roles are given by a manager (the akimat's
 * administrator or the head), never chosen by the person: nobody changes their own role, an officer
 * manages nobody and edits no settings, and the desk always keeps one manager who can sign in.
 */
import { validateWith } from '../settings/validate';
import { z } from 'zod';

export const USER_ROLES = ['officer', 'head', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** The roles that manage users and edit the akimat's settings. */
export const MANAGER_ROLES: readonly UserRole[] = ['admin', 'head'];

export interface Bilingual {
  kk: string;
  ru: string;
}

/** What a manager types about a person. */
export interface UserProfile {
  /** The login: lowercase letters, digits and . _ - (it is also the user's id in case events). */
  id: string;
  fullName: string;
  role: UserRole;
  position: Bilingual;
}

/** A user as every part of the desk sees one: never the credential. */
export interface DeskUser extends UserProfile {
  active: boolean;
  /** False until a manager gives the person a password or PIN (users carried over from settings). */
  hasSecret: boolean;
  /** A user of the demo desk, whose PIN is public (the sign-in screen shows it). */
  demo: boolean;
  createdAt: string;
  /** Who created the user: a user id, or 'first-start', 'demo', 'upgrade'. */
  createdBy: string;
}

export function isManager(user: Pick<DeskUser, 'role' | 'active'> | null | undefined): boolean {
  return !!user && user.active && MANAGER_ROLES.includes(user.role);
}

/** Who may add, change, give secrets to and deactivate users. */
export const canManageUsers = isManager;
/** Who may change the akimat's settings (names, BIN, head, hours, calendar, templates, demo). */
export const canEditSettings = isManager;

/** A user who acts on cases: an officer or the head (an administrator makes no case events). */
export type CaseUser = DeskUser & { role: 'officer' | 'head' };

export function isCaseUser(user: DeskUser): user is CaseUser {
  return user.role === 'officer' || user.role === 'head';
}

/**
 * The role a user acts in on a case. The administrator keeps the desk and its users and makes no
 * case events, so it has none.
 */
export function caseRoleOf(role: UserRole): 'officer' | 'head' | null {
  return role === 'admin' ? null : role;
}

export const USER_ISSUE_CODES = ['required', 'too-long', 'invalid', 'login.format', 'login.taken'] as const;
export type UserIssueCode = (typeof USER_ISSUE_CODES)[number];

export interface UserIssue {
  path: (string | number)[];
  code: UserIssueCode;
}

const SHORT = 300;
const text = z
  .string({ error: 'invalid' })
  .trim()
  .min(1, { error: 'required' })
  .max(SHORT, { error: 'too-long' });

export const userProfileSchema = z.strictObject(
  {
    id: z
      .string({ error: 'invalid' })
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, { error: 'login.format' }),
    fullName: text,
    role: z.enum(USER_ROLES, { error: 'invalid' }),
    position: z.strictObject({ kk: text, ru: text }, { error: 'invalid' }),
  },
  { error: 'invalid' },
);

export type ProfileResult = { ok: true; profile: UserProfile } | { ok: false; issues: UserIssue[] };

const parseProfile = validateWith(userProfileSchema, USER_ISSUE_CODES);

/** Validates what a manager typed (or what the central enrolment sent). */
export function validateProfile(input: unknown): ProfileResult {
  const result = parseProfile(input);
  return result.ok ? { ok: true, profile: result.settings } : result;
}
