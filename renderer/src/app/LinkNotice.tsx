import { useTranslation } from 'react-i18next';
import { useNavigation } from '../stores/navigation';
import { Alert } from '../ui/Alert';

/** Says that the link the desk was opened with could not be followed (the home queue is shown). */
export function LinkNotice() {
  const { t } = useTranslation();
  const badLink = useNavigation((s) => s.badLink);
  if (!badLink) return null;
  return (
    <Alert
      tone="warning"
      actions={
        <button type="button" onClick={() => useNavigation.getState().dismissBadLink()}>
          {t('common.dismiss')}
        </button>
      }
    >
      {t('recovery.badLink')}
    </Alert>
  );
}
