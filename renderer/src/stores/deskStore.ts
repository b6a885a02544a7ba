/**
 * The open database and what every screen needs from it: the settings, the working-day calendar
 * and the desk's users. Storage trouble is kept as a code: `fatal` when the desk cannot open at
 * all, `notice` for a failed write the officer must hear about (the write did not happen; nothing
 * stored was harmed).
 *
 * A new installation starts empty and waits for its administrator (`setup`); the demo is loaded
 * only when someone asks for it, and its code is fetched then (`import()`), never on the way to
 * the first screen of a real desk.
 */
import { create } from 'zustand';
import { canEditSettings, type DeskUser } from '../../../shared/auth';
import type { WorkingDayCalendar } from '../../../shared/calendar';
import type { Settings, SettingsResult } from '../../../shared/settings';
import type { HostBlobStore } from '../../../shared/host';
import { afterFirstScreen } from '../app/firstScreen';
import { openDesk, type Desk, type QueueHead } from '../db';
import type { StorageProblem } from '../i18n/codes';
import { today } from './clock';
import { problemOf } from './problems';
import { useSession } from './sessionStore';

let stopArrivalChecks: (() => void) | undefined;
let headsPrefetch: Promise<QueueHead[]> | undefined;
let unsubscribeCases: (() => void) | undefined;

/**
 * The queue heads read while the desk opened, once; later loads read them afresh. A write to the
 * cases after that read (the background rebuild of an upgrade, which may end before the queue
 * store listens) drops it, so the queue never starts from rows older than the storage.
 */
export function takeHeadsPrefetch(): Promise<QueueHead[]> | undefined {
  const p = headsPrefetch;
  headsPrefetch = undefined;
  return p;
}

export type DeskStatus = 'idle' | 'opening' | 'loading-demo' | 'ready' | 'failed';

/** Why the demo could not be loaded, or the desk emptied. */
export type EmptyDeskOutcome =
  | { ok: true }
  | { ok: false; reason: 'not-allowed' }
  /** Unsent work would be lost: nothing in the UI deletes it. `count` events wait to be sent. */
  | { ok: false; reason: 'outbox-not-empty'; count: number }
  | { ok: false; reason: 'failed' };

export type SaveSettingsOutcome = SettingsResult | { ok: false; refusal: 'not-allowed' };

interface DeskState {
  status: DeskStatus;
  desk: Desk | null;
  settings: Settings | null;
  calendar: WorkingDayCalendar | null;
  /** Every user of the desk (names on cases and filters, the sign-in list, the users settings). */
  users: DeskUser[];
  /** No administrator or head can sign in yet: the first start (or the first start after upgrade 6). */
  setup: boolean;
  /** The desk holds no case: the first start may offer the demo. */
  empty: boolean;
  fatal: StorageProblem | null;
  notice: StorageProblem | null;
  /** `blobs`: the host's file store (Host.blobs), where the files' bytes go when there is one. */
  open: (options?: { name?: string; blobs?: HostBlobStore | null }) => Promise<void>;
  /** Records a failed storage operation for the banner and returns its code. */
  report: (error: unknown) => StorageProblem;
  dismissNotice: () => void;
  /** Only an administrator or the head changes the akimat's settings. */
  saveSettings: (input: unknown) => Promise<SaveSettingsOutcome | undefined>;
  /**
   * Empties the desk and loads the demo cases and demo users: at the first start of an empty desk,
   * or by a manager from the settings. Refused while events wait to be sent.
   */
  openDemo: () => Promise<EmptyDeskOutcome>;
  /** Empties the desk (a manager, leaving the demo): the next screen creates the administrator. */
  emptyDesk: () => Promise<EmptyDeskOutcome>;
  /** Reads the users again (after the directory changed). */
  refreshUsers: () => Promise<void>;
  /** Reads the calendar again after a year file was imported or removed (deadlines move with it). */
  refreshCalendar: () => Promise<void>;
}

