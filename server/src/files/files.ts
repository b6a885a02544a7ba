/**
 * Files as the server holds them: content-addressed by SHA-256, their bytes the pieces of the
 * upload that made them (see pg-store.ts). Read piece by piece, so a download never holds the whole
 * file in memory.
 */
import { createHash } from 'node:crypto';
import type { Queryable } from '../db/types';
import { newId } from '../util/hash';
import { PIECE_BYTES } from './pg-store';

export interface StoredFile {
  sha256: string;
  size: number;
  mimeType: string;
  uploadId: string;
}

/** The file if this akimat may read it (it uploaded it, or one of its cases names it). */
export async function fileFor(
  db: Queryable,
  sha256: string,
  akimatId: string,
): Promise<StoredFile | undefined> {
  const { rows } = await db.query<{ sha256: string; size: number; mime_type: string; upload_id: string }>(
    `SELECT f.sha256, f.size, f.mime_type, f.upload_id FROM files f
       JOIN file_access a ON a.sha256 = f.sha256 AND a.akimat_id = $2
      WHERE f.sha256 = $1`,
    [sha256, akimatId],
  );
  const row = rows[0];
  return (
    row && { sha256: row.sha256, size: Number(row.size), mimeType: row.mime_type, uploadId: row.upload_id }
  );
}

/** The bytes of a file, one stored piece at a time. */
export function fileStream(db: Queryable, file: StoredFile): ReadableStream<Uint8Array> {
  let start = -1;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { rows } = await db.query<{ start: number; data: Uint8Array }>(
        'SELECT start, data FROM upload_pieces WHERE upload_id = $1 AND start > $2 ORDER BY start LIMIT 1',
        [file.uploadId, start],
      );
      const piece = rows[0];
      if (!piece) {
        controller.close();
        return;
      }
      start = Number(piece.start);
      controller.enqueue(new Uint8Array(piece.data));
    },
  });
}

/**
 * Stores bytes the server itself holds whole (the portal's attachments of the feed and the seed):
 * the same tables as a tus upload, so a download cannot tell them apart. Idempotent by hash.
 */
export async function storeFile(
  tx: Queryable,
  bytes: Uint8Array,
  mimeType: string,
  akimatId: string,
): Promise<string> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const held = await tx.query('SELECT 1 FROM files WHERE sha256 = $1', [sha256]);
  if (held.rows.length === 0) {
    const uploadId = newId('s');
    await tx.query(
      `INSERT INTO uploads (id, sha256, size, upload_offset, mime_type, akimat_id, completed_at)
       VALUES ($1, $2, $3, $3, $4, $5, now())`,
      [uploadId, sha256, bytes.length, mimeType, akimatId],
    );
    for (let start = 0; start < bytes.length || start === 0; start += PIECE_BYTES) {
      await tx.query('INSERT INTO upload_pieces (upload_id, start, data) VALUES ($1, $2, $3)', [
        uploadId,
        start,
        Buffer.from(bytes.subarray(start, start + PIECE_BYTES)),
      ]);
      if (bytes.length === 0) break;
    }
    await tx.query(
      'INSERT INTO files (sha256, size, mime_type, upload_id) VALUES ($1, $2, $3, $4) ON CONFLICT (sha256) DO NOTHING',
      [sha256, bytes.length, mimeType, uploadId],
    );
  }
  await tx.query('INSERT INTO file_access (sha256, akimat_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
    sha256,
    akimatId,
  ]);
  return sha256;
}
