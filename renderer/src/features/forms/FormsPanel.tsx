import { useEffect } from 'react';
import { FORM_LANGUAGES } from '../../../../shared/forms';
import type { CaseState } from '../../../../shared/workflow';
import { useLanguage } from '../../i18n/useLanguage';
import { Alert } from '../../ui/Alert';
import { clockNoteText } from '../actions/clockCheck';
import { noteString } from '../actions/noteText';
import { useClockWarning } from '../actions/useClockWarning';
import { FormEditor } from './FormEditor';
import { useFormOpening } from './formOpening';
import { formsForCase } from './prefill';
import './forms.css';

/**
 * The official forms of the case at its stage, each openable in Kazakh or Russian. Mounted in the
 * case screen; the produced documents appear in the case history through their events.
 */
export function FormsPanel({ state }: { state: CaseState }) {
  const { t } = useLanguage();
  // The editor open on this case, whether asked for here or elsewhere on the case screen.
  const requested = useFormOpening((s) => s.open);
  const request = useFormOpening((s) => s.request);
  const closeEditor = useFormOpening((s) => s.close);
  const open = requested?.caseId === state.caseId ? requested : null;
  // Leaving the case closes its editor: another case must not open on it.
  useEffect(() => closeEditor, [state.caseId, closeEditor]);
  const forms = formsForCase(state);
  // Producing a document records an event too: the officer hears about a wrong clock first.
  const clock = useClockWarning(state, null);
  return (
    <section className="panel forms-panel" aria-labelledby="forms-panel-title">
      <h3 id="forms-panel-title">{t('forms.title')}</h3>
      <p className="muted">{t('forms.note')}</p>
      {clock ? (
        <Alert tone="warning">{noteString(t, clockNoteText(clock.warning, clock.nowMs, state.office))}</Alert>
      ) : null}
      <ul className="forms-list">
        {forms.map((form) => (
          <li key={form} data-form={form}>
            <span className="forms-name">{t(`forms.name.${form}`)}</span>
            <span className="forms-open">
              {FORM_LANGUAGES.map((language) => (
                <button
                  key={language}
                  type="button"
                  aria-label={t('forms.open', {
                    form: t(`forms.name.${form}`),
                    language: t(`forms.language.${language}`),
                  })}
                  onClick={() => request({ caseId: state.caseId, form, language })}
                >
                  {t(`forms.language.${language}`)}
                </button>
              ))}
            </span>
          </li>
        ))}
      </ul>
      {open ? (
        <FormEditor
          key={`${open.form}.${open.language}`}
          state={state}
          form={open.form}
          language={open.language}
          onClose={closeEditor}
        />
      ) : null}
    </section>
  );
}
