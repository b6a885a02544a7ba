/**
 * Remote events held over unsent local work (stage.ts) are folded once their case has nothing
 * unsent left: the server acknowledged the local events, so the held ones come after them. Per
 * case, one transaction: the held events leave `heldEvents` and go through the one ingest path
 * (remote) together, or, if the reducer refuses one, nothing changes and they stay held.
 */
import type { WorkingDayCalendar } from '../../../../shared/calendar/types';
import { ingestOne, tables, type IngestContext } from './ingest';

class StillHeld extends Error {}

/** Returns the case ids whose held events were folded. */
export async function releaseHeld(ctx: IngestContext, calendar: WorkingDayCalendar): Promise<string[]> {
  const { db } = ctx;
  const caseIds = [...new Set((await db.heldEvents.toArray()).map((h) => h.caseId))];
  const released: string[] = [];
  for (const caseId of caseIds) {
    if ((await db.outbox.where('[caseId+seq]').between([caseId, 0], [caseId, Infinity]).count()) > 0)
      continue;
    try {
      await db.transaction('rw', tables(db), async () => {
        const held = await db.heldEvents.where('caseId').equals(caseId).toArray();
        // Arrival order, then the case's order (events of one page arrive at the same instant).
        held.sort((a, b) =>
          a.heldAt === b.heldAt ? a.event.baseVersion - b.event.baseVersion : a.heldAt < b.heldAt ? -1 : 1,
        );
        await db.heldEvents.bulkDelete(held.map((h) => h.id));
        const result = await ingestOne(
          ctx,
          calendar,
          { caseId, events: held.map((h) => h.event) },
          'remote',
          [],
        );
        if (!result.ok) throw new StillHeld();
      });
      released.push(caseId);
    } catch (error) {
      if (!(error instanceof StillHeld)) throw error;
    }
  }
  return released;
}
