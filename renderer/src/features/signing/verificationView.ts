/**
 * What the check screen shows of one signature: every field as checked / failed / not checked
 * with the code that says how or why (never a bare "valid"), and the signer's certificate with its
 * roles in words. Pure: the screen only translates the keys.
 */
import type {
  CertificateInfo,
  CheckStatus,
  SignatureVerification,
  SignerRole,
} from '../../../../shared/signing';
import { signerName, type PdfSignatureVerification } from '../../../../shared/signing/pdf';

export interface CheckRow {
  /** signing.check.field.<field> */
  field: 'coverage' | 'integrity' | 'validAtSigningTime' | 'revocation' | 'chain' | 'timestamp';
  status: CheckStatus;
  /** signing.check.code.<code> */
  code: string;
  /** An instant to show beside it (the time stamp's time, the time validity was judged at). */
  at?: string;
}

export interface CertificateView {
  name?: string;
  iin?: string;
  bin?: string;
  organization?: string;
  serial: string;
  notBefore: string;
  notAfter: string;
  issuer?: string;
  roles: SignerRole[];
  keyUsage: string[];
  algorithm: string;
}

export function checkRows(v: SignatureVerification | PdfSignatureVerification): CheckRow[] {
  const rows: CheckRow[] = [];
  if ('coverage' in v) rows.push({ field: 'coverage', status: v.coverage.status, code: v.coverage.code });
  rows.push({ field: 'integrity', status: v.integrity.status, code: v.integrity.code });
  rows.push({
    field: 'validAtSigningTime',
    status: v.validAtSigningTime.status,
    code: v.validAtSigningTime.code,
    ...(v.validAtSigningTime.detail ? { at: v.validAtSigningTime.detail.at } : {}),
  });
  rows.push({ field: 'revocation', status: v.revocation.status, code: v.revocation.code });
  rows.push({ field: 'chain', status: v.chain.status, code: v.chain.code });
  rows.push({
    field: 'timestamp',
    status: v.timestamp.status,
    code: v.timestamp.code,
    ...(v.timestamp.detail ? { at: v.timestamp.detail.time } : {}),
  });
  return rows;
}

/** Whether the signature as a whole holds: every field checked and valid. Anything else is not. */
export function allValid(rows: readonly CheckRow[]): boolean {
  return rows.every((r) => r.status === 'valid');
}

export function certificateView(cert: CertificateInfo, algorithm: string): CertificateView {
  const s = cert.subject;
  const name = signerName(cert);
  return {
    ...(name ? { name } : {}),
    ...(s.iin ? { iin: s.iin } : {}),
    ...(s.bin ? { bin: s.bin } : {}),
    ...(s.organization ? { organization: s.organization } : {}),
    serial: cert.serialHex,
    notBefore: cert.notBefore,
    notAfter: cert.notAfter,
    ...(cert.issuer.commonName ? { issuer: cert.issuer.commonName } : {}),
    roles: cert.roles,
    keyUsage: cert.keyUsage,
    algorithm,
  };
}
