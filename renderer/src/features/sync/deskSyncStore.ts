/**
 * The sync engine's storage port (shared/sync SyncStore) over the desk's storage API: the pull goes
 * through the one ingest path (remote), the push reads and updates the outbox of references, and
 * the checkpoint and the server's copy of a conflicting case live in `desk.sync`.
 */
import type { CaseEvent } from '../../../../shared/workflow';
import type { OutgoingFile, SyncStore } from '../../../../shared/sync';
import type { Desk } from '../../db';

/** The bytes the server must hold before these events: produced documents, signed documents, signatures. */
export function fileShasOf(event: CaseEvent): string[] {
  if (event.type === 'document-produced') return [event.payload.sha256];
  if (event.type === 'signed') {
    const p = event.payload;
    return 'signatureSha256' in p ? [p.documentSha256, p.signatureSha256] : [p.documentSha256];
  }
  // The cosignature's own CMS; the bytes it signs came with the first signature.
  if (event.type === 'cosigned') return [event.payload.signatureSha256];
  return [];
}

export function deskSyncStore(desk: Desk): SyncStore {
  return {
    cursor: () => desk.sync.cursor(),
    setCursor: (cursor) => desk.sync.setCursor(cursor),
    async ingestPage(cases) {
      const result = await desk.cases.ingestMany(cases, 'remote');
      return {
        held: result.held,
        refused: result.refused.map((r) => ({ caseId: r.caseId, code: r.reason.code })),
      };
    },
    releaseHeld: () => desk.cases.releaseHeld(),
    outbox: () => desk.outbox.list(),
    async filesOf(events) {
      const shas = [...new Set(events.flatMap(fileShasOf).map((s) => s.toLowerCase()))];
      const files: OutgoingFile[] = [];
      for (const sha256 of shas) {
        const stored = await desk.attachments.get(sha256);
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
