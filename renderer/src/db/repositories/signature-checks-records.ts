import type { SignatureSummary, SignatureWarning } from '../../../../shared/documents/check-signature';

/**
 * The verification of one signed file (version 12), as the file check found it: the file's kind
 * (it was read), its detached signature's SHA-256 and the summary the findings are made from. Local
 * data like the case (the signer's IIN is in it); never logged.
 */
export interface SignatureCheckRecord {
  /** The signed file's SHA-256, lowercase. */
  sha256: string;
  kind: 'pdf' | 'image';
  signature: { sha256: string; summary: SignatureSummary };
  /** The cases the file is part of. */
  caseIds: string[];
  /** Of `caseIds`, those the signature warns for (a case's warning per `warnings`). */
  warned: string[];
  warnings: Record<string, SignatureWarning>;
  /** ISO 8601. */
  checkedAt: string;
  /** signingFingerprint of the signing settings it was verified with: another one makes it stale. */
  settings: string;
}
