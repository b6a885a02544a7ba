/**
 * Taking, releasing and assigning a case through the central system (issue 9): the server makes
 * the 'assigned' event and applies it, so two officers taking one case at once get one winner. The
 * answer's case (or, when refused, the server's current case) comes into the desk through the one
 * ingest path (remote), so the desk shows the server's holder at once, without waiting for a pull.
 */
import {
  assignCase,
  releaseCase,
  SyncFailure,
  takeCase,
  type ApiClient,
  type AssignmentOutcome,
} from '../../../../shared/sync';
import type { Desk } from '../../db';

export type HolderChange = { kind: 'take' } | { kind: 'release' } | { kind: 'assign'; officerId: string };

export type HolderOutcome =
  | { ok: true }
  /** `code`: 'not-enrolled', 'network', the reducer's or the server's reason code. */
  | { ok: false; code: string };

export async function changeHolder(
  desk: Desk,
  api: ApiClient | null,
  caseId: string,
  change: HolderChange,
  eventId: string = crypto.randomUUID(),
): Promise<HolderOutcome> {
  if (!api) return { ok: false, code: 'not-enrolled' };
  let outcome: AssignmentOutcome;
  try {
    outcome =
      change.kind === 'take'
        ? await takeCase(api, caseId, eventId)
        : change.kind === 'release'
          ? await releaseCase(api, caseId, eventId)
          : await assignCase(api, caseId, change.officerId, eventId);
  } catch (error) {
    if (error instanceof SyncFailure)
      return { ok: false, code: error.kind === 'network' || error.kind === 'retry' ? 'network' : error.code };
    throw error;
  }
  const record = outcome.ok ? outcome.answer.case : outcome.serverCase;
  if (record) await desk.cases.ingest(caseId, record.events, 'remote');
  return outcome.ok ? { ok: true } : { ok: false, code: outcome.code };
}
