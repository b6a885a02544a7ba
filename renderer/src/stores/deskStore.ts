/**
 * The open database and what every screen needs from it: the settings and the working-day calendar.
 * Storage trouble is kept as a code: `fatal` when the desk cannot open at all, `notice` for a failed
 * write the officer must hear about (the write did not happen; nothing stored was harmed).
 */
import { create } from 'zustand';
import type { WorkingDayCalendar } from '../../../shared/calendar';
import type { Settings, SettingsResult } from '../../../shared/settings';
import { openDesk, type CaseListRow, type Desk } from '../db';
import { loadDemoData, resetDemoData } from '../demo';
import type { StorageProblem } from '../i18n/codes';
import { today } from './clock';
import { problemOf } from './problems';
import { useSession } from './sessionStore';

let rowsPrefetch: Promise<CaseListRow[]> | undefined;

/** The queue rows read while the desk opened, once; later loads read them afresh. */
export function takeRowsPrefetch(): Promise<CaseListRow[]> | undefined {
  const p = rowsPrefetch;
  rowsPrefetch = undefined;
  return p;
}

export type DeskStatus = 'idle' | 'opening' | 'loading-demo' | 'ready' | 'failed';

interface DeskState {
  status: DeskStatus;
  desk: Desk | null;
  settings: Settings | null;
  calendar: WorkingDayCalendar | null;
  fatal: StorageProblem | null;
  notice: StorageProblem | null;
  open: (options?: { name?: string }) => Promise<void>;
  /** Records a failed storage operation for the banner and returns its code. */
  report: (error: unknown) => StorageProblem;
  dismissNotice: () => void;
  saveSettings: (input: unknown) => Promise<SettingsResult | undefined>;
  resetDemo: () => Promise<boolean>;
  /** Reads the calendar again after a year file was imported or removed (deadlines move with it). */
  refreshCalendar: () => Promise<void>;
}

export const useDesk = create<DeskState>()((set, get) => ({
  status: 'idle',
  desk: null,
  settings: null,
  calendar: null,
  fatal: null,
  notice: null,

  async open(options) {
    if (get().status === 'opening' || get().status === 'loading-demo') return;
    set({ status: 'opening', fatal: null });
    try {
      const desk = await openDesk(options);
      const settings = await desk.settings.get();
      // First start: an empty desk gets the demo cases so the office can try every stage at once.
      performance.mark('desk:db-open');
      if ((await desk.cases.count()) === 0) {
        set({ status: 'loading-demo' });
        await loadDemoData(desk, { today: today(settings.officeHours.timeZone) });
      }
      // Reading every queue row is the slowest step of opening the desk; it starts now, alongside
      // the calendar and the first render, and the queue store takes it (nothing can change a
      // case before anyone is signed in, so it cannot be stale).
      rowsPrefetch = desk.cases.listAll();
      rowsPrefetch.catch(() => undefined);
      const calendar = await desk.calendar.get();
      // Whoever was signed in in this tab is back before the first screen, so a reload goes straight
      // to their queue instead of flashing the sign-in list.
      useSession.getState().restore(settings.users);
      set({ status: 'ready', desk, settings, calendar });
      performance.mark('desk:ready');
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

  async refreshCalendar() {
    const { desk } = get();
    if (!desk) return;
    try {
      set({ calendar: await desk.calendar.get() });
    } catch (error) {
      get().report(error);
    }
  },

  async resetDemo() {
    const { desk, settings } = get();
    if (!desk || !settings) return false;
    try {
      await resetDemoData(desk, { today: today(settings.officeHours.timeZone) });
      const fresh = await desk.settings.get();
      set({ settings: fresh, calendar: await desk.calendar.get() });
      return true;
    } catch (error) {
      get().report(error);
      return false;
    }
  },
}));
