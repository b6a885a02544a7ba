/**
 * Signing the approved result on the desk: the produced document, the key (a PKCS#12 file chosen by
 * the officer, with its password; NCALayer when the desk has it), then shared/signing does the rest
 * and the `signed` event goes in through the case store with the signed PDF and the CMS. The
 * password lives in this component's state only until the signing call returns.
 */
import { useEffect, useState } from 'react';
import type { CaseState } from '../../../../shared/workflow';
import { resultFormOf, signableDocuments } from '../../../../shared/workflow';
import { getHost, isHostError } from '../../host';
import { formatDateTime } from '../../i18n/format';
import { storageText, rejectionText } from '../../i18n/codes';
import { useLanguage } from '../../i18n/useLanguage';
import { useCase } from '../../stores/caseStore';
import { useDesk } from '../../stores/deskStore';
import { Alert } from '../../ui/Alert';
import { Dialog } from '../../ui/Dialog';
import { ChoiceGroup, SelectField, TextField } from '../../ui/fields';
import { verifiedBytes } from '../documents/fileCheck';
import { loadFormFonts } from '../forms/fonts';
import { ncaLayerSigner, type NcaLayerSigner } from '../../../../shared/signing';
import { openPkcs12, signResult } from './signResult';

const P12_TYPES = [{ mimeType: 'application/x-pkcs12', extensions: ['p12', 'pfx'] }];

interface Props {
  state: CaseState;
  /** The officer's position from the users directory, in both languages (the stamp's is the document's). */
  position?: { kk: string; ru: string } | undefined;
  onDone: (message: string) => void;
  onClose: () => void;
}

/** The NCALayer signer of this window (the browser's WebSocket; the CSP allows only NCALayer's address). */
function ncaLayer(locale: 'kk' | 'ru'): NcaLayerSigner {
  return ncaLayerSigner({ WebSocket: globalThis.WebSocket, locale });
}