export const useDesk = create<DeskState>()((set, get) => {
  let unsubscribeUsers: (() => void) | undefined;

  function lockAfterMs(settings: Settings): number {
    return settings.lockAfterMinutes * 60_000;
  }

  /** Settings, users and calendar as stored now, after the desk was emptied or reloaded. */
  async function reread(desk: Desk): Promise<void> {
    const [settings, users, setup, count] = await Promise.all([
      desk.settings.get(),
      desk.users.list(),
      desk.users.needsSetup(),
      desk.cases.count(),
    ]);
    set({ settings, users, setup, empty: count === 0, calendar: await desk.calendar.get() });
    useSession.getState().restore(users, lockAfterMs(settings));
  }

  /** Empties the desk after the checks both ways out share; `then` fills it again (or not). */
  async function emptyThen(
    then: (desk: Desk, settings: Settings) => Promise<void>,
  ): Promise<EmptyDeskOutcome> {
    const { desk, settings, setup, empty } = get();
    if (!desk || !settings) return { ok: false, reason: 'failed' };
    // At the first start of an empty desk whoever installs it may try the demo; afterwards only a manager.
    if (!(setup && empty) && !canEditSettings(useSession.getState().user))
      return { ok: false, reason: 'not-allowed' };
    try {
      // Events made on this desk and not yet accepted by the central system are never thrown away
      // (clearAll checks again inside its transaction).
      const check = await desk.canClear();
      if (!check.ok) return { ok: false, reason: 'outbox-not-empty', count: check.unsent };
      set({ status: 'loading-demo' });
      await then(desk, settings);
      useSession.getState().signOut();
      await reread(desk);
      return { ok: true };
    } catch (error) {
      get().report(error);
      return { ok: false, reason: 'failed' };
    } finally {
      set({ status: 'ready' });
    }
  }

  return {
    status: 'idle',
    desk: null,
    settings: null,
    calendar: null,
    users: [],
    setup: false,
    empty: false,
    fatal: null,
    notice: null,

    async open(options) {
      if (get().status === 'opening' || get().status === 'loading-demo') return;
      set({ status: 'opening', fatal: null });
      try {
        const desk = await openDesk(options);
        const [settings, users, setup] = await Promise.all([
          desk.settings.get(),
          desk.users.list(),
          desk.users.needsSetup(),
        ]);
        performance.mark('desk:db-open');
        // The queue heads (its first screen) are read now, alongside the calendar and the first
        // render, and the queue store takes them. The background rebuild can write cases before the
        // queue store listens: any write drops the prefetch (the store then reads afresh).
        unsubscribeCases?.();
        headsPrefetch = undefined;
        unsubscribeCases = desk.cases.onChange(() => {
          headsPrefetch = undefined;
        });
        if (!setup) {
          headsPrefetch = desk.cases.heads();
          headsPrefetch.catch(() => undefined);
        }
        const empty = setup ? (await desk.cases.count()) === 0 : false;
        const calendar = await desk.calendar.get();
        // Whoever was signed in in this tab is back before the first screen, so a reload goes
        // straight to their queue (or their lock screen) instead of flashing the sign-in form.
        useSession.getState().restore(users, lockAfterMs(settings));
        unsubscribeUsers?.();
        unsubscribeUsers = desk.users.onChange(() => void get().refreshUsers());
        set({ status: 'ready', desk, settings, calendar, users, setup, empty });
        performance.mark('desk:ready');
        // The applicants' signed files verified in the background as cases arrive (and once on
        // start for those not checked yet). Its code loads, and its first run reads the stored
        // cases, after the first screen: begun at once they competed with drawing the queue.
        afterFirstScreen(() => {
          void import('../features/documents/arrivalChecks')
            .then(async ({ startArrivalChecks }) => {
              const { fileReaders } = await import('../features/documents/fileChecks');
              stopArrivalChecks?.();
              const checks = startArrivalChecks(desk, fileReaders);
              stopArrivalChecks = () => checks.stop();
            })
            .catch(() => undefined);
        });
      } catch (error) {
        set({ status: 'failed', fatal: problemOf(error) });
      }
    },

    report(error) {
      const problem = problemOf(error);
      set({ notice: problem });
      return problem;
    },

    dismissNotice() {
      set({ notice: null });
    },

    async saveSettings(input) {
      const { desk } = get();
      if (!desk) return undefined;
      if (!canEditSettings(useSession.getState().user)) return { ok: false, refusal: 'not-allowed' };
      try {
        const result = await desk.settings.save(input);
        if (result.ok) {
          const calendar = await desk.calendar.get();
          set({ settings: result.settings, calendar });
        }
        return result;
      } catch (error) {
        get().report(error);
        return undefined;
      }
    },

    async refreshUsers() {
      const { desk, settings } = get();
      if (!desk || !settings) return;
      try {
        const [users, setup] = await Promise.all([desk.users.list(), desk.users.needsSetup()]);
        set({ users, setup });
        // A signed-in user who was just deactivated, or changed, is taken from the new list.
        useSession.getState().restore(users, lockAfterMs(settings));
      } catch (error) {
        get().report(error);
      }
    },

    async refreshCalendar() {
      const { desk } = get();
      if (!desk) return;
      try {
        set({ calendar: await desk.calendar.get() });
      } catch (error) {
        get().report(error);
      }
    },

    openDemo: () =>
      emptyThen(async (desk, settings) => {
        // Fetched only now: a real desk never downloads or parses the demo.
        const [{ resetDemoData }, { DEMO_USERS }] = await Promise.all([
          import('../demo'),
          import('../../../shared/auth/demo-users'),
        ]);
        await resetDemoData(desk, { today: today(settings.officeHours.timeZone) });
        const made = await desk.users.createDemoUsers(DEMO_USERS);
        if (!made.ok) throw new Error('the demo users were refused');
      }),

    emptyDesk: () => emptyThen((desk) => desk.clearAll()),
  };
});
