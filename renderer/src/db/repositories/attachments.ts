import type { DeskDatabase } from '../database';
import { AttachmentTooLargeError, guarded } from '../errors';

export interface AttachmentMeta {
  sha256: string;
  fileName: string;
  mimeType: string;
  size: number;
  storedAt: string;
}

export interface StoredAttachment {
  blob: Blob;
  meta: AttachmentMeta;
}

export interface AttachmentRepository {
  /**
   * Stores the bytes under their SHA-256 (the same bytes are stored once; the first name is kept).
   * Throws AttachmentTooLargeError above the settings' limit, StorageError when storage fails.
   */
  put(blob: Blob, meta: { fileName: string; mimeType: string }): Promise<AttachmentMeta>;
  get(sha256: string): Promise<StoredAttachment | undefined>;
  has(sha256: string): Promise<boolean>;
}

/** Lowercase hex SHA-256 of the bytes (Web Crypto: the same in the browser, Electron and Node). */
export async function sha256Hex(bytes: ArrayBuffer | Uint8Array): Promise<string> {
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const digest = await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

function metaOf(record: AttachmentMeta): AttachmentMeta {
  return {
    sha256: record.sha256,
    fileName: record.fileName,
    mimeType: record.mimeType,
    size: record.size,
    storedAt: record.storedAt,
  };
}

export function createAttachmentRepository(
  db: DeskDatabase,
  maxBytes: () => Promise<number>,
): AttachmentRepository {
  return {
    async put(blob, meta) {
      const limit = await maxBytes();
      // Checked before reading the bytes: hashing a 2 GB file by mistake would freeze the desk.
      if (blob.size > limit) throw new AttachmentTooLargeError(blob.size, limit);
      const sha256 = await sha256Hex(await blob.arrayBuffer());
      return guarded(() =>
        db.transaction('rw', db.attachments, async () => {
          const existing = await db.attachments.get(sha256);
          if (existing) return metaOf(existing);
          const record = {
            sha256,
            blob,
            fileName: meta.fileName,
            mimeType: meta.mimeType,
            size: blob.size,
            storedAt: new Date().toISOString(),
          };
          await db.attachments.add(record);
          return metaOf(record);
        }),
      );
    },
    get: (sha256) =>
      guarded(async () => {
        const record = await db.attachments.get(sha256.toLowerCase());
        return record ? { blob: record.blob, meta: metaOf(record) } : undefined;
      }),
    has: (sha256) =>
      guarded(async () => (await db.attachments.where('sha256').equals(sha256.toLowerCase()).count()) > 0),
  };
}
