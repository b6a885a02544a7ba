import { useRef, useState } from 'react';
import type { Zone } from '../../../../shared/calendar';
import type { RejectionReason } from '../../../../shared/workflow';
import { useStepUp } from '../../app/StepUp';
import { rejectionText, storageText } from '../../i18n/codes';
import { formatDateTime } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { useCase } from '../../stores/caseStore';
import { useDesk } from '../../stores/deskStore';
import type { ActionType } from '../../stores/eventFactory';
import { isHostError } from '../../host';
import { actionDraftKey } from '../../db';
import { TEXT_LIMITS } from '../../../../shared/workflow';
import { problemOf } from '../../stores/problems';
import { requiresStepUp } from '../../stores/sessionStore';
import { ActionDialog, type FieldView } from './ActionDialog';
import { KeepDraftPrompt } from './KeepDraftPrompt';
import { storedDraftOf, type StoredDraft } from './storedDraft';
import {
  fieldErrorKey,
  type ActionContext,
  type ActionField,
  type ActionSpec,
  type ChosenFile,
  type FieldError,
  type NoteText,
  type Values,
} from './actionTypes';
import { clockNoteText } from './clockCheck';
import { chooseFile } from './fileChoice';
import { noteString } from './noteText';
import { useClockWarning } from './useClockWarning';
import { useFormOpening } from '../forms/formOpening';

interface Open {
  spec: ActionSpec<ActionType>;
  title: string;
  /** Where what is typed is kept as a draft (drafts repository, per user). */
  draftKey: string;
}

/** A dialog's values: text, a choice, or several checks. */
const isActionValue = (_name: string, v: unknown): v is Values[string] =>
  typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string'));

/** What the case screen knows; the runner adds the files chosen in the open dialog. */
export type CaseContext = Omit<ActionContext, 'chosen'>;

/**
 * Runs an action through its dialog: fields from the spec, the payload built and validated, the
 * event appended through the case store (the reducer decides). A rejection or a storage failure
 * keeps the dialog open with what was typed, and says why in words. Every dialog first says so when
 * the computer's clock is far from the last known good time.
 */
