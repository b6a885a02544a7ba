import { useLanguage } from '../../i18n/useLanguage';
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
 * What is being approved, before the head approves or returns it: the proposed decision, the
 * documents produced for it (opened in the viewer beside the checks), and who did what.
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
      <p className="muted" data-testid="approval-keys">
        {t('approvalKeys.hint', { approve: keyLabel('approve'), return: keyLabel('return') })}
      </p>
      <h4>{t('ux.approval.produced')}</h4>
      {produced.length === 0 ? (
        <p className="muted">{t('ux.approval.noProduced')}</p>
      ) : (
        <ul>
          {produced.map((doc) => (
            <li key={doc.eventId}>
              <button type="button" onClick={() => onOpen(doc)}>
                {t('ux.approval.open', { name: documentTitle(doc) })}
              </button>
            </li>
          ))}
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
