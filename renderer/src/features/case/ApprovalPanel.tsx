import { useLanguage } from '../../i18n/useLanguage';
import { Alert } from '../../ui/Alert';
import { SHORTCUTS } from '../help/shortcuts';
import type { ApprovalView } from './approvalView';
import type { ProducedDocument } from './producedDocuments';

interface ApprovalPanelProps {
  view: ApprovalView;
  produced: readonly ProducedDocument[];
  documentTitle: (doc: ProducedDocument) => string;
  onOpen: (doc: ProducedDocument) => void;
}

const keyLabel = (id: 'approve' | 'return') => SHORTCUTS.find((s) => s.id === id)?.label ?? '';

/**
 * What is being approved, before the head approves or returns it: the proposed decision, the draft
 * of what will be signed (the case screen opens it in the viewer beside the checks), the other
 * documents produced for the case, and who did what.
 */
export function ApprovalPanel({ view, produced, documentTitle, onOpen }: ApprovalPanelProps) {
  const { t } = useLanguage();
  return (
    <section className="panel approval" aria-labelledby="approval-title" data-testid="approval-panel">
      <h3 id="approval-title">{t('ux.approval.title')}</h3>
      <p className="approval-decision">
        <strong>{view.decision}</strong>
      </p>
      {view.details.map((d) => (
        <p key={d}>{d}</p>
      ))}
      {'missing' in view.draft ? (
        <Alert tone="warning">
          <span data-testid="approval-draft">{view.draft.missing}</span>
        </Alert>
      ) : (
        <p data-testid="approval-draft">{view.draft.text}</p>
      )}
      <p className="muted" data-testid="approval-keys">
        {t('approvalKeys.hint', { approve: keyLabel('approve'), return: keyLabel('return') })}
      </p>
      <h4>{t('ux.approval.produced')}</h4>
      {produced.length === 0 ? (
        <p className="muted">{t('ux.approval.noProduced')}</p>
      ) : (
        <ul>
          {produced.map((doc) => {
            const isDraft = 'eventId' in view.draft && view.draft.eventId === doc.eventId;
            return (
              <li key={doc.eventId} data-draft={isDraft ? 'true' : undefined}>
                <button type="button" onClick={() => onOpen(doc)}>
                  {t('ux.approval.open', { name: documentTitle(doc) })}
                </button>
                {isDraft ? <strong> — {t('ux.approval.draftMark')}</strong> : null}
              </li>
            );
          })}
        </ul>
      )}
      <h4>{t('ux.approval.trailTitle')}</h4>
      <ol className="approval-trail">
        {view.trail.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ol>
    </section>
  );
}
