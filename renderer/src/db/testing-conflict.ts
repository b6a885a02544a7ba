/** A sync conflict on a test desk (imported by *.test.ts only): the store and UI tests share it. */
import { CaseScript, HEAD, makeEvent, registration, steps } from '../../../shared/workflow/testing/scenario';
import type { CaseEvent } from '../../../shared/workflow';
import type { Desk } from './desk';

export interface Conflict {
  caseId: string;
  /** The desk's registration, marked 'conflict'. */
  local: CaseEvent;
  /** A later local event made on top of it: it waits behind it. */
  behind: CaseEvent;
  /** The server's history: received, registered as R-1, assigned to officer-1. */
  server: CaseScript;
}

/**
 * The desk registered a case (as `number`) while the server registered it otherwise and then
 * assigned it; the pull brought the server's registration, held over the unsent work.
 */
export async function seedConflict(desk: Desk, number = 'LOCAL-1'): Promise<Conflict> {
  const server = new CaseScript();
  steps.register(server);
  steps.assign(server);
  const [received, serverRegistered] = server.events;
  const caseId = received!.caseId;
  await desk.cases.ingest(caseId, [received!], 'remote');
  const before = (await desk.cases.get(caseId))!.state;
  const local = makeEvent(before, 'registered', registration('2026-12-14', '2026-12-14', number), {
    at: '2026-12-14T09:20:00+05:00',
  });
  if (!(await desk.cases.ingest(caseId, [local], 'local')).ok) throw new Error('local registration refused');
  const after = (await desk.cases.get(caseId))!.state;
  const behind = makeEvent(
    after,
    'assigned',
    { officerId: 'officer-1' },
    { actor: HEAD, at: '2026-12-14T09:25:00+05:00' },
  );
  if (!(await desk.cases.ingest(caseId, [behind], 'local')).ok) throw new Error('local assignment refused');
  await desk.outbox.markProblem(local.id, 'conflict', 'version.conflict');
  await desk.cases.ingestMany([{ caseId, events: [serverRegistered!] }], 'remote');
  return { caseId, local, behind, server };
}
