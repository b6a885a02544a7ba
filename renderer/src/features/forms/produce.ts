/**
 * Making the document that leaves the desk: validated, rendered with today's date, its bytes kept
 * with the case (attachment store, by SHA-256) and recorded as a 'document-produced' event, then
 * saved or printed through the host. Nothing leaves the desk that the case does not record: a
 * refused event stops the export.
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
import { isHostError, type Host, type HostErrorCode } from '../../../../shared/host';
import type { EventPayloads, RejectionReason } from '../../../../shared/workflow';
import type { AttachmentRepository } from '../../db';
import type { StorageProblem } from '../../i18n/codes';
import type { ActOutcome } from '../../stores/caseStore';
import { problemOf } from '../../stores/problems';

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
  attachments: Pick<AttachmentRepository, 'put'>;
  record: (payload: EventPayloads['document-produced']) => Promise<ActOutcome>;
  host: Pick<Host, 'saveFile' | 'printPdf'>;
}

/** `<case number>_<form>_<lang>.pdf`; the host makes it a valid file name. */
export function documentFileName(caseNumber: string, form: FormId, language: FormLanguage): string {
  return `${caseNumber}_${form}_${language}.pdf`;
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

async function exportBytes(
  input: ProduceInput,
  bytes: Uint8Array,
  host: ProduceDeps['host'],
): Promise<ProduceOutcome> {
  try {
    if (input.action === 'save') {
      const result = await host.saveFile({
        suggestedName: documentFileName(input.caseNumber, input.form, input.language),
        mimeType: 'application/pdf',
        bytes,
      });
      return result.saved ? { kind: 'done', action: 'save' } : { kind: 'cancelled' };
    }
    await host.printPdf({ bytes, title: input.template.title });
    return { kind: 'done', action: 'print' };
  } catch (error) {
    if (isHostError(error))
      return error.code === 'cancelled' ? { kind: 'cancelled' } : { kind: 'host-failed', code: error.code };
    return { kind: 'host-failed', code: 'io' };
  }
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
  let sha256: string;
  try {
    const meta = await deps.attachments.put(new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), {
      fileName: documentFileName(input.caseNumber, input.form, input.language),
      mimeType: 'application/pdf',
    });
    sha256 = meta.sha256;
  } catch (error) {
    return { outcome: { kind: 'storage', problem: problemOf(error) } };
  }
  const recorded = await deps.record({
    form: input.form,
    language: input.language,
    sha256,
    templateId: input.template.id,
    templateVersion: templateVersionString(input.template),
  });
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
