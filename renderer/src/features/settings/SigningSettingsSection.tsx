/**
 * Settings → signing: the trusted CA certificates (import, list with subject, validity and
 * fingerprint, remove), the time-stamp authority and OCSP fetching. Everyone sees them; only the
 * head or an administrator changes them (saveSigningSettings refuses anyone else). Loaded with the
 * settings screen's lazy part: it parses certificates with the signing code.
 */
import { useState } from 'react';
import { canEditSettings } from '../../../../shared/auth';
import {
  signingOriginsOf,
  MAX_TRUSTED_CERTIFICATES,
  type SigningSettings,
} from '../../../../shared/settings';
import type { ServerOriginStatus } from '../../../../shared/host';
import { getHost, isHostError } from '../../host';
import { formatDate } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { useSession } from '../../stores/sessionStore';
import { Alert } from '../../ui/Alert';
import { SelectField, TextField } from '../../ui/fields';
import { describeTrusted, importCertificate, type TrustedRole } from '../signing/trustedCertificates';
import { saveSigningSettings, useSigningSettings } from '../signing/useSigningSettings';

const K = 'signingSettings';
const CERT_TYPES = [
  {
    mimeType: 'application/pkix-cert',
    extensions: ['cer', 'crt', 'pem', 'der'],
  },
];

interface Draft {
  trusted: SigningSettings['trusted'];
  tsaUrl: string;
  ocspFetch: boolean;
  ocspUrl: string;
}

const draftOf = (s: SigningSettings): Draft => ({
  trusted: s.trusted,
  tsaUrl: s.tsaUrl ?? '',
  ocspFetch: s.ocsp.fetch,
  ocspUrl: s.ocsp.responderUrl ?? '',
});

const inputOf = (d: Draft) => ({
  trusted: d.trusted,
  tsaUrl: d.tsaUrl,
  ocsp: { fetch: d.ocspFetch, responderUrl: d.ocspUrl },
});

