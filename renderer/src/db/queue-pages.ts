/**
 * Queue rows packed in pages (version 5). Opening the desk reads every row; IndexedDB's cost is
 * mostly per record, so 100,000 rows are kept as 200 records of PAGE_SIZE rows each, every row a
 * tuple (no property names to store and to read back 100,000 times). A case's projection records
 * where its row is (`page`, `slot`), so a write rewrites one page.
 *
 * The tuple layout is stored data: never reorder or repurpose a position in place; a change is a
 * new schema version with an upgrade that rewrites the pages.
 */
import type { DeskDatabase } from './database';
import { updateHeads } from './queue-heads';
import type { QueuePageRecord, QueueRow, RowComplaint, RowPerson } from './records';

export const PAGE_SIZE = 500;

export interface Placement {
  page: number;
  slot: number;
}

type Tuple = unknown[];

const person = (p: RowPerson): Tuple => [p.iin, p.lastName, p.firstName, p.middleName ?? null];

export function encodeRow(r: QueueRow): Tuple {
  return [
    r.caseId,
    r.version,
    r.caseNumber,
    r.registrationNumber ?? null,
    r.stage,
    r.queues,
    r.ground,
    ...person(r.applicant),
    ...person(r.pupil),
    r.schoolName,
    r.className,
    r.assignedTo,
    r.receivedAt,
    r.registeredOn ?? null,
    r.dueOn,
    r.termDueOn,
    r.complaintDueOn,
    r.openComplaints,
    r.outcome ?? null,
    r.heldEvents ?? null,
    // Version 9 (position 26): [addressee, dueOn] of each open complaint; null when none is open.
    r.complaints && r.complaints.length > 0 ? r.complaints.map((c) => [c.addressee, c.dueOn]) : null,
  ];
}

/**
 * Position 26: a tuple written before version 9 has none. With no open complaint the list is
 * empty; with one, it is unknown (undefined) until the rebuild upgrade 009 asked for rewrites it.
 */
function complaintsAt(t: Tuple, open: number): RowComplaint[] | undefined {
  const listed = t[26];
  if (Array.isArray(listed))
    return (listed as Array<[RowComplaint['addressee'], string]>).map(([addressee, dueOn]) => ({
      addressee,
      dueOn,
    }));
  return open === 0 ? [] : undefined;
}

function personAt(t: Tuple, i: number): RowPerson {
  const p: RowPerson = { iin: t[i] as string, lastName: t[i + 1] as string, firstName: t[i + 2] as string };
  if (t[i + 3] !== null) p.middleName = t[i + 3] as string;
  return p;
}

export function decodeRow(t: Tuple): QueueRow {
  const row: QueueRow = {
    caseId: t[0] as string,
    version: t[1] as number,
    caseNumber: t[2] as string,
    stage: t[4] as QueueRow['stage'],
    queues: t[5] as QueueRow['queues'],
    ground: t[6] as QueueRow['ground'],
    applicant: personAt(t, 7),
    pupil: personAt(t, 11),
    schoolName: t[15] as string,
    className: t[16] as string,
    assignedTo: t[17] as string | null,
    receivedAt: t[18] as string,
    dueOn: t[20] as QueueRow['dueOn'],
    termDueOn: t[21] as QueueRow['termDueOn'],
    complaintDueOn: t[22] as QueueRow['complaintDueOn'],
    openComplaints: t[23] as number,
  };
  if (t[3] !== null) row.registrationNumber = t[3] as string;
  if (t[19] !== null) row.registeredOn = t[19] as string;
  if (t[24] !== null) row.outcome = t[24] as 'granted' | 'refused';
  if (t[25] !== null) row.heldEvents = t[25] as number;
  const complaints = complaintsAt(t, row.openComplaints);
  if (complaints) row.complaints = complaints;
  return row;
}

/**
 * How many rows are stored, from the last page alone: pages fill in order, every one but the last
 * full (placeRows and the version 5 upgrade write them so). Counting 100,000 projections instead
 * walks 100,000 keys, which the desk does at every start to see whether it is empty.
 */
export async function countRows(db: DeskDatabase): Promise<number> {
  const last = await db.queuePages.orderBy('page').last();
  return last ? last.page * PAGE_SIZE + last.rows.length : 0;
}

/**
 * The rows of pages `from` … `from + count - 1`, in page order, and whether pages follow: the desk
 * reads every row in such chunks after drawing the queue from its heads, yielding between them.
 */
export async function readRowChunk(
  db: DeskDatabase,
  from: number,
  count: number,
): Promise<{ rows: QueueRow[]; more: boolean }> {
  const pages = await db.queuePages.where('page').between(from, from + count, true, false).toArray();
  const rows: QueueRow[] = [];
  for (const p of pages) for (const t of p.rows) if (t) rows.push(decodeRow(t));
  const more = (await db.queuePages.where('page').aboveOrEqual(from + count).first()) !== undefined;
  return { rows, more };
}

/** Every stored row, page by page. */
export async function readRows(db: DeskDatabase): Promise<QueueRow[]> {
  const pages = await db.queuePages.toArray();
  const rows: QueueRow[] = [];
  // A hole (a slot never filled) would be damaged storage; it is skipped, not read as a case.
  for (const p of pages) for (const t of p.rows) if (t) rows.push(decodeRow(t));
  return rows;
}

/**
 * Writes rows into their pages inside the caller's transaction: a placed row replaces its slot, a
 * new one takes the next free slot (after the last page's last row). Returns where each went. The
 * queue heads (queue-heads.ts) are kept true in the same transaction, which must include
 * db.queueHeads as well as db.queuePages.
 */
export async function placeRows(
  db: DeskDatabase,
  updates: ReadonlyArray<{ row: QueueRow; at: Placement | undefined }>,
): Promise<Placement[]> {
  if (updates.length === 0) return [];
  const placements: Placement[] = [];
  let next: Placement | undefined;
  const pages = new Map<number, QueuePageRecord>();
  const changed = new Set<number>();
  const touched = new Set<number>(updates.flatMap((u) => (u.at ? [u.at.page] : [])));
  if (updates.some((u) => !u.at)) {
    const last = await db.queuePages.orderBy('page').last();
    next = !last ? { page: 0, slot: 0 } : { page: last.page, slot: last.rows.length };
    if (last) pages.set(last.page, last);
  }
  const loaded = await db.queuePages.bulkGet([...touched].filter((p) => !pages.has(p)));
  for (const p of loaded) if (p) pages.set(p.page, p);
  const changes: Array<{ before: QueueRow | undefined; after: QueueRow }> = [];
  for (const { row, at } of updates) {
    let place = at;
    if (!place) {
      const n = next as Placement;
      if (n.slot >= PAGE_SIZE) {
        n.page += 1;
        n.slot = 0;
      }
      place = { page: n.page, slot: n.slot };
      n.slot += 1;
    }
    let page = pages.get(place.page);
    if (!page) {
      page = { page: place.page, rows: [] };
      pages.set(place.page, page);
    }
    const old = page.rows[place.slot];
    changes.push({ before: old ? decodeRow(old) : undefined, after: row });
    page.rows[place.slot] = encodeRow(row);
    changed.add(place.page);
    placements.push(place);
  }
  await db.queuePages.bulkPut([...changed].map((p) => pages.get(p) as QueuePageRecord));
  await updateHeads(db, changes);
  return placements;
}
