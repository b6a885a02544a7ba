import { Badge } from '../../ui/Badge';
import type { GroupView } from './documentsView';

export interface DocumentsText {
  title: string;
  open: string;
  confirm: string;
  reject: string;
  findings: string;
}

interface DocumentsPanelProps {
  text: DocumentsText;
  groups: readonly GroupView[];
  canReview: boolean;
  onOpen: (attachmentId: string) => void;
  /** The file shown in the viewer beside the list, if any. */
  viewing?: string | null;
  onReview: (attachmentId: string, verdict: 'confirmed' | 'rejected') => void;
}

/** The checklist the ground requires, each file with its automated findings and the officer's verdict. */
export function DocumentsPanel({ text, groups, canReview, onOpen, onReview, viewing }: DocumentsPanelProps) {
  return (
    <section className="panel documents" aria-labelledby="documents-title">
      <h3 id="documents-title">{text.title}</h3>
      <ul className="doc-groups">
        {groups.map((g) => (
          <li key={g.kind} className="doc-group" data-kind={g.kind}>
            <h4>{g.title}</h4>
            {g.missing ? <Badge tone="bad" text={g.missing} /> : null}
            <ul className="doc-files">
              {g.files.map((f) => (
                <li key={f.id} className="doc-file" data-attachment-id={f.id} data-check={f.check.status}>
                  <div className="doc-file-head">
                    <span className="doc-name">{f.fileName}</span>
                    <span className="muted">{f.size}</span>
                    <Badge tone={f.check.tone} text={f.check.text} />
                    {f.review ? <Badge tone={f.review.tone} text={f.review.text} /> : null}
                  </div>
                  {f.findings.length > 0 ? (
                    <ul className="findings" aria-label={text.findings}>
                      {f.findings.map((x, i) => (
                        <li key={i} className={`finding finding-${x.tone}`}>
                          <span className="finding-severity">{x.severity}</span> {x.text}
                          {x.evidence ? (
                            <span className="sub finding-evidence" data-testid="finding-evidence">
                              {x.evidence}
                            </span>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                  {f.review?.comment ? <p className="doc-comment">{f.review.comment}</p> : null}
                  <div className="doc-actions">
                    <button type="button" aria-pressed={viewing === f.id} onClick={() => onOpen(f.id)}>
                      {text.open}
                    </button>
                    {canReview ? (
                      <>
                        <button type="button" onClick={() => onReview(f.id, 'confirmed')}>
                          {text.confirm}
                        </button>
                        <button type="button" onClick={() => onReview(f.id, 'rejected')}>
                          {text.reject}
                        </button>
                      </>
                    ) : null}
                  </div>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
