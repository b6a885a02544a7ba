/**
 * The head's dashboard: compliance with the law's deadlines, each officer's load, decisions and
 * refusals by ground, how long stages take, complaints; for a period, exported as CSV or XLSX.
 * Loaded in its own chunk (recharts, the XLSX writer) when the head opens it.
 */
import { useEffect, useMemo, useState } from 'react';
import './dashboard.css';
import { dashboardMetrics, type DashboardMetrics } from '../../../../shared/metrics';
import { getHost } from '../../host';
import { formatDate } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { useDesk } from '../../stores/deskStore';
import { useSession } from '../../stores/sessionStore';
import { Alert } from '../../ui/Alert';
import { LoadChart, SlaChart } from './Charts';
import { DashboardFilters } from './DashboardFilters';
import { DataTable } from './DataTable';
import { useDashboard } from './dashboardStore';
import { toCsv, toXlsx } from './exportFiles';
import { dashboardTables, type Table } from './tables';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type ExportNote = { tone: 'success' | 'info' | 'error'; text: string } | null;

/** The aggregation, timed for the benchmark ('dashboard:aggregate'); the result depends on the inputs only. */
function timedMetrics(...args: Parameters<typeof dashboardMetrics>): DashboardMetrics {
  const start = performance.now();
  const m = dashboardMetrics(...args);
  performance.measure('dashboard:aggregate', { start, end: performance.now() });
  return m;
}

export default function DashboardScreen() {
  const { t } = useLanguage();
  const user = useSession((s) => s.user);
  const users = useDesk((s) => s.users);
  const s = useDashboard();
  const [note, setNote] = useState<ExportNote>(null);

  useEffect(() => {
    void useDashboard.getState().load();
  }, []);

  const officerName = useMemo(() => {
    const names = new Map(users.map((u) => [u.id, u.fullName]));
    return (id: string) => names.get(id) ?? id;
  }, [users]);

  const metrics = useMemo(
    () =>
      s.period
        ? timedMetrics(s.cases, { period: s.period, today: s.today, granularity: s.granularity })
        : null,
    [s.cases, s.period, s.today, s.granularity],
  );
  const tables = useMemo(
    () => (metrics ? dashboardTables(metrics, t, officerName) : []),
    [metrics, t, officerName],
  );

  useEffect(() => {
    if (metrics) performance.mark('dashboard:drawn');
  }, [metrics]);

  if (user?.role !== 'head') return <Alert tone="info">{t('dashboard.headOnly')}</Alert>;
  if (s.status !== 'ready' || !metrics || !s.period) {
    return (
      <p className="muted" role="status">
        {t('dashboard.loading')}
      </p>
    );
  }

  const shown = t('dashboard.shown', {
    from: formatDate(s.period.from),
    to: formatDate(s.period.to),
    today: formatDate(s.today),
    count: metrics.cases,
  });
  const byId = (id: Table['id']) => tables.find((x) => x.id === id)!;
  const baseName = `dashboard_${s.period.from}_${s.period.to}`;

  async function save(kind: 'csv' | 'xlsx') {
    setNote(null);
    try {
      const bytes =
        kind === 'csv'
          ? new TextEncoder().encode(toCsv([t('dashboard.title'), shown], tables))
          : await toXlsx(tables);
      const result = await getHost().saveFile({
        suggestedName: `${baseName}.${kind}`,
        mimeType: kind === 'csv' ? 'text/csv' : XLSX_MIME,
        bytes,
      });
      setNote(
        result.saved
          ? { tone: 'success', text: t('dashboard.exported', { name: `${baseName}.${kind}` }) }
          : { tone: 'info', text: t('dashboard.exportCancelled') },
      );
    } catch {
      setNote({ tone: 'error', text: t('dashboard.exportFailed') });
    }
  }

  return (
    <section className="dash" aria-labelledby="dash-title">
      <div className="dash-head">
        <h2 id="dash-title">{t('dashboard.title')}</h2>
        <p className="muted" data-testid="dash-period">
          {shown}
        </p>
      </div>
      <div className="dash-toolbar">
        <DashboardFilters
          key={`${s.preset}:${s.period.from}:${s.period.to}`}
          preset={s.preset}
          period={s.period}
          granularity={s.granularity}
          onPreset={(p) => s.choosePreset(p)}
          onPeriod={(p) => s.setPeriod(p)}
          onGranularity={(g) => s.setGranularity(g)}
        />
        <div className="dash-export">
          <button type="button" onClick={() => void save('csv')}>
            {t('dashboard.exportCsv')}
          </button>
          <button type="button" onClick={() => void save('xlsx')}>
            {t('dashboard.exportXlsx')}
          </button>
        </div>
      </div>
      {note ? <Alert tone={note.tone}>{note.text}</Alert> : null}
      <div className="dash-grid">
        <article className="dash-card dash-wide">
          <h3>{t('dashboard.sla.title')}</h3>
          <p className="sub">{t('dashboard.sla.note')}</p>
          <SlaChart metrics={metrics} />
          <DataTable table={byId('sla')} />
          <DataTable table={byId('sla-buckets')} />
        </article>
        <article className="dash-card">
          <h3>{t('dashboard.load.title')}</h3>
          <p className="sub">{t('dashboard.load.note')}</p>
          <LoadChart metrics={metrics} officerName={officerName} />
          <DataTable table={byId('load')} />
        </article>
        <article className="dash-card">
          <h3>{t('dashboard.decisions.title')}</h3>
          <p className="sub">{t('dashboard.decisions.note')}</p>
          <DataTable table={byId('decisions')} />
          <h3>{t('dashboard.complaints.title')}</h3>
          <p className="sub">{t('dashboard.complaints.note')}</p>
          <DataTable table={byId('complaints')} />
        </article>
        <article className="dash-card dash-wide">
          <h3>{t('dashboard.complaints.listTitle')}</h3>
          <p className="sub">{t('dashboard.complaints.listNote')}</p>
          {metrics.complaints.list.length === 0 ? (
            <p className="muted">{t('dashboard.complaints.noneInPeriod')}</p>
          ) : (
            <DataTable table={byId('complaint-list')} />
          )}
        </article>
        <article className="dash-card dash-wide">
          <h3>{t('dashboard.durations.title')}</h3>
          <p className="sub">{t('dashboard.durations.note')}</p>
          <DataTable table={byId('durations')} />
        </article>
      </div>
    </section>
  );
}
