/**
 * Making the document that leaves the desk: validated, rendered with today's date, recorded as a
 * 'document-produced' event with its bytes (stored with the case by SHA-256, in the event's own
 * transaction), then saved or printed through the host. Nothing leaves the desk that the case does
 * not record, and nothing is recorded whose bytes the case does not keep: a refused event stops the
 * export.
 */
import {
  renderForm,
  templateVersionString,
  validateValues,
  type FieldProblem,
  type FormFonts,
  type FormId,
  type FormLanguage,
  type FormTemplate,
  type FormValues,
} from '../../../../shared/forms';
import type { Host, HostErrorCode } from '../../../../shared/host';
import type { EventPayloads, RejectionReason } from '../../../../shared/workflow';
import { sha256Hex } from '../../db';
import type { StorageProblem } from '../../i18n/codes';
import type { ActOutcome, NewFile } from '../../stores/caseStore';
import { exportPdf } from './produceExport';
import { documentFileName } from './produceName';

export { documentFileName } from './produceName';

export type ProduceAction = 'save' | 'print';

export type ProduceOutcome =
  | { kind: 'done'; action: ProduceAction }
  /** Required fields empty or values malformed: nothing rendered, stored or exported. */
  | { kind: 'blocked'; problems: FieldProblem[] }
  /** The reducer refused the event (e.g. the case is held by someone else): nothing exported. */
  | { kind: 'rejected'; reason: RejectionReason }
  | { kind: 'storage'; problem: StorageProblem }
  /** Recorded with the case, but the host could not save or print it (cancelled is not a failure). */
  | { kind: 'host-failed'; code: HostErrorCode }
  | { kind: 'cancelled' };

/** A document already rendered and recorded: saving then printing it records it once. */
export interface Produced {
  key: string;
  bytes: Uint8Array;
  sha256: string;
}

export interface ProduceInput {
  action: ProduceAction;
  caseNumber: string;
  form: FormId;
  language: FormLanguage;
  template: FormTemplate;
  values: FormValues;
  fonts: FormFonts;
  createdAt: Date;
  /** The issuing body in the document's language: the PDF's author. */
  author?: string | undefined;
  previous?: Produced | undefined;
}

export interface ProduceDeps {
  /** Records the event and stores the file with it, in one transaction (the case store's `act`). */
  record: (payload: EventPayloads['document-produced'], file: NewFile) => Promise<ActOutcome>;
  host: Pick<Host, 'saveFile' | 'printPdf'>;
}

/** Same template and same values → the same document: it need not be made (and recorded) again. */
export function documentKey(template: FormTemplate, values: FormValues): string {
  const filled = template.fields.map((f) => [
    f.name,
    String(values[f.name] ?? '')
      .normalize('NFC')
      .trim(),
  ]);
  return JSON.stringify([template.id, templateVersionString(template), filled]);
}

function exportBytes(input: ProduceInput, bytes: Uint8Array, host: ProduceDeps['host']) {
  const fileName = documentFileName(input.caseNumber, input.form, input.language);
  return exportPdf(bytes, input.action, { fileName, title: input.template.title }, host);
}

export async function produceDocument(
  input: ProduceInput,
  deps: ProduceDeps,
): Promise<{ outcome: ProduceOutcome; produced?: Produced }> {
  const problems = validateValues(input.template, input.values);
  if (problems.length > 0) return { outcome: { kind: 'blocked', problems } };

  const key = documentKey(input.template, input.values);
  if (input.previous?.key === key) {
    return { outcome: await exportBytes(input, input.previous.bytes, deps.host), produced: input.previous };
  }

  const bytes = await renderForm({
    form: input.form,
    language: input.language,
    template: input.template,
    values: input.values,
    fonts: input.fonts,
    createdAt: input.createdAt,
    ...(input.author ? { author: input.author } : {}),
  });
  const sha256 = await sha256Hex(bytes);
  const file: NewFile = {
    sha256,
    blob: new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }),
    fileName: documentFileName(input.caseNumber, input.form, input.language),
    mimeType: 'application/pdf',
  };
  const recorded = await deps.record(
    {
      form: input.form,
      language: input.language,
      sha256,
      templateId: input.template.id,
      templateVersion: templateVersionString(input.template),
    },
    file,
  );
  if (!recorded.ok) {
    return {
      outcome:
        'reason' in recorded
          ? { kind: 'rejected', reason: recorded.reason }
          : { kind: 'storage', problem: 'problem' in recorded ? recorded.problem : 'unknown' },
    };
  }
  const produced: Produced = { key, bytes, sha256 };
  return { outcome: await exportBytes(input, bytes, deps.host), produced };
}
