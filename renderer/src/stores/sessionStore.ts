/**
 * Who works at the desk now, and whether the desk is locked. Nobody gets here by picking a name:
 * `signIn` is called by app/session.ts only after the user directory verified the person's secret.
 * Remembered for the tab (sessionStorage), so a reload keeps the person signed in; a reload after
 * the inactivity limit comes back locked, and a new window asks again.
 */
import { create } from 'zustand';
import { caseRoleOf, type DeskUser } from '../../../shared/auth';
import type { Actor } from '../../../shared/workflow';
import type { ActionType } from './eventFactory';

const KEY = 'desk.session';
/** Activity is noted at most this often: a key press per second is plenty to know someone is there. */
const TOUCH_EVERY_MS = 1000;
/** A confirmed identity counts for the one head-only action it was asked for, and not for long. */
export const STEP_UP_VALID_MS = 2 * 60_000;

interface Remembered {
  userId: string;
  lastActiveAt: number;
  locked: boolean;
}

function remember(value: Remembered | null): void {
  if (value) globalThis.sessionStorage?.setItem(KEY, JSON.stringify(value));
  else globalThis.sessionStorage?.removeItem(KEY);
}

function remembered(): Remembered | undefined {
  try {
    const v = JSON.parse(globalThis.sessionStorage?.getItem(KEY) ?? 'null') as Partial<Remembered> | null;
    if (v && typeof v.userId === 'string' && typeof v.lastActiveAt === 'number')
      return { userId: v.userId, lastActiveAt: v.lastActiveAt, locked: v.locked === true };
  } catch {
    // Garbage in the tab's storage: nobody is signed in.
  }
  return undefined;
}

interface SessionState {
  user: DeskUser | null;
  locked: boolean;
  /** Epoch milliseconds of the last key press, click or scroll while signed in. */
  lastActiveAt: number;
  /**
   * When this person signed in with their secret in this window (not set when a reload restores
   * them): the deadline notice is shown at every sign-in.
   */
  signedInAt: number | null;
  /** The proof that the signed-in user just typed their secret again (step-up). */
  stepUp: { userId: string; at: number } | null;
  /** After the directory verified `user`'s secret (app/session.ts). */
  signIn: (user: DeskUser, now?: number) => void;
  signOut: () => void;
  lock: () => void;
  /** After the directory verified the locked user's secret again. */
  unlock: (now?: number) => void;
  /** Someone is at the desk. */
  touch: (now?: number) => void;
  /**
   * Takes the remembered user back from the current list (they may have been deactivated or lost
   * their secret since); locked when the tab was left longer than `lockAfterMs`.
   */
  restore: (users: readonly DeskUser[], lockAfterMs: number, now?: number) => void;
  grantStepUp: (userId: string, now?: number) => void;
  /** True once per confirmation, for the signed-in user, within STEP_UP_VALID_MS. */
  takeStepUp: (userId: string, now?: number) => boolean;
}

const canSignIn = (u: DeskUser | undefined): u is DeskUser => !!u && u.active && u.hasSecret;

export const useSession = create<SessionState>()((set, get) => ({
  user: null,
  locked: false,
  lastActiveAt: 0,
  signedInAt: null,
  stepUp: null,

  signIn(user, now = Date.now()) {
    remember({ userId: user.id, lastActiveAt: now, locked: false });
    set({ user, locked: false, lastActiveAt: now, signedInAt: now, stepUp: null });
  },
  signOut() {
    remember(null);
    set({ user: null, locked: false, signedInAt: null, stepUp: null });
  },
  lock() {
    const { user, lastActiveAt } = get();
    if (!user) return;
    remember({ userId: user.id, lastActiveAt, locked: true });
    set({ locked: true, stepUp: null });
  },
  unlock(now = Date.now()) {
    const { user } = get();
    if (!user) return;
    remember({ userId: user.id, lastActiveAt: now, locked: false });
    set({ locked: false, lastActiveAt: now });
  },
  touch(now = Date.now()) {
    const { user, locked, lastActiveAt } = get();
    if (!user || locked || now - lastActiveAt < TOUCH_EVERY_MS) return;
    remember({ userId: user.id, lastActiveAt: now, locked: false });
    set({ lastActiveAt: now });
  },
  restore(users, lockAfterMs, now = Date.now()) {
    const current = get().user;
    const saved = current
      ? { userId: current.id, lastActiveAt: get().lastActiveAt, locked: get().locked }
      : remembered();
    const user = saved ? users.find((u) => u.id === saved.userId) : undefined;
    if (!saved || !canSignIn(user)) {
      if (saved) get().signOut();
      return;
    }
    const locked = saved.locked || now - saved.lastActiveAt >= lockAfterMs;
    remember({ ...saved, locked });
    set({ user, locked, lastActiveAt: saved.lastActiveAt });
  },
  grantStepUp(userId, now = Date.now()) {
    if (get().user?.id === userId) set({ stepUp: { userId, at: now } });
  },
  takeStepUp(userId, now = Date.now()) {
    const { stepUp, user, locked } = get();
    set({ stepUp: null });
    return (
      !!stepUp &&
      !locked &&
      user?.id === userId &&
      stepUp.userId === userId &&
      now - stepUp.at < STEP_UP_VALID_MS
    );
  },
}));

/** The head's decisions (order 225, paragraph 23): approving and returning need the head's own secret again. */
export const STEP_UP_ACTIONS: readonly ActionType[] = ['approved', 'returned'];

export function requiresStepUp(type: ActionType): boolean {
  return STEP_UP_ACTIONS.includes(type);
}

/**
 * The actor of the case events the signed-in user makes: their own id and role, never another's.
 * Null for the administrator, who keeps the desk and makes no case events.
 */
export function actorOf(user: DeskUser): Actor | null {
  const role = caseRoleOf(user.role);
  return role ? { userId: user.id, role } : null;
}
