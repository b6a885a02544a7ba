/**
 * Whether the desk offers to tell about deadlines as browser notifications. The browser asks the
 * person only when the desk calls `requestPermission`, and the desk does so only from the offer's
 * button (a user gesture, never on load: browsers distrust pages that ask unprompted). A refusal —
 * the browser's "block" or the officer's "no, thanks" — is remembered per user in the drafts
 * (`pref:browser-notify`), so the offer is not made again. What is shown is counts only (the host's
 * notify, useDeadlineNotice): no name, IIN or case number ever goes into a notification.
 */
export const BROWSER_NOTIFY_KEY = 'pref:browser-notify';

/** What the desk uses of the page's Notification API (so tests need no browser). */
export interface PermissionLike {
  permission: () => NotificationPermission;
  request: () => Promise<NotificationPermission>;
}

export function pagePermission(): PermissionLike | null {
  if (typeof Notification === 'undefined') return null;
  return {
    permission: () => Notification.permission,
    request: () => Notification.requestPermission(),
  };
}

export type Offer = 'offer' | 'granted' | 'none';

/**
 * 'offer' only in the browser build, where notifications exist, the browser has not decided yet
 * and this user has not refused; 'granted' when they are on; 'none' otherwise (the Electron desk
 * shows OS notifications through its host without asking).
 */
export function offerOf(options: {
  hostKind: string;
  permission: NotificationPermission | null;
  refused: boolean;
}): Offer {
  if (options.hostKind !== 'browser' || options.permission === null) return 'none';
  if (options.permission === 'granted') return 'granted';
  if (options.permission === 'denied' || options.refused) return 'none';
  return 'offer';
}

/** The stored refusal read back: only the value the desk writes counts. */
export function isRefusal(stored: unknown): boolean {
  return stored === 'refused';
}
