/**
 * Positions in the change log. A cursor is `<epoch>.<xid>.<seq>`: the log's epoch, then the
 * transaction id and sequence number of the last event handed out. Pages are read in (xid, seq)
 * order and only below the oldest transaction still running, so an event committed late is never
 * behind a cursor already given (see 001-initial.sql, table events).
 *
 * A pull from the beginning is a snapshot first (changes.ts): whole cases in case id order, every
 * event up to the log's end when the snapshot began. Its cursor is `<epoch>.<xid>.<seq>.s<id>`:
 * that end, and the last case handed out (base64url); after the last case the cursor is the
 * log's, at that end.
 */
import type { Queryable } from '../db/types';

export interface Position {
  xid: string;
  seq: number;
  /** In a snapshot: the last case id handed out ('' before the first); (xid, seq) is its end. */
  snapshotAfter?: string;
}

export const START: Position = { xid: '0', seq: 0 };

export type CursorCheck =
  { ok: true; position: Position } | { ok: false; problem: 'invalid' } | { ok: false; problem: 'start-over' };

const CURSOR = /^([a-z0-9]{1,32})\.(\d{1,20})\.(\d{1,20})(?:\.s([A-Za-z0-9_-]{0,400}))?$/;

export async function currentEpoch(db: Queryable): Promise<string> {
  const { rows } = await db.query<{ value: string }>("SELECT value FROM server_meta WHERE key = 'epoch'");
  const epoch = rows[0]?.value;
  if (!epoch) throw new Error('server_meta has no epoch: the migrations did not run');
  return epoch;
}

export function encodeCursor(epoch: string, position: Position): string {
  const log = `${epoch}.${position.xid}.${position.seq}`;
  if (position.snapshotAfter === undefined) return log;
  return `${log}.s${Buffer.from(position.snapshotAfter, 'utf8').toString('base64url')}`;
}

/**
 * A cursor from another epoch, or one ahead of anything this database has made (a restore from an
 * older backup), means start over; text that no server could have made is invalid.
 */
export async function readCursor(db: Queryable, cursor: string | undefined): Promise<CursorCheck> {
  if (cursor === undefined) return { ok: true, position: START };
  const m = CURSOR.exec(cursor);
  if (!m) return { ok: false, problem: 'invalid' };
  const [, epoch = '', xid = '', seq = '', snapshot] = m;
  if (epoch !== (await currentEpoch(db))) return { ok: false, problem: 'start-over' };
  const { rows } = await db.query<{ ahead: boolean }>(
    `SELECT ($1::xid8 >= pg_snapshot_xmax(pg_current_snapshot())
             OR $2::bigint > (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM change_seq)) AS ahead`,
    [xid, seq],
  );
  if (rows[0]?.ahead) return { ok: false, problem: 'start-over' };
  const position: Position = { xid: String(BigInt(xid)), seq: Number(seq) };
  if (snapshot !== undefined) position.snapshotAfter = Buffer.from(snapshot, 'base64url').toString('utf8');
  return { ok: true, position };
}
