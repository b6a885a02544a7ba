/**
 * "Check a signature": any PDF from disk (its embedded signatures), or a detached CMS with the PDF
 * it signs, verified on the desk. Every field says checked, failed or not checked and why; the
 * certificate is shown whole, its roles in words. A trusted root may be given for this check (a
 * certificate file); without one the chain is "not checked", never "valid".
 */
import { useEffect, useState } from 'react';
import { verifyCms, type CmsVerification, type SignatureVerification } from '../../../../shared/signing';
import { derFromPem } from '../../../../shared/signing/bytes';
import {
  verifyPdf,
  type PdfSignatureVerification,
  type PdfVerification,
} from '../../../../shared/signing/pdf';
import type { FileTypeFilter } from '../../../../shared/host';
import { getHost, isHostError } from '../../host';
import { formatDate, formatDateTime } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { useDesk } from '../../stores/deskStore';
import { Alert } from '../../ui/Alert';
import { allValid, certificateView, checkRows } from './verificationView';
import { verifierMaterial } from './trustedCertificates';
import { useSigningSettings } from './useSigningSettings';

type Picked = { name: string; bytes: Uint8Array };
const TYPES: Record<'pdf' | 'cms' | 'root', FileTypeFilter[]> = {
  pdf: [{ mimeType: 'application/pdf', extensions: ['pdf'] }],
  cms: [{ mimeType: 'application/pkcs7-signature', extensions: ['cms', 'p7s', 'sig'] }],
  root: [{ mimeType: 'application/pkix-cert', extensions: ['cer', 'crt', 'pem', 'der'] }],
};

interface Results {
  embedded?: PdfVerification;
  detached?: CmsVerification;
}

export function CheckSignatureScreen() {
  const { t } = useLanguage();
  const [pdf, setPdf] = useState<Picked>();
  const [cms, setCms] = useState<Picked>();
  const [root, setRoot] = useState<Picked>();
  const [results, setResults] = useState<Results>({});
  const [failure, setFailure] = useState<string>();
  const signing = useSigningSettings();

  useEffect(() => {
    let current = true;
    void (async () => {
      // The signing settings' trusted CAs, and the root picked for this check if any.
      const material = signing ? verifierMaterial(signing) : { trustedRoots: [], certificates: [] };
      const options = {
        ...material,
        trustedRoots: root ? [...material.trustedRoots, derFromPem(root.bytes)] : material.trustedRoots,
      };
      const next: Results = {};
      if (pdf) next.embedded = await verifyPdf(pdf.bytes, options);
      if (cms && pdf) next.detached = await verifyCms(cms.bytes, pdf.bytes, options);
      if (current) setResults(next);
    })();
    return () => {
      current = false;
    };
  }, [pdf, cms, root, signing]);

  async function pick(kind: keyof typeof TYPES, set: (p: Picked) => void) {
    try {
      const opened = await getHost().openFile({ accept: TYPES[kind], maxBytes: 64 << 20 });
      if (opened) set({ name: opened.name, bytes: opened.bytes });
    } catch (error) {
      setFailure(isHostError(error) ? t(`hostError.${error.code}`) : t('signing.error.signing.failed'));
    }
  }

  const embeddedProblem = results.embedded?.problem;
  return (
    <article className="panel check-signature" data-testid="check-signature">
      <h2>{t('signing.check.title')}</h2>
      <p className="muted">{t('signing.check.intro')}</p>
      <div className="action-buttons">
        <button type="button" data-testid="check-open-pdf" onClick={() => void pick('pdf', setPdf)}>
          {t('signing.check.openPdf')}
        </button>
        <button type="button" data-testid="check-open-cms" onClick={() => void pick('cms', setCms)}>
          {t('signing.check.openCms')}
        </button>
        <button type="button" data-testid="check-open-root" onClick={() => void pick('root', setRoot)}>
          {t('signing.check.openRoot')}
        </button>
      </div>
      <ul className="muted">
        {pdf ? <li>{t('signing.check.pdfFile', { name: pdf.name })}</li> : null}
        {cms ? <li>{t('signing.check.cmsFile', { name: cms.name })}</li> : null}
        <li>{root ? t('signing.check.rootFile', { name: root.name }) : t('signing.check.noRoot')}</li>
      </ul>
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      {cms && !pdf ? <Alert tone="warning">{t('signing.check.cmsNeedsPdf')}</Alert> : null}
      {embeddedProblem && !(embeddedProblem === 'pdf.no-signatures' && cms) ? (
        <Alert tone="warning">
          <span data-testid="check-problem">{t(`signing.check.problem.${embeddedProblem}`)}</span>
        </Alert>
      ) : null}
      {results.embedded?.signatures.map((s, i) => (
        <SignatureCard key={`e${i}`} title={t('signing.check.embedded', { n: i + 1 })} v={s} />
      ))}
      {results.detached?.problem ? (
        <Alert tone="warning">
          <span data-testid="check-problem">{t(`signing.check.problem.${results.detached.problem}`)}</span>
        </Alert>
      ) : null}
      {results.detached?.signatures.map((s, i) => (
        <SignatureCard key={`d${i}`} title={t('signing.check.detached', { n: i + 1 })} v={s} />
      ))}
    </article>
  );
}

