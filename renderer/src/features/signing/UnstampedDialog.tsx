/**
 * The step of SignDialog when a TSA is configured and gave no time stamp (offline, refused, a bad
 * answer): the signature is made, and the signer decides whether it is recorded without one (the
 * record then says so) or dropped. Nothing is recorded until the signer confirms.
 */
import type { SigningErrorCode } from '../../../../shared/signing';
import { useLanguage } from '../../i18n/useLanguage';
import { Alert } from '../../ui/Alert';
import { Dialog } from '../../ui/Dialog';

interface Props {
  title: string;
  /** Why the TSA gave no time stamp. */
  problem: SigningErrorCode | undefined;
  busy: boolean;
  onRecord: () => void;
  onDrop: () => void;
  onClose: () => void;
}

export function UnstampedDialog({ title, problem, busy, onRecord, onDrop, onClose }: Props) {
  const { t } = useLanguage();
  return (
    <Dialog
      title={title}
      onClose={onClose}
      onSubmit={onRecord}
      footer={
        <>
          <button type="button" onClick={onDrop} disabled={busy}>
            {t('signing.dialog.dropUnstamped')}
          </button>
          <button type="submit" className="primary" disabled={busy} data-testid="record-without-timestamp">
            {t('signing.dialog.recordUnstamped')}
          </button>
        </>
      }
    >
      <Alert tone="warning">
        <span data-testid="timestamp-problem">
          {t('signing.dialog.tsaFailed', { reason: problem ? t(`signing.error.${problem}`) : '' })}
        </span>
      </Alert>
    </Dialog>
  );
}
