import { useLanguage } from '../../i18n/useLanguage';
import type { Cell, Table } from './tables';

/** A table of the dashboard: the chart's text alternative, and what the exports write. */
export function DataTable({ table, note }: { table: Table; note?: string }) {
  const { t, language } = useLanguage();
  const number = new Intl.NumberFormat(language === 'ru' ? 'ru-RU' : 'kk-KZ', { maximumFractionDigits: 1 });
  const numeric = (column: number) => column > 0 && !table.textColumns?.includes(column);
  const text = (cell: Cell) =>
    cell === null ? t('dashboard.none') : typeof cell === 'number' ? number.format(cell) : cell;
  return (
    <div className="dash-table-wrap">
      <table className="dash-table" data-testid={`dash-table-${table.id}`}>
        <caption>
          {table.title}
          {note ? <span className="sub">{note}</span> : null}
        </caption>
        <thead>
          <tr>
            {table.headers.map((h, i) => (
              <th key={h} scope="col" className={numeric(i) ? 'num' : undefined}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) =>
                c === 0 ? (
                  <th key={c} scope="row">
                    {text(cell)}
                  </th>
                ) : (
                  <td key={c} className={numeric(c) ? 'num' : undefined}>
                    {text(cell)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
