/** shared/signing/pdf: the signed result of issue 8 (stamp, PAdES, detached CMS) and its verification. */
export {
  EMBEDDED_CMS_CAPACITY,
  cosignPdf,
  signPdf,
  type Cosignature,
  type SignedPdf,
  type StampInput,
} from './sign';
export { verifyPdf, type PdfSignatureVerification, type PdfVerification } from './verify';
export {
  COVERAGE_CODES,
  type CoverageCode,
  PDF_SIGNING_ERROR_CODES,
  PdfSigningError,
  isPdfSigningError,
  type PdfSigningErrorCode,
} from './errors';
export { LEGEND, signerName, stampQrText } from './stamp-text';
export { findStampAreas, type StampArea } from './area';
