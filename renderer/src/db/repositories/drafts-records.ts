/** Version 8: one draft of one user (renderer/src/db/repositories/drafts.ts). */
export interface DraftRecord {
  userId: string;
  /** What the draft belongs to: `action:<caseId>:<type>`, `form:<caseId>:<form>.<lang>`, `pref:<name>` (drafts.ts names them). */
  key: string;
  /** Structured-cloneable: form values, a phone, a list of hidden columns. */
  value: unknown;
  /** ISO 8601: when it was last typed. */
  savedAt: string;
}
