/**
 * Settings → the central system: the server's address and enrolment with the one-time code, or,
 * once enrolled, where the desk syncs to, how the token is kept, sign-out of the device, and the
 * sync problems with their resolutions (SyncProblems.tsx).
 */
import { useState, type FormEvent } from 'react';
import { normaliseEnrolmentCode } from '../../../../shared/sync';
import { getHost } from '../../host';
import { useLanguage } from '../../i18n/useLanguage';
import { useDesk } from '../../stores/deskStore';
import { Alert } from '../../ui/Alert';
import { SyncProblems } from './SyncProblems';
import { useSync } from './syncStore';

const K = 'sync.settings';

export function SyncSection() {
  const { t } = useLanguage();
  const desk = useDesk((s) => s.desk);
  const enrolment = useSync((s) => s.enrolment);
  const [origin, setOrigin] = useState('');
  const [code, setCode] = useState('');
  const [deviceName, setDeviceName] = useState('');
  const [message, setMessage] = useState<{ key: string; tone: 'error' | 'success' } | null>(null);
  const [busy, setBusy] = useState(false);
  const host = getHost();

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!desk || busy) return;
    const normalised = normaliseEnrolmentCode(code);
    if (!normalised) return setMessage({ key: `${K}.error.code.invalid`, tone: 'error' });
    if (deviceName.trim() === '') return setMessage({ key: `${K}.error.deviceName`, tone: 'error' });
    setBusy(true);
    try {
      const outcome = await useSync.getState().enrol(desk, host, origin, normalised, deviceName);
      // What was typed stays in the form when enrolment fails, so nothing needs typing again.
      setMessage(
        outcome.ok
          ? { key: `${K}.enrolled`, tone: 'success' }
          : { key: `${K}.error.${outcome.code}`, tone: 'error' },
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="sync-title" data-testid="sync-section">
      <h3 id="sync-title">{t(`${K}.title`)}</h3>
      {enrolment ? (
        <>
          <p data-testid="sync-enrolment">
            {t(`${K}.enrolledTo`, { server: enrolment.serverOrigin, user: enrolment.userName })}
          </p>
          <Alert tone={host.tokenProtection === 'os-key-store' ? 'info' : 'warning'}>
            {t(`${K}.token.${host.tokenProtection}`)}
          </Alert>
          <div className="form-actions">
            <button
              type="button"
              disabled={busy || !desk}
              onClick={() => desk && void useSync.getState().signOut(desk, host)}
            >
              {t(`${K}.signOut`)}
            </button>
          </div>
        </>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <label htmlFor="sync-origin">{t(`${K}.server`)}</label>
          <input
            id="sync-origin"
            type="url"
            value={origin}
            placeholder={t(`${K}.serverPlaceholder`)}
            onChange={(e) => setOrigin(e.target.value)}
          />
          <label htmlFor="sync-code">{t(`${K}.code`)}</label>
          <input id="sync-code" value={code} autoComplete="off" onChange={(e) => setCode(e.target.value)} />
          <label htmlFor="sync-device">{t(`${K}.deviceName`)}</label>
          <input id="sync-device" value={deviceName} onChange={(e) => setDeviceName(e.target.value)} />
          <p className="muted">{t(`${K}.token.${host.tokenProtection}`)}</p>
          <div className="form-actions">
            <button type="submit" className="primary" disabled={busy}>
              {t(`${K}.enrol`)}
            </button>
          </div>
        </form>
      )}
      {message ? (
        <Alert tone={message.tone}>{t(message.key, { defaultValue: t(`${K}.error.other`) })}</Alert>
      ) : null}
      <SyncProblems />
    </section>
  );
}
