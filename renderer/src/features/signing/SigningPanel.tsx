/**
 * The case's signatures on screen: "sign with EDS" when the result may be signed now, and, once it
 * is signed, who signed with which certificate and the signed PDF and CMS to save, together or
 * apart (the very bytes recorded, checked against their SHA-256 first); then every further
 * signature (`cosigned`) with its own CMS, and "add my signature" for a second authorized person.
 */
import { lazy, Suspense, useState } from 'react';
import type { CaseState } from '../../../../shared/workflow';
import { getHost } from '../../host';
import { formatDateTime } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { useDesk } from '../../stores/deskStore';
import { AttachmentViewer } from '../documents/AttachmentViewer';
import { saveSignedFiles, type SaveOutcome, type SaveWhat } from './exportSigned';
import { cosignatureFileName, signedFileNames } from './fileNames';

// The signing code (pdf-lib, pkijs, node-forge, qrcode) is loaded when the dialog first opens, not
// with the case screen: the queue must not wait for it (the browser build's offline copy holds it).
const SignDialog = lazy(() => import('./SignDialog').then((m) => ({ default: m.SignDialog })));

interface Props {
  state: CaseState;
  /** Whether the reducer would accept a `signed` event from this user now. */
  canSign: boolean;
  /** Whether the reducer would accept a `cosigned` event from this user now. */
  canCosign?: boolean;
  position?: { kk: string; ru: string } | undefined;
}

export function SigningPanel({ state, canSign, canCosign = false, position }: Props) {
  const { t } = useLanguage();
  const desk = useDesk((s) => s.desk);
  const [open, setOpen] = useState<'sign' | 'cosign'>();
  const [status, setStatus] = useState<string>();
  const [viewing, setViewing] = useState(false);
  const signature = state.signature;
  if (!signature && !canSign) return null;

  async function save(what: SaveWhat) {
    if (!desk || !signature || signature.signatureFormat !== 'cms-detached') return;
    const produced = state.producedDocuments.find((d) => d.sha256 === signature.documentSha256);
    const names = signedFileNames(
      state.application.caseNumber,
      produced?.form ?? 'appendix-3',
      produced?.language ?? 'kk',
    );
    const outcome = await saveSignedFiles(signature, names, what, {
      load: (sha) => desk.attachments.get(sha),
      host: getHost(),
    });
    report(outcome);
  }

  async function saveCosignature(index: number) {
    const cosignature = state.cosignatures?.[index];
    if (!desk || !cosignature) return;
    const produced = state.producedDocuments.find((d) => d.sha256 === cosignature.documentSha256);
    const names = signedFileNames(
      state.application.caseNumber,
      produced?.form ?? 'appendix-3',
      produced?.language ?? 'kk',
    );
    report(
      await saveSignedFiles(
        cosignature,
        { pdf: names.pdf, cms: cosignatureFileName(names.cms, index + 2) },
        'cms',
        { load: (sha) => desk.attachments.get(sha), host: getHost() },
      ),
    );
  }

  function report(outcome: SaveOutcome) {
    if (outcome.kind === 'done') setStatus(t('signing.panel.saved'));
    else if (outcome.kind === 'file')
      setStatus(t('signing.panel.fileProblem', { reason: t(`record.file.${outcome.problem}`) }));
    else if (outcome.kind === 'host-failed')
      setStatus(t('signing.panel.notSaved', { reason: t(`hostError.${outcome.code}`) }));
    else setStatus(undefined);
  }

  return (
    <section className="panel" aria-labelledby="signing-title" data-testid="signing-panel">
      <h3 id="signing-title">{signature ? t('signing.panel.signedTitle') : t('signing.panel.title')}</h3>
      {signature ? (
        <>
          <p data-testid="signed-by">
            {t('signing.panel.signedBy', {
              name: signature.signerName,
              serial: signature.certificateSerial,
              when: formatDateTime(signature.at, state.office),
            })}
          </p>
          {signature.signatureFormat === 'cms-detached' ? (
            <>
              <p className="muted">
                {signature.timestamped ? t('signing.panel.timestamped') : t('signing.panel.notTimestamped')}
              </p>
              <div className="action-buttons">
                {signature.signedPdfSha256 ? (
                  <>
                    <button type="button" onClick={() => setViewing(true)} data-testid="open-signed-pdf">
                      {t('signing.panel.openPdf')}
                    </button>
                    <button type="button" onClick={() => void save('both')} data-testid="save-signed-both">
                      {t('signing.panel.saveBoth')}
                    </button>
                    <button type="button" onClick={() => void save('pdf')} data-testid="save-signed-pdf">
                      {t('signing.panel.savePdf')}
                    </button>
                  </>
                ) : (
                  <p className="muted">{t('signing.panel.noPdf')}</p>
                )}
                <button type="button" onClick={() => void save('cms')} data-testid="save-signed-cms">
                  {t('signing.panel.saveCms')}
                </button>
              </div>
            </>
          ) : null}
          {(state.cosignatures ?? []).map((c, i) => (
            <p key={c.signatureSha256} data-testid="cosigned-by">
              {t('signing.panel.cosignedBy', {
                name: c.signerName,
                serial: c.certificateSerial,
                when: formatDateTime(c.at, state.office),
              })}{' '}
              <span className="muted">
                {c.timestamped ? t('signing.panel.timestamped') : t('signing.panel.notTimestamped')}
              </span>{' '}
              <button
                type="button"
                onClick={() => void saveCosignature(i)}
                data-testid="save-cosignature-cms"
              >
                {t('signing.panel.saveCosignCms')}
              </button>
            </p>
          ))}
          {canCosign ? (
            <>
              <p className="muted">{t('signing.panel.cosignIntro')}</p>
              <button type="button" data-testid="cosign-on-desk" onClick={() => setOpen('cosign')}>
                {t('signing.panel.cosign')}
              </button>
            </>
          ) : null}
        </>
      ) : (
        <>
          <p className="muted">{t('signing.panel.intro')}</p>
          <button
            type="button"
            className="primary"
            data-testid="sign-on-desk"
            onClick={() => setOpen('sign')}
          >
            {t('signing.panel.sign')}
          </button>
        </>
      )}
      {status ? (
        <p role="status" data-testid="signing-status">
          {status}
        </p>
      ) : null}
      {viewing && signature?.signatureFormat === 'cms-detached' && signature.signedPdfSha256 ? (
        <AttachmentViewer
          file={{ sha256: signature.signedPdfSha256, mimeType: 'application/pdf', fileName: 'signed.pdf' }}
          title={t('signing.panel.signedTitle')}
          onClose={() => setViewing(false)}
        />
      ) : null}
      {open ? (
        <Suspense fallback={<p role="status">{t('signing.dialog.busy')}</p>}>
          <SignDialog
            state={state}
            mode={open}
            position={position}
            onClose={() => setOpen(undefined)}
            onDone={(message) => {
              setOpen(undefined);
              setStatus(message);
            }}
          />
        </Suspense>
      ) : null}
    </section>
  );
}
