/**
 * The tus 1.0 endpoint (`/files/`): creation, creation-with-upload and termination, on the
 * database store. A new upload must declare the file's SHA-256, name and type in Upload-Metadata
 * and a length within MAX_FILE_BYTES; both are refused before a byte of it is read.
 */
import { Server } from '@tus/server';
import { MAX_FILE_BYTES } from '../../../shared/api';
import type { Database } from '../db/types';
import { newId } from '../util/hash';
import { PgStore, TusRefusal } from './pg-store';

const SHA256 = /^[0-9a-f]{64}$/;

const refusal = (status: number, code: string, why: string) => new TusRefusal(status, `${code}: ${why}\n`);

export function tusServer(db: Database): Server {
  return new Server({
    path: '/files',
    datastore: new PgStore(db),
    maxSize: MAX_FILE_BYTES,
    relativeLocation: true,
    // Upload ids never look like a SHA-256, so `/files/<64 hex>` is always a finished file.
    namingFunction: () => newId('u'),
    onUploadCreate: (_req, upload) => {
      const meta = upload.metadata ?? {};
      const sha256 = meta['sha256'] ?? '';
      if (!SHA256.test(sha256)) {
        return Promise.reject(
          refusal(400, 'upload.metadata', 'Upload-Metadata must give sha256 (64 lowercase hex)'),
        );
      }
      if (!meta['fileName'] || !meta['mimeType']) {
        return Promise.reject(
          refusal(400, 'upload.metadata', 'Upload-Metadata must give fileName and mimeType'),
        );
      }
      if (upload.size === undefined) {
        return Promise.reject(refusal(400, 'upload.length', 'the length must be declared (Upload-Length)'));
      }
      return Promise.resolve({});
    },
    // tus's own refusals and ours pass as they are; anything unforeseen is a plain 500, since its
    // message may quote what the database said.
    onResponseError: (_req, error) =>
      'status_code' in error ? undefined : { status_code: 500, body: 'internal: the upload failed; retry\n' },
  });
}
