/**
 * Who works at the desk: a user from the settings' local list (real authentication comes with
 * sync). Remembered for the tab only (sessionStorage): a reload keeps the officer signed in,
 * a new window asks again.
 */
import { create } from 'zustand';
import type { SettingsUser } from '../../../shared/settings';
import type { Actor } from '../../../shared/workflow';

const KEY = 'desk.user';

interface SessionState {
  user: SettingsUser | null;
  signIn: (user: SettingsUser) => void;
  signOut: () => void;
  /** Picks the remembered user again from the current list (it may have been removed or changed). */
  restore: (users: readonly SettingsUser[]) => void;
}

export const useSession = create<SessionState>()((set) => ({
  user: null,
  signIn(user) {
    globalThis.sessionStorage?.setItem(KEY, user.id);
    set({ user });
  },
  signOut() {
    globalThis.sessionStorage?.removeItem(KEY);
    set({ user: null });
  },
  restore(users) {
    const id = globalThis.sessionStorage?.getItem(KEY);
    set({ user: users.find((u) => u.id === id) ?? null });
  },
}));

export function actorOf(user: SettingsUser): Actor {
  return { userId: user.id, role: user.role };
}
