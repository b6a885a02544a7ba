/**
 * Every case's light row, held in memory so that filtering and searching 10,000 cases is a loop
 * over an array rather than a database query per keystroke. Reloaded when this window's storage
 * says cases changed (db/changes.ts is an in-process feed: another window's writes are seen at the
 * next load, not as they happen).
 *
 * Opening draws first from the queue heads (db/queue-heads.ts: the first rows and the size of
 * 'all', each officer's 'mine' and 'awaiting-approval'), then reads every row in the background,
 * CHUNK_PAGES pages at a time with a pause between, building the search words as it goes. Until it
 * is done (`partial`) the other queues, the counts, search and filters wait. A write during the read
 * lets the read finish and starts another.
 */
import { create } from 'zustand';
import type { IsoDate, WorkingDayCalendar } from '../../../shared/calendar';
import { isShort, type CaseListRow, type HeadView, type QueueHead } from '../db';
import { firstScreenShown, whenIdle } from '../app/firstScreen';
import {
  buildSearchIndex,
  prepareRows,
  sortRows,
  type DeskRow,
  type SortKey,
} from '../features/queue/queueModel';
import { EMPTY_FILTER, type QueueFilter } from '../features/queue/queueView';
import { hiddenColumnsOf, type ColumnKey } from '../features/queue/columns';
import { today } from './clock';
import { SearchIndex } from '../features/queue/searchIndex';
import { takeHeadsPrefetch, useDesk } from './deskStore';
import { useSession } from './sessionStore';

export type QueueFilters = Omit<QueueFilter, 'queue'>;

/** The queue drawn from its heads while every row is being read: each head's rows, prepared. */
export interface PartialQueue {
  heads: ReadonlyMap<HeadView, { total: number; rows: DeskRow[] }>;
}

/** Pages (of PAGE_SIZE rows) read at a time in the background: ~5,000 rows, a short pause between. */
export const CHUNK_PAGES = 10;

interface QueueState {
  status: 'idle' | 'loading' | 'ready';
  /** Set while only the heads are read (the first screen); null once every row is. */
  partial: PartialQueue | null;
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

/**
 * The queue last shown, in its order: what "next case" walks through. Kept as the rows themselves
 * (no copy of 100,000 ids per keystroke); the ids are looked at only when a case is opened.
 */
let shownOrder: ReadonlyArray<{ row: { caseId: string } }> = [];
export function rememberShownOrder(rows: ReadonlyArray<{ row: { caseId: string } }>): void {
  shownOrder = rows;
}

/** The cases before and after `caseId` in the queue the officer came from. */
export function neighbours(caseId: string): { previous?: string; next?: string } {
  const i = shownOrder.findIndex((r) => r.row.caseId === caseId);
  if (i < 0) return {};
  const previous = shownOrder[i - 1]?.row.caseId;
  const next = shownOrder[i + 1]?.row.caseId;
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
/** A load is reading every row; `again`: a write came meanwhile, so another load follows it. */
let reading = false;
let again = false;
/** Bumped by resetQueueStore: a read of a closed desk is dropped. */
let generation = 0;

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function prepareHeads(heads: readonly QueueHead[], calendar: WorkingDayCalendar, day: IsoDate): PartialQueue {
  return {
    heads: new Map(
      heads.map((h) => [h.view, { total: h.total, rows: prepareRows(h.rows, calendar, day) }] as const),
    ),
  };
}

/** Every row, CHUNK_PAGES pages at a time, prepared and with its search words, pausing between. */
async function readEveryRow(
  read: (from: number) => Promise<{ rows: CaseListRow[]; more: boolean }>,
  expected: number,
  calendar: WorkingDayCalendar,
  day: IsoDate,
): Promise<{ rows: CaseListRow[]; prepared: DeskRow[] }> {
  const index = new SearchIndex(expected);
  const rows: CaseListRow[] = [];
  const ready: DeskRow[] = [];
  for (let from = 0; ; from += CHUNK_PAGES) {
    const chunk = await read(from);
    const done = prepareRows(chunk.rows, calendar, day, { index, offset: rows.length });
    buildSearchIndex(done, 0, Infinity);
    for (const r of chunk.rows) rows.push(r);
    for (const r of done) ready.push(r);
    if (!chunk.more) break;
    await pause();
  }
  // Rows added or removed since the heads were read: the index is sized again (rare; a reload follows).
  if (rows.length !== expected) return { rows, prepared: prepareRows(rows, calendar, day) };
  return { rows, prepared: ready };
}

const { queue: _queue, ...emptyFilters } = EMPTY_FILTER;

export const useQueue = create<QueueState>()((set, get) => ({
  status: 'idle',
  partial: null,
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
    if (reading) {
      again = true;
      return;
    }
    reading = true;
    const run = generation;
    try {
      const heads = await (takeHeadsPrefetch() ?? desk.cases.heads());
      if (run !== generation) return;
      const day = today(settings.officeHours.timeZone);
      const all = heads.find((h) => h.view === 'all');
      const total = all?.total ?? 0;
      // A desk whose whole queue is in the heads needs no other read.
      const whole = all === undefined || all.rows.length === total;
      if (!whole && get().status !== 'ready') {
        set({ status: 'ready', partial: prepareHeads(heads, calendar, day), today: day });
        performance.mark('desk:heads-drawn');
      }
      const { rows, prepared: ready } = whole
        ? { rows: all?.rows ?? [], prepared: prepareRows(all?.rows ?? [], calendar, day) }
        : await readEveryRow((from) => desk.cases.readRowChunk(from, CHUNK_PAGES), total, calendar, day);
      if (run !== generation) return;
      performance.mark('desk:rows-read');
      prepared = ready;
      const schools = [...new Set(rows.map((r) => r.schoolName))].sort((a, b) => a.localeCompare(b));
      const sorted = sortRows(prepared, get().sort);
      set({ status: 'ready', partial: null, sorted, schools, today: day });
      performance.mark('desk:rows-prepared');
      warmSearch(sorted);
      // A head that shrank (rows moved past its end) is refilled from what was just read.
      if (!whole && heads.some((h) => isShort(h))) {
        const stamps = new Map(heads.map((h) => [h.view, h.stamp] as const));
        desk.cases.refillHeads(rows, stamps).catch(() => undefined);
      }
    } catch (error) {
      useDesk.getState().report(error);
      set({ status: 'ready', partial: null });
    } finally {
      if (run === generation) {
        reading = false;
        if (again) {
          again = false;
          void get().load();
        }
      }
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
  generation += 1;
  reading = false;
  again = false;
  useQueue.setState({
    status: 'idle',
    partial: null,
    sorted: [],
    schools: [],
    filters: emptyFilters,
    sort: 'deadline',
    today: '',
    hidden: [],
  });
  scrolled.clear();
}