function SignatureCard({ title, v }: { title: string; v: SignatureVerification | PdfSignatureVerification }) {
  const { t } = useLanguage();
  const rows = checkRows(v);
  const cert = v.certificate ? certificateView(v.certificate, v.algorithm) : undefined;
  const ok = allValid(rows);
  const zone = useDesk((s) => s.settings?.officeHours.timeZone ?? 'Asia/Almaty');
  const instant = (iso: string) => formatDateTime(iso, zone);
  return (
    <section className="panel" data-testid="signature-card" data-valid={ok ? 'yes' : 'no'}>
      <h3>{title}</h3>
      <table>
        <tbody>
          {rows.map((r) => (
            <tr key={r.field} data-field={r.field} data-status={r.status}>
              <th scope="row">{t(`signing.check.field.${r.field}`)}</th>
              <td>{t(`signing.check.status.${r.status}`)}</td>
              <td>
                {t(`signing.check.code.${r.code}`)}
                {r.at ? ` (${instant(r.at)})` : ''}
              </td>
            </tr>
          ))}
          {v.signingTime ? (
            <tr>
              <th scope="row">{t('signing.check.field.signingTime')}</th>
              <td colSpan={2}>{instant(v.signingTime)}</td>
            </tr>
          ) : null}
        </tbody>
      </table>
      {cert ? (
        <dl className="certificate" data-testid="certificate">
          {cert.name ? <Item label={t('signing.check.field.name')} value={cert.name} /> : null}
          {cert.iin ? <Item label={t('signing.check.field.iin')} value={cert.iin} /> : null}
          {cert.bin ? <Item label={t('signing.check.field.bin')} value={cert.bin} /> : null}
          {cert.organization ? (
            <Item label={t('signing.check.field.organization')} value={cert.organization} />
          ) : null}
          <Item label={t('signing.check.field.serial')} value={cert.serial} />
          <Item
            label={t('signing.check.field.validity')}
            value={t('signing.check.validity', {
              from: formatDate(cert.notBefore.slice(0, 10)),
              to: formatDate(cert.notAfter.slice(0, 10)),
            })}
          />
          {cert.issuer ? <Item label={t('signing.check.field.issuer')} value={cert.issuer} /> : null}
          <Item
            label={t('signing.check.field.roles')}
            value={cert.roles.map((r) => t(`signing.role.${r}`)).join(', ')}
          />
          <Item label={t('signing.check.field.keyUsage')} value={cert.keyUsage.join(', ')} />
          <Item label={t('signing.check.field.algorithm')} value={cert.algorithm} />
        </dl>
      ) : null}
    </section>
  );
}

function Item({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}