export function useActionRunner(caseCtx: CaseContext | null) {
  const { t, language } = useLanguage();
  const requestForm = useFormOpening((s) => s.request);
  const desk = useDesk((s) => s.desk);
  const settings = useDesk((s) => s.settings);
  const act = useCase((s) => s.act);
  const [open, setOpen] = useState<Open | null>(null);
  // What the officer typed; until then the dialog shows the spec's proposal, which follows the
  // case as it changes (a file check finishing while the dialog is open changes the proposal).
  const [typed, setTyped] = useState<Values | null>(null);
  const [errors, setErrors] = useState<Record<string, FieldError>>({});
  const [chosen, setChosen] = useState<Record<string, ChosenFile>>({});
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string>();
  const [restored, setRestored] = useState<string>();
  // Closing with something typed first asks whether to keep the draft.
  const [asking, setAsking] = useState(false);
  const openKey = useRef<string | null>(null);
  const stepUp = useStepUp();
  const clock = useClockWarning(caseCtx?.state ?? null, open);

  const ctx: ActionContext | null = caseCtx ? { ...caseCtx, chosen } : null;
  // Times are shown on the case's office clock, as its history shows them.
  const zone: Zone = caseCtx?.state.office ?? 'Asia/Almaty';
  const userName = (id: string) => ctx?.users.find((u) => u.id === id)?.fullName ?? id;

  const userId = caseCtx?.user.id;

  /**
   * Opens an action's dialog; what was typed in it before and not saved comes back from its draft.
   * `draftPart` tells apart dialogs of one action type (a review of one file from another's).
   */
  function start(spec: ActionSpec<ActionType>, title: string, draftPart: string = spec.type) {
    if (!caseCtx) return;
    const draftKey = actionDraftKey(caseCtx.state.caseId, draftPart);
    openKey.current = draftKey;
    setOpen({ spec, title, draftKey });
    setTyped(null);
    setErrors({});
    setChosen({});
    setFailure(undefined);
    setStatus(undefined);
    setRestored(undefined);
    setAsking(false);
    if (!desk || !userId) return;
    desk.drafts.get(userId, draftKey).then(
      (saved) => {
        const draft = storedDraftOf(saved, isActionValue);
        if (openKey.current !== draftKey || !draft) return;
        setTyped((now) => now ?? draft.values);
        setRestored(t('ux.draft.restored', { when: formatDateTime(draft.savedAt, zone) }));
      },
      (error: unknown) => useDesk.getState().report(error),
    );
  }

  function close() {
    openKey.current = null;
    setOpen(null);
    setAsking(false);
  }

  const fileValues = Object.fromEntries(Object.entries(chosen).map(([name, f]) => [name, f.sha256]));
  const values: Values = { ...(typed ?? (open && ctx ? open.spec.initial(ctx) : {})), ...fileValues };
  const setValue = (name: string, value: string | string[]) => {
    const next = { ...values, [name]: value };
    setTyped(next);
    if (!desk || !userId || !open) return;
    // Kept as it is typed, so a closed tab or window loses nothing; a chosen file is not a draft.
    const kept = Object.fromEntries(Object.entries(next).filter(([k]) => !(k in chosen)));
    const draft: StoredDraft<Values[string]> = {
      values: kept,
      savedAt: ctx?.now ?? new Date().toISOString(),
    };
    desk.drafts.put(userId, open.draftKey, draft).catch((error: unknown) => useDesk.getState().report(error));
  };

  /** Text longer than the event takes: said in the dialog, never cut. */
  function overLimit(fields: readonly ActionField[]): Record<string, FieldError> {
    const over: Record<string, FieldError> = {};
    for (const f of fields) {
      const v = values[f.name];
      if (typeof v !== 'string') continue;
      if (
        (f.kind === 'text' && v.length > TEXT_LIMITS.short) ||
        (f.kind === 'textarea' && v.length > TEXT_LIMITS.long)
      )
        over[f.name] = 'too-long';
    }
    return over;
  }

  const noteText = (note: NoteText) => noteString(t, note);

  /** A refusal in words; a clock set back gets the whole story, with the times and what to do. */
  function refusalText(reason: RejectionReason): string {
    if (reason.code === 'clock.before-previous' && ctx) {
      const latestAt = reason.params?.['latestAt'];
      return t('record.clock.refused', {
        now: formatDateTime(ctx.now, zone),
        latestAt: typeof latestAt === 'string' ? formatDateTime(latestAt, zone) : '',
      });
    }
    return rejectionText(t, reason, userName);
  }

  // What must come first (the decision's draft before sending it for approval): the dialog's one
  // button then opens that, in the language the officer works in, instead of recording the action.
  const prerequisite = open && ctx ? open.spec.prerequisite?.(ctx) : undefined;

  async function submit() {
    if (!open || !ctx || busy) return;
    if (prerequisite) {
      close();
      requestForm({ caseId: ctx.state.caseId, form: prerequisite.produce, language });
      return;
    }
    const tooLong = overLimit(open.spec.fields(ctx, values));
    if (Object.keys(tooLong).length > 0) {
      setErrors(tooLong);
      return;
    }
    const built = open.spec.build(values, ctx);
    if (!built.ok) {
      setErrors(built.errors);
      return;
    }
    // The head's decisions: the head types their own secret again first (app/StepUp.tsx).
    if (requiresStepUp(open.spec.type) && !(await stepUp.confirm(open.title))) return;
    setBusy(true);
    const files = Object.values(chosen).map(({ reading: _read, ...file }) => file);
    const outcome = await act(open.spec.type, built.payload, { files });
    setBusy(false);
    if (outcome.ok) {
      setStatus(t(`ux.done.${open.spec.type}`));
      if (desk && userId)
        desk.drafts.remove(userId, open.draftKey).catch((error: unknown) => useDesk.getState().report(error));
      close();
    } else if ('reason' in outcome) setFailure(refusalText(outcome.reason));
    else if ('stepUp' in outcome) setFailure(t('auth.stepUp.required'));
    else setFailure(storageText(t, outcome.problem));
  }

  async function attach(field: ActionField) {
    if (!desk || !settings || !open || !ctx) return;
    try {
      const file = await chooseFile(open.spec, ctx, {
        accept: field.accept ?? [],
        maxBytes: settings.maxAttachmentBytes,
        load: (sha) => desk.attachments.get(sha),
      });
      if (!file) return; // cancelled
      setChosen((c) => ({ ...c, [field.name]: file }));
      setErrors(({ [field.name]: _dropped, ...rest }) => rest);
    } catch (error) {
      setFailure(isHostError(error) ? t(`hostError.${error.code}`) : storageText(t, problemOf(error)));
    }
  }

  let element = null;
  if (open && ctx) {
    const specFields = open.spec.fields(ctx, values);
    // Every dialog says first when the clock is far from the last known good time.
    const clockField: ActionField | undefined = clock && {
      name: 'clock',
      kind: 'note',
      labelKey: 'record.field.clock',
      note: { ...clockNoteText(clock.warning, clock.nowMs, zone), tone: 'warning' },
    };
    const all = clockField ? [clockField, ...specFields] : specFields;
    const fields: FieldView[] = all.map((f) => {
      const error = errors[f.name];
      const prefix = f.optionPrefix ?? `actions.option.${f.name}`;
      const text = f.kind === 'file' ? chosen[f.name]?.fileName : f.note ? noteText(f.note) : undefined;
      const label = (v: string) => {
        const given = f.labels?.[v];
        return given === undefined
          ? t(`${prefix}.${v}`)
          : typeof given === 'string'
            ? given
            : noteText(given);
      };
      return {
        name: f.name,
        kind: f.kind,
        label: t(f.labelKey ?? `actions.field.${f.name}`),
        value: values[f.name] ?? (f.kind === 'checks' ? [] : ''),
        options: (f.options ?? []).map((v) => ({ value: v, label: label(v) })),
        ...(text ? { text } : {}),
        ...(f.note?.lines ? { lines: f.note.lines.map(noteText) } : {}),
        ...(f.note?.tone ? { tone: f.note.tone } : {}),
        ...(error ? { error: t(fieldErrorKey(error)) } : {}),
        ...(f.kind === 'date' ? { placeholder: t('common.datePlaceholder') } : {}),
        ...(f.kind === 'file' ? { chooseLabel: t('actions.chooseFile') } : {}),
        ...(f.kind === 'text' || f.kind === 'textarea'
          ? {
              limit: {
                max: f.kind === 'text' ? TEXT_LIMITS.short : TEXT_LIMITS.long,
                counter: (count: number) =>
                  t('ux.counter', { count, max: f.kind === 'text' ? TEXT_LIMITS.short : TEXT_LIMITS.long }),
                over: (count: number) =>
                  t('ux.tooLong', { count, max: f.kind === 'text' ? TEXT_LIMITS.short : TEXT_LIMITS.long }),
              },
            }
          : {}),
      };
    });
    element = (
      <ActionDialog
        title={open.title}
        purpose={t(`ux.purpose.${open.spec.type}`)}
        restored={restored}
        fields={fields}
        failure={failure}
        busy={busy}
        submitLabel={
          prerequisite
            ? t('actions.produceDraft', { form: t(`forms.name.${prerequisite.produce}`) })
            : open.title
        }
        cancelLabel={t('common.cancel')}
        onChange={setValue}
        onFile={(name) => {
          const field = specFields.find((f) => f.name === name);
          if (field) void attach(field);
        }}
        onSubmit={() => void submit()}
        onCancel={() => (typed === null ? close() : setAsking(true))}
      />
    );
  }
  const draftKey = open?.draftKey;
  const keepPrompt =
    asking && draftKey ? (
      <KeepDraftPrompt
        onBack={() => setAsking(false)}
        onDiscard={() => {
          if (desk && userId)
            desk.drafts.remove(userId, draftKey).catch((error: unknown) => useDesk.getState().report(error));
          close();
        }}
        onKeep={close}
      />
    ) : null;

  return {
    start,
    element: (
      <>
        {element}
        {keepPrompt}
        {stepUp.element}
      </>
    ),
    status,
  };
}
