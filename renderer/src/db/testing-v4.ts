/**
 * A database exactly as release 4 (Dexie version 4) wrote it: events by id, full projections, the
 * queue rows with every field indexed, and the outbox holding copies of the events. The upgrade
 * tests and the sync test of an outbox left by that release start from it.
 */
import Dexie from 'dexie';
import { kazakhstanCalendar } from '../../../shared/calendar';
import type { CaseEvent, CaseState } from '../../../shared/workflow';
import type { CaseRow } from './records';
import { caseRowOf } from './rows';
import { declareSchema } from './schema';
import { searchTokensOf } from './search-tokens';

/** A queue row as versions 1–4 stored it: '' where nothing is (IndexedDB indexed every field). */
export function v4Row(state: CaseState): CaseRow {
  const row = caseRowOf(state, kazakhstanCalendar);
  return {
    ...row,
    assignedTo: row.assignedTo ?? '',
    dueOn: row.dueOn ?? '',
    termDueOn: row.termDueOn ?? '',
    complaintDueOn: row.complaintDueOn ?? '',
  };
}

/** Writes cases exactly as version 4 stored them: events by id, full projections, outbox copies. */
export async function writeV4(
  name: string,
  cases: ReadonlyArray<{ events: readonly CaseEvent[]; current: CaseState }>,
  local: Map<string, 'pending' | 'sending'>,
  more?: (old: Dexie) => Promise<void>,
) {
  const old = new Dexie(name);
  declareSchema(old, 4);
  await old.open();
  for (const s of cases) {
    await old
      .table('events')
      .bulkAdd(
        s.events.map((event) => ({ id: event.id, caseId: event.caseId, seq: event.baseVersion, event })),
      );
    await old.table('caseStates').put({ caseId: s.current.caseId, state: s.current });
    const row = v4Row(s.current);
    await old.table('cases').put(row);
    await old.table('caseSearch').put({ caseId: row.caseId, tokens: searchTokensOf(row) });
    for (const event of s.events) {
      const status = local.get(event.id);
      if (status)
        await old.table('outbox').add({
          eventId: event.id,
          caseId: event.caseId,
          seq: event.baseVersion,
          status,
          attempts: status === 'sending' ? 1 : 0,
          queuedAt: event.at,
          event,
        });
    }
  }
  await more?.(old);
  old.close();
}
