/**
 * Whether an attachment's bytes can be read: the stored bytes are the ones delivered (SHA-256 against
 * the reference) and they parse as what their type says (pdf.js for a PDF, an image decode for an
 * image). A file that fails either never passes, whatever its structured data says. A file that came
 * signed (the applicant's application) has its detached CMS verified over those very bytes here too:
 * the verification is async crypto, so it runs with the file checks, never in the reducer.
 */
import type { SignatureSummary } from '../../../../shared/documents/check-signature';
import type { CmsVerification } from '../../../../shared/signing/types';
import type { AttachmentRef } from '../../../../shared/workflow';
import { isHostError } from '../../../../shared/host';
import { sha256Hex, type StoredAttachment } from '../../db';

export type FileProblem = 'missing' | 'altered' | 'damaged' | 'unsupported' | 'storage';

/**
 * What the verification of a file's signature gave: the CMS's verification, or why there was none,
 * or (stored, db signatureChecks) the summary of either that the findings are made from.
 */
export type SignatureState = { sha256: string } & (
  { verification: CmsVerification } | { problem: FileProblem } | { summary: SignatureSummary }
);

export type FileState =
  | { status: 'checking' }
  | { status: 'readable'; kind: 'pdf' | 'image'; signature?: SignatureState }
  | { status: 'unreadable'; problem: FileProblem };

/** Parsers of the file types the desk shows; true when the bytes parse. Injected for tests. */
export interface FileReaders {
  pdf(bytes: Uint8Array): Promise<boolean>;
  image(bytes: Uint8Array, mimeType: string): Promise<boolean>;
  /** verifyCms of a detached signature over the file's bytes, with the desk's trust settings. */
  signature(content: Uint8Array, cms: Uint8Array): Promise<CmsVerification>;
}

export type FileRef = Pick<AttachmentRef, 'sha256' | 'mimeType' | 'signature'>;

/** What a file is read as: the stored type, else the reference's; undefined when the desk cannot show it. */
export function readableKind(mimeType: string): 'pdf' | 'image' | undefined {
  if (mimeType === 'application/pdf') return 'pdf';
  if (mimeType.startsWith('image/')) return 'image';
  return undefined;
}

/** The bytes of a stored file once they are known to be the delivered ones; the problem otherwise. */
export async function verifiedBytes(
  ref: FileRef,
  load: (sha256: string) => Promise<StoredAttachment | undefined>,
): Promise<{ bytes: Uint8Array; mimeType: string } | { problem: FileProblem }> {
  let stored: StoredAttachment | undefined;
  let bytes: Uint8Array;
  try {
    stored = await load(ref.sha256);
    if (!stored) return { problem: 'missing' };
    // Reading a stored Blob can fail too (the file behind it was evicted or is unreadable).
    bytes = new Uint8Array(await stored.blob.arrayBuffer());
  } catch (error) {
    // The host's file store refuses a file changed on disk: the same "altered" as a wrong hash here.
    return { problem: isHostError(error) && error.code === 'altered' ? 'altered' : 'storage' };
  }
  // The bytes must be the ones the portal delivered; a changed file is never shown as if it were.
  if ((await sha256Hex(bytes)) !== ref.sha256.toLowerCase()) return { problem: 'altered' };
  return { bytes, mimeType: stored.meta.mimeType || ref.mimeType };
}

export async function checkFile(
  ref: FileRef,
  load: (sha256: string) => Promise<StoredAttachment | undefined>,
  readers: FileReaders,
): Promise<FileState> {
  const verified = await verifiedBytes(ref, load);
  if ('problem' in verified) return { status: 'unreadable', problem: verified.problem };
  const kind = readableKind(verified.mimeType);
  if (!kind) return { status: 'unreadable', problem: 'unsupported' };
  let parses: boolean;
  try {
    parses =
      kind === 'pdf'
        ? await readers.pdf(verified.bytes)
        : await readers.image(verified.bytes, verified.mimeType);
  } catch {
    parses = false;
  }
  if (!parses) return { status: 'unreadable', problem: 'damaged' };
  if (!ref.signature) return { status: 'readable', kind };
  return {
    status: 'readable',
    kind,
    signature: await checkSignature(ref.signature, verified.bytes, load, readers),
  };
}

/** The detached signature's bytes (checked against their hash like any file's), verified over `content`. */
async function checkSignature(
  signature: NonNullable<FileRef['signature']>,
  content: Uint8Array,
  load: (sha256: string) => Promise<StoredAttachment | undefined>,
  readers: FileReaders,
): Promise<SignatureState> {
  const sha256 = signature.sha256.toLowerCase();
  const cms = await verifiedBytes({ sha256, mimeType: 'application/pkcs7-signature' }, load);
  if ('problem' in cms) return { sha256, problem: cms.problem };
  try {
    return { sha256, verification: await readers.signature(content, cms.bytes) };
  } catch {
    // The verifier answers every CMS, however broken; only the verifier failing to load lands here.
    return { sha256, problem: 'storage' };
  }
}

/** The part of pdf.js the check uses, so the browser's worker build and Node's legacy build both fit. */
export interface PdfParser {
  getDocument(src: { data: Uint8Array; isEvalSupported: boolean; verbosity: number }): {
    promise: Promise<{ numPages: number; getPage(n: number): Promise<unknown>; destroy(): Promise<void> }>;
  };
}

/**
 * A PDF reads when pdf.js opens it and its first page: that needs the header, the cross-reference
 * table (or its reconstruction) and the page tree, without drawing anything.
 */
export async function pdfParses(pdfjs: PdfParser, bytes: Uint8Array): Promise<boolean> {
  // pdf.js takes ownership of the buffer it is given; a copy keeps the caller's bytes usable.
  // Verbosity 0 (errors only): a damaged file is an answer here, not a warning for the console.
  const doc = await pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, verbosity: 0 }).promise;
  try {
    if (doc.numPages < 1) return false;
    await doc.getPage(1);
    return true;
  } finally {
    await doc.destroy();
  }
}
