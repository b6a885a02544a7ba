/**
 * The cases as the dashboard counts them (MetricCase, dated from the facts the desk keeps per case),
 * read once when the dashboard opens and again when cases change; the period and the grouping the head chose. Only the head's dashboard loads
 * this module, in its own chunk: nothing of it is on the way to the first queue.
 */
import { create } from 'zustand';
import type { IsoDate } from '../../../../shared/calendar';
import {
  metricCaseAt,
  periodOf,
  type Granularity,
  type MetricCase,
  type Period,
  type PeriodPreset,
} from '../../../../shared/metrics';
import { today } from '../../stores/clock';
import { useDesk } from '../../stores/deskStore';
import { useSession } from '../../stores/sessionStore';

interface DashboardState {
  status: 'idle' | 'loading' | 'ready';
  cases: MetricCase[];
  today: IsoDate;
  preset: PeriodPreset | 'custom';
  period: Period | null;
  granularity: Granularity;
  load: () => Promise<void>;
  choosePreset: (preset: PeriodPreset) => void;
  setPeriod: (period: Period) => void;
  setGranularity: (granularity: Granularity) => void;
}

let unsubscribe: (() => void) | undefined;
let reloadTimer: ReturnType<typeof setTimeout> | undefined;

export const useDashboard = create<DashboardState>()((set, get) => ({
  status: 'idle',
  cases: [],
  today: '',
  preset: 'this-month',
  period: null,
  granularity: 'week',

  async load() {
    const { desk, calendar, settings } = useDesk.getState();
    // The head's view: the store checks the signed-in role itself, whatever the screen does.
    if (!desk || !calendar || !settings || useSession.getState().user?.role !== 'head') return;
    if (get().status === 'idle') set({ status: 'loading' });
    unsubscribe ??= desk.cases.onChange(() => {
      clearTimeout(reloadTimer);
      reloadTimer = setTimeout(() => void get().load(), 200);
    });
    const started = performance.now();
    const day = today(settings.officeHours.timeZone);
    try {
      const cases: MetricCase[] = [];
      // The facts kept per case at ingest (version 10), dated for today: never every whole case.
      await desk.cases.eachFacts((facts) => {
        for (const f of facts) cases.push(metricCaseAt(f, calendar, day));
      });
      const { preset, period } = get();
      set({
        status: 'ready',
        cases,
        today: day,
        period:
          preset === 'custom' && period ? period : periodOf(preset === 'custom' ? 'this-month' : preset, day),
      });
      // Reading the projections and deriving their deadlines: what the benchmark reports.
      performance.measure('dashboard:load', { start: started, end: performance.now() });
    } catch (error) {
      useDesk.getState().report(error);
      set({ status: 'ready' });
    }
  },

  choosePreset(preset) {
    set({ preset, period: periodOf(preset, get().today) });
  },

  setPeriod(period) {
    set({ preset: 'custom', period });
  },

  setGranularity(granularity) {
    set({ granularity });
  },
}));

/** After sign-out, or for tests: the next head starts from this month again. */
export function resetDashboard(): void {
  unsubscribe?.();
  unsubscribe = undefined;
  useDashboard.setState({
    status: 'idle',
    cases: [],
    today: '',
    preset: 'this-month',
    period: null,
    granularity: 'week',
  });
}
