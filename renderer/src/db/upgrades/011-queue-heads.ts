/**
 * Version 11: the heads of the queues (`queueHeads`, queue-heads.ts), so that opening the desk draws
 * the first screen from a few records instead of decoding every queue row (3.2–3.7 s at 100,000
 * cases). Computed here from the stored rows: the order and the views depend on stored fields only
 * (due days, stage, holder, case number), never on today or the calendar.
 *
 * Self-contained on purpose in what it reads (the pages as versions 5–10 wrote them, through the
 * tuple decoder whose positions are never repurposed) and writes (the version 11 head records).
 */
import type { Transaction } from 'dexie';
import { decodeRow, encodeRow } from '../queue-pages';
import { headsOf } from '../queue-heads';
import type { QueueRow } from '../records';

export const STORES_V11 = {
  queueHeads: 'view',
} as const;

export async function upgrade011QueueHeads(tx: Transaction): Promise<void> {
  const rows: QueueRow[] = [];
  await tx
    .table('queuePages')
    .toCollection()
    .each((page: { rows: unknown[][] }) => {
      for (const t of page.rows) if (t) rows.push(decodeRow(t));
    });
  const heads = headsOf(rows);
  await tx
    .table('queueHeads')
    .bulkPut(
      [...heads].map(([view, h]) => ({ view, total: h.total, rows: h.rows.map(encodeRow), stamp: 1 })),
    );
}
