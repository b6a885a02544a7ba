/**
 * The desk's side of the working set (shared/sync/working-set.ts; the port over these functions is
 * features/sync/deskWorkingSet.ts): dropping the later events and
 * the files of old settled cases, and putting a case's history back from the server's record.
 * No schema change: an evicted case is marked in `syncState` (`evicted:<caseId>`, with the version
 * it had), and its projection, queue row and `received` event (its application) stay as they are.
 *
 * Never an unsynced case: each chunk's transaction reads the outbox and the held events of its
 * cases again and leaves whole every case with an entry of any status or a held event, so a local
 * action made in another window meanwhile is never lost (IndexedDB runs the two one after the other).
 */
import Dexie from 'dexie';
import type { CaseRecord } from '../../../../shared/api';
import { foldEvents, type CaseEvent } from '../../../../shared/workflow';
import type { DeskDatabase } from '../database';
import type { AttachmentRecord, StoredState } from '../records';
import type { AttachmentRepository } from '../repositories/attachments';
import { fileRefsOf } from './files';

const MARK = 'evicted:';

/** What one pass dropped and kept (shared/sync's EvictionResult: the port is wired in features/sync). */
export interface EvictionResult {
  evicted: string[];
  keptUnsynced: string[];
  freedFiles: number;
}
const CHUNK = 200;

interface EvictedMark {
  /** The case's version when its events were dropped: events 1 … version-1 come back on restore. */
  version: number;
  at: string;
}

const settled = (s: StoredState) => s.stage === 'closed' && s.complaints.every((c) => c.answer !== undefined);

const eventsOf = (db: DeskDatabase, caseId: string) =>
  db.caseEvents.where('[caseId+baseVersion]').between([caseId, 0], [caseId, Infinity]);

/** Without a file repository (IndexedDB keeps the bytes): records removed are simply gone. */
const IN_RECORDS: Pick<AttachmentRepository, 'deleting'> = {
  deleting: (work) => work(() => undefined),
};

export async function evictSettled(
  db: DeskDatabase,
  before: string,
  keepHeldBy: string | null,
  now: () => Date = () => new Date(),
  files: Pick<AttachmentRepository, 'deleting'> = IN_RECORDS,
): Promise<EvictionResult> {
  const limit = Date.parse(`${before}T00:00:00Z`);
  const marked = new Set(
    (await db.syncState.where('key').startsWith(MARK).primaryKeys()).map((k) => k.slice(MARK.length)),
  );
  const candidates = (
    await db.caseStates
      .filter(
        (r) =>
          settled(r.state) &&
          Date.parse(r.state.latestAt) < limit &&
          (keepHeldBy === null || r.state.assignedTo !== keepHeldBy) &&
          !marked.has(r.caseId),
      )
      .primaryKeys()
  ).sort();
  const result: EvictionResult = { evicted: [], keptUnsynced: [], freedFiles: 0 };
  for (let i = 0; i < candidates.length; i += CHUNK) {
    const chunk = candidates.slice(i, i + CHUNK);
    // The bytes of files kept in the host's store leave it once this chunk's transaction committed.
    await files.deleting((drop) =>
      db.transaction(
        'rw',
        [db.caseStates, db.caseEvents, db.caseFiles, db.attachments, db.outbox, db.heldEvents, db.syncState],
        async () => {
          const dropping: string[] = [];
          for (const caseId of chunk) {
            const unsent = await db.outbox
              .where('[caseId+seq]')
              .between([caseId, Dexie.minKey], [caseId, Dexie.maxKey])
              .count();
            const held = await db.heldEvents.where('caseId').equals(caseId).count();
            const record = await db.caseStates.get(caseId);
            if (unsent > 0 || held > 0) {
              result.keptUnsynced.push(caseId);
              continue;
            }
            if (!record || !settled(record.state)) continue;
            dropping.push(caseId);
            await eventsOf(db, caseId)
              .filter((e) => e.baseVersion >= 1)
              .delete();
            await db.syncState.put({
              key: `${MARK}${caseId}`,
              value: { version: record.state.version, at: now().toISOString() } satisfies EvictedMark,
            });
          }
          if (dropping.length === 0) return;
          const dropped = new Set(dropping);
          // The files of the dropped events go with them; the application's stay listed (their bytes
          // are fetched on demand) unless no case still whole refers to the same bytes.
          const refs = await db.caseFiles.toArray();
          const stillUsed = new Set(
            refs.filter((r) => !dropped.has(r.caseId) && !marked.has(r.caseId)).map((r) => r.sha256),
          );
          const mine = refs.filter((r) => dropped.has(r.caseId));
          await db.caseFiles.bulkDelete(
            mine.filter((r) => r.seq >= 1).map((r) => [r.caseId, r.sha256] as [string, string]),
          );
          const freed = [...new Set(mine.map((r) => r.sha256))].filter((sha) => !stillUsed.has(sha));
          const present = (await db.attachments.bulkGet(freed)).filter(
            (a): a is AttachmentRecord => a !== undefined,
          );
          await db.attachments.bulkDelete(present.map((a) => a.sha256));
          drop(present);
          result.freedFiles += present.length;
          result.evicted.push(...dropping);
        },
      ),
    );
  }
  return result;
}

export async function isEvicted(db: DeskDatabase, caseId: string): Promise<boolean> {
  return (await db.syncState.get(`${MARK}${caseId}`)) !== undefined;
}

/** The events the desk dropped, from the server's record, checked to fold into the kept projection. */
export async function restoreEvicted(db: DeskDatabase, record: CaseRecord): Promise<CaseEvent[] | undefined> {
  return db.transaction('rw', [db.caseStates, db.caseEvents, db.caseFiles, db.syncState], async () => {
    const mark = (await db.syncState.get(`${MARK}${record.caseId}`))?.value as EvictedMark | undefined;
    const kept = await db.caseStates.get(record.caseId);
    if (!mark || !kept) return undefined;
    const upTo = record.events.slice(0, mark.version);
    const folded = foldEvents(upTo);
    const kept0 = (await db.caseEvents.get([record.caseId, 0]))?.id;
    // The server's history must be the one the desk had: the same case from the same application,
    // folding to the version and the stage the desk kept.
    if (
      !folded.ok ||
      folded.state.caseId !== record.caseId ||
      folded.state.version !== mark.version ||
      folded.state.stage !== kept.state.stage ||
      upTo[0]?.id !== kept0
    )
      throw new Error('the server’s history of an evicted case does not match the desk’s');
    const present = new Set((await eventsOf(db, record.caseId).primaryKeys()).map((k) => k[1]));
    const missing = upTo.filter((e) => !present.has(e.baseVersion));
    await db.caseEvents.bulkPut(missing);
    await db.caseFiles.bulkPut(missing.flatMap(fileRefsOf));
    await db.syncState.delete(`${MARK}${record.caseId}`);
    // What the server has beyond the desk's version goes through the one ingest path (the caller).
    return record.events.slice(mark.version);
  });
}

/** The functions above over one desk's database, for the sync wiring (which never sees Dexie). */
export function caseWorkingSet(desk: {
  readonly db: DeskDatabase;
  readonly attachments?: Pick<AttachmentRepository, 'deleting'>;
}) {
  return {
    evictSettled: (before: string, keepHeldBy: string | null) =>
      evictSettled(desk.db, before, keepHeldBy, undefined, desk.attachments),
    isEvicted: (caseId: string) => isEvicted(desk.db, caseId),
    restoreEvicted: (record: CaseRecord) => restoreEvicted(desk.db, record),
  };
}
