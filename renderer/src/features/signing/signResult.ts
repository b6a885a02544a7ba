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
  isPdfSigningError,
  signPdf,
  signerName,
  type PdfSigningErrorCode,
} from '../../../../shared/signing/pdf';
import type { SignedPayload } from '../../../../shared/workflow';
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

export type SignOutcome =
  | { ok: true; payload: SignedPayload; files: NewFile[]; timestampProblem?: SigningErrorCode }
  | { ok: false; code: SigningErrorCode | PdfSigningErrorCode | 'signing.failed' };

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
    const subject = made.certificate.subject;
    const payload: SignedPayload = {
      signatureFormat: 'cms-detached',
      documentSha256: made.documentSha256,
      signatureSha256: made.signatureSha256,
      certificateSerial: made.certificate.serialHex,
      signerName: signerName(made.certificate),
      ...(subject.iin ? { signerIin: subject.iin } : {}),
      ...(subject.bin ? { signerBin: subject.bin } : {}),
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
      {
        sha256: made.signatureSha256,
        blob: new Blob([made.cms as Uint8Array<ArrayBuffer>], { type: 'application/pkcs7-signature' }),
        fileName: names.cms,
        mimeType: 'application/pkcs7-signature',
      },
    ];
    return {
      ok: true,
      payload,
      files,
      ...(made.timestampProblem ? { timestampProblem: made.timestampProblem } : {}),
    };
  } catch (error) {
    if (isSigningError(error)) return { ok: false, code: error.code };
    if (isPdfSigningError(error)) return { ok: false, code: error.code };
    return { ok: false, code: 'signing.failed' };
  } finally {
    signer.close();
  }
}
