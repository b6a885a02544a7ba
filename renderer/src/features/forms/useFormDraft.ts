/**
 * One form being filled: its active template, the values (prefilled once when it opens, then the
 * officer's), their problems, and the live preview — the PDF itself, re-rendered shortly after
 * the officer stops typing.
 */
import { useEffect, useMemo, useState } from 'react';
import {
  renderForm,
  validateValues,
  type FieldProblem,
  type FormFonts,
  type FormId,
  type FormLanguage,
} from '../../../../shared/forms';
import type { CaseState, DocumentKind } from '../../../../shared/workflow';
import type { ActiveTemplate } from '../../db';
import i18n from '../../i18n';
import { today as todayIn } from '../../stores/clock';
import { useDesk } from '../../stores/deskStore';
import { useSession } from '../../stores/sessionStore';
import { loadFormFonts } from './fonts';
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
  preview?: Uint8Array;
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
  // Each preview remembers the values it was made from: a newer edit makes it stale ('rendering').
  const [preview, setPreview] = useState<{ bytes: Uint8Array; of: Record<string, string> }>();
  const [failedOf, setFailedOf] = useState<Record<string, string>>();

  // Prefilled once per opened form: later changes of the case (the document being recorded) must not
  // overwrite what the officer typed. The case at opening time is what the officer looked at.
  const [opened] = useState(state);
  useEffect(() => {
    if (!desk || !settings || !calendar || !user) return;
    let cancelled = false;
    Promise.all([
      desk.templates.active(form, language).catch((error: unknown) => {
        useDesk.getState().report(error);
        throw new Error('storage');
      }),
      loadFormFonts().catch(() => {
        throw new Error('fonts');
      }),
    ]).then(
      ([template, loadedFonts]) => {
        if (cancelled) return;
        const t = i18n.getFixedT(language);
        const filled = prefillValues(template.template, {
          state: opened,
          settings,
          officer: user,
          language,
          calendar,
          today: todayIn(calendar.officeHours.timeZone),
          documentName: (kind: DocumentKind) => t(`forms.documentName.${kind}`),
        });
        setActive(template);
        setFonts(loadedFonts);
        setValues(filled.values);
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
          if (!cancelled) setPreview({ bytes, of: values });
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

  return {
    status,
    ...(failure ? { failure } : {}),
    ...(active ? { active } : {}),
    ...(fonts ? { fonts } : {}),
    values,
    unknown,
    problems,
    setValue: (field, value) => setValues((v) => ({ ...v, [field]: value })),
    ...(preview ? { preview: preview.bytes } : {}),
    previewState: failedOf === values ? 'failed' : preview?.of === values ? 'idle' : 'rendering',
  };
}
