// The parts of the browser host that need no DOM: what <input accept> gets, and the checks applied
// to a chosen file before its bytes are read.
import {
  extensionOf,
  HostError,
  requireWithinMaxBytes,
  type FileTypeFilter,
  type OpenFileRequest,
  type OpenedFile,
} from '../../../shared/host';

/** `accept` for <input type=file>: each MIME type and each extension, e.g. "application/pdf,.pdf". */
export function acceptAttribute(accept: readonly FileTypeFilter[]): string {
  const parts = accept.flatMap((f) => [f.mimeType, ...f.extensions.map((e) => `.${e}`)]);
  return [...new Set(parts)].join(',');
}

/** The subset of File the checks need (a File satisfies it). */
export interface ChosenFile {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/**
 * Checks a chosen file against the request before reading it: `accept` on the input is only a hint
 * the person can override ("All files"), and a huge file must be refused before it fills memory.
 */
export async function readChosenFile(file: ChosenFile, req: OpenFileRequest): Promise<OpenedFile> {
  const allowed = req.accept.flatMap((f) => f.extensions);
  if (!allowed.includes(extensionOf(file.name))) {
    throw new HostError('not-allowed', 'file type not accepted');
  }
  requireWithinMaxBytes(file.size, req.maxBytes);
  const bytes = new Uint8Array(await file.arrayBuffer());
  // The size of a File can change under us (a file still being written); check what we got.
  requireWithinMaxBytes(bytes.byteLength, req.maxBytes);
  return { name: file.name, bytes };
}

/** Bytes as a Blob part without copying when they already sit in a plain ArrayBuffer. */
export function blobPart(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}
