/**
 * The documents the desk produced for a case, as the case keeps them: each `document-produced`
 * event names its bytes by SHA-256, stored with the case. From the history a document can be opened
 * again, saved again or printed again (re-sent) — the very bytes recorded, checked against the
 * digest first, never a new rendering.
 */
import type { TFunction } from 'i18next';
import type { Host } from '../../../../shared/host';
import type { CaseEvent, EventPayloads } from '../../../../shared/workflow';
import type { StoredAttachment } from '../../db';
import { verifiedBytes, type FileProblem } from '../documents/fileCheck';
import { exportPdf, type ExportAction, type ExportOutcome } from '../forms/produceExport';
import { documentFileName } from '../forms/produceName';

export interface ProducedDocument {
  eventId: string;
  form: EventPayloads['document-produced']['form'];
  language: EventPayloads['document-produced']['language'];
  sha256: string;
  mimeType: 'application/pdf';
  fileName: string;
  at: string;
}

/** A produced document named for people: its form and its language. */
export function producedDocumentTitle(t: TFunction, doc: ProducedDocument): string {
  return t('record.produced.title', {
    form: t(`forms.name.${doc.form}`),
    language: t(`forms.language.${doc.language}`),
  });
}

export function producedDocuments(events: readonly CaseEvent[], caseNumber: string): ProducedDocument[] {
  return events.flatMap((e) =>
    e.type === 'document-produced'
      ? [
          {
            eventId: e.id,
            form: e.payload.form,
            language: e.payload.language,
            sha256: e.payload.sha256,
            mimeType: 'application/pdf' as const,
            fileName: documentFileName(caseNumber, e.payload.form, e.payload.language),
            at: e.at,
          },
        ]
      : [],
  );
}

export type ResendOutcome =
  | ExportOutcome
  /** The recorded bytes are not on this desk, or are not the recorded ones. */
  | { kind: 'file'; problem: FileProblem };

export async function resendDocument(
  doc: ProducedDocument,
  action: ExportAction,
  deps: {
    load: (sha256: string) => Promise<StoredAttachment | undefined>;
    host: Pick<Host, 'saveFile' | 'printPdf'>;
    title: string;
  },
): Promise<ResendOutcome> {
  const verified = await verifiedBytes(doc, deps.load);
  if ('problem' in verified) return { kind: 'file', problem: verified.problem };
  return exportPdf(verified.bytes, action, { fileName: doc.fileName, title: deps.title }, deps.host);
}
