/**
 * Signing a produced result on the desk (issue 8): the officer's PKCS#12 opened with the password
 * (kept only for this call), the desk's rules checked on its certificate before anything is
 * signed, the stamp drawn and the PDF signed (shared/signing/pdf), the key dropped, and what the
 * `signed` event records built with the two files it refers to (the signed PDF and the detached
 * CMS, content-addressed). Nothing is stored here: the caller hands payload and files to the case
 * store, which ingests them in one transaction or not at all.
 */
import { formatInstant } from '../../../../shared/calendar';
import type { FormFonts, FormId, FormLanguage } from '../../../../shared/forms';
import {
  checkSigningRules,
  isSigningError,
  pkcs12Signer,
  type Signer,
  type SigningErrorCode,
  type TimeStampClient,
} from '../../../../shared/signing';
import {
  cosignPdf,
  isPdfSigningError,
  signPdf,
  signerName,
  type PdfSigningErrorCode,
} from '../../../../shared/signing/pdf';
import type { CertificateInfo } from '../../../../shared/signing';
import type { CosignedPayload, RecordedSignature, SignedPayload } from '../../../../shared/workflow';
import type { NewFile } from '../../db';
import { signedFileNames } from './fileNames';

export interface SignResultInput {
  /** The produced document's bytes (checked against its recorded SHA-256 by the caller). */
  produced: Uint8Array;
  form: FormId;
  language: FormLanguage;
  caseNumber: string;
  /** The issuing body's BIN from the settings: the certificate must carry it. */
  bin: string;
  issuerName: string;
  position?: string;
  fonts: FormFonts;
  now: Date;
  utcOffsetMinutes: number;
  tsa?: TimeStampClient;
}

type Failure = { ok: false; code: SigningErrorCode | PdfSigningErrorCode | 'signing.failed' };

export type SignOutcome =
  | { ok: true; payload: SignedPayload; files: NewFile[]; timestampProblem?: SigningErrorCode }
  | Failure;

export type CosignOutcome =
  | { ok: true; payload: CosignedPayload; files: NewFile[]; timestampProblem?: SigningErrorCode }
  | Failure;

/** What a signature event says of its signer, from the certificate that made it. */
function signerFields(certificate: CertificateInfo) {
  const subject = certificate.subject;
  return {
    certificateSerial: certificate.serialHex,
    signerName: signerName(certificate),
    ...(subject.iin ? { signerIin: subject.iin } : {}),
    ...(subject.bin ? { signerBin: subject.bin } : {}),
  };
}

function cmsFile(sha256: string, cms: Uint8Array, fileName: string): NewFile {
  return {
    sha256,
    blob: new Blob([cms as Uint8Array<ArrayBuffer>], { type: 'application/pkcs7-signature' }),
    fileName,
    mimeType: 'application/pkcs7-signature',
  };
}

function failure(error: unknown): Failure {
  if (isSigningError(error)) return { ok: false, code: error.code };
  if (isPdfSigningError(error)) return { ok: false, code: error.code };
  return { ok: false, code: 'signing.failed' };
}

/** Opens the container; a wrong password, a GOST key or an unreadable file come back as codes. */
export async function openPkcs12(p12: Uint8Array, password: string): Promise<Signer | SigningErrorCode> {
  try {
    return await pkcs12Signer(p12, password);
  } catch (error) {
    if (isSigningError(error)) return error.code;
    return 'container.unreadable';
  }
}

/** Signs with `signer` under the desk's rules; always closes the signer (the key leaves memory). */
export async function signResult(signer: Signer, input: SignResultInput): Promise<SignOutcome> {
  try {
    // NCALayer tells its certificate only after signing, and the stamp must print it: it first
    // signs the produced document itself (a real signature over those bytes, not kept), which
    // shows the certificate; the rules are checked on it before the stamped PDF is signed.
    const certificate =
      (await signer.certificate()) ??
      (await signer.signDetached(input.produced, { signingTime: input.now })).certificate;
    const first = checkSigningRules(certificate, { bin: input.bin, now: input.now });
    if (first) return { ok: false, code: first };
    const made = await signPdf(input.produced, signer, {
      language: input.language,
      caseNumber: input.caseNumber,
      fonts: input.fonts,
      signingTime: input.now,
      utcOffsetMinutes: input.utcOffsetMinutes,
      organization: input.issuerName,
      certificate,
      ...(input.position ? { position: input.position } : {}),
      ...(input.tsa ? { tsa: input.tsa } : {}),
    });
    const rule = checkSigningRules(made.certificate, { bin: input.bin, now: input.now });
    if (rule) return { ok: false, code: rule };
    const names = signedFileNames(input.caseNumber, input.form, input.language);
    const payload: SignedPayload = {
      signatureFormat: 'cms-detached',
      documentSha256: made.documentSha256,
      signatureSha256: made.signatureSha256,
      ...signerFields(made.certificate),
      signedAt: formatInstant(input.now.getTime(), input.utcOffsetMinutes),
      timestamped: made.timestamped,
      signedPdfSha256: made.signedPdfSha256,
    };
    const files: NewFile[] = [
      {
        sha256: made.signedPdfSha256,
        blob: new Blob([made.pdf as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }),
        fileName: names.pdf,
        mimeType: 'application/pdf',
      },
      cmsFile(made.signatureSha256, made.cms, names.cms),
    ];
    return {
      ok: true,
      payload,
      files,
      ...(made.timestampProblem ? { timestampProblem: made.timestampProblem } : {}),
    };
  } catch (error) {
    return failure(error);
  } finally {
    signer.close();
  }
}

export interface CosignInput {
  /** The bytes the first signature's CMS is over (its signed PDF, or the produced document). */
  signed: Uint8Array;
  first: RecordedSignature;
  bin: string;
  now: Date;
  utcOffsetMinutes: number;
  /** The file name of this signature's CMS (signedFileNames(...).cms with its place, see cosignName). */
  fileName: string;
  tsa?: TimeStampClient;
}

/**
 * A further signer's detached CMS over the very bytes the first one signs (shared/signing
 * cosignPdf: the PDF is not touched), under the same rules as the first signature.
 */
export async function cosignResult(signer: Signer, input: CosignInput): Promise<CosignOutcome> {
  try {
    const before = await signer.certificate();
    const early = before && checkSigningRules(before, { bin: input.bin, now: input.now });
    if (early) return { ok: false, code: early };
    const made = await cosignPdf(input.signed, signer, {
      signingTime: input.now,
      ...(input.tsa ? { tsa: input.tsa } : {}),
    });
    const rule = checkSigningRules(made.certificate, { bin: input.bin, now: input.now });
    if (rule) return { ok: false, code: rule };
    const pdf = input.first.signatureFormat === 'cms-detached' ? input.first.signedPdfSha256 : undefined;
    const payload: CosignedPayload = {
      signatureFormat: 'cms-detached',
      documentSha256: input.first.documentSha256,
      ...(pdf ? { signedPdfSha256: pdf } : {}),
      signatureSha256: made.signatureSha256,
      ...signerFields(made.certificate),
      signedAt: formatInstant(input.now.getTime(), input.utcOffsetMinutes),
      timestamped: made.timestamped,
    };
    return {
      ok: true,
      payload,
      files: [cmsFile(made.signatureSha256, made.cms, input.fileName)],
      ...(made.timestampProblem ? { timestampProblem: made.timestampProblem } : {}),
    };
  } catch (error) {
    return failure(error);
  } finally {
    signer.close();
  }
}
