/**
 * What the users screens show about a directory's answer, as field errors and sentences: pure, so
 * every refusal and issue is tested in both languages without a DOM.
 */
import type { TFunction } from 'i18next';
import type { DeskUser, DirectoryResult } from '../../../../shared/auth';

/** The fields of a user's form, by the path the directory's issues name. */
export const PROFILE_FIELDS = ['id', 'fullName', 'role', 'position.kk', 'position.ru'] as const;
export const SECRET_FIELDS = ['secret', 'repeat'] as const;
export type UserField = (typeof PROFILE_FIELDS)[number] | (typeof SECRET_FIELDS)[number];

export interface Shown {
  /** One line for the whole form (empty when the fields say it all). */
  text: string;
  fields: Partial<Record<UserField, string>>;
}

/** A refused or invalid change, as the form shows it. */
export function directoryFailure(
  t: TFunction,
  result: Exclude<DirectoryResult<unknown>, { ok: true }>,
): Shown {
  if ('refusal' in result) return { text: t(`auth.refusal.${result.refusal}`), fields: {} };
  if ('secret' in result) return { text: '', fields: { secret: t(`auth.secretIssue.${result.secret}`) } };
  const fields: Shown['fields'] = {};
  for (const issue of result.issues) {
    const path = issue.path.join('.');
    const field = (PROFILE_FIELDS as readonly string[]).includes(path) ? (path as UserField) : undefined;
    if (field) fields[field] ??= t(`auth.userIssue.${issue.code}`);
  }
  // An issue about no field in the form (a malformed whole) still gets a line.
  const text = Object.keys(fields).length === 0 ? t('auth.userIssue.invalid') : '';
  return { text, fields };
}

/** The words in a user's status column. */
export function userStatus(t: TFunction, user: DeskUser): string {
  const parts = [t(user.active ? 'auth.users.status.active' : 'auth.users.status.inactive')];
  if (!user.hasSecret) parts.push(t('auth.users.status.noSecret'));
  if (user.demo) parts.push(t('auth.users.status.demo'));
  return parts.join(' · ');
}

/** The desk needs an active head who can sign in to approve decisions (order 225, paragraph 23). */
export function hasActiveHead(users: readonly DeskUser[]): boolean {
  return users.some((u) => u.role === 'head' && u.active && u.hasSecret);
}
