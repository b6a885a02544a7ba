/**
 * The case's actions the central system did not accept (taken back when the officer resolved a
 * sync problem): part of the case's record, shown under its history, never hidden.
 */
import { useEffect, useState } from 'react';
import type { CaseState } from '../../../../shared/workflow';
import type { NotAcceptedEvent } from '../../db';
import { formatDateTime } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { useDesk } from '../../stores/deskStore';
import { historyRows } from '../case/caseHistory';

interface Props {
  state: CaseState;
  timeZone: string;
  userName: (id: string) => string;
}

export function NotAccepted({ state, timeZone, userName }: Props) {
  const { t } = useLanguage();
  const desk = useDesk((s) => s.desk);
  const calendar = useDesk((s) => s.calendar);
  const [items, setItems] = useState<NotAcceptedEvent[]>([]);
  const { caseId } = state;

  useEffect(() => {
    if (!desk) return;
    let live = true;
    const read = () => void desk.cases.notAccepted(caseId).then((list) => live && setItems(list));
    read();
    const off = desk.cases.onChange((ids) => {
      if (ids.length === 0 || ids.includes(caseId)) read();
    });
    return () => {
      live = false;
      off();
    };
  }, [desk, caseId]);

  if (items.length === 0 || !calendar) return null;
  const rows = historyRows(
    t,
    items.map((i) => i.event),
    state,
    { timeZone, userName, calendar },
  ).reverse();
  return (
    <section className="panel" data-testid="not-accepted" aria-labelledby="not-accepted-title">
      <h3 id="not-accepted-title">{t('sync.notAccepted.title')}</h3>
      <p className="muted">{t('sync.notAccepted.explain')}</p>
      <ul>
        {items.map((item, i) => {
          const row = rows[i]!;
          return (
            <li key={item.event.id}>
              {row.when} · {row.who} · <strong>{row.what}</strong>
              {row.details ? ` — ${row.details}` : ''}
              <div className="muted">
                {t(`sync.notAccepted.${item.resolution}`, {
                  when: formatDateTime(item.resolvedAt, timeZone),
                  name: userName(item.resolvedBy),
                })}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
