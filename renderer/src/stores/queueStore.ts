/**
 * Every case's light row, held in memory so that filtering and searching 10,000 cases is a loop
 * over an array rather than a database query per keystroke. Reloaded when this window's storage
 * says cases changed (db/changes.ts is an in-process feed: another window's writes are seen at the
 * next load, not as they happen).
 */
import { create } from 'zustand';
import type { IsoDate } from '../../../shared/calendar';
import { firstScreenShown, whenIdle } from '../app/firstScreen';
import {
  buildSearchIndex,
  EMPTY_FILTER,
  prepareRows,
  sortRows,
  type DeskRow,
  type QueueFilter,
  type QueueSourceRow,
  type SortKey,
} from '../features/queue/queueModel';
import { hiddenColumnsOf, type ColumnKey } from '../features/queue/columns';
import { today } from './clock';
import { takeRowsPrefetch, useDesk } from './deskStore';
import { useSession } from './sessionStore';

export type QueueFilters = Omit<QueueFilter, 'queue'>;

interface QueueState {
  status: 'idle' | 'loading' | 'ready';
  sorted: DeskRow[];
  schools: string[];
  sort: SortKey;
  filters: QueueFilters;
  today: IsoDate;
  load: () => Promise<void>;
  setFilters: (patch: Partial<QueueFilters>) => void;
  setSort: (sort: SortKey) => void;
  /** Columns the signed-in person hid (remembered per user through the drafts repository). */
  hidden: ColumnKey[];
  loadColumns: (userId: string) => Promise<void>;
  toggleColumn: (userId: string, column: ColumnKey) => void;
  /** Sign-out: the next person starts with no search, no filters, no scroll, their own columns. */
  forgetUser: () => void;
}

/** Where each queue's list was scrolled, kept outside the state so scrolling re-renders nothing. */
const scrolled = new Map<string, number>();
export const queueScroll = {
  get: (queue: string): number => scrolled.get(queue) ?? 0,
  set: (queue: string, top: number): void => void scrolled.set(queue, top),
};

const COLUMNS_KEY = 'pref:queue-columns';

/** The case ids of the queue last shown, in its order: what "next case" walks through. */
let shownOrder: readonly string[] = [];
export function rememberShownOrder(ids: readonly string[]): void {
  shownOrder = ids;
}

/** The cases before and after `caseId` in the queue the officer came from. */
export function neighbours(caseId: string): { previous?: string; next?: string } {
  const i = shownOrder.indexOf(caseId);
  if (i < 0) return {};
  const previous = shownOrder[i - 1];
  const next = shownOrder[i + 1];
  return { ...(previous ? { previous } : {}), ...(next ? { next } : {}) };
}

let prepared: DeskRow[] = [];
let warming = 0;

/** Builds the search words in idle slices after the queue is drawn; a newer load stops an older one. */
function warmSearch(rows: DeskRow[]): void {
  const run = ++warming;
  const slice = (start: number) => {
    if (run !== warming) return;
    const next = buildSearchIndex(rows, start, 8);
    if (next < rows.length) whenIdle(() => slice(next), 500);
    else performance.mark('desk:search-ready');
  };
  void firstScreenShown.then(() => whenIdle(() => slice(0), 500));
}
let unsubscribe: (() => void) | undefined;
let reloadTimer: ReturnType<typeof setTimeout> | undefined;

const { queue: _queue, ...emptyFilters } = EMPTY_FILTER;

export const useQueue = create<QueueState>()((set, get) => ({
  status: 'idle',
  sorted: [],
  schools: [],
  sort: 'deadline',
  filters: emptyFilters,
  today: '',

  async load() {
    const { desk, calendar, settings } = useDesk.getState();
    if (!desk || !calendar || !settings) return;
    if (get().status === 'idle') set({ status: 'loading' });
    if (!unsubscribe) {
      // Many events can land at once (a demo reset, a sync page): one reload for the burst.
      unsubscribe = desk.cases.onChange(() => {
        clearTimeout(reloadTimer);
        reloadTimer = setTimeout(() => void get().load(), 50);
      });
    }
    try {
      const rows: QueueSourceRow[] = await (takeRowsPrefetch() ?? desk.cases.listAll());
      performance.mark('desk:rows-read');
      const day = today(settings.officeHours.timeZone);
      prepared = prepareRows(rows, calendar, day);
      const schools = [...new Set(rows.map((r) => r.schoolName))].sort((a, b) => a.localeCompare(b));
      const sorted = sortRows(prepared, get().sort);
      set({ status: 'ready', sorted, schools, today: day });
      performance.mark('desk:rows-prepared');
      warmSearch(sorted);
    } catch (error) {
      useDesk.getState().report(error);
      set({ status: 'ready' });
    }
  },

  setFilters(patch) {
    set({ filters: { ...get().filters, ...patch } });
  },

  setSort(sort) {
    set({ sort, sorted: sortRows(prepared, sort) });
  },

  hidden: [],
  async loadColumns(userId) {
    const desk = useDesk.getState().desk;
    if (!desk) return;
    try {
      set({ hidden: hiddenColumnsOf(await desk.drafts.get(userId, COLUMNS_KEY)) });
    } catch (error) {
      useDesk.getState().report(error);
    }
  },
  toggleColumn(userId, column) {
    const hidden = get().hidden.includes(column)
      ? get().hidden.filter((c) => c !== column)
      : [...get().hidden, column];
    set({ hidden });
    useDesk
      .getState()
      .desk?.drafts.put(userId, COLUMNS_KEY, hidden)
      .catch((error: unknown) => useDesk.getState().report(error));
  },
  forgetUser() {
    scrolled.clear();
    shownOrder = [];
    set({ filters: emptyFilters, sort: 'deadline', sorted: sortRows(prepared, 'deadline'), hidden: [] });
  },
}));

// Whoever signs out (the header, the lock screen, a user deactivated meanwhile), the next person
// starts with no search, no filters and no scroll of the one before, and with their own columns.
useSession.subscribe((now, before) => {
  if (now.user?.id !== before.user?.id) useQueue.getState().forgetUser();
});

/** For tests and for a desk reopened under another database. */
export function resetQueueStore(): void {
  unsubscribe?.();
  unsubscribe = undefined;
  prepared = [];
  useQueue.setState({
    status: 'idle',
    sorted: [],
    schools: [],
    filters: emptyFilters,
    sort: 'deadline',
    today: '',
    hidden: [],
  });
  scrolled.clear();
}
