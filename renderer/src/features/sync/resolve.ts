/**
 * Sync problems as the officer resolves them, case by case: the first unsent event of a case that
 * the server refused (rejected) or found made on another version of the case (conflict), with the
 * events that wait behind it (the server would answer them 424 'blocked': they follow their case).
 *
 * Two resolutions, both recorded in the case history (nothing is dropped silently):
 * - discard: the case's unsent events are taken back as "not accepted by the central system" and
 *   the case shows the server's state (desk.cases.discardUnsent, one transaction);
 * - re-apply: the same, then each taken-back action is made again on the server's state through the
 *   normal action path (the case store's `act`: the signed-in user, a new id, the new base version),
 *   so the reducer decides; the first it refuses stops the rest, and the officer sees why.
 */
import { caseRecordSchema, eventReasonSchema, type CaseRecord } from '../../../../shared/api';
import type { CaseEvent, RejectionReason } from '../../../../shared/workflow';
import type { Desk, OutboxEntry } from '../../db';
import type { ActOutcome } from '../../stores/caseStore';

export interface SyncProblem {
  caseId: string;
  caseNumber: string;
  kind: 'conflict' | 'rejected';
  /** The server's reason (rejected) with its params; a conflict has none. */
  reason: { code: string; params?: Record<string, unknown> } | null;
  /** The case's unsent events, the refused one first. */
  local: OutboxEntry[];
  /** The server's version of the case (conflict answer), when it came with one. */
  server: CaseRecord | null;
}

export async function loadProblems(desk: Desk): Promise<SyncProblem[]> {
  const entries = await desk.outbox.list();
  const byCase = new Map<string, OutboxEntry[]>();
  for (const e of entries) byCase.set(e.caseId, [...(byCase.get(e.caseId) ?? []), e]);
  const problems: SyncProblem[] = [];
  for (const [caseId, local] of byCase) {
    const first = local.find((e) => e.status === 'conflict' || e.status === 'rejected');
    if (!first) continue;
    const ordered = [first, ...local.filter((e) => e !== first)];
    const [stored, serverCase, found] = await Promise.all([
      desk.sync.reason(first.eventId),
      first.status === 'conflict' ? desk.sync.serverCase(caseId) : Promise.resolve(undefined),
      desk.cases.get(caseId),
    ]);
    const reason = eventReasonSchema.safeParse(stored);
    const server = caseRecordSchema.safeParse(serverCase);
    problems.push({
      caseId,
      caseNumber: found?.state.application.caseNumber ?? caseId,
      kind: first.status === 'conflict' ? 'conflict' : 'rejected',
      reason:
        first.status === 'conflict'
          ? null
          : reason.success
            ? reason.data
            : { code: first.lastError ?? 'unknown' },
      local: ordered,
      server: server.success ? server.data : null,
    });
  }
  return problems;
}

export type ResolveOutcome =
  | {
      ok: true;
      reapplied: number;
      refused?: { event: CaseEvent; outcome: Exclude<ActOutcome, { ok: true }> };
    }
  | { ok: false; reason: RejectionReason | { code: 'discard.nothing-unsent' } };

export interface ResolveDeps {
  desk: Desk;
  userId: string;
  /** Loads the case into the case store (so `act` works on the state the discard left). */
  load: (caseId: string) => Promise<void>;
  act: (event: CaseEvent) => Promise<ActOutcome>;
}

export async function resolveProblem(
  problem: SyncProblem,
  how: 'discarded' | 'reapplied',
  deps: ResolveDeps,
): Promise<ResolveOutcome> {
  const result = await deps.desk.cases.discardUnsent({
    caseId: problem.caseId,
    by: deps.userId,
    resolution: how,
    serverEvents: problem.server?.events ?? [],
  });
  if (!result.ok) return result;
  if (how === 'discarded') return { ok: true, reapplied: 0 };
  await deps.load(problem.caseId);
  let reapplied = 0;
  for (const { event } of result.discarded) {
    const outcome = await deps.act(event);
    if (!outcome.ok) return { ok: true, reapplied, refused: { event, outcome } };
    reapplied += 1;
  }
  return { ok: true, reapplied };
}
