/**
 * How the case store writes a local event and the files it refers to. One small adapter so the
 * store's ingest path (issue 7, `desk.cases.ingest(caseId, events, 'local', { files })`) replaces
 * the older append in one place.
 */
import type { AppendResult, Desk } from '../db';
import type { CaseEvent } from '../../../shared/workflow';

/** A file an event refers to, stored content-addressed with the case. */
export interface NewFile {
  sha256: string;
  blob: Blob;
  fileName: string;
  mimeType: string;
}

export async function writeLocal(
  desk: Desk,
  event: CaseEvent,
  files: readonly NewFile[],
): Promise<AppendResult> {
  // Until ingest lands the files go first, each in its own transaction: a file stored without its
  // event is harmless (content-addressed, referenced by nothing), an event without its file is not.
  for (const file of files) {
    await desk.attachments.put(file.blob, { fileName: file.fileName, mimeType: file.mimeType });
  }
  return desk.cases.appendEvent(event);
}
