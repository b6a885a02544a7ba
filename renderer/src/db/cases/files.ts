/**
 * The files events refer to, and the new files a local action brings with it. Every file is stored
 * content-addressed in `attachments`; `caseFiles` says which case refers to which bytes, and why.
 */
import type { CaseEvent } from '../../../../shared/workflow';
import { AttachmentTooLargeError } from '../errors';
import type { AttachmentRecord, CaseFileRecord, CaseFileRole } from '../records';
import { sha256Hex } from '../../../../shared/hash';

/** A file stored with the events that refer to it, in the same transaction. */
export interface NewFile {
  /** Lowercase hex SHA-256 of the bytes; checked before anything is stored. */
  sha256: string;
  blob: Blob;
  fileName: string;
  mimeType: string;
}

/** A local event names bytes that are neither stored nor brought along: the caller's mistake. */
export class FileMissingError extends Error {
  override readonly name = 'FileMissingError';
  readonly code = 'ingest.file-missing';
  constructor(readonly sha256: string) {
    super(`an event refers to a file that is not stored: ${sha256}`);
  }
}

/** A file whose bytes do not have the hash it was given: nothing was stored. */
export class FileHashMismatchError extends Error {
  override readonly name = 'FileHashMismatchError';
  readonly code = 'ingest.file-hash-mismatch';
  constructor(readonly sha256: string) {
    super(`the bytes given for ${sha256} have another SHA-256`);
  }
}

/** The files an event refers to, with the role each plays in the case. */
export function fileRefsOf(event: CaseEvent): CaseFileRecord[] {
  const refs: CaseFileRecord[] = [];
  const add = (sha256: string | undefined, role: CaseFileRole) => {
    if (sha256)
      refs.push({
        caseId: event.caseId,
        sha256: sha256.toLowerCase(),
        role,
        eventId: event.id,
        seq: event.baseVersion,
      });
  };
  if (event.type === 'received')
    for (const a of event.payload.application.attachments) {
      add(a.sha256, 'attachment');
      // The applicant's detached signature of the file travels and is kept like the file.
      add(a.signature?.sha256, 'attachment');
    }
  if (event.type === 'document-produced') add(event.payload.sha256, 'produced');
  if (event.type === 'signed') {
    const p: { documentSha256: string; signatureSha256?: string; signedPdfSha256?: string } = event.payload;
    add(p.documentSha256, 'signed-document');
    add(p.signatureSha256, 'signature');
    add(p.signedPdfSha256, 'signed-pdf');
  }
  if (event.type === 'cosigned') add(event.payload.signatureSha256, 'signature');
  return refs;
}

/** The files whose bytes the desk must hold before a local event referring to them is stored. */
export function requiredFilesOf(event: CaseEvent): string[] {
  return fileRefsOf(event)
    .filter((r) => r.role !== 'attachment')
    .map((r) => r.sha256);
}

/**
 * Checks every new file's size and hash (before the transaction: hashing is not IndexedDB work, and
 * an IndexedDB transaction commits while it waits on anything else) and returns its record.
 */
export async function checkedFiles(files: readonly NewFile[], maxBytes: number): Promise<AttachmentRecord[]> {
  const storedAt = new Date().toISOString();
  const records: AttachmentRecord[] = [];
  for (const f of files) {
    if (f.blob.size > maxBytes) throw new AttachmentTooLargeError(f.blob.size, maxBytes);
    const sha256 = f.sha256.toLowerCase();
    if ((await sha256Hex(await f.blob.arrayBuffer())) !== sha256) throw new FileHashMismatchError(sha256);
    records.push({
      sha256,
      blob: f.blob,
      fileName: f.fileName,
      mimeType: f.mimeType,
      size: f.blob.size,
      storedAt,
    });
  }
  return records;
}
