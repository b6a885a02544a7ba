import { useEffect, useState } from 'react';
import { FORM_IDS, FORM_LANGUAGES, noteText, type FormId, type FormLanguage } from '../../../../shared/forms';
import type { TemplateVersionEntry } from '../../db';
import { getHost, isHostError } from '../../host';
import { formatDateTime } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { useDesk } from '../../stores/deskStore';
import { Alert } from '../../ui/Alert';
import { MAX_TEMPLATE_BYTES, parseTemplateFile, refusalLines } from './templateFile';
import './forms.css';

type Slot = `${FormId}.${FormLanguage}`;
type Message = { tone: 'success' | 'error'; text: string; lines?: string[] };

const SLOTS = FORM_IDS.flatMap((form) => FORM_LANGUAGES.map((language) => ({ form, language })));

/**
 * Settings → "Forms": for every form and language the template in use, its status and note, an
 * import from a file, and the versions to go back to. A refused file is explained line by line.
 */
export function FormTemplatesSection() {
  const { t, language: uiLanguage } = useLanguage();
  const desk = useDesk((s) => s.desk);
  const timeZone = useDesk((s) => s.settings?.officeHours.timeZone ?? 'Asia/Almaty');
  const [versions, setVersions] = useState<Partial<Record<Slot, TemplateVersionEntry[]>>>({});
  const [message, setMessage] = useState<Message>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!desk) return;
    const load = () => {
      Promise.all(SLOTS.map((s) => desk.templates.versions(s.form, s.language))).then(
        (lists) =>
          setVersions(Object.fromEntries(SLOTS.map((s, i) => [`${s.form}.${s.language}`, lists[i]]))),
        (error: unknown) => useDesk.getState().report(error),
      );
    };
    load();
    return desk.templates.onChange(load);
  }, [desk]);

  const slotName = (form: FormId, language: FormLanguage) => ({
    form: t(`forms.name.${form}`),
    language: t(`forms.language.${language}`),
  });

  async function importFile(form: FormId, language: FormLanguage) {
    if (!desk || busy) return;
    setBusy(true);
    setMessage(undefined);
    const refuse = (lines: string[]) =>
      setMessage({ tone: 'error', text: t('formTemplates.refused', slotName(form, language)), lines });
    try {
      const file = await getHost().openFile({
        accept: [{ mimeType: 'application/json', extensions: ['json'] }],
        maxBytes: MAX_TEMPLATE_BYTES,
      });
      if (!file) return;
      const parsed = parseTemplateFile(file.bytes);
      if (!parsed.ok) return refuse([t('formTemplates.notJson')]);
      const result = await desk.templates.importTemplate(form, language, parsed.json);
      if (!result.ok) return refuse(refusalLines(t, result.errors));
      setMessage({
        tone: 'success',
        text: t('formTemplates.imported', { ...slotName(form, language), version: result.entry.version }),
      });
    } catch (error) {
      if (isHostError(error) && error.code === 'too-large') {
        refuse([t('formTemplates.tooLarge', { size: MAX_TEMPLATE_BYTES / 1024 })]);
      } else if (isHostError(error)) {
        refuse([t(`hostError.${error.code}`)]);
      } else {
        useDesk.getState().report(error);
      }
    } finally {
      setBusy(false);
    }
  }

  async function activate(entry: TemplateVersionEntry) {
    if (!desk) return;
    try {
      await desk.templates.activate(entry.form, entry.language, entry.ref);
      setMessage({
        tone: 'success',
        text: t('formTemplates.activated', {
          ...slotName(entry.form, entry.language),
          version: entry.version,
        }),
      });
    } catch (error) {
      useDesk.getState().report(error);
    }
  }

  const describe = (e: TemplateVersionEntry) =>
    [
      e.valid && e.status ? t(`forms.status.${e.status}`) : t('formTemplates.invalid'),
      e.importedAt
        ? t('formTemplates.importedOn', { date: formatDateTime(e.importedAt, timeZone) })
        : t('formTemplates.bundled'),
    ].join('; ');

  return (
    <section className="panel" aria-labelledby="form-templates-title">
      <h3 id="form-templates-title">{t('formTemplates.title')}</h3>
      <p className="muted">{t('formTemplates.note')}</p>
      {message ? (
        <Alert tone={message.tone}>
          {message.text}
          {message.lines ? (
            <ul className="template-errors">
              {message.lines.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
      <table className="template-table">
        <thead>
          <tr>
            <th>{t('formTemplates.col.form')}</th>
            <th>{t('formTemplates.col.language')}</th>
            <th>{t('formTemplates.col.version')}</th>
            <th>{t('formTemplates.col.status')}</th>
            <th>{t('formTemplates.col.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {SLOTS.map(({ form, language }) => {
            const list = versions[`${form}.${language}`] ?? [];
            const inUse = list.find((e) => e.active && e.valid);
            const older = list.filter((e) => e !== inUse);
            return (
              <tr
                key={`${form}.${language}`}
                data-form={form}
                data-language={language}
                data-testid="template-row"
              >
                <td>{t(`forms.name.${form}`)}</td>
                <td>{t(`forms.language.${language}`)}</td>
                <td data-testid="template-version">{inUse?.version}</td>
                <td>
                  {inUse ? describe(inUse) : null}
                  {inUse?.note ? (
                    <span className="sub muted" data-testid="template-note">
                      {noteText(inUse.note, uiLanguage)}
                    </span>
                  ) : null}
                </td>
                <td>
                  <button type="button" disabled={busy} onClick={() => void importFile(form, language)}>
                    {t('formTemplates.import')}
                  </button>
                  {older.length > 0 ? (
                    <details>
                      <summary>{t('formTemplates.history')}</summary>
                      <ul className="template-versions">
                        {older.map((e) => (
                          <li key={String(e.ref)}>
                            {`${e.version} — ${describe(e)}`}{' '}
                            {e.valid ? (
                              <button type="button" onClick={() => void activate(e)}>
                                {t('formTemplates.use')}
                              </button>
                            ) : null}
                          </li>
                        ))}
                      </ul>
                    </details>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
