/**
 * The sync engine's storage port (shared/sync SyncStore) over the desk's storage API: the pull goes
 * through the one ingest path (remote), the push reads and updates the outbox of references, and
 * the checkpoint and the server's copy of a conflicting case live in `desk.sync`.
 */
import { isHostError } from '../../../../shared/host';
import { log } from '../../../../shared/log';
import type { OutgoingFile, SyncStore } from '../../../../shared/sync';
import { fileRefsOf, type Desk } from '../../db';

export function deskSyncStore(desk: Desk): SyncStore {
  return {
    cursor: () => desk.sync.cursor(),
    setCursor: (cursor) => desk.sync.setCursor(cursor),
    async ingestPage(cases, cursor) {
      // The whole page in one transaction, with its cursor when one is given.
      const result = await desk.cases.ingestMany(
        cases,
        'remote',
        Infinity,
        cursor === undefined ? undefined : () => desk.sync.setCursor(cursor),
      );
      return {
        held: result.held,
        refused: result.refused.map((r) => ({ caseId: r.caseId, code: r.reason.code })),
      };
    },
    releaseHeld: () => desk.cases.releaseHeld(),
    outbox: () => desk.outbox.list(),
    async filesOf(events) {
      // The same list of an event's files the store keeps with the case (and the server asks for).
      const shas = [...new Set(events.flatMap(fileRefsOf).map((r) => r.sha256))];
      const files: OutgoingFile[] = [];
      for (const sha256 of shas) {
        let stored;
        try {
          stored = await desk.attachments.get(sha256);
        } catch (error) {
          // A file changed on disk (the host's store refuses it) is never sent: like a file never
          // kept, the server answers file.missing for its event, and the officer sees why. Any other
          // failure stops the push as before.
          if (!isHostError(error) || error.code !== 'altered') throw error;
          log.warn('a stored file is altered and is not sent');
          continue;
        }
        // A history upgraded from an older release may name bytes it never kept: the server says file.missing.
        if (stored) {
          files.push({
            sha256,
            fileName: stored.meta.fileName,
            mimeType: stored.meta.mimeType,
            size: stored.meta.size,
            data: stored.blob,
          });
        }
      }
      return files;
    },
    markSending: (ids) => desk.outbox.markSending(ids),
    acknowledge: (ids) => desk.outbox.acknowledge(ids),
    retryLater: (ids, at, error, countAttempt) => desk.outbox.retryLater(ids, at, error, countAttempt),
    async markRejected(id, reason) {
      await desk.sync.setReason(id, reason);
      await desk.outbox.markProblem(id, 'rejected', reason.code);
    },
    async markConflict(id, serverCase) {
      if (serverCase) await desk.sync.setServerCase(serverCase.caseId, serverCase);
      await desk.outbox.markProblem(id, 'conflict', 'version.conflict');
    },
  };
}
