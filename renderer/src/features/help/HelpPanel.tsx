import './help.css';
import { useLanguage } from '../../i18n/useLanguage';
import { today as todayIn } from '../../stores/clock';
import { useDesk } from '../../stores/deskStore';
import { Dialog } from '../../ui/Dialog';
import { helpContent } from './helpContent';

/** The short help: stages and terms, the checks, the keys, and which rules and calendar are in use. */
export function HelpPanel({ onClose }: { onClose: () => void }) {
  const { t } = useLanguage();
  const calendar = useDesk((s) => s.calendar);
  if (!calendar) return null;
  const help = helpContent(t, calendar, todayIn(calendar.officeHours.timeZone));
  return (
    <Dialog
      title={t('ux.help.title')}
      onClose={onClose}
      className="help-panel"
      footer={
        <button type="button" className="primary" onClick={onClose}>
          {t('ux.help.close')}
        </button>
      }
    >
      <section aria-labelledby="help-stages">
        <h3 id="help-stages">{t('ux.help.stagesTitle')}</h3>
        <ul>
          {help.stages.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="help-checks">
        <h3 id="help-checks">{t('ux.help.checksTitle')}</h3>
        <dl>
          {help.checks.map((c) => (
            <div key={c.status}>
              <dt>{c.status}</dt>
              <dd>{c.text}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="help-keys">
        <h3 id="help-keys">{t('ux.help.shortcutsTitle')}</h3>
        <dl className="help-keys">
          {help.shortcuts.map((s) => (
            <div key={s.key}>
              <dt>
                <kbd>{s.key}</kbd>
              </dt>
              <dd>{s.text}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="help-versions">
        <h3 id="help-versions">{t('ux.help.versionsTitle')}</h3>
        <ul>
          {help.versions.map((v) => (
            <li key={v}>{v}</li>
          ))}
        </ul>
      </section>
    </Dialog>
  );
}
