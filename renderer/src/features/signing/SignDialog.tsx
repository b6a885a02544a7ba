/**
 * Signing the approved result on the desk: the produced document, the key (a PKCS#12 file chosen by
 * the officer, with its password; NCALayer when the desk has it), then shared/signing does the rest
 * and the `signed` event goes in through the case store with the signed PDF and the CMS. In
 * `cosign` mode a further signer (the head after the officer) signs the very bytes the first
 * signature is over, and `cosigned` records her CMS. With a TSA in the signing settings the CMS
 * carries a time stamp; when the TSA cannot be reached the signer is told so and decides whether
 * the signature is recorded without one (it says so in the record). The password lives in this
 * component's state only until the signing call returns.
 */
import { useEffect, useState } from 'react';
import type { CaseState, CosignedPayload, SignedPayload } from '../../../../shared/workflow';
import { resultFormOf, signableDocuments, signersOf } from '../../../../shared/workflow';
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
import {
  httpTimeStampClient,
  ncaLayerSigner,
  type NcaLayerSigner,
  type SigningErrorCode,
} from '../../../../shared/signing';
import type { NewFile } from '../../db';
import { cosignatureFileName, signedFileNames } from './fileNames';
import { cosignResult, openPkcs12, signResult } from './signResult';
import { UnstampedDialog } from './UnstampedDialog';
import { useSigningSettings } from './useSigningSettings';

const P12_TYPES = [{ mimeType: 'application/x-pkcs12', extensions: ['p12', 'pfx'] }];

/** A signature made and not yet recorded: waiting for the signer's word when it has no time stamp. */
type Made =
  | { type: 'signed'; payload: SignedPayload; files: NewFile[]; timestampProblem?: SigningErrorCode }
  | { type: 'cosigned'; payload: CosignedPayload; files: NewFile[]; timestampProblem?: SigningErrorCode };

interface Props {
  state: CaseState;
  /** `sign`: the first signature over a produced result; `cosign`: a further one over the signed result. */
  mode?: 'sign' | 'cosign';
  /** The officer's position from the users directory, in both languages (the stamp's is the document's). */
  position?: { kk: string; ru: string } | undefined;
  onDone: (message: string) => void;
  onClose: () => void;
}

/** The NCALayer signer of this window (the browser's WebSocket; the CSP allows only NCALayer's address). */
function ncaLayer(locale: 'kk' | 'ru'): NcaLayerSigner {
  return ncaLayerSigner({ WebSocket: globalThis.WebSocket, locale });
}

