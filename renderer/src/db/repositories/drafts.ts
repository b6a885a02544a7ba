/**
 * Drafts: what a person typed and has not saved as an event yet, and what the desk remembers for
 * that person (a phone, the queue's columns). Kept per user, so the next person at the same desk
 * never sees them. Writes are cheap (one record) and made as the officer types.
 */
import type { DeskDatabase } from '../database';
import { guarded } from '../errors';

export interface DraftRepository {
  get(userId: string, key: string): Promise<unknown>;
  /** Stores the value; `savedAt` is now. */
  put(userId: string, key: string, value: unknown): Promise<void>;
  remove(userId: string, key: string): Promise<void>;
  /** The keys of a user's drafts that start with `prefix`, e.g. every draft of one case. */
  keys(userId: string, prefix?: string): Promise<string[]>;
}

/** The key of an action dialog's draft: one per user, case and action. */
export function actionDraftKey(caseId: string, action: string): string {
  return `action:${caseId}:${action}`;
}

/** The key of an official form's draft: one per user, case, form and language. */
export function formDraftKey(caseId: string, form: string, language: string): string {
  return `form:${caseId}:${form}.${language}`;
}

/** The officer's phone as last typed in a form (the executor of the school request), per user. */
export const PHONE_KEY = 'pref:phone';

export function createDraftRepository(db: DeskDatabase): DraftRepository {
  return {
    get: (userId, key) => guarded(async () => (await db.drafts.get([userId, key]))?.value),
    put: (userId, key, value) =>
      guarded(async () => {
        await db.drafts.put({ userId, key, value, savedAt: new Date().toISOString() });
      }),
    remove: (userId, key) => guarded(() => db.drafts.delete([userId, key])),
    keys: (userId, prefix = '') =>
      guarded(async () => {
        const records = await db.drafts.where('userId').equals(userId).toArray();
        return records.map((r) => r.key).filter((k) => k.startsWith(prefix));
      }),
  };
}
