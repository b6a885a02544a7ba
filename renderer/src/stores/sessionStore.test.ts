import { beforeEach, describe, expect, it } from 'vitest';
import { actorOf, requiresStepUp, STEP_UP_VALID_MS, useSession } from './sessionStore';
import { DEMO_DESK_USERS, user } from './fixtures';

const T0 = Date.parse('2026-11-24T05:00:00.000Z');
const TEN_MINUTES = 10 * 60_000;
const admin = DEMO_DESK_USERS.find((u) => u.role === 'admin')!;

class MemoryStorage {
  private readonly items = new Map<string, string>();
  getItem = (k: string) => this.items.get(k) ?? null;
  setItem = (k: string, v: string) => void this.items.set(k, v);
  removeItem = (k: string) => void this.items.delete(k);
}

beforeEach(() => {
  Object.defineProperty(globalThis, 'sessionStorage', { value: new MemoryStorage(), configurable: true });
  useSession.setState({ user: null, locked: false, lastActiveAt: 0, stepUp: null });
});

/** A new tab of the same browser session: the store forgets, sessionStorage remembers. */
function reloadTab() {
  useSession.setState({ user: null, locked: false, lastActiveAt: 0, stepUp: null });
}

describe('the actor of case events', () => {
  it('is the signed-in officer or head, and nobody for the administrator', () => {
    expect(actorOf(user('officer-1'))).toEqual({ userId: 'officer-1', role: 'officer' });
    expect(actorOf(user('head-1'))).toEqual({ userId: 'head-1', role: 'head' });
    expect(actorOf(admin)).toBeNull();
  });
});

describe('the session after a reload', () => {
  it('keeps the person signed in within the lock limit and comes back locked after it', () => {
    useSession.getState().signIn(user('officer-1'), T0);
    reloadTab();
    useSession.getState().restore(DEMO_DESK_USERS, TEN_MINUTES, T0 + 60_000);
    expect(useSession.getState()).toMatchObject({ user: { id: 'officer-1' }, locked: false });

    reloadTab();
    useSession.getState().restore(DEMO_DESK_USERS, TEN_MINUTES, T0 + TEN_MINUTES);
    expect(useSession.getState()).toMatchObject({ user: { id: 'officer-1' }, locked: true });
    // Locked stays locked through another reload, however soon.
    reloadTab();
    useSession.getState().restore(DEMO_DESK_USERS, TEN_MINUTES, T0 + TEN_MINUTES + 1);
    expect(useSession.getState().locked).toBe(true);
  });

  it('signs out a person who was deactivated, lost their secret or disappeared meanwhile', () => {
    for (const changed of [
      DEMO_DESK_USERS.map((u) => (u.id === 'officer-1' ? { ...u, active: false } : u)),
      DEMO_DESK_USERS.map((u) => (u.id === 'officer-1' ? { ...u, hasSecret: false } : u)),
      DEMO_DESK_USERS.filter((u) => u.id !== 'officer-1'),
    ]) {
      useSession.getState().signIn(user('officer-1'), T0);
      useSession.getState().restore(changed, TEN_MINUTES, T0 + 1000);
      expect(useSession.getState().user).toBeNull();
      reloadTab();
      useSession.getState().restore(DEMO_DESK_USERS, TEN_MINUTES, T0 + 1000);
      expect(useSession.getState().user).toBeNull();
    }
  });

  it('takes a role changed by a manager from the new list', () => {
    useSession.getState().signIn(user('officer-1'), T0);
    const promoted = DEMO_DESK_USERS.map((u) => (u.id === 'officer-1' ? { ...u, role: 'head' as const } : u));
    useSession.getState().restore(promoted, TEN_MINUTES, T0 + 1000);
    expect(useSession.getState().user?.role).toBe('head');
  });

  it('notes activity at most once a second, and never while locked', () => {
    useSession.getState().signIn(user('officer-1'), T0);
    useSession.getState().touch(T0 + 500);
    expect(useSession.getState().lastActiveAt).toBe(T0);
    useSession.getState().touch(T0 + 1500);
    expect(useSession.getState().lastActiveAt).toBe(T0 + 1500);
    useSession.getState().lock();
    useSession.getState().touch(T0 + 5000);
    expect(useSession.getState().lastActiveAt).toBe(T0 + 1500);
  });
});

describe('the step-up proof', () => {
  it('is needed for the head’s decisions only', () => {
    expect(requiresStepUp('approved')).toBe(true);
    expect(requiresStepUp('returned')).toBe(true);
    expect(requiresStepUp('sent-for-approval')).toBe(false);
    expect(requiresStepUp('registered')).toBe(false);
  });

  it('counts once, for the signed-in user, while fresh and unlocked', () => {
    const session = useSession.getState;
    session().signIn(user('head-1'), T0);
    expect(session().takeStepUp('head-1', T0)).toBe(false);

    session().grantStepUp('head-1', T0);
    expect(session().takeStepUp('head-1', T0 + 1000)).toBe(true);
    expect(session().takeStepUp('head-1', T0 + 2000)).toBe(false);

    session().grantStepUp('head-1', T0);
    expect(session().takeStepUp('head-1', T0 + STEP_UP_VALID_MS)).toBe(false);

    session().grantStepUp('officer-1', T0);
    expect(session().takeStepUp('officer-1', T0)).toBe(false);

    session().grantStepUp('head-1', T0);
    session().lock();
    session().unlock(T0 + 10);
    expect(session().takeStepUp('head-1', T0 + 20)).toBe(false);

    session().grantStepUp('head-1', T0);
    session().signOut();
    session().signIn(user('head-1'), T0 + 10);
    expect(session().takeStepUp('head-1', T0 + 20)).toBe(false);
  });
});
