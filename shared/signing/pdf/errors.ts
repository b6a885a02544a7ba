/**
 * Failures of signing a PDF (stamp, placeholder, byte range), with stable codes the desk translates
 * (kk, ru) under `signing.pdf.*`. Like SigningError, the message is the code: never personal data.
 */
export const PDF_SIGNING_ERROR_CODES = [
  /** The file is no PDF pdf-lib can read. */
  'pdf.unreadable',
  /** The document has no reserved stamp box (produced before the desk marked it, or not a form). */
  'stamp.no-area',
  /** The signer cannot tell its certificate before signing and none was given for the stamp. */
  'stamp.no-certificate',
  /** The stamp's text does not fit the reserved box even in the smallest type. */
  'stamp.does-not-fit',
  /** A character of the stamp's text is not in the forms' font. */
  'stamp.unprintable',
  /** The signature made is not by the certificate the stamp shows. */
  'stamp.certificate-mismatch',
  /** The CMS is larger than the room kept for it in the PDF. */
  'pdf.signature-too-large',
] as const;
export type PdfSigningErrorCode = (typeof PDF_SIGNING_ERROR_CODES)[number];

export class PdfSigningError extends Error {
  override readonly name = 'PdfSigningError';
  readonly code: PdfSigningErrorCode;
  constructor(code: PdfSigningErrorCode, options?: { cause?: unknown }) {
    super(code, options);
    this.code = code;
  }
}

export function isPdfSigningError(value: unknown, code?: PdfSigningErrorCode): value is PdfSigningError {
  return value instanceof PdfSigningError && (code === undefined || value.code === code);
}

/**
 * whole-document: the byte range is the whole file but the signature's own Contents;
 * partial: the file goes on after the signed range (changed or added to after signing);
 * malformed: the byte range does not describe this file (out of it, or not around Contents).
 */
export const COVERAGE_CODES = ['coverage.whole-document', 'coverage.partial', 'coverage.malformed'] as const;
export type CoverageCode = (typeof COVERAGE_CODES)[number];
