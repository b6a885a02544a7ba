/**
 * Pulling `GET /changes` page by page through the one ingest path (remote). The cursor is stored
 * after each page is committed: a desk closed mid-pull starts again from the last committed page,
 * and a page pulled twice changes nothing (ingest is idempotent by event id). A 410 start-over
 * (the server was restored or compacted) pulls from the beginning; the outbox is not touched.
 */
import { caseRecordSchema, changesPageSchema, DEFAULT_PAGE_LIMIT } from '../api';
import type { ApiClient } from './client';
import { SyncFailure } from './client';
import type { PageResult, SyncStore } from './store';

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
  const limit = options.limit ?? DEFAULT_PAGE_LIMIT;
  const result: PullResult = {
    pages: 0,
    cases: 0,
    events: 0,
    held: 0,
    refused: [],
    startedOver: false,
    serverTime: null,
  };
  let cursor = await store.cursor();
  for (;;) {
    const query = new URLSearchParams({
      limit: String(limit),
      ...(cursor ? { cursor } : {}),
      ...(options.closedBefore ? { closedBefore: options.closedBefore } : {}),
    });
    let page;
    try {
      page = await api.json('GET', `/changes?${query.toString()}`, changesPageSchema);
    } catch (error) {
      // Once per sync: a server that answers 410 to the beginning itself is broken, not restored.
      if (
        error instanceof SyncFailure &&
        error.kind === 'start-over' &&
        cursor !== null &&
        !result.startedOver
      ) {
        result.startedOver = true;
        await store.setCursor(null);
        cursor = null;
        continue;
      }
      throw error;
    }
    const stored = await store.ingestPage(page.cases.map((c) => ({ caseId: c.caseId, events: c.events })));
    if (options.closedBefore) stored.refused = await fillIn(api, store, stored.refused);
    await store.setCursor(page.cursor);
    cursor = page.cursor;
    result.pages += 1;
    result.cases += page.cases.length;
    result.events += page.cases.reduce((n, c) => n + c.events.length, 0);
    result.held += stored.held;
    result.refused.push(...stored.refused);
    result.serverTime = page.serverTime;
    options.onProgress?.({ pages: result.pages, cases: result.cases, events: result.events });
    if (!page.hasMore || (options.maxPages !== undefined && result.pages >= options.maxPages)) return result;
  }
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
