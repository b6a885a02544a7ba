import { formatDate } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { useNavigation } from '../../stores/navigation';
import type { DeskRow } from '../queue/queueModel';
import { BrowserNotifyOffer } from './BrowserNotifyOffer';
import { useNotice } from './noticeStore';

/** How many cases of each kind the panel names; the rest are in the queue it links to. */
const SHOWN = 5;

function CaseList({ title, rows, queue }: { title: string; rows: DeskRow[]; queue: 'overdue' | 'due-soon' }) {
  const { t } = useLanguage();
  const navigate = useNavigation((s) => s.navigate);
  if (rows.length === 0) return null;
  return (
    <section className={`notice-group notice-${queue}`}>
      <p className="notice-group-title">
        {title} <span className="notice-count">{rows.length}</span>
      </p>
      <ul>
        {rows.slice(0, SHOWN).map((r) => (
          <li key={r.row.caseId}>
            {/* One button per case, named by all it says (not by the number alone: the queue's is). */}
            <button
              type="button"
              className="link-button notice-case"
              onClick={() => navigate({ name: 'case', caseId: r.row.caseId })}
            >
              <span className="notice-number">{r.row.caseNumber}</span>{' '}
              <span className="muted">
                {r.row.stage === 'closed'
                  ? t('queue.openComplaints', { count: r.row.openComplaints })
                  : t(`stage.${r.row.stage}`)}
                {' · '}
                {t('notify.dueOn', { date: formatDate(r.dueKey) })}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {rows.length > SHOWN ? (
        <button type="button" className="link-button" onClick={() => navigate({ name: 'queue', queue })}>
          {t('notify.more', { count: rows.length - SHOWN })}
        </button>
      ) : null}
    </section>
  );
}

/** The calm notice of deadlines: a panel beside the work, not a dialog in its way. */
export function DeadlinePanel() {
  const { t } = useLanguage();
  const notice = useNotice((s) => s.notice);
  if (!notice) return null;
  return (
    <aside className="notice-panel" aria-labelledby="notice-title" data-testid="deadline-notice">
      <div className="notice-head">
        {/* Not a heading: the screens' own level-2 heading names the screen. */}
        <strong id="notice-title">{t('notify.panelTitle')}</strong>
        <span className="sub">{t('notify.intro', { date: formatDate(notice.day) })}</span>
      </div>
      <CaseList title={t('notify.overdue')} rows={notice.overdue} queue="overdue" />
      <CaseList title={t('notify.dueSoon')} rows={notice.dueSoon} queue="due-soon" />
      <BrowserNotifyOffer notice={notice} />
      <button type="button" onClick={() => useNotice.getState().dismiss()}>
        {t('notify.dismiss')}
      </button>
    </aside>
  );
}
