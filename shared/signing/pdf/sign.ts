/**
 * signPdf: the visible stamp, the embedded PAdES signature and the detached CMS of issue 8.
 *
 * 1. The produced document is loaded and the stamp drawn into its reserved box (stamp.ts).
 * 2. When embedding, a signature field with a placeholder is added (PAdES baseline B: SubFilter
 *    ETSI.CAdES.detached, ByteRange, the signing time as /M) and the file is saved once; the
 *    signer signs the byte range with the 'pades' profile (no signingTime attribute, which
 *    baseline B forbids) and its CMS is written into the placeholder. Nothing is saved after that.
 * 3. The detached CMS (the `.cms` file the Kazakh verifiers expect) is made over the exact bytes
 *    of that final PDF. A further signer (the head after the officer) adds another detached CMS
 *    over the same bytes with `cosignPdf`, never a re-save that would break the first.
 */
import { PDFDocument } from 'pdf-lib';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import type { FormFonts, FormLanguage } from '../../forms';
import { sha256Hex } from '../bytes';
import type { CertificateInfo, SignResult, Signer, SigningErrorCode, TimeStampClient } from '../types';
import { findStampAreas } from './area';
import { prepareByteRange, writeContents } from './byte-range';
import { PdfSigningError } from './errors';
import { pdfTextString } from './pdf-text';
import { drawStamp } from './stamp';
import { signerName, stampQrText, stampText } from './stamp-text';

/**
 * Room for the embedded CMS, in bytes: the signer's certificate and its chain (a НУЦ certificate is
 * about 1.5–2 KB, three of them with the root), the signed attributes, the signature, and an RFC
 * 3161 time-stamp token with the TSA's own certificates (4–6 KB). Twice that is written as hex.
 */
export const EMBEDDED_CMS_CAPACITY = 24 * 1024;

export interface StampInput {
  language: FormLanguage;
  /** The case's registration number, carried by the QR code. */
  caseNumber: string;
  fonts: FormFonts;
  /** The desk's clock: printed, and the CMS's signingTime. */
  signingTime: Date;
  /** The office's clock for the printed time (OfficeZone.utcOffsetMinutes). */
  utcOffsetMinutes: number;
  /** The signer's position (from the users directory; certificates carry none). */
  position?: string;
  /** The issuing body, printed when the certificate names no organisation. */
  organization?: string;
  /** The certificate to print for a signer that tells it only after signing (NCALayer). */
  certificate?: CertificateInfo;
  /** The RFC 3161 time-stamp authority (absent offline: signed without a time stamp). */
  tsa?: TimeStampClient;
  /** Embed a PAdES signature (default true); false: only the detached CMS. */
  embed?: boolean;
}

export interface SignedPdf {
  /** The final PDF: the stamp and, when embedded, the PAdES signature. */
  pdf: Uint8Array;
  /** The detached CMS (DER) over exactly `pdf`: the `.cms` file. */
  cms: Uint8Array;
  /** The CMS inside the PDF (over its byte range), when embedded. */
  embeddedCms?: Uint8Array;
  certificate: CertificateInfo;
  /** Whether the detached CMS carries a time stamp, and why not when a TSA was given. */
  timestamped: boolean;
  timestampProblem?: SigningErrorCode;
  /** SHA-256 of the produced document (the input), of `pdf` and of `cms`. */
  documentSha256: string;
  signedPdfSha256: string;
  signatureSha256: string;
  /** The signingTime written (ISO 8601). */
  signedAt: string;
}

async function load(pdf: Uint8Array): Promise<PDFDocument> {
  try {
    return await PDFDocument.load(pdf, { updateMetadata: false });
  } catch (cause) {
    throw new PdfSigningError('pdf.unreadable', { cause });
  }
}

function sameCertificate(made: SignResult, stamped: CertificateInfo): void {
  if (made.certificate.sha256 !== stamped.sha256) throw new PdfSigningError('stamp.certificate-mismatch');
}

export async function signPdf(pdf: Uint8Array, signer: Signer, stamp: StampInput): Promise<SignedPdf> {
  const documentSha256 = sha256Hex(pdf);
  const certificate = (await signer.certificate()) ?? stamp.certificate;
  if (!certificate) throw new PdfSigningError('stamp.no-certificate');
  const doc = await load(pdf);
  const area = findStampAreas(doc)[0];
  if (!area) throw new PdfSigningError('stamp.no-area');

  const text = stampText({
    language: stamp.language,
    certificate,
    ...(stamp.position ? { position: stamp.position } : {}),
    ...(stamp.organization ? { organization: stamp.organization } : {}),
    signingTime: stamp.signingTime,
    utcOffsetMinutes: stamp.utcOffsetMinutes,
    documentSha256,
  });
  drawStamp(doc, { area, text, qrText: stampQrText(stamp.caseNumber, documentSha256), fonts: stamp.fonts });

  const embed = stamp.embed ?? true;
  if (embed) {
    pdflibAddPlaceholder({
      pdfPage: doc.getPage(area.page),
      reason: pdfTextString(text.title),
      contactInfo: '',
      name: pdfTextString(signerName(certificate)),
      location: pdfTextString(certificate.subject.organization ?? stamp.organization ?? ''),
      signingTime: stamp.signingTime,
      signatureLength: EMBEDDED_CMS_CAPACITY * 2,
      subFilter: SUBFILTER_ETSI_CADES_DETACHED,
      widgetRect: area.rect,
      appName: 'externship-desk',
    });
  }
  const saved = await doc.save({
    useObjectStreams: false,
    updateFieldAppearances: false,
    objectsPerTick: Infinity,
  });
  const options = { signingTime: stamp.signingTime, ...(stamp.tsa ? { tsa: stamp.tsa } : {}) };

  let embeddedCms: Uint8Array | undefined;
  if (embed) {
    const range = prepareByteRange(saved);
    // PAdES baseline B: the embedded CMS carries no signingTime, the dictionary's /M says when.
    const inner = await signer.signDetached(range.signed, { ...options, profile: 'pades' });
    sameCertificate(inner, certificate);
    writeContents(saved, range, inner.cms);
    embeddedCms = inner.cms;
  }
  const detached = await signer.signDetached(saved, options);
  sameCertificate(detached, certificate);
  return {
    pdf: saved,
    cms: detached.cms,
    ...(embeddedCms ? { embeddedCms } : {}),
    certificate: detached.certificate,
    timestamped: detached.timestamped,
    ...(detached.timestampProblem ? { timestampProblem: detached.timestampProblem } : {}),
    documentSha256,
    signedPdfSha256: sha256Hex(saved),
    signatureSha256: sha256Hex(detached.cms),
    signedAt: stamp.signingTime.toISOString(),
  };
}

export interface Cosignature {
  cms: Uint8Array;
  certificate: CertificateInfo;
  timestamped: boolean;
  timestampProblem?: SigningErrorCode;
  signatureSha256: string;
  signedAt: string;
}

/** A further signer's detached CMS over the same final bytes (the PDF is not touched). */
export async function cosignPdf(
  signedPdf: Uint8Array,
  signer: Signer,
  options: { signingTime: Date; tsa?: TimeStampClient },
): Promise<Cosignature> {
  const made = await signer.signDetached(signedPdf, options);
  return {
    cms: made.cms,
    certificate: made.certificate,
    timestamped: made.timestamped,
    ...(made.timestampProblem ? { timestampProblem: made.timestampProblem } : {}),
    signatureSha256: sha256Hex(made.cms),
    signedAt: options.signingTime.toISOString(),
  };
}
