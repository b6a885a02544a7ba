import { useCallback, useRef, useState } from 'react';
import type { FormId, FormLanguage } from '../../../../shared/forms';
import type { CaseState } from '../../../../shared/workflow';
import { getHost } from '../../host';
import { rejectionText, storageText } from '../../i18n/codes';
import { useLanguage } from '../../i18n/useLanguage';
import { useCase } from '../../stores/caseStore';
import { now } from '../../stores/clock';
import { useDesk } from '../../stores/deskStore';
import { Alert } from '../../ui/Alert';
import { Dialog } from '../../ui/Dialog';
import { formatDateTime } from '../../i18n/format';
import { KeepDraftPrompt } from '../actions/KeepDraftPrompt';
import { pdfViewerText } from '../documents/viewerText';
import { PdfViewer } from '../documents/PdfViewer';
import { displayValue, storedValue } from './dateText';
import { FormFields, type FieldView } from './FormFields';
import { produceDocument, type ProduceAction, type ProduceOutcome, type Produced } from './produce';
import { useFormDraft } from './useFormDraft';

interface Props {
  state: CaseState;
  form: FormId;
  language: FormLanguage;
  onClose: () => void;
}

type Message = { tone: 'error' | 'success' | 'warning'; text: string };

/** One form of the case: its fields on the left, the PDF as it will print on the right. */
export function FormEditor({ state, form, language, onClose }: Props) {
  const { t } = useLanguage();
  const draft = useFormDraft(state, form, language);
  const desk = useDesk((s) => s.desk);
  const users = useDesk((s) => s.users);
  // The PDF's author is the body that issues the document (settings' issuer), as archives expect.
  const author = useDesk((s) => s.settings?.issuer.name[language]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>();
  const [showProblems, setShowProblems] = useState(false);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [asking, setAsking] = useState(false);
  const produced = useRef<Produced | undefined>(undefined);
  const onPreviewError = useCallback(() => undefined, []);

  const template = draft.active?.template;
  const userName = (id: string) => users?.find((u) => u.id === id)?.fullName ?? id;
  const title = t('forms.editor.title', {
    form: t(`forms.name.${form}`),
    language: t(`forms.language.${language}`),
  });

  function messageOf(outcome: ProduceOutcome): Message | undefined {
    switch (outcome.kind) {
      case 'done':
        return {
          tone: 'success',
          text: t(outcome.action === 'save' ? 'forms.editor.saved' : 'forms.editor.printed'),
        };
      case 'blocked':
        return { tone: 'error', text: t('forms.editor.blocked', { count: outcome.problems.length }) };
      case 'rejected':
        return {
          tone: 'error',
          text: t('forms.editor.rejected', { reason: rejectionText(t, outcome.reason, userName) }),
        };
      case 'storage':
        return {
          tone: 'error',
          text: t('forms.editor.storage', { reason: storageText(t, outcome.problem) }),
        };
      case 'host-failed':
        return {
          tone: 'warning',
          text: t('forms.editor.notSaved', { reason: t(`hostError.${outcome.code}`) }),
        };
      case 'cancelled':
        return undefined;
    }
  }

  async function produce(action: ProduceAction) {
    if (!template || !draft.fonts || !desk || busy) return;
    setBusy(true);
    setMessage(undefined);
    try {
      const result = await produceDocument(
        {
          action,
          caseNumber: state.application.caseNumber,
          form,
          language,
          template,
          values: draft.values,
          fonts: draft.fonts,
          createdAt: now(),
          author,
          previous: produced.current,
        },
        {
          record: (payload, file) => useCase.getState().act('document-produced', payload, { files: [file] }),
          host: getHost(),
        },
      );
      if (result.produced) produced.current = result.produced;
      // The document is recorded with these values: the draft has done its work.
      if (result.outcome.kind === 'done') draft.dropDraft();
      if (result.outcome.kind === 'blocked') setShowProblems(true);
      setMessage(messageOf(result.outcome));
    } catch {
      // Rendering a validated form does not fail on data; what is left is a defect, reported as such.
      setMessage({ tone: 'error', text: storageText(t, 'unknown') });
    } finally {
      setBusy(false);
    }
  }

  const problemOf = new Map(draft.problems.map((p) => [p.field, p.code]));
  const views: FieldView[] = (template?.fields ?? []).map((field) => {
    const code = problemOf.get(field.name);
    // An empty required field says so once the officer tried to export or touched it.
    const shown = code && (code !== 'required' || showProblems || touched.has(field.name));
    return {
      field,
      label: t(`forms.field.${field.name}`, { defaultValue: field.label ?? field.name }),
      value: displayValue(field.type, draft.values[field.name] ?? ''),
      placeholder:
        field.type === 'date'
          ? t('common.datePlaceholder')
          : field.type === 'datetime'
            ? t('forms.editor.dateTimePlaceholder')
            : undefined,
      error: shown ? t(`forms.problem.${code}`) : undefined,
      hint: draft.unknown.includes(field.name) ? t('forms.editor.unknownSource') : undefined,
    };
  });

  // Closing with something typed first asks whether to keep the draft, as an action dialog does.
  const close = () => (draft.hasDraft ? setAsking(true) : onClose());
  const footer = (
    <>
      <button type="button" onClick={close}>
        {t('common.close')}
      </button>
      <button type="button" disabled={!template || busy} onClick={() => void produce('print')}>
        {t('forms.editor.print')}
      </button>
      <button
        type="button"
        className="primary"
        disabled={!template || busy}
        onClick={() => void produce('save')}
      >
        {t('forms.editor.save')}
      </button>
    </>
  );

  return (
    <>
      <Dialog title={title} onClose={close} footer={footer}>
        <div className="form-editor" data-form={form} data-language={language}>
          {draft.restoredAt ? (
            <p className="dialog-restored" role="status" data-testid="form-draft-restored">
              {t('ux.draft.restored', { when: formatDateTime(draft.restoredAt, state.office) })}
            </p>
          ) : null}
          {draft.status === 'loading' ? <p role="status">{t('forms.editor.loading')}</p> : null}
          {draft.status === 'failed' ? (
            <Alert tone="error">
              {draft.failure === 'fonts' ? t('forms.editor.fontsFailed') : storageText(t, 'unavailable')}
            </Alert>
          ) : null}
          {template && draft.active ? (
            <>
              <p className="muted form-template-note" data-testid="form-template">
                {t('forms.editor.template', {
                  version: draft.active.entry.version,
                  status: t(`forms.status.${template.status}`),
                })}
              </p>
              <div className="form-editor-body">
                <section className="form-editor-fields" aria-label={t('forms.editor.fields')}>
                  <FormFields
                    views={views}
                    onChange={(field, value) => {
                      const type = template.fields.find((f) => f.name === field)?.type ?? 'text';
                      draft.setValue(field, storedValue(type, value));
                      setTouched((s) => new Set(s).add(field));
                      setMessage(undefined);
                    }}
                  />
                </section>
                <section className="form-editor-preview" aria-label={t('forms.editor.preview')}>
                  <p className="muted" role="status" data-testid="preview-state">
                    {draft.previewState === 'rendering' ? t('forms.editor.rendering') : null}
                    {draft.previewState === 'failed' ? t('forms.editor.previewFailed') : null}
                  </p>
                  {draft.preview ? (
                    <PdfViewer
                      bytes={draft.preview}
                      onError={onPreviewError}
                      text={pdfViewerText(t)}
                      textPages={draft.previewText}
                    />
                  ) : null}
                </section>
              </div>
            </>
          ) : null}
          {busy ? <p role="status">{t('forms.editor.working')}</p> : null}
          {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
        </div>
      </Dialog>
      {asking ? (
        <KeepDraftPrompt
          onBack={() => setAsking(false)}
          onDiscard={() => {
            draft.dropDraft();
            onClose();
          }}
          onKeep={onClose}
        />
      ) : null}
    </>
  );
}
