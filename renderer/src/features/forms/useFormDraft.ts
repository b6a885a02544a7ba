/**
 * One form being filled: its active template, the values (prefilled once when it opens, then the
 * officer's), their problems, and the live preview — the PDF itself, re-rendered shortly after
 * the officer stops typing. What the officer types is kept as a draft in IndexedDB as it is typed
 * (the drafts repository the action dialogs use, key `form:<caseId>:<form>.<lang>`, per user) and
 * laid over the prefill when the form opens again; the phone typed for the executor is remembered
 * for the next form (`pref:phone`).
 */
import { useEffect, useMemo, useState } from 'react';
import {
  layoutForm,
  renderForm,
  validateValues,
  type FieldProblem,
  type FormFonts,
  type FormId,
  type FormLanguage,
} from '../../../../shared/forms';
import type { CaseState, DocumentKind } from '../../../../shared/workflow';
import { formDraftKey, PHONE_KEY, type ActiveTemplate } from '../../db';
import i18n from '../../i18n';
import { today as todayIn } from '../../stores/clock';
import { useDesk } from '../../stores/deskStore';
import { useSession } from '../../stores/sessionStore';
import { loadFormFonts } from './fonts';
import { storedDraftOf } from '../actions/storedDraft';
import { linesOfLayout } from '../documents/pdfText';
import { prefillValues } from './prefill';

/** Long enough to skip renders while a word is typed, short enough to feel immediate. */
export const PREVIEW_DEBOUNCE_MS = 250;
/** The preview's creation date is fixed: only the values decide whether its bytes change. */
const PREVIEW_DATE = new Date(0);

export type DraftStatus = 'loading' | 'ready' | 'failed';

export interface FormDraft {
  status: DraftStatus;
  /** Why it failed: the fonts or the template store. */
  failure?: 'fonts' | 'storage';
  active?: ActiveTemplate;
  fonts?: FormFonts;
  values: Record<string, string>;
  /** Fields whose source the desk does not know (an imported template's own paths). */
  unknown: readonly string[];
  problems: FieldProblem[];
  setValue: (field: string, value: string) => void;
  /** When the draft laid over the prefill was typed (ISO 8601), if one was. */
  restoredAt?: string;
  /** Whether the officer typed anything since the form opened or a draft came back. */
  hasDraft: boolean;
  /** Forgets the draft (discarded, or its document produced): the next opening starts from the case. */
  dropDraft: () => void;
  preview?: Uint8Array;
  /** The preview's text, page by page, as the desk laid it out: the viewer's text alternative. */
  previewText?: string[][];
  previewState: 'idle' | 'rendering' | 'failed';
}

