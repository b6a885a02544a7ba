import { useEffect, useState } from 'react';
import { getHost } from '../../host';
import { useLanguage } from '../../i18n/useLanguage';
import { useDesk } from '../../stores/deskStore';
import { useSession } from '../../stores/sessionStore';
import { BROWSER_NOTIFY_KEY, isRefusal, offerOf, pagePermission, type Offer } from './browserPermission';
import { notificationOf, type DeadlineNotice } from './deadlineNotice';

/**
 * In the deadline notice of the browser build: "tell me in the browser too". The browser's own
 * question comes only after the officer presses the button; a refusal is kept, so it is not asked
 * again. Counts only in the notification (notificationOf).
 */
export function BrowserNotifyOffer({ notice }: { notice: DeadlineNotice }) {
  const { t } = useLanguage();
  const desk = useDesk((s) => s.desk);
  const userId = useSession((s) => s.user?.id);
  const [offer, setOffer] = useState<Offer>('none');
  const [said, setSaid] = useState<string>();
  const permission = pagePermission();

  useEffect(() => {
    if (!desk || !userId) return;
    let cancelled = false;
    desk.drafts.get(userId, BROWSER_NOTIFY_KEY).then(
      (stored) => {
        if (cancelled) return;
        setOffer(
          offerOf({
            hostKind: getHost().kind,
            permission: permission?.permission() ?? null,
            refused: isRefusal(stored),
          }),
        );
      },
      (error: unknown) => useDesk.getState().report(error),
    );
    return () => {
      cancelled = true;
    };
    // The permission is read once per user: it changes only through this offer or the browser's settings.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [desk, userId]);

  const refuse = () => {
    if (desk && userId)
      desk.drafts
        .put(userId, BROWSER_NOTIFY_KEY, 'refused')
        .catch((error: unknown) => useDesk.getState().report(error));
  };

  async function ask() {
    if (!permission) return;
    const answer = await permission.request();
    if (answer === 'granted') {
      setSaid(t('browserNotify.on'));
      getHost()
        .notify(notificationOf(t, notice))
        .catch(() => undefined);
    } else {
      // 'denied', or the browser's question closed unanswered: either way the officer said no now.
      refuse();
      setSaid(t('browserNotify.refused'));
    }
    setOffer('none');
  }

  if (said)
    return (
      <p role="status" className="sub" data-testid="browser-notify-said">
        {said}
      </p>
    );
  if (offer !== 'offer') return null;
  return (
    <div className="notice-browser" data-testid="browser-notify-offer">
      <p className="sub">{t('browserNotify.why')}</p>
      <button type="button" onClick={() => void ask()}>
        {t('browserNotify.ask')}
      </button>{' '}
      <button
        type="button"
        className="link-button"
        onClick={() => {
          refuse();
          setOffer('none');
          setSaid(t('browserNotify.refused'));
        }}
      >
        {t('browserNotify.noThanks')}
      </button>
    </div>
  );
}