export function SignDialog({ state, position, onDone, onClose }: Props) {
  const { t, language } = useLanguage();
  const [method, setMethod] = useState<'pkcs12' | 'ncalayer'>('pkcs12');
  // Whether NCALayer answers on this computer: offered only then (undefined while asking).
  const [ncaVersion, setNcaVersion] = useState<string | null>();
  useEffect(() => {
    const probe = ncaLayer(language);
    let current = true;
    probe
      .connect()
      .then(
        (version) => current && setNcaVersion(version),
        () => current && setNcaVersion(null),
      )
      .finally(() => probe.close());
    return () => {
      current = false;
    };
  }, [language]);
  const { desk, settings } = useDesk();
  const act = useCase((s) => s.act);
  const documents = signableDocuments(state);
  const [documentSha, setDocumentSha] = useState(documents[0]?.sha256 ?? '');
  const [container, setContainer] = useState<{ name: string; bytes: Uint8Array } | null>(null);
  const [password, setPassword] = useState('');
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function choose() {
    try {
      const opened = await getHost().openFile({ accept: P12_TYPES, maxBytes: 1 << 20 });
      if (opened) setContainer({ name: opened.name, bytes: opened.bytes });
    } catch (error) {
      setFailure(isHostError(error) ? t(`hostError.${error.code}`) : t('signing.error.signing.failed'));
    }
  }

  async function sign() {
    const doc = documents.find((d) => d.sha256 === documentSha);
    const withFile = method === 'pkcs12';
    if (!desk || !settings || !doc || (withFile && (!container || password === ''))) {
      setFailure(t('signing.dialog.missing'));
      return;
    }
    setBusy(true);
    setFailure(undefined);
    try {
      const produced = await verifiedBytes({ sha256: doc.sha256, mimeType: 'application/pdf' }, (sha) =>
        desk.attachments.get(sha),
      );
      if ('problem' in produced) {
        setFailure(t('signing.panel.fileProblem', { reason: t(`record.file.${produced.problem}`) }));
        return;
      }
      const signer = withFile && container ? await openPkcs12(container.bytes, password) : ncaLayer(language);
      // The password is not needed any more: the key is open (or the password was wrong).
      setPassword('');
      if (typeof signer === 'string') {
        setFailure(t(`signing.error.${signer}`));
        return;
      }
      const outcome = await signResult(signer, {
        produced: produced.bytes,
        form: doc.form === 'appendix-2' ? 'appendix-2' : 'appendix-3',
        language: doc.language,
        caseNumber: state.application.caseNumber,
        bin: settings.issuer.bin,
        issuerName: settings.issuer.name[doc.language],
        ...(position?.[doc.language] ? { position: position[doc.language] } : {}),
        fonts: await loadFormFonts(),
        now: new Date(),
        utcOffsetMinutes: state.office.utcOffsetMinutes,
      });
      if (!outcome.ok) {
        setFailure(t('signing.dialog.refused', { reason: t(`signing.error.${outcome.code}`) }));
        return;
      }
      const recorded = await act('signed', outcome.payload, { files: outcome.files });
      if (recorded.ok) {
        onDone(
          outcome.payload.timestamped
            ? t('signing.dialog.done')
            : t('signing.dialog.doneNoTimestamp', {
                reason: outcome.timestampProblem
                  ? t(`signing.error.${outcome.timestampProblem}`)
                  : t('signing.dialog.noTsa'),
              }),
        );
      } else if ('reason' in recorded)
        setFailure(
          t('signing.dialog.notRecorded', { reason: rejectionText(t, recorded.reason, (id) => id) }),
        );
      else if ('problem' in recorded)
        setFailure(t('signing.dialog.notRecorded', { reason: storageText(t, recorded.problem) }));
      else setFailure(t('auth.stepUp.required'));
    } finally {
      setBusy(false);
    }
  }

  const form = state.decision ? resultFormOf(state.decision) : 'appendix-3';
  return (
    <Dialog
      title={t('signing.dialog.title')}
      onClose={onClose}
      onSubmit={() => void sign()}
      footer={
        <>
          <button type="button" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy || documents.length === 0}>
            {busy ? t('signing.dialog.busy') : t('signing.dialog.submit')}
          </button>
        </>
      }
    >
      {documents.length === 0 ? (
        <Alert tone="warning">{t('signing.dialog.noDocument', { form: t(`forms.name.${form}`) })}</Alert>
      ) : (
        <SelectField
          label={t('signing.dialog.document')}
          value={documentSha}
          onChange={setDocumentSha}
          options={documents.map((d) => ({
            value: d.sha256,
            label: t('signing.dialog.documentLabel', {
              form: t(`forms.name.${d.form}`),
              language: t(`forms.language.${d.language}`),
              when: formatDateTime(d.at, state.office),
            }),
          }))}
        />
      )}
      <ChoiceGroup
        legend={t('signing.dialog.method')}
        options={[
          { value: 'pkcs12', label: t('signing.dialog.pkcs12') },
          ...(ncaVersion ? [{ value: 'ncalayer', label: t('signing.dialog.ncalayer') }] : []),
        ]}
        selected={[method]}
        onChange={(v) => setMethod(v[0] === 'ncalayer' ? 'ncalayer' : 'pkcs12')}
      />
      {ncaVersion === null ? <p className="muted">{t('signing.dialog.ncalayerUnavailable')}</p> : null}
      {method === 'pkcs12' ? (
        <>
          <div className="field">
            <span>{t('signing.dialog.container')}</span>{' '}
            <button type="button" data-testid="choose-p12" onClick={() => void choose()} disabled={busy}>
              {t('signing.dialog.choose')}
            </button>{' '}
            <span data-testid="p12-name">{container?.name ?? ''}</span>
          </div>
          <TextField
            label={t('signing.dialog.password')}
            type="password"
            autoComplete="off"
            value={password}
            onChange={setPassword}
            hint={t('signing.dialog.passwordNote')}
          />
        </>
      ) : null}
      <p className="muted">{t('signing.dialog.noTsa')}</p>
      {failure ? (
        <Alert tone="error">
          <span data-testid="sign-failure">{failure}</span>
        </Alert>
      ) : null}
    </Dialog>
  );
}