export function SigningSettingsSection() {
  const { t } = useLanguage();
  const stored = useSigningSettings();
  const editable = canEditSettings(useSession((s) => s.user));
  const [draft, setDraft] = useState<Draft | undefined>(() => (stored ? draftOf(stored) : undefined));
  // New stored settings (loaded, or saved in another screen) replace the draft: adjusted during render.
  const [seen, setSeen] = useState(stored);
  if (stored !== seen) {
    setSeen(stored);
    if (stored) setDraft(draftOf(stored));
  }
  const [role, setRole] = useState<TrustedRole>('root');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<{ tone: 'success' | 'error' | 'warning'; text: string }>();
  if (!draft) return null;

  const change = (next: Partial<Draft>) => {
    setDraft({ ...draft, ...next });
    setStatus(undefined);
  };

  async function importOne() {
    if (!draft) return;
    try {
      const opened = await getHost().openFile({ accept: CERT_TYPES, maxBytes: 64 * 1024 });
      if (!opened) return;
      const imported = importCertificate(opened.bytes, role, draft.trusted);
      if (!imported.ok) {
        setStatus({ tone: 'error', text: t(`${K}.problem.${imported.problem}`) });
        return;
      }
      change({ trusted: [...draft.trusted, imported.entry] });
    } catch (error) {
      setStatus({
        tone: 'error',
        text: isHostError(error) ? t(`hostError.${error.code}`) : t(`${K}.problem.certificate.unreadable`),
      });
    }
  }

  async function save() {
    if (!draft) return;
    const result = await saveSigningSettings(inputOf(draft));
    if (!result) return; // a storage failure: the banner says why, the draft is kept
    if (!result.ok) {
      if ('refusal' in result) {
        setStatus({ tone: 'error', text: t(`${K}.notAllowed`) });
        return;
      }
      setErrors(
        Object.fromEntries(
          result.issues.map((i) => [
            i.path.slice(0, 2).join('.'),
            t(`${K}.issue.${i.code}`, { max: MAX_TRUSTED_CERTIFICATES }),
          ]),
        ),
      );
      setStatus({ tone: 'error', text: t(`${K}.invalid`) });
      return;
    }
    setErrors({});
    setDraft(draftOf(result.settings));
    // The page's policy must allow the services' origins (shared/host/csp.ts): the host says whether it does.
    const origins = signingOriginsOf(result.settings);
    const policy: ServerOriginStatus = await getHost()
      .setSigningOrigins(origins)
      .catch((): ServerOriginStatus => 'not-allowed');
    setStatus(
      policy === 'in-effect'
        ? { tone: 'success', text: t(`${K}.saved`) }
        : {
            tone: 'warning',
            text: `${t(`${K}.saved`)} ${t(`${K}.policy.${policy}`, { origins: origins.join(', ') })}`,
          },
    );
  }

  const views = draft.trusted.flatMap((entry) => {
    try {
      return [describeTrusted(entry)];
    } catch {
      return [];
    }
  });
  return (
    <section className="panel" aria-labelledby="signing-settings-title" data-testid="signing-settings">
      <h3 id="signing-settings-title">{t(`${K}.title`)}</h3>
      <p className="muted">{t(`${K}.intro`)}</p>
      <fieldset className="settings-fieldset" disabled={!editable}>
        <h4>{t(`${K}.trusted`)}</h4>
        {views.length === 0 ? <p className="muted">{t(`${K}.none`)}</p> : null}
        <ul className="trusted-list">
          {views.map((v) => (
            <li key={v.sha256} data-testid="trusted-certificate">
              <strong>{t(`${K}.role.${v.role}`)}</strong>: {v.subject}
              <br />
              {t(`${K}.issuer`)}: {v.issuer}
              <br />
              {t(`${K}.validity`, { from: formatDate(v.notBefore), to: formatDate(v.notAfter) })}
              <br />
              <span className="muted">
                {t(`${K}.fingerprint`)}: <code>{v.fingerprint}</code>
              </span>{' '}
              {editable ? (
                <button
                  type="button"
                  onClick={() => change({ trusted: draft.trusted.filter((c) => c.sha256 !== v.sha256) })}
                >
                  {t(`${K}.remove`)}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
        {errors['trusted'] ? <Alert tone="error">{errors['trusted']}</Alert> : null}
        {editable ? (
          <div className="action-buttons">
            <SelectField
              label={t(`${K}.importRole`)}
              value={role}
              onChange={(v) => setRole(v === 'intermediate' ? 'intermediate' : 'root')}
              options={(['root', 'intermediate'] as const).map((r) => ({
                value: r,
                label: t(`${K}.role.${r}`),
              }))}
            />
            <button type="button" data-testid="import-trusted" onClick={() => void importOne()}>
              {t(`${K}.import`)}
            </button>
          </div>
        ) : null}
        <TextField
          label={t(`${K}.tsaUrl`)}
          value={draft.tsaUrl}
          onChange={(tsaUrl) => change({ tsaUrl })}
          hint={t(`${K}.tsaHint`)}
          error={errors['tsaUrl']}
        />
        <label className="checkbox">
          <input
            type="checkbox"
            checked={draft.ocspFetch}
            onChange={(e) => change({ ocspFetch: e.target.checked })}
          />{' '}
          {t(`${K}.ocspFetch`)}
        </label>
        <TextField
          label={t(`${K}.ocspUrl`)}
          value={draft.ocspUrl}
          onChange={(ocspUrl) => change({ ocspUrl })}
          hint={t(`${K}.ocspHint`)}
          error={errors['ocsp.responderUrl']}
        />
        {editable ? (
          <div className="form-actions">
            <button
              type="button"
              className="primary"
              data-testid="save-signing-settings"
              onClick={() => void save()}
            >
              {t(`${K}.save`)}
            </button>
          </div>
        ) : null}
      </fieldset>
      {status ? (
        <Alert tone={status.tone}>
          <span data-testid="signing-settings-status">{status.text}</span>
        </Alert>
      ) : null}
    </section>
  );
}
