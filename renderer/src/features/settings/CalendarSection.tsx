import { useEffect, useState } from 'react';
import { BUNDLED_CALENDAR_YEARS } from '../../../../shared/calendar';
import type { StoredCalendarYear } from '../../db';
import { getHost } from '../../host';
import { useLanguage } from '../../i18n/useLanguage';
import { today } from '../../stores/clock';
import { useDesk } from '../../stores/deskStore';
import { calendarRefusalLines, importCalendarFile } from './calendarImport';
import { CalendarYears, type CalendarMessage } from './CalendarYears';
import { calendarYearRows } from './settingsForm';

const K = 'settingsScreen.calendar';

/**
 * Settings → the working-day calendar: the year files in use, importing a corrected or newer year
 * (a refused file changes nothing) and removing an import, after which the bundled file counts again.
 * Read-only for officers.
 */
export function CalendarSection({ readOnly = false }: { readOnly?: boolean }) {
  const { t } = useLanguage();
  const desk = useDesk((s) => s.desk);
  const timeZone = useDesk((s) => s.settings?.officeHours.timeZone ?? 'Asia/Almaty');
  const [stored, setStored] = useState<StoredCalendarYear[]>([]);
  const [message, setMessage] = useState<CalendarMessage>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!desk) return;
    const load = () => {
      desk.calendar.storedYears().then(setStored, (e: unknown) => useDesk.getState().report(e));
    };
    load();
    return desk.calendar.onChange(load);
  }, [desk]);

  /** Runs one change of the stored years; a storage failure goes to the desk's banner. */
  async function change(work: () => Promise<CalendarMessage | undefined>) {
    // Only a manager changes the akimat's calendar; an officer sees the years in use.
    if (busy || readOnly) return;
    setBusy(true);
    setMessage(undefined);
    try {
      const done = await work();
      if (done) setMessage(done);
      await useDesk.getState().refreshCalendar();
    } catch (error) {
      useDesk.getState().report(error);
    } finally {
      setBusy(false);
    }
  }

  const importFile = () =>
    change(async () => {
      if (!desk) return undefined;
      const outcome = await importCalendarFile(getHost(), desk.calendar);
      switch (outcome.kind) {
        case 'cancelled':
          return undefined;
        case 'imported':
          return { tone: 'success', text: t(`${K}.imported`, { year: outcome.year }) };
        case 'refused':
          return { tone: 'error', text: t(`${K}.refused`), lines: calendarRefusalLines(t, outcome.refusal) };
      }
    });

  const remove = (year: number) =>
    change(async () => {
      if (!desk) return undefined;
      await desk.calendar.removeYear(year);
      return { tone: 'success', text: t(`${K}.removed`, { year }) };
    });

  const rows = calendarYearRows(BUNDLED_CALENDAR_YEARS, stored, Number(today(timeZone).slice(0, 4)));
  return (
    <CalendarYears
      title={t(`${K}.title`)}
      note={t(`${K}.note`)}
      cols={{
        year: t(`${K}.year`),
        version: t(`${K}.version`),
        status: t(`${K}.status`),
        source: t(`${K}.source`),
        actions: t(`${K}.actions`),
      }}
      rows={rows.map((r) => ({
        year: r.year,
        version: r.version,
        status: t(`${K}.statusName.${r.status}`),
        source: t(`${K}.sourceName.${r.source}`),
        removable: !readOnly && r.source === 'imported',
      }))}
      importLabel={t(`${K}.import`)}
      removeLabel={t(`${K}.remove`)}
      busy={busy}
      readOnly={readOnly}
      message={message}
      onImport={() => void importFile()}
      onRemove={(year) => void remove(year)}
    />
  );
}
