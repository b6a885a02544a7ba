import { useState } from 'react';
import { PERIOD_PRESETS, type Granularity, type Period, type PeriodPreset } from '../../../../shared/metrics';
import { formatDate, parseDisplayDate } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { SelectField, TextField } from '../../ui/fields';

interface Props {
  preset: PeriodPreset | 'custom';
  period: Period;
  granularity: Granularity;
  onPreset: (preset: PeriodPreset) => void;
  onPeriod: (period: Period) => void;
  onGranularity: (granularity: Granularity) => void;
}

/** The period (a preset or the head's own dates, dd.MM.yyyy) and the grouping by week or month. */
export function DashboardFilters(p: Props) {
  const { t } = useLanguage();
  const [custom, setCustom] = useState(p.preset === 'custom');
  const [from, setFrom] = useState(formatDate(p.period.from));
  const [to, setTo] = useState(formatDate(p.period.to));
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});

  const apply = () => {
    const f = parseDisplayDate(from);
    const e = parseDisplayDate(to);
    const next: { from?: string; to?: string } = {};
    if (!f) next.from = t('dashboard.badDate');
    if (!e) next.to = t('dashboard.badDate');
    if (f && e && f > e) next.to = t('dashboard.badRange');
    setErrors(next);
    if (f && e && f <= e) p.onPeriod({ from: f, to: e });
  };

  return (
    <form
      className="dash-filters"
      aria-label={t('dashboard.filters')}
      onSubmit={(ev) => {
        ev.preventDefault();
        apply();
      }}
    >
      <SelectField
        label={t('dashboard.period')}
        value={custom ? 'custom' : p.preset}
        options={[...PERIOD_PRESETS, 'custom' as const].map((v) => ({
          value: v,
          label: t(`dashboard.preset.${v}`),
        }))}
        onChange={(v) => {
          if (v === 'custom') {
            setCustom(true);
            setFrom(formatDate(p.period.from));
            setTo(formatDate(p.period.to));
          } else {
            setCustom(false);
            setErrors({});
            p.onPreset(v as PeriodPreset);
          }
        }}
      />
      {custom ? (
        <>
          <TextField
            label={t('dashboard.from')}
            value={from}
            onChange={setFrom}
            error={errors.from}
            placeholder={t('common.datePlaceholder')}
          />
          <TextField
            label={t('dashboard.to')}
            value={to}
            onChange={setTo}
            error={errors.to}
            placeholder={t('common.datePlaceholder')}
          />
          <button type="submit">{t('dashboard.apply')}</button>
        </>
      ) : null}
      <SelectField
        label={t('dashboard.granularity')}
        value={p.granularity}
        options={(['week', 'month'] as const).map((v) => ({ value: v, label: t(`dashboard.${v}`) }))}
        onChange={(v) => p.onGranularity(v as Granularity)}
      />
    </form>
  );
}
