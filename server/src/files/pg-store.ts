/**
 * The tus data store, in the database: the server stays stateless (any process can take the next
 * chunk of an upload another process started). Bytes are committed in pieces as they arrive, each
 * with the new offset in one transaction and only if the offset is still the one the piece starts
 * at, so a cut connection resumes at the last committed byte and two processes can never both
 * write the same range. The last piece's transaction also hashes the whole upload: only when its
 * SHA-256 is the one declared at creation does it become a file, content-addressed.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DataStore, ERRORS, Upload } from '@tus/utils';
import type { Database, Queryable } from '../db/types';

/** Bytes per stored piece: small enough to hold in memory, large enough to keep rows few. */
export const PIECE_BYTES = 256 * 1024;

/** Who is uploading (set by the HTTP layer around each tus request; nothing outlives the request). */
export const uploader = new AsyncLocalStorage<{ akimatId: string; deviceId: string }>();

/** A refusal as @tus/server answers it (status_code and a plain-text body), thrown as an Error. */
export class TusRefusal extends Error {
  constructor(
    readonly status_code: number,
    readonly body: string,
  ) {
    super(body.trim());
  }
}

const refusalOf = (known: { status_code: number; body: string }) =>
  new TusRefusal(known.status_code, known.body);

/** 460 is the tus checksum extension's "Checksum Mismatch". */
export class HashMismatch extends TusRefusal {
  constructor() {
    super(460, 'file.hash-mismatch: the SHA-256 of the whole upload is not the one declared\n');
  }
}

interface UploadRow {
  id: string;
  sha256: string;
  size: number;
  upload_offset: number;
  metadata: string | null;
  created_at: unknown;
}

async function hashPieces(tx: Queryable, uploadId: string, last: Uint8Array): Promise<string> {
  const hash = createHash('sha256');
  let start = -1;
  // One piece at a time, in order: the whole file is never in memory at once.
  for (;;) {
    const { rows } = await tx.query<{ start: number; data: Uint8Array }>(
      'SELECT start, data FROM upload_pieces WHERE upload_id = $1 AND start > $2 ORDER BY start LIMIT 1',
      [uploadId, start],
    );
    const piece = rows[0];
    if (!piece) break;
    hash.update(piece.data);
    start = Number(piece.start);
  }
  hash.update(last);
  return hash.digest('hex');
}

export class PgStore extends DataStore {
  constructor(private readonly db: Database) {
    super();
    this.extensions = ['creation', 'creation-with-upload', 'termination'];
  }

  override async create(upload: Upload): Promise<Upload> {
    const who = uploader.getStore();
    const sha256 = upload.metadata?.['sha256'] ?? '';
    const mimeType = upload.metadata?.['mimeType'] ?? 'application/octet-stream';
    await this.db.query(
      `INSERT INTO uploads (id, sha256, size, mime_type, metadata, akimat_id, device_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        upload.id,
        sha256,
        upload.size ?? 0,
        mimeType,
        metadataText(upload),
        who?.akimatId ?? null,
        who?.deviceId ?? null,
      ],
    );
    upload.creation_date = new Date().toISOString();
    return upload;
  }

  override async getUpload(id: string): Promise<Upload> {
    const { rows } = await this.db.query<UploadRow>(
      'SELECT id, sha256, size, upload_offset, metadata, created_at FROM uploads WHERE id = $1',
      [id],
    );
    const row = rows[0];
    if (!row) throw refusalOf(ERRORS.FILE_NOT_FOUND);
    return new Upload({
      id: row.id,
      size: Number(row.size),
      offset: Number(row.upload_offset),
      metadata: row.metadata === null ? {} : (JSON.parse(row.metadata) as Record<string, string | null>),
      creation_date: new Date(
        String(row.created_at instanceof Date ? row.created_at.toISOString() : row.created_at),
      ).toISOString(),
    });
  }

  override async write(stream: Readable, id: string, offset: number): Promise<number> {
    let at = offset;
    let buffered: Buffer[] = [];
    let length = 0;
    const flush = async () => {
      if (length === 0) return;
      const piece = Buffer.concat(buffered, length);
      buffered = [];
      length = 0;
      at = await this.commitPiece(id, at, piece);
    };
    try {
      for await (const chunk of stream) {
        const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
        buffered.push(bytes);
        length += bytes.length;
        if (length >= PIECE_BYTES) await flush();
      }
      await flush();
    } catch (error) {
      // What arrived before the cut is a true prefix of the file: keep it, so the client resumes there.
      if (!(error instanceof HashMismatch) && length > 0) await flush().catch(() => undefined);
      throw error;
    }
    return at;
  }

  /** Stores one piece at `start`; the last one also checks the hash and makes the file. */
  private async commitPiece(id: string, start: number, piece: Buffer): Promise<number> {
    try {
      return await this.db.transaction(async (tx) => {
        const moved = await tx.query<{
          size: number;
          sha256: string;
          mime_type: string;
          akimat_id: string | null;
        }>(
          `UPDATE uploads SET upload_offset = upload_offset + $3
            WHERE id = $1 AND upload_offset = $2 AND upload_offset + $3 <= size AND completed_at IS NULL
            RETURNING size, sha256, mime_type, akimat_id`,
          [id, start, piece.length],
        );
        const upload = moved.rows[0];
        if (!upload) throw refusalOf(ERRORS.INVALID_OFFSET);
        const end = start + piece.length;
        if (end === Number(upload.size)) {
          const actual = await hashPieces(tx, id, piece);
          if (actual !== upload.sha256) throw new HashMismatch();
          await tx.query('UPDATE uploads SET completed_at = now() WHERE id = $1', [id]);
          await tx.query(
            'INSERT INTO files (sha256, size, mime_type, upload_id) VALUES ($1, $2, $3, $4) ON CONFLICT (sha256) DO NOTHING',
            [upload.sha256, upload.size, upload.mime_type, id],
          );
          if (upload.akimat_id !== null) {
            await tx.query(
              'INSERT INTO file_access (sha256, akimat_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
              [upload.sha256, upload.akimat_id],
            );
          }
        }
        await tx.query('INSERT INTO upload_pieces (upload_id, start, data) VALUES ($1, $2, $3)', [
          id,
          start,
          piece,
        ]);
        return end;
      });
    } catch (error) {
      // Bytes that are not the declared file are thrown away whole; the client starts a new upload.
      if (error instanceof HashMismatch) await this.db.query('DELETE FROM uploads WHERE id = $1', [id]);
      throw error;
    }
  }

  override async remove(id: string): Promise<void> {
    const { rows } = await this.db.query(
      'DELETE FROM uploads WHERE id = $1 AND completed_at IS NULL RETURNING id',
      [id],
    );
    if (rows.length === 0) throw refusalOf(ERRORS.FILE_NOT_FOUND);
  }
}

function metadataText(upload: Upload): string | null {
  return upload.metadata ? JSON.stringify(upload.metadata) : null;
}
