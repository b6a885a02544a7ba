/**
 * The storage port in memory, with the desk's ingest semantics that the engine relies on
 * (idempotent by event id; remote events held over unsent local work; a remote copy of a local
 * event acknowledges it). The real port over IndexedDB is tested against the real server.
 */
import type { CaseRecord } from '../../api';
import type { CaseEvent } from '../../workflow';
import type {
  OutgoingEntry,
  OutgoingFile,
  PageResult,
  PulledCase,
  RejectedReason,
  SyncStore,
} from '../store';

export class MemoryStore implements SyncStore {
  savedCursor: string | null = null;
  readonly cases = new Map<string, CaseEvent[]>();
  readonly entries: OutgoingEntry[] = [];
  readonly held: CaseEvent[] = [];
  readonly files = new Map<string, OutgoingFile>();
  readonly conflicts = new Map<string, CaseRecord | undefined>();
  readonly rejections = new Map<string, RejectedReason>();
  /** Cursors in the order they were stored (one per committed page). */
  readonly cursorLog: Array<string | null> = [];

  /** A local action: the event joins its case and the outbox. */
  local(event: CaseEvent, now = '2026-12-14T05:00:00.000Z'): void {
    this.cases.set(event.caseId, [...(this.cases.get(event.caseId) ?? []), event]);
    this.entries.push({
      eventId: event.id,
      caseId: event.caseId,
      seq: event.baseVersion,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: now,
      event,
    });
  }

  cursor() {
    return Promise.resolve(this.savedCursor);
  }
  setCursor(cursor: string | null) {
    this.savedCursor = cursor;
    this.cursorLog.push(cursor);
    return Promise.resolve();
  }
  ingestPage(cases: readonly PulledCase[], cursor?: string): Promise<PageResult> {
    let held = 0;
    if (cursor !== undefined) {
      this.savedCursor = cursor;
      this.cursorLog.push(cursor);
    }
    for (const c of cases) {
      const known = this.cases.get(c.caseId) ?? [];
      for (const e of c.events) {
        if (known.some((k) => k.id === e.id) || this.held.some((h) => h.id === e.id)) {
          const i = this.entries.findIndex((x) => x.eventId === e.id);
          if (i >= 0) this.entries.splice(i, 1);
          continue;
        }
        if (this.entries.some((x) => x.caseId === c.caseId)) {
          this.held.push(e);
          held += 1;
          continue;
        }
        known.push(e);
      }
      this.cases.set(c.caseId, known);
    }
    return Promise.resolve({ refused: [], held });
  }
  releaseHeld() {
    let released = 0;
    for (const e of [...this.held]) {
      if (this.entries.some((x) => x.caseId === e.caseId)) continue;
      this.held.splice(this.held.indexOf(e), 1);
      this.cases.get(e.caseId)!.push(e);
      released += 1;
    }
    return Promise.resolve(released);
  }
  outbox() {
    const sorted = [...this.entries].sort((a, b) =>
      a.caseId === b.caseId ? a.seq - b.seq : a.caseId < b.caseId ? -1 : 1,
    );
    return Promise.resolve(sorted.map((e) => ({ ...e })));
  }
  filesOf(events: readonly CaseEvent[]) {
    const shas = new Set<string>();
    for (const e of events) {
      if (e.type === 'document-produced') shas.add(e.payload.sha256);
      if (e.type === 'signed') {
        if ('signatureSha256' in e.payload) shas.add(e.payload.signatureSha256);
      }
    }
    return Promise.resolve([...shas].flatMap((s) => (this.files.has(s) ? [this.files.get(s)!] : [])));
  }
  private entry(id: string): OutgoingEntry {
    const e = this.entries.find((x) => x.eventId === id);
    if (!e) throw new Error(`no outbox entry ${id}`);
    return e;
  }
  markSending(ids: readonly string[]) {
    for (const id of ids) this.entry(id).status = 'sending';
    return Promise.resolve();
  }
  acknowledge(ids: readonly string[]) {
    for (const id of ids) this.entries.splice(this.entries.indexOf(this.entry(id)), 1);
    return Promise.resolve();
  }
  retryLater(ids: readonly string[], nextAttemptAt: string, error: string, countAttempt: boolean) {
    for (const id of ids) {
      const e = this.entry(id);
      Object.assign(e, {
        status: 'pending',
        nextAttemptAt,
        lastError: error,
        attempts: e.attempts + (countAttempt ? 1 : 0),
      });
    }
    return Promise.resolve();
  }
  markRejected(id: string, reason: RejectedReason) {
    Object.assign(this.entry(id), { status: 'rejected', lastError: reason.code });
    this.rejections.set(id, reason);
    return Promise.resolve();
  }
  markConflict(id: string, serverCase: CaseRecord | undefined) {
    Object.assign(this.entry(id), { status: 'conflict', lastError: 'version.conflict' });
    this.conflicts.set(id, serverCase);
    return Promise.resolve();
  }
}
