/**
 * The dashboard's charts (recharts). Each stands beside a table with the same numbers, which is its
 * text alternative; the figure says so. Colours are the design tokens' state colours (tokens.css):
 * an SVG attribute cannot read a CSS variable, so they are repeated here.
 */
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DashboardMetrics } from '../../../../shared/metrics';
import { useLanguage } from '../../i18n/useLanguage';
import { bucketLabel } from './tables';

const COLOURS = { met: '#1f7a3a', late: '#e0a800', overdue: '#a4161a', pending: '#7a8397', open: '#0b5cad' };
const HEIGHT = 240;
const SLA_KEYS = ['met', 'late', 'overdue'] as const;

/** A bar chart named `label`, over `data` rows with a `name`, and its caption pointing to the table. */
function Figure({ label, data, children }: { label: string; data: object[]; children: React.ReactNode }) {
  const { t } = useLanguage();
  return (
    <figure className="dash-chart" aria-label={label}>
      <div style={{ width: '100%', height: HEIGHT }}>
        <ResponsiveContainer>
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="name" tick={{ fontSize: 12 }} />
            <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
            <Tooltip />
            <Legend />
            {children}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sub">{t('dashboard.chartAlt')}</figcaption>
    </figure>
  );
}

export function SlaChart({ metrics }: { metrics: DashboardMetrics }) {
  const { t } = useLanguage();
  const data = metrics.sla.buckets.map((b) => ({
    name: bucketLabel(t, b.start, metrics.granularity),
    met: b.overall.met,
    late: b.overall.late,
    overdue: b.overall.overdue,
  }));
  return (
    <Figure label={`${t('dashboard.sla.title')}: ${t(`dashboard.${metrics.granularity}`)}`} data={data}>
      {SLA_KEYS.map((k) => (
        <Bar
          key={k}
          dataKey={k}
          stackId="sla"
          name={t(`dashboard.sla.${k}`)}
          fill={COLOURS[k]}
          isAnimationActive={false}
        />
      ))}
    </Figure>
  );
}

export function LoadChart({
  metrics,
  officerName,
}: {
  metrics: DashboardMetrics;
  officerName: (id: string) => string;
}) {
  const { t } = useLanguage();
  const data = metrics.load.map((l) => ({
    name: l.officerId === null ? t('dashboard.load.nobody') : officerName(l.officerId),
    open: l.open,
    dueThisWeek: l.dueThisWeek,
    overdue: l.overdue,
  }));
  return (
    <Figure label={t('dashboard.load.title')} data={data}>
      <Bar dataKey="open" name={t('dashboard.load.open')} fill={COLOURS.open} isAnimationActive={false} />
      <Bar
        dataKey="dueThisWeek"
        name={t('dashboard.load.dueThisWeek')}
        fill={COLOURS.late}
        isAnimationActive={false}
      />
      <Bar
        dataKey="overdue"
        name={t('dashboard.load.overdue')}
        fill={COLOURS.overdue}
        isAnimationActive={false}
      />
    </Figure>
  );
}
