/**
 * Settings → the demo (managers only). A demo desk can be loaded again from scratch, or left for
 * real work (emptied; the next screen creates the administrator). A real desk can open the demo,
 * which empties it. Each asks first, and each is refused while events wait to be sent: nothing in
 * the UI deletes unsent work.
 */
import { useState } from 'react';
import { useLanguage } from '../../i18n/useLanguage';
import { useDesk } from '../../stores/deskStore';
import { Alert } from '../../ui/Alert';
import { Dialog } from '../../ui/Dialog';
import { emptyDeskText } from './demoText';

type Step = 'reload' | 'leave' | 'open';

export function DemoSection({ onDone }: { onDone: () => void }) {
  const { t } = useLanguage();
  const isDemo = useDesk((s) => s.users.some((u) => u.demo));
  const [asking, setAsking] = useState<Step | null>(null);
  const [failure, setFailure] = useState<string>();

  async function run(step: Step) {
    setAsking(null);
    setFailure(undefined);
    const desk = useDesk.getState();
    const outcome = step === 'leave' ? await desk.emptyDesk() : await desk.openDemo();
    if (outcome.ok) onDone();
    else setFailure(emptyDeskText(t, outcome));
  }

  const texts: Record<Step, { button: string; title: string; confirm: string }> = {
    reload: {
      button: t('settingsScreen.demo.reset'),
      title: t('settingsScreen.demo.confirmTitle'),
      confirm: t('settingsScreen.demo.confirm'),
    },
    leave: {
      button: t('auth.demo.leave'),
      title: t('auth.demo.leaveTitle'),
      confirm: t('auth.demo.leaveConfirm'),
    },
    open: {
      button: t('auth.demo.open'),
      title: t('auth.demo.openTitle'),
      confirm: t('auth.demo.openConfirm'),
    },
  };
  const steps: Step[] = isDemo ? ['reload', 'leave'] : ['open'];

  return (
    <section className="panel" aria-labelledby="demo-title">
      <h3 id="demo-title">{t('settingsScreen.demo.title')}</h3>
      <p className="muted">{t(isDemo ? 'settingsScreen.demo.note' : 'auth.demo.realNote')}</p>
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <div className="form-actions">
        {steps.map((step) => (
          <button key={step} type="button" onClick={() => setAsking(step)}>
            {texts[step].button}
          </button>
        ))}
      </div>
      {asking ? (
        <Dialog
          title={texts[asking].title}
          onClose={() => setAsking(null)}
          onSubmit={() => void run(asking)}
          footer={
            <>
              <button type="button" onClick={() => setAsking(null)}>
                {t('common.cancel')}
              </button>
              <button type="submit" className="primary">
                {texts[asking].button}
              </button>
            </>
          }
        >
          <p>{texts[asking].confirm}</p>
        </Dialog>
      ) : null}
    </section>
  );
}
