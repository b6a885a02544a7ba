import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEMO_USERS } from '../../../shared/auth/demo-users';
import { DEMO_SETTINGS } from '../../../shared/settings';
import { uniqueName } from '../db/testing';
import type * as Demo from '../demo';
import { useCase } from '../stores/caseStore';
import { setClockForTests } from '../stores/clock';
import { useDesk } from '../stores/deskStore';
import { NOW } from '../stores/fixtures';
import { resetQueueStore } from '../stores/queueStore';
import { useSession } from '../stores/sessionStore';
import { confirmIdentity, signIn, unlock } from './session';

// The demo module is what "open the demo" fetches; here it loads the committed files instead of
// fetching them from a build, and counts how often it was asked for.
const demoLoads = vi.hoisted(() => ({ count: 0 }));
vi.mock('../demo', async (importOriginal) => {
  const real = await importOriginal<typeof Demo>();
  const { committedDemoFiles } = await import('../demo/files/committed');
  return {
    ...real,
    resetDemoData: (
      desk: Parameters<typeof real.resetDemoData>[0],
      options: Parameters<typeof real.resetDemoData>[1],
    ) => {
      demoLoads.count += 1;
      return real.resetDemoData(desk, { ...options, files: committedDemoFiles() });
    },
  };
});

const pin = (id: string) => DEMO_USERS.find((u) => u.profile.id === id)!.pin;

beforeEach(async () => {
  setClockForTests(() => new Date(NOW));
  demoLoads.count = 0;
  useSession.getState().signOut();
  useDesk.setState({ status: 'idle', desk: null });
  await useDesk.getState().open({ name: uniqueName('auth') });
});

afterEach(() => {
  resetQueueStore();
  useDesk.getState().desk?.close();
});

async function openTheDemo() {
  expect(await useDesk.getState().openDemo()).toEqual({ ok: true });
}

describe('the first start', () => {
  it('opens a new desk empty, waiting for its administrator, without loading the demo', async () => {
    const { desk, setup, empty, users, status } = useDesk.getState();
    expect({ setup, empty, users, status }).toEqual({ setup: true, empty: true, users: [], status: 'ready' });
    expect(await desk!.cases.count()).toBe(0);
    expect(demoLoads.count).toBe(0);
  });

  it('opens the demo when asked: demo cases and demo users, nobody signed in yet', async () => {
    await openTheDemo();
    const { desk, setup, users } = useDesk.getState();
    expect(demoLoads.count).toBe(1);
    expect(setup).toBe(false);
    expect(users.map((u) => u.id).sort()).toEqual(DEMO_USERS.map((u) => u.profile.id).sort());
    expect(users.every((u) => u.demo && u.hasSecret)).toBe(true);
    expect(await desk!.cases.count()).toBeGreaterThan(150);
    expect(useSession.getState().user).toBeNull();
  });
});

describe('signing in and the akimat’s settings', () => {
  beforeEach(openTheDemo);

  it('refuses a wrong secret with its reason and signs in with the right one', async () => {
    expect(await signIn('officer-1', pin('head-1'))).toEqual({
      ok: false,
      reason: 'wrong-secret',
      retryAfterMs: 0,
    });
    expect(useSession.getState().user).toBeNull();
    expect(await signIn('officer-1', pin('officer-1'))).toEqual({ ok: true });
    expect(useSession.getState().user).toMatchObject({ id: 'officer-1', role: 'officer' });
  });

  it('lets only an administrator or the head save the settings or reset the demo', async () => {
    const input = { ...structuredClone(DEMO_SETTINGS), lockAfterMinutes: 5 };
    await signIn('officer-1', pin('officer-1'));
    expect(await useDesk.getState().saveSettings(input)).toEqual({ ok: false, refusal: 'not-allowed' });
    expect(await useDesk.getState().openDemo()).toEqual({ ok: false, reason: 'not-allowed' });
    expect(await useDesk.getState().emptyDesk()).toEqual({ ok: false, reason: 'not-allowed' });
    expect((await useDesk.getState().desk!.settings.get()).lockAfterMinutes).toBe(10);

    await signIn('head-1', pin('head-1'));
    expect(await useDesk.getState().saveSettings(input)).toMatchObject({ ok: true });
    expect(useDesk.getState().settings?.lockAfterMinutes).toBe(5);
  });

  it('unlocks only with the locked person’s own secret', async () => {
    await signIn('officer-1', pin('officer-1'));
    useSession.getState().lock();
    expect(await unlock(pin('officer-2'))).toMatchObject({ ok: false, reason: 'wrong-secret' });
    expect(useSession.getState().locked).toBe(true);
    expect(await unlock(pin('officer-1'))).toEqual({ ok: true });
    expect(useSession.getState()).toMatchObject({ locked: false, user: { id: 'officer-1' } });
  });

  it('empties a demo desk for real work, which then waits for its administrator', async () => {
    await signIn('admin', pin('admin'));
    expect(await useDesk.getState().emptyDesk()).toEqual({ ok: true });
    expect(useDesk.getState()).toMatchObject({ setup: true, empty: true, users: [] });
    expect(useSession.getState().user).toBeNull();
  });
});

describe('the head’s approval', () => {
  beforeEach(openTheDemo);

  async function caseAwaitingApproval(): Promise<string> {
    const { rows } = await useDesk.getState().desk!.cases.list({ stages: ['approval'] });
    const caseId = rows[0]!.caseId;
    await useCase.getState().load(caseId);
    return caseId;
  }

  it('is made only after the head typed their own secret again, once', async () => {
    await signIn('head-1', pin('head-1'));
    const caseId = await caseAwaitingApproval();

    expect(await useCase.getState().act('approved', {})).toEqual({ ok: false, stepUp: true });
    expect(await confirmIdentity('head-1', pin('officer-1'))).toMatchObject({
      ok: false,
      reason: 'wrong-secret',
    });
    expect(await useCase.getState().act('approved', {})).toEqual({ ok: false, stepUp: true });
    expect(await confirmIdentity('officer-1', pin('officer-1'))).toMatchObject({
      ok: false,
      reason: 'other-user',
    });

    expect(await confirmIdentity('head-1', pin('head-1'))).toEqual({ ok: true });
    expect(await useCase.getState().act('approved', {})).toEqual({ ok: true });
    const stored = await useDesk.getState().desk!.cases.get(caseId);
    expect(stored?.state.stage).toBe('ready-to-send');
    expect(stored?.events.at(-1)).toMatchObject({
      type: 'approved',
      actor: { userId: 'head-1', role: 'head' },
    });
  });

  it('refuses an empty-desk request while events wait in the outbox, and says how many', async () => {
    await signIn('head-1', pin('head-1'));
    await caseAwaitingApproval();
    await confirmIdentity('head-1', pin('head-1'));
    await useCase.getState().act('approved', {});
    expect(await useDesk.getState().openDemo()).toEqual({ ok: false, reason: 'outbox-not-empty', count: 1 });
    expect(await useDesk.getState().emptyDesk()).toEqual({ ok: false, reason: 'outbox-not-empty', count: 1 });
  });
});
