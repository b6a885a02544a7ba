/**
 * Version 5: slimmer records, the outbox as references, case→file references (issue 7).
 *
 * Measured on 100,000 cases (bench, disk profile) the store took 9.2 KB a case, events more than
 * half of it: the application was stored twice (in the `received` event and in `caseStates`), each
 * event carried a UUID key, a `caseId` index and a unique [caseId+seq] index, and six of the ten
 * indexes of `cases` served no query. This version
 * - moves the events to `caseEvents`, where the event exactly as made is the record, keyed by
 *   [caseId+baseVersion] (every read is "the events of a case in order"); IndexedDB cannot change a
 *   table's key, hence the new table;
 * - stores projections without the application (the `received` event has it) and stamps them with
 *   reducer version 1 (the reducer before issue 7), so the desk rebuilds them from the log;
 * - packs the queue rows into `queuePages` (PAGE_SIZE rows a record, each a tuple): reading
 *   100,000 rows one record each cost seconds of IndexedDB overhead; the `cases` table and its ten
 *   indexes go, and the only indexes kept are the ones a query uses, on `caseStates`: the
 *   registration number (a duplicate is refused), the registration day (the register's next
 *   number) and the reducer version (stale projections);
 * - turns outbox entries into references (the event is in `caseEvents`) with a next-attempt time;
 * - drops `caseSearch`: the queue searches in memory, faster at 10,000 and at 100,000 cases;
 * - adds `heldEvents` (remote events held back over unsent local work) and `caseFiles`.
 * Self-contained: it reads the data as version 4 wrote it and never calls the reducer.
 */
import type { Table, Transaction } from 'dexie';
import { encodeRow, PAGE_SIZE, type Placement } from '../queue-pages';
import type { CaseRow, QueueRow } from '../records';

export const STORES_V5 = {
  cases: null,
  caseSearch: null,
  caseStates: 'caseId, reducerVersion, registrationNumber, registeredOn',
  queuePages: 'page',
  events: null,
  caseEvents: '[caseId+baseVersion]',
  outbox: 'eventId, status, [caseId+seq]',
  heldEvents: 'id, caseId',
  caseFiles: '[caseId+sha256]',
} as const;

/** The events as versions 1–4 stored them. */
interface V4Event {
  id: string;
  caseId: string;
  seq: number;
  event: {
    id: string;
    caseId: string;
    baseVersion: number;
    type: string;
    payload: Record<string, unknown>;
  };
}

interface V4Outbox {
  eventId: string;
  queuedAt: string;
  nextAttemptAt?: string;
  event?: unknown;
}

interface V4State {
  caseId: string;
  state: { application?: unknown };
  reducerVersion?: number;
  page?: number;
  slot?: number;
  registrationNumber?: string;
  registeredOn?: string;
}

interface FileRef {
  caseId: string;
  sha256: string;
  role: string;
  eventId: string;
  seq: number;
}

const PAGE = 2000;

/** The files an event of any released shape refers to (the same rules as the repository's). */
function fileRefs(e: V4Event['event']): FileRef[] {
  const refs: FileRef[] = [];
  const add = (sha256: unknown, role: string) => {
    if (typeof sha256 === 'string' && sha256 !== '')
      refs.push({ caseId: e.caseId, sha256: sha256.toLowerCase(), role, eventId: e.id, seq: e.baseVersion });
  };
  const p = e.payload;
  if (e.type === 'received') {
    const application = p.application as { attachments?: Array<{ sha256?: unknown }> } | undefined;
    for (const a of application?.attachments ?? []) add(a.sha256, 'attachment');
  }
  if (e.type === 'document-produced') add(p.sha256, 'produced');
  if (e.type === 'signed') {
    add(p.documentSha256, 'signed-document');
    add(p.signatureSha256, 'signature');
  }
  return refs;
}

/**
 * Runs `each` over a table's records, `size` at a time in key order, so that 100,000 cases' rows or
 * their 1,000,000 events never sit in memory at once.
 */
