/**
 * Pulling `GET /changes` page by page through the one ingest path (remote). Each page is stored
 * with its cursor in one transaction (with a working set, the cursor follows the page's fill-ins):
 * a desk closed mid-pull starts again from the last committed page, and a page pulled twice changes
 * nothing (ingest is idempotent by event id). The next page is fetched while one is stored. A 410
 * start-over (the server was restored or compacted) pulls from the beginning; the outbox is not
 * touched. From the beginning the server answers with a snapshot of whole cases, then its log.
 */
import { caseRecordSchema, changesPageSchema, MAX_PAGE_LIMIT, type ChangesPage } from '../api';
import type { ApiClient } from './client';
import { SyncFailure } from './client';
import type { PageResult, SyncStore } from './store';

/**
 * Events a page (the most the protocol allows): a pull from the beginning is a snapshot of whole
 * cases, so a page is hundreds of cases, stored in one transaction; fewer, larger pages cost fewer
 * transactions, cursor writes and requests.
 */
export const PULL_PAGE_LIMIT = MAX_PAGE_LIMIT;

export interface PullProgress {
  pages: number;
  cases: number;
  events: number;
}

export interface PullResult extends PullProgress {
  held: number;
  refused: Array<{ caseId: string; code: string }>;
  startedOver: boolean;
  serverTime: string | null;
}

export interface PullOptions {
  limit?: number;
  onProgress?: (p: PullProgress) => void;
  maxPages?: number;
  /**
   * The working set (working-set.ts): the server leaves out cases settled before this day. A case
   * left out earlier that changes again arrives with only its new events; it is fetched whole.
   */
  closedBefore?: string;
}

export async function pull(api: ApiClient, store: SyncStore, options: PullOptions = {}): Promise<PullResult> {
  const limit = options.limit ?? PULL_PAGE_LIMIT;
  const result: PullResult = {
    pages: 0,
    cases: 0,
    events: 0,
    held: 0,
    refused: [],
    startedOver: false,
    serverTime: null,
  };
  const fetchPage = (from: string | null): Fetching => {
    const query = new URLSearchParams({
      limit: String(limit),
      ...(from ? { cursor: from } : {}),
      ...(options.closedBefore ? { closedBefore: options.closedBefore } : {}),
    });
    const page = api.json('GET', `/changes?${query.toString()}`, changesPageSchema);
    // Settled even if nobody waits for it (a page being stored failed): no unhandled rejection.
    page.catch(() => undefined);
    return { from, page };
  };
  let next = fetchPage(await store.cursor());
  for (;;) {
    let page;
    try {
      page = await next.page;
    } catch (error) {
      // Once per sync: a server that answers 410 to the beginning itself is broken, not restored.
      if (
        error instanceof SyncFailure &&
        error.kind === 'start-over' &&
        next.from !== null &&
        !result.startedOver
      ) {
        result.startedOver = true;
        await store.setCursor(null);
        next = fetchPage(null);
        continue;
      }
      throw error;
    }
    const last = !page.hasMore || (options.maxPages !== undefined && result.pages + 1 >= options.maxPages);
    // The next page travels while this one is stored.
    if (!last) next = fetchPage(page.cursor);
    const cases = page.cases.map((c) => ({ caseId: c.caseId, events: c.events }));
    let stored: PageResult;
    if (options.closedBefore) {
      // Cases left out of the working set are fetched whole before the cursor passes them: the
      // cursor is stored after them (a page stored twice changes nothing).
      stored = await store.ingestPage(cases);
      stored.refused = await fillIn(api, store, stored.refused);
      await store.setCursor(page.cursor);
    } else {
      stored = await store.ingestPage(cases, page.cursor);
    }
    result.pages += 1;
    result.cases += page.cases.length;
    result.events += page.cases.reduce((n, c) => n + c.events.length, 0);
    result.held += stored.held;
    result.refused.push(...stored.refused);
    result.serverTime = page.serverTime;
    options.onProgress?.({ pages: result.pages, cases: result.cases, events: result.events });
    if (last) return result;
  }
}

interface Fetching {
  /** The cursor the page was asked after (null: from the beginning). */
  from: string | null;
  page: Promise<ChangesPage>;
}

/**
 * Cases the desk never had (left out of its working set) whose new events came without their
 * beginning: fetched whole and stored through the same ingest. Any other refusal stays one.
 */
async function fillIn(
  api: ApiClient,
  store: SyncStore,
  refused: PageResult['refused'],
): Promise<PageResult['refused']> {
  const left: PageResult['refused'] = [];
  for (const r of refused) {
    if (r.code !== 'case.not-received') {
      left.push(r);
      continue;
    }
    const record = await api.json('GET', `/cases/${encodeURIComponent(r.caseId)}`, caseRecordSchema);
    const again = await store.ingestPage([{ caseId: record.caseId, events: record.events }]);
    left.push(...again.refused);
  }
  return left;
}
