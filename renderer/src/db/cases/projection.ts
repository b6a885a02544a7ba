/**
 * The stored projection of a case and its way back to a CaseState. The application is stored once,
 * in the case's `received` event; the projection keeps it only if the reducer's differs from it.
 */
import type { Application, CaseState } from '../../../../shared/workflow';
import type { CaseStateRecord, EventRecord, QueueRow, StoredState } from '../records';
import type { Placement } from '../queue-pages';
import { REDUCER_VERSION } from '../../../../shared/workflow';

/** The application the `received` event (the first of the case) holds. */
export function receivedApplication(first: EventRecord | undefined): Application | undefined {
  if (first?.type !== 'received') return undefined;
  return first.payload.application;
}

/** Equal as stored data: JSON is how a structured clone of plain data compares. */
function sameData(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The record to store for a folded state, stamped with the reducer that folded it, with where its
 * queue row is and the register's fields (from the row) the store looks cases up by.
 */
export function projectionOf(
  state: CaseState,
  first: EventRecord | undefined,
  at: Placement,
  row: Pick<QueueRow, 'registrationNumber' | 'registeredOn'>,
): CaseStateRecord {
  const { application, ...rest } = state;
  const stored: StoredState = sameData(application, receivedApplication(first)) ? rest : state;
  const record: CaseStateRecord = {
    caseId: state.caseId,
    state: stored,
    reducerVersion: REDUCER_VERSION,
    page: at.page,
    slot: at.slot,
  };
  if (row.registrationNumber !== undefined) record.registrationNumber = row.registrationNumber;
  if (row.registeredOn !== undefined) record.registeredOn = row.registeredOn;
  return record;
}

/** Where a stored case's queue row is; undefined for a new case (or one the upgrade found without a row). */
export function placementOf(record: CaseStateRecord | undefined): Placement | undefined {
  return record && record.page !== undefined ? { page: record.page, slot: record.slot } : undefined;
}

/** The state of a stored projection; `first` is the case's first event (its `received`). */
export function stateOf(record: CaseStateRecord, first: EventRecord | undefined): CaseState {
  const application = record.state.application ?? receivedApplication(first);
  // A projection without an application and a log without `received` cannot both be true.
  if (!application) throw new Error('stored projection without its application');
  return { ...record.state, application };
}

/** Whether the projection was folded by the reducer in use. */
export function isCurrent(record: CaseStateRecord): boolean {
  return record.reducerVersion === REDUCER_VERSION;
}
