import { useState } from 'react';
import { useStepUp } from '../../app/StepUp';
import { rejectionText, storageText } from '../../i18n/codes';
import { useLanguage } from '../../i18n/useLanguage';
import { useCase } from '../../stores/caseStore';
import { useDesk } from '../../stores/deskStore';
import type { ActionType } from '../../stores/eventFactory';
import { getHost, isHostError } from '../../host';
import { problemOf } from '../../stores/problems';
import { requiresStepUp } from '../../stores/sessionStore';
import { ActionDialog, type FieldView } from './ActionDialog';
import type { ActionContext, ActionSpec, FieldError, Values } from './actionTypes';

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
  const [values, setValues] = useState<Values>({});
  const [errors, setErrors] = useState<Record<string, FieldError>>({});
  const [files, setFiles] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string>();
  const stepUp = useStepUp();

  const userName = (id: string) => ctx?.users.find((u) => u.id === id)?.fullName ?? id;

  function start(spec: ActionSpec<ActionType>, title: string) {
    if (!ctx) return;
    setOpen({ spec, title });
    setValues(spec.initial(ctx));
    setErrors({});
    setFiles({});
    setFailure(undefined);
    setStatus(undefined);
  }

  async function submit() {
    if (!open || !ctx || busy) return;
    const built = open.spec.build(values, ctx);
    if (!built.ok) {
      setErrors(built.errors);
      return;
    }
    // The head's decisions: the head types their own secret again first (app/StepUp.tsx).
    if (requiresStepUp(open.spec.type) && !(await stepUp.confirm(open.title))) return;
    setBusy(true);
    const outcome = await act(open.spec.type, built.payload);
    setBusy(false);
    if (outcome.ok) {
      setStatus(t('actions.saved', { action: open.title }));
      setOpen(null);
    } else if ('reason' in outcome) setFailure(rejectionText(t, outcome.reason, userName));
    else if ('stepUp' in outcome) setFailure(t('auth.stepUp.required'));
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
      setValues((v) => ({ ...v, [name]: meta.sha256 }));
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
      const noteText = f.note ? t(f.note.key, f.note.params) : undefined;
      const text = f.kind === 'file' ? files[f.name] : noteText;
      return {
        name: f.name,
        kind: f.kind,
        label: t(`actions.field.${f.name}`),
        value: values[f.name] ?? (f.kind === 'checks' ? [] : ''),
        options: (f.options ?? []).map((v) => ({ value: v, label: f.labels?.[v] ?? t(`${prefix}.${v}`) })),
        ...(text ? { text } : {}),
        ...(error ? { error: t(`actions.error.${error}`) } : {}),
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
        onChange={(name, value) => setValues((v) => ({ ...v, [name]: value }))}
        onFile={(name) => void attach(name)}
        onSubmit={() => void submit()}
        onCancel={() => setOpen(null)}
      />
    );
  }

  return {
    start,
    element: (
      <>
        {element}
        {stepUp.element}
      </>
    ),
    status,
  };
}
