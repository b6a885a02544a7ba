/**
 * Settings → the central system: the server's address and enrolment with the one-time code, or,
 * once enrolled, where the desk syncs to, how the token is kept, sign-out of the device, and the
 * sync problems (rejected and conflicting events, read-only: see README "Sync with the central system").
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { caseRecordSchema, eventReasonSchema } from '../../../../shared/api';
import { REJECTION_CODES, type RejectionReason } from '../../../../shared/workflow';
import { rejectionText } from '../../i18n/codes';
import { normaliseEnrolmentCode } from '../../../../shared/sync';
import type { OutboxEntry } from '../../db';
import { getHost } from '../../host';
import { useLanguage } from '../../i18n/useLanguage';
import { useDesk } from '../../stores/deskStore';
import { Alert } from '../../ui/Alert';
import { useSync } from './syncStore';

const K = 'sync.settings';

interface Problem {
  entry: OutboxEntry;
  serverEvents: string[] | null;
  reason: string;
}

function useProblems(reasonOf: (r: { code: string; params?: Record<string, unknown> }) => string): Problem[] {
  const desk = useDesk((s) => s.desk);
  const status = useSync((s) => s.status);
  const [problems, setProblems] = useState<Problem[]>([]);
  useEffect(() => {
    if (!desk) return;
    let live = true;
    void (async () => {
      const entries = [...(await desk.outbox.list('rejected')), ...(await desk.outbox.list('conflict'))];
      const out: Problem[] = [];
      for (const entry of entries) {
        const parsed =
          entry.status === 'conflict'
            ? caseRecordSchema.safeParse(await desk.sync.serverCase(entry.caseId))
            : null;
        const stored = await desk.sync.reason(entry.eventId);
        const reason = eventReasonSchema.safeParse(stored);
        out.push({
          entry,
          serverEvents: parsed?.success ? parsed.data.events.map((e) => e.type) : null,
          reason: reasonOf(reason.success ? reason.data : { code: entry.lastError ?? 'unknown' }),
        });
      }
      if (live) setProblems(out);
    })();
    return () => {
      live = false;
    };
    // reasonOf changes with the language only; the list is read again on every status change anyway.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [desk, status]);
  return problems;
}

/** The reducer's reasons read as the desk's own refusals do; the server's rules and whole-request codes have their own sentences. */
function reasonText(t: TFunction, reason: { code: string; params?: Record<string, unknown> }): string {
  if ((REJECTION_CODES as readonly string[]).includes(reason.code))
    return rejectionText(t, reason as RejectionReason);
  return t(`sync.reason.${reason.code}`, { defaultValue: t('sync.reason.unknown') });
}

export function SyncSection() {
  const { t } = useLanguage();
  const desk = useDesk((s) => s.desk);
  const enrolment = useSync((s) => s.enrolment);
  const problems = useProblems((reason) => reasonText(t, reason));
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
      {problems.length > 0 ? (
        <div data-testid="sync-problems">
          <h4>{t('sync.problems.title', { count: problems.length })}</h4>
          <p className="muted">{t('sync.problems.resolution')}</p>
          <ul>
            {problems.map(({ entry, serverEvents, reason }) => (
              <li key={entry.eventId}>
                {t(`sync.problems.${entry.status}`, { event: t(`eventType.${entry.event.type}`) })} {reason}
                {serverEvents ? (
                  <div className="muted">
                    {t('sync.problems.serverVersion', {
                      events: serverEvents.map((type) => t(`eventType.${type}`)).join(', '),
                    })}
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
