import { Alert } from '../../ui/Alert';

export interface CalendarRowView {
  year: number;
  version: string;
  status: string;
  source: string;
  /** An imported file can be removed; the year then falls back to the bundled file (or the law). */
  removable: boolean;
}

export interface CalendarMessage {
  tone: 'success' | 'error';
  text: string;
  lines?: readonly string[];
}

/** Settings → the calendar years in use, with importing a year file and removing an import. */
export function CalendarYears(p: {
  title: string;
  note: string;
  cols: { year: string; version: string; status: string; source: string; actions: string };
  rows: readonly CalendarRowView[];
  importLabel: string;
  removeLabel: string;
  busy: boolean;
  /** No import button (an officer's view). */
  readOnly?: boolean;
  message: CalendarMessage | undefined;
  onImport: () => void;
  onRemove: (year: number) => void;
}) {
  return (
    <section className="panel" aria-labelledby="calendar-title">
      <h3 id="calendar-title">{p.title}</h3>
      <p className="muted">{p.note}</p>
      {p.message ? (
        <Alert tone={p.message.tone}>
          {p.message.text}
          {p.message.lines ? (
            <ul className="calendar-errors">
              {p.message.lines.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
      {p.readOnly ? null : (
        <div className="form-actions">
          <button type="button" disabled={p.busy} onClick={p.onImport}>
            {p.importLabel}
          </button>
        </div>
      )}
      <table className="calendar-years">
        <thead>
          <tr>
            <th>{p.cols.year}</th>
            <th>{p.cols.version}</th>
            <th>{p.cols.status}</th>
            <th>{p.cols.source}</th>
            <th>{p.cols.actions}</th>
          </tr>
        </thead>
        <tbody>
          {p.rows.map((r) => (
            <tr key={r.year} data-year={r.year}>
              <td>{r.year}</td>
              <td>{r.version}</td>
              <td>{r.status}</td>
              <td>{r.source}</td>
              <td>
                {r.removable ? (
                  <button type="button" disabled={p.busy} onClick={() => p.onRemove(r.year)}>
                    {p.removeLabel}
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
