import { Badge } from '../../ui/Badge';
import type { FactSection } from './caseFacts';
import type { DeadlineRow, HistoryRow } from './caseHistory';

export interface CaseDetailsText {
  deadlines: string;
  history: string;
  col: {
    stage: string;
    started: string;
    due: string;
    done: string;
    state: string;
    left: string;
    when: string;
    who: string;
    what: string;
  };
  provisional: string;
}

export function FactsPanel({ sections }: { sections: readonly FactSection[] }) {
  return (
    <div className="facts">
      {sections.map((s) => (
        <section key={s.id} className="panel" aria-labelledby={`facts-${s.id}`} data-section={s.id}>
          <h3 id={`facts-${s.id}`}>{s.title}</h3>
          <dl>
            {s.rows.map((r) => (
              <div key={r.label} className={r.warnings ? 'fact fact-flagged' : 'fact'}>
                <dt>{r.label}</dt>
                <dd>
                  {r.value}
                  {r.warnings?.map((w) => (
                    <span key={w} className="flag" role="note">
                      {w}
                    </span>
                  ))}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}

export function DeadlinesPanel({ text, rows }: { text: CaseDetailsText; rows: readonly DeadlineRow[] }) {
  const c = text.col;
  return (
    <section className="panel" aria-labelledby="deadlines-title">
      <h3 id="deadlines-title">{text.deadlines}</h3>
      <table className="deadlines">
        <thead>
          <tr>
            <th>{c.stage}</th>
            <th>{c.started}</th>
            <th>{c.due}</th>
            <th>{c.done}</th>
            <th>{c.state}</th>
            <th>{c.left}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((d) => (
            <tr key={d.key}>
              <td>{d.stage}</td>
              <td>{d.started}</td>
              <td>
                {d.due}
                {d.provisional ? (
                  <span className="muted" title={text.provisional}>
                    {' *'}
                  </span>
                ) : null}
              </td>
              <td>{d.done}</td>
              <td>
                <Badge tone={d.tone} text={d.state} />
              </td>
              <td>{d.days}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.some((d) => d.provisional) ? <p className="muted">{`* ${text.provisional}`}</p> : null}
    </section>
  );
}

export function HistoryPanel({ text, rows }: { text: CaseDetailsText; rows: readonly HistoryRow[] }) {
  const c = text.col;
  return (
    <section className="panel" aria-labelledby="history-title">
      <h3 id="history-title">{text.history}</h3>
      <table className="history">
        <thead>
          <tr>
            <th>{c.when}</th>
            <th>{c.who}</th>
            <th>{c.what}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((h) => (
            <tr key={h.id}>
              <td className="nowrap">{h.when}</td>
              <td>{h.who}</td>
              <td>
                <strong>{h.what}</strong>
                {h.details ? <span className="sub">{h.details}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
