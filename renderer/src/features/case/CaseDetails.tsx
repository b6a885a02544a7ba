import { Alert } from '../../ui/Alert';
import { Badge } from '../../ui/Badge';
import type { FactSection } from './caseFacts';
import type { DeadlineRow, HistoryRow } from './caseHistory';
import type { ProducedDocument } from './producedDocuments';

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
  /** The buttons of a produced document in the history. */
  document: { open: string; save: string; print: string };
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

interface HistoryPanelProps {
  text: CaseDetailsText;
  rows: readonly HistoryRow[];
  /** What the last re-send of a document said (saved, printed, or why not). */
  status?: { text: string; tone: 'success' | 'error' | 'warning' } | undefined;
  onOpen: (doc: ProducedDocument) => void;
  onResend: (doc: ProducedDocument, action: 'save' | 'print') => void;
}

export function HistoryPanel({ text, rows, status, onOpen, onResend }: HistoryPanelProps) {
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
                {h.document ? (
                  <ProducedButtons
                    doc={h.document}
                    text={text.document}
                    onOpen={onOpen}
                    onResend={onResend}
                  />
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {status ? <Alert tone={status.tone}>{status.text}</Alert> : null}
    </section>
  );
}

function ProducedButtons({
  doc,
  text,
  onOpen,
  onResend,
}: { doc: ProducedDocument; text: CaseDetailsText['document'] } & Pick<
  HistoryPanelProps,
  'onOpen' | 'onResend'
>) {
  return (
    <span className="history-document" data-document={doc.sha256}>
      <button type="button" onClick={() => onOpen(doc)}>
        {text.open}
      </button>
      <button type="button" onClick={() => onResend(doc, 'save')}>
        {text.save}
      </button>
      <button type="button" onClick={() => onResend(doc, 'print')}>
        {text.print}
      </button>
    </span>
  );
}
