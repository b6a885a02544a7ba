import { useLanguage } from '../../i18n/useLanguage';
import { Dialog } from '../../ui/Dialog';

interface Props {
  /** Back to what was being typed. */
  onBack: () => void;
  /** Closes and removes the draft. */
  onDiscard: () => void;
  /** Closes and keeps the draft for next time (the primary answer: nothing typed is lost by default). */
  onKeep: () => void;
}

/**
 * Asked when something typed is closed before it is saved: an action dialog (useActionRunner) or an
 * official form (FormEditor). One prompt, so both ask the same question in the same words.
 */
export function KeepDraftPrompt({ onBack, onDiscard, onKeep }: Props) {
  const { t } = useLanguage();
  return (
    <Dialog
      title={t('ux.draft.keepTitle')}
      purpose={t('ux.draft.keepText')}
      onClose={onBack}
      footer={
        <>
          <button type="button" onClick={onBack}>
            {t('ux.draft.back')}
          </button>
          <button type="button" onClick={onDiscard}>
            {t('ux.draft.discard')}
          </button>
          <button type="button" className="primary" autoFocus onClick={onKeep}>
            {t('ux.draft.keep')}
          </button>
        </>
      }
    >
      {null}
    </Dialog>
  );
}
