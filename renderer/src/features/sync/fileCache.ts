/**
 * The bytes of a case's file, from the desk's content-addressed store or, for a pulled case whose
 * files were never sent here, downloaded once from the central system when the officer opens it,
 * hash-checked (shared/sync downloadFile) and kept in the same store. Offline it says "not
 * downloaded yet"; a file whose bytes do not match its hash is refused and not stored.
 */
import { downloadFile, type ApiClient } from '../../../../shared/sync';
import type { Desk } from '../../db';

export type FetchProblem = 'notDownloaded' | 'mismatch' | 'missing' | 'failed';

/** Ensures the file is in the desk's store; undefined when it is (or now is), else why not. */
export async function ensureFile(
  desk: Desk,
  api: ApiClient | null,
  file: { sha256: string; fileName: string; mimeType: string },
): Promise<FetchProblem | undefined> {
  if (await desk.attachments.has(file.sha256.toLowerCase())) return undefined;
  // Not enrolled: nothing to fetch from; the viewer says the file is not stored, as before.
  if (!api) return undefined;
  const got = await downloadFile(api, file.sha256);
  if (!got.ok) return got.code === 'network' ? 'notDownloaded' : got.code;
  // The event's MIME type, not the answer's: the case names what the file is.
  const blob = new Blob([got.bytes as Uint8Array<ArrayBuffer>], { type: file.mimeType });
  await desk.attachments.put(blob, { fileName: file.fileName, mimeType: file.mimeType });
  return undefined;
}
