import { useState } from 'react';
import { rejectionText, storageText } from '../../i18n/codes';
import { useLanguage } from '../../i18n/useLanguage';
import { useCase } from '../../stores/caseStore';
import { useDesk } from '../../stores/deskStore';
import type { ActionType } from '../../stores/eventFactory';
import { getHost, isHostError } from '../../host';
import { problemOf } from '../../stores/problems';
import { ActionDialog, type FieldView } from './ActionDialog';
import {
  fieldErrorKey,
  type ActionContext,
  type ActionSpec,
  type FieldError,
  type NoteText,
  type Values,
} from './actionTypes';

/** A result signed in NCALayer or eGov: the signed PDF, or its detached CMS signature. */
const SIGNED_FILE_TYPES = [
  { mimeType: 'application/pdf', extensions: ['pdf'] },
  { mimeType: 'application/pkcs7-signature', extensions: ['cms', 'p7s', 'sig'] },
];

interface Open {
  spec: ActionSpec<ActionType>;
  title: string;
}

/**
 * Runs an action through its dialog: fields from the spec, the payload built and validated, the
 * event appended through the case store (the reducer decides). A rejection or a storage failure
 * keeps the dialog open with what was typed, and says why in words.
 */
export function useActionRunner(ctx: ActionContext | null) {
  const { t } = useLanguage();
  const desk = useDesk((s) => s.desk);
  const settings = useDesk((s) => s.settings);
  const act = useCase((s) => s.act);
  const [open, setOpen] = useState<Open | null>(null);
  // What the officer typed; until then the dialog shows the spec's proposal, which follows the
  // case as it changes (a file check finishing while the dialog is open changes the proposal).
  const [typed, setTyped] = useState<Values | null>(null);
  const [errors, setErrors] = useState<Record<string, FieldError>>({});
  const [files, setFiles] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string>();

  const userName = (id: string) => ctx?.users.find((u) => u.id === id)?.fullName ?? id;

  function start(spec: ActionSpec<ActionType>, title: string) {
    if (!ctx) return;
    setOpen({ spec, title });
    setTyped(null);
    setErrors({});
    setFiles({});
    setFailure(undefined);
    setStatus(undefined);
  }

  const values: Values = typed ?? (open && ctx ? open.spec.initial(ctx) : {});
  const setValue = (name: string, value: string | string[]) => setTyped({ ...values, [name]: value });

  /** A note's text: params that are translation keys themselves are translated first. */
  const noteText = (note: NoteText) =>
    t(
      note.key,
      Object.fromEntries(
        Object.entries(note.params ?? {}).map(([k, v]) => [k, typeof v === 'object' ? t(v.t) : v]),
      ),
    );

  async function submit() {
    if (!open || !ctx || busy) return;
    const built = open.spec.build(values, ctx);
    if (!built.ok) {
      setErrors(built.errors);
      return;
    }
    setBusy(true);
    const outcome = await act(open.spec.type, built.payload);
    setBusy(false);
    if (outcome.ok) {
      setStatus(t('actions.saved', { action: open.title }));
      setOpen(null);
    } else if ('reason' in outcome) setFailure(rejectionText(t, outcome.reason, userName));
    else setFailure(storageText(t, outcome.problem));
  }

  /** The signed result, chosen through the host and kept in the attachment store by its SHA-256. */
  async function attach(name: string) {
    if (!desk || !settings) return;
    try {
      const chosen = await getHost().openFile({
        accept: SIGNED_FILE_TYPES,
        maxBytes: settings.maxAttachmentBytes,
      });
      if (!chosen) return; // cancelled
      const mimeType = chosen.name.toLowerCase().endsWith('.pdf')
        ? 'application/pdf'
        : 'application/pkcs7-signature';
      const blob = new Blob([chosen.bytes as Uint8Array<ArrayBuffer>], { type: mimeType });
      const meta = await desk.attachments.put(blob, { fileName: chosen.name, mimeType });
      setTyped((v) => ({ ...(v ?? values), [name]: meta.sha256 }));
      setFiles((f) => ({ ...f, [name]: chosen.name }));
      setErrors(({ [name]: _dropped, ...rest }) => rest);
    } catch (error) {
      setFailure(isHostError(error) ? t(`hostError.${error.code}`) : storageText(t, problemOf(error)));
    }
  }

  let element = null;
  if (open && ctx) {
    const fields: FieldView[] = open.spec.fields(ctx, values).map((f) => {
      const error = errors[f.name];
      const prefix = f.optionPrefix ?? `actions.option.${f.name}`;
      const text = f.kind === 'file' ? files[f.name] : f.note ? noteText(f.note) : undefined;
      return {
        name: f.name,
        kind: f.kind,
        label: t(f.labelKey ?? `actions.field.${f.name}`),
        value: values[f.name] ?? (f.kind === 'checks' ? [] : ''),
        options: (f.options ?? []).map((v) => ({ value: v, label: f.labels?.[v] ?? t(`${prefix}.${v}`) })),
        ...(text ? { text } : {}),
        ...(f.note?.lines ? { lines: f.note.lines.map(noteText) } : {}),
        ...(f.note?.tone ? { tone: f.note.tone } : {}),
        ...(error ? { error: t(fieldErrorKey(error)) } : {}),
        ...(f.kind === 'date' ? { placeholder: t('common.datePlaceholder') } : {}),
        ...(f.kind === 'file' ? { chooseLabel: t('actions.chooseFile') } : {}),
      };
    });
    element = (
      <ActionDialog
        title={open.title}
        fields={fields}
        failure={failure}
        busy={busy}
        submitLabel={t('actions.submit')}
        cancelLabel={t('common.cancel')}
        onChange={setValue}
        onFile={(name) => void attach(name)}
        onSubmit={() => void submit()}
        onCancel={() => setOpen(null)}
      />
    );
  }

  return { start, element, status };
}
