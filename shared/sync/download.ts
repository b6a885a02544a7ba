/**
 * A file of a pulled case fetched on demand (`GET /files/{sha256}`) and checked against its name:
 * the desk stores only bytes whose SHA-256 is the one the case's event names, so a file damaged on
 * the way, or a server that answers with something else, is refused and never cached.
 */
import { sha256Hex } from '../hash';
import { SyncFailure, type ApiClient } from './client';

export type DownloadOutcome =
  | { ok: true; bytes: Uint8Array; mimeType: string }
  /** network: no answer (offline); missing: the server has no such file; mismatch: the bytes are not the file named. */
  | { ok: false; code: 'network' | 'missing' | 'mismatch' | 'failed' };

export async function downloadFile(api: ApiClient, sha256: string): Promise<DownloadOutcome> {
  const expected = sha256.toLowerCase();
  let res: Response;
  try {
    res = await api.raw(`/files/${encodeURIComponent(expected)}`);
  } catch (error) {
    if (error instanceof SyncFailure) return { ok: false, code: 'network' };
    throw error;
  }
  if (res.status === 404) return { ok: false, code: 'missing' };
  if (!res.ok) return { ok: false, code: res.status >= 500 || res.status === 408 ? 'network' : 'failed' };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await res.arrayBuffer());
  } catch {
    // Cut off mid-way: nothing to check, nothing stored.
    return { ok: false, code: 'network' };
  }
  if ((await sha256Hex(bytes)) !== expected) return { ok: false, code: 'mismatch' };
  return { ok: true, bytes, mimeType: res.headers.get('content-type') ?? 'application/octet-stream' };
}
