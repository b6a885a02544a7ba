/**
 * The rules the desk enforces before a result is signed (issue 8, "Rules the desk enforces"): a
 * signing key, not an authentication one; a legal-entity certificate; the issuing body's BIN; valid
 * now; not known to be revoked. The first failing rule is returned, in that order, so the refusal
 * names the most basic problem (an authentication key is refused as such even when it also expired).
 */
import { OID } from './oids';
import type { CertificateInfo, SigningRuleCode, SigningRulesInput } from './types';

export function checkSigningRules(
  cert: CertificateInfo,
  { bin, now, revocation }: SigningRulesInput,
): SigningRuleCode | undefined {
  if (!isSigningKey(cert)) return 'rule.not-signing-key';
  if (!cert.roles.includes('legal-entity')) return 'rule.not-legal-entity';
  if (cert.subject.bin !== bin.trim()) return 'rule.wrong-bin';
  const t = now.getTime();
  if (t > Date.parse(cert.notAfter)) return 'rule.expired';
  if (t < Date.parse(cert.notBefore)) return 'rule.not-yet-valid';
  if (revocation?.status === 'invalid') return 'rule.revoked';
  return undefined;
}

/**
 * A НУЦ signing key: the signing EKU (1.3.6.1.5.5.7.3.4), and when a key usage is stated, one that
 * allows signatures (digitalSignature or nonRepudiation).
 */
export function isSigningKey(cert: CertificateInfo): boolean {
  if (!cert.extendedKeyUsage.includes(OID.ekuSigning)) return false;
  if (cert.keyUsage.length === 0) return true;
  return cert.keyUsage.includes('digitalSignature') || cert.keyUsage.includes('nonRepudiation');
}