export function useFormDraft(state: CaseState, form: FormId, language: FormLanguage): FormDraft {
  const { desk, settings, calendar } = useDesk();
  const user = useSession((s) => s.user);
  const [status, setStatus] = useState<DraftStatus>('loading');
  const [failure, setFailure] = useState<FormDraft['failure']>();
  const [active, setActive] = useState<ActiveTemplate>();
  const [fonts, setFonts] = useState<FormFonts>();
  const [values, setValues] = useState<Record<string, string>>({});
  const [unknown, setUnknown] = useState<readonly string[]>([]);
  // Only what the officer typed is the draft: prefilled values follow the case when it reopens.
  const [typed, setTyped] = useState<Record<string, string>>({});
  const [restoredAt, setRestoredAt] = useState<string>();
  // Each preview remembers the values it was made from: a newer edit makes it stale ('rendering').
  const [preview, setPreview] = useState<{
    bytes: Uint8Array;
    text: string[][];
    of: Record<string, string>;
  }>();
  const [failedOf, setFailedOf] = useState<Record<string, string>>();

  // Prefilled once per opened form: later changes of the case (the document being recorded) must not
  // overwrite what the officer typed. The case at opening time is what the officer looked at.
  const [opened] = useState(state);
  useEffect(() => {
    if (!desk || !settings || !calendar || !user) return;
    let cancelled = false;
    // A draft that cannot be read is reported and the form opens from the case: never blocked by it.
    const draftOf = (key: string) =>
      desk.drafts.get(user.id, key).catch((error: unknown) => {
        useDesk.getState().report(error);
        return undefined;
      });
    Promise.all([
      desk.templates.active(form, language).catch((error: unknown) => {
        useDesk.getState().report(error);
        throw new Error('storage');
      }),
      loadFormFonts().catch(() => {
        throw new Error('fonts');
      }),
      draftOf(formDraftKey(opened.caseId, form, language)),
      draftOf(PHONE_KEY),
    ]).then(
      ([template, loadedFonts, savedDraft, phone]) => {
        if (cancelled) return;
        const t = i18n.getFixedT(language);
        const filled = prefillValues(template.template, {
          state: opened,
          settings,
          officer: user,
          ...(typeof phone === 'string' ? { rememberedPhone: phone } : {}),
          language,
          calendar,
          today: todayIn(calendar.officeHours.timeZone),
          documentName: (kind: DocumentKind) => t(`forms.documentName.${kind}`),
        });
        const names = new Set(template.template.fields.map((f) => f.name));
        const draft = storedDraftOf(
          savedDraft,
          (name, v): v is string => names.has(name) && typeof v === 'string',
        );
        setActive(template);
        setFonts(loadedFonts);
        setValues({ ...filled.values, ...draft?.values });
        setTyped(draft?.values ?? {});
        setRestoredAt(draft && Object.keys(draft.values).length > 0 ? draft.savedAt : undefined);
        setUnknown(filled.unknown);
        setStatus('ready');
      },
      (error: unknown) => {
        if (cancelled) return;
        setFailure(error instanceof Error && error.message === 'fonts' ? 'fonts' : 'storage');
        setStatus('failed');
      },
    );
    return () => {
      cancelled = true;
    };
  }, [desk, settings, calendar, user, opened, form, language]);

  const template = active?.template;
  const problems = useMemo(() => (template ? validateValues(template, values) : []), [template, values]);

  useEffect(() => {
    if (!template || !fonts) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      renderForm({ form, language, template, values, fonts, preview: true, createdAt: PREVIEW_DATE }).then(
        (bytes) => {
          // The same layout the PDF was written from (layoutForm is pure): its lines are the text.
          const text = linesOfLayout(layoutForm({ form, language, template, values, fonts }));
          if (!cancelled) setPreview({ bytes, text, of: values });
        },
        () => {
          if (!cancelled) setFailedOf(values);
        },
      );
    }, PREVIEW_DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [form, language, template, values, fonts]);

  const draftKey = formDraftKey(opened.caseId, form, language);
  const keep = (write: () => Promise<void>) => {
    write().catch((error: unknown) => useDesk.getState().report(error));
  };
  const setValue = (field: string, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    const next = { ...typed, [field]: value };
    setTyped(next);
    if (!desk || !user) return;
    // Kept as it is typed, so closing the form, the tab or the window loses nothing.
    keep(() => desk.drafts.put(user.id, draftKey, { values: next, savedAt: new Date().toISOString() }));
    if (template?.fields.find((f) => f.name === field)?.source === 'officer.phone') {
      const phone = value.trim();
      keep(() =>
        phone ? desk.drafts.put(user.id, PHONE_KEY, phone) : desk.drafts.remove(user.id, PHONE_KEY),
      );
    }
  };
  const dropDraft = () => {
    setTyped({});
    setRestoredAt(undefined);
    if (desk && user) keep(() => desk.drafts.remove(user.id, draftKey));
  };

  return {
    status,
    ...(failure ? { failure } : {}),
    ...(active ? { active } : {}),
    ...(fonts ? { fonts } : {}),
    values,
    unknown,
    problems,
    setValue,
    ...(restoredAt ? { restoredAt } : {}),
    hasDraft: Object.keys(typed).length > 0,
    dropDraft,
    ...(preview ? { preview: preview.bytes, previewText: preview.text } : {}),
    previewState: failedOf === values ? 'failed' : preview?.of === values ? 'idle' : 'rendering',
  };
}
