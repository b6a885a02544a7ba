/**
 * Version 8: what an officer is typing is kept as a draft, per user, as it is typed (an action
 * dialog's values, a remembered phone, the queue's hidden columns), so that closing a dialog, the
 * tab or the window loses nothing. A new table and nothing to move, so no upgrade function.
 */
export const STORES_V8 = {
  drafts: '[userId+key], userId',
} as const;