async function inPages<T>(
  table: Table<T, string>,
  keyOf: (record: T) => string,
  size: number,
  each: (page: T[]) => Promise<void>,
): Promise<void> {
  let after: string | undefined;
  for (;;) {
    const page = await (after === undefined ? table.orderBy(':id') : table.where(':id').above(after))
      .limit(size)
      .toArray();
    if (page.length === 0) return;
    after = keyOf(page[page.length - 1]!);
    await each(page);
  }
}

async function moveEvents(tx: Transaction): Promise<void> {
  const to = tx.table('caseEvents');
  const files = tx.table<FileRef, [string, string]>('caseFiles');
  await inPages(
    tx.table<V4Event, string>('events'),
    (r) => r.id,
    PAGE,
    async (page) => {
      await to.bulkPut(page.map((r) => r.event));
      const refs = new Map<string, FileRef>();
      for (const r of page)
        for (const ref of fileRefs(r.event)) {
          const key = `${ref.caseId} ${ref.sha256}`;
          const seen = refs.get(key);
          if (!seen || ref.seq < seen.seq) refs.set(key, ref);
        }
      if (refs.size > 0) await keepEarliestRefs(files, [...refs.values()]);
    },
  );
}

/** Pages go by event id, not by case: of two references to the same bytes the earlier event wins. */
async function keepEarliestRefs(files: Table<FileRef, [string, string]>, refs: FileRef[]): Promise<void> {
  const existing = await files.bulkGet(refs.map((r) => [r.caseId, r.sha256] as [string, string]));
  await files.bulkPut(refs.filter((r, i) => (existing[i]?.seq ?? Infinity) > r.seq));
}

/** A version 1–4 row as version 5 stores it: null for absent values, no search words. */
function queueRowOf(row: CaseRow): QueueRow {
  const { searchTokens: _words, assignedTo, dueOn, termDueOn, complaintDueOn, ...rest } = row;
  return {
    ...rest,
    assignedTo: assignedTo === '' ? null : assignedTo,
    dueOn: dueOn === '' ? null : dueOn,
    termDueOn: termDueOn === '' ? null : termDueOn,
    complaintDueOn: complaintDueOn === '' ? null : complaintDueOn,
  };
}

/** Packs every row into pages, in key order; returns where each case's row went. */
async function packRows(tx: Transaction): Promise<Map<string, Placement & { row: QueueRow }>> {
  const pages = tx.table('queuePages');
  const placed = new Map<string, Placement & { row: QueueRow }>();
  let page = 0;
  await inPages(
    tx.table<CaseRow, string>('cases'),
    (r) => r.caseId,
    PAGE_SIZE,
    async (rows) => {
      const converted = rows.map(queueRowOf);
      converted.forEach((row, slot) => placed.set(row.caseId, { page, slot, row }));
      await pages.put({ page, rows: converted.map(encodeRow) });
      page += 1;
    },
  );
  return placed;
}

export async function upgrade005SlimRecords(tx: Transaction): Promise<void> {
  await moveEvents(tx);
  const placed = await packRows(tx);
  await tx
    .table<V4State, string>('caseStates')
    .toCollection()
    .modify((record) => {
      delete record.state.application;
      record.reducerVersion = 1;
      const at = placed.get(record.caseId);
      // A projection without a row (never written by the desk) gets one when it is rebuilt.
      if (!at) return;
      record.page = at.page;
      record.slot = at.slot;
      if (at.row.registrationNumber !== undefined) record.registrationNumber = at.row.registrationNumber;
      if (at.row.registeredOn !== undefined) record.registeredOn = at.row.registeredOn;
    });
  await tx
    .table<V4Outbox, string>('outbox')
    .toCollection()
    .modify((entry) => {
      delete entry.event;
      // Never tried, or tried and waiting: either way it may go as soon as the sync engine runs.
      entry.nextAttemptAt ??= entry.queuedAt;
    });
}