export function SignDialog({ state, mode = 'sign', position, onDone, onClose }: Props) {
  const { t, language } = useLanguage();
  const signing = useSigningSettings();
  const [pending, setPending] = useState<Made>();
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

  const first = state.signature;
  const cosigning = mode === 'cosign';
  // The bytes this signature is over: the produced document (sign), or what the first one signs.
  const firstPdf = first?.signatureFormat === 'cms-detached' ? first.signedPdfSha256 : undefined;
  const target = cosigning ? (firstPdf ?? first?.documentSha256) : documentSha;

  async function record(made: Made) {
    const recorded =
      made.type === 'signed'
        ? await act('signed', made.payload, { files: made.files })
        : await act('cosigned', made.payload, { files: made.files });
    if (recorded.ok) {
      onDone(
        made.payload.timestamped
          ? t(cosigning ? 'signing.dialog.cosignDone' : 'signing.dialog.done')
          : t('signing.dialog.doneNoTimestamp', {
              reason: made.timestampProblem
                ? t(`signing.error.${made.timestampProblem}`)
                : t('signing.dialog.noTsa'),
            }),
      );
    } else if ('reason' in recorded)
      setFailure(t('signing.dialog.notRecorded', { reason: rejectionText(t, recorded.reason, (id) => id) }));
    else if ('problem' in recorded)
      setFailure(t('signing.dialog.notRecorded', { reason: storageText(t, recorded.problem) }));
    else setFailure(t('auth.stepUp.required'));
  }

  async function sign() {
    const doc = cosigning
      ? state.producedDocuments.find((d) => d.sha256 === first?.documentSha256)
      : documents.find((d) => d.sha256 === documentSha);
    const withFile = method === 'pkcs12';
    if (!desk || !settings || !doc || !target || (withFile && (!container || password === ''))) {
      setFailure(t('signing.dialog.missing'));
      return;
    }
    setBusy(true);
    setFailure(undefined);
    try {
      const produced = await verifiedBytes({ sha256: target, mimeType: 'application/pdf' }, (sha) =>
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
      const form = doc.form === 'appendix-2' ? 'appendix-2' : 'appendix-3';
      const tsa = signing?.tsaUrl ? httpTimeStampClient({ url: signing.tsaUrl }) : undefined;
      const common = {
        bin: settings.issuer.bin,
        now: new Date(),
        utcOffsetMinutes: state.office.utcOffsetMinutes,
        ...(tsa ? { tsa } : {}),
      };
      let made: Made;
      if (cosigning && first) {
        const names = signedFileNames(state.application.caseNumber, form, doc.language);
        const outcome = await cosignResult(signer, {
          ...common,
          signed: produced.bytes,
          first,
          fileName: cosignatureFileName(names.cms, signersOf(state).length + 1),
        });
        if (!outcome.ok) {
          setFailure(t('signing.dialog.refused', { reason: t(`signing.error.${outcome.code}`) }));
          return;
        }
        made = { type: 'cosigned', ...outcome };
      } else {
        const outcome = await signResult(signer, {
          ...common,
          produced: produced.bytes,
          form,
          language: doc.language,
          caseNumber: state.application.caseNumber,
          issuerName: settings.issuer.name[doc.language],
          ...(position?.[doc.language] ? { position: position[doc.language] } : {}),
          fonts: await loadFormFonts(),
        });
        if (!outcome.ok) {
          setFailure(t('signing.dialog.refused', { reason: t(`signing.error.${outcome.code}`) }));
          return;
        }
        made = { type: 'signed', ...outcome };
      }
      // A TSA was set and gave no time stamp: the signer decides, knowing it (an offline district).
      if (made.timestampProblem) {
        setPending(made);
        return;
      }
      await record(made);
    } finally {
      setBusy(false);
    }
  }

  async function confirmWithoutTimestamp() {
    if (!pending) return;
    setBusy(true);
    try {
      await record(pending);
    } finally {
      setPending(undefined);
      setBusy(false);
    }
  }

  const form = state.decision ? resultFormOf(state.decision) : 'appendix-3';
  if (pending) {
    return (
      <UnstampedDialog
        title={t(cosigning ? 'signing.dialog.cosignTitle' : 'signing.dialog.title')}
        problem={pending.timestampProblem}
        busy={busy}
        onRecord={() => void confirmWithoutTimestamp()}
        onDrop={() => setPending(undefined)}
        onClose={onClose}
      />
    );
  }
  return (
    <Dialog
      title={t(cosigning ? 'signing.dialog.cosignTitle' : 'signing.dialog.title')}
      onClose={onClose}
      onSubmit={() => void sign()}
      footer={
        <>
          <button type="button" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy || (!cosigning && documents.length === 0)}>
            {busy ? t('signing.dialog.busy') : t('signing.dialog.submit')}
          </button>
        </>
      }
    >
      {cosigning ? (
        <p data-testid="cosign-over">
          {t('signing.dialog.cosignOver', {
            signer: first?.signerName ?? '',
            serial: first?.certificateSerial ?? '',
          })}
        </p>
      ) : documents.length === 0 ? (
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
      <p className="muted" data-testid="tsa-note">
        {signing?.tsaUrl ? t('signing.dialog.tsa', { url: signing.tsaUrl }) : t('signing.dialog.noTsa')}
      </p>
      {failure ? (
        <Alert tone="error">
          <span data-testid="sign-failure">{failure}</span>
        </Alert>
      ) : null}
    </Dialog>
  );
}
