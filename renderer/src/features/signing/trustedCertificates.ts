/**
 * The trusted CA certificates of the signing settings: importing one (DER or PEM, as a .cer, .crt,
 * .pem or .der file), describing it for the list, and handing them to the verifier (roots as trust
 * anchors, intermediates as chain material). Only CA certificates are trusted: an end-entity
 * certificate as a "root" would let anything it signed pass.
 */
import { isCa, parseCertificate } from '../../../../shared/signing/x509';
import { certificateInfo } from '../../../../shared/signing';
import { fromBase64, sha256Hex, toBase64 } from '../../../../shared/signing/bytes';
import { signingOriginsOf, type SigningSettings, type TrustedCertificate } from '../../../../shared/settings';
import type { OcspFetchOptions } from '../../../../shared/signing/types';

export type TrustedRole = TrustedCertificate['role'];
export type ImportProblem = 'certificate.unreadable' | 'certificate.not-ca' | 'certificate.duplicate';

export function importCertificate(
  bytes: Uint8Array,
  role: TrustedRole,
  trusted: readonly TrustedCertificate[],
): { ok: true; entry: TrustedCertificate } | { ok: false; problem: ImportProblem } {
  let parsed: ReturnType<typeof parseCertificate>;
  try {
    parsed = parseCertificate(bytes);
  } catch {
    return { ok: false, problem: 'certificate.unreadable' };
  }
  if (!isCa(parsed.cert)) return { ok: false, problem: 'certificate.not-ca' };
  const sha256 = sha256Hex(parsed.der);
  if (trusted.some((c) => c.sha256 === sha256)) return { ok: false, problem: 'certificate.duplicate' };
  return { ok: true, entry: { role, der: toBase64(parsed.der), sha256 } };
}

export interface TrustedView {
  sha256: string;
  role: TrustedRole;
  subject: string;
  issuer: string;
  notBefore: string;
  notAfter: string;
  /** The SHA-256 fingerprint as certificate viewers print it: pairs of hex digits with colons. */
  fingerprint: string;
}

export function describeTrusted(entry: TrustedCertificate): TrustedView {
  const info = certificateInfo(fromBase64(entry.der));
  return {
    sha256: entry.sha256,
    role: entry.role,
    subject: info.subject.commonName ?? info.subject.organization ?? '',
    issuer: info.issuer.commonName ?? info.issuer.organization ?? '',
    notBefore: info.notBefore.slice(0, 10),
    notAfter: info.notAfter.slice(0, 10),
    fingerprint: (entry.sha256.toUpperCase().match(/../g) ?? []).join(':'),
  };
}

/**
 * What the verifier is given: the trusted roots, the intermediates to build chains with, and, when
 * the settings turn OCSP fetching on, where it may ask (the configured responder; an AIA address
 * only at an origin the settings make the page's policy allow, signingOriginsOf) and whether the
 * computer has a network now (`online`, navigator.onLine where the desk runs).
 */
export function verifierMaterial(
  settings: SigningSettings,
  online: boolean = typeof navigator === 'undefined' ? true : navigator.onLine,
): {
  trustedRoots: Uint8Array[];
  certificates: Uint8Array[];
  ocspFetch?: OcspFetchOptions;
} {
  const of = (role: TrustedRole) =>
    settings.trusted.filter((c) => c.role === role).map((c) => fromBase64(c.der));
  const material = { trustedRoots: of('root'), certificates: of('intermediate') };
  if (!settings.ocsp.fetch) return material;
  const ocspFetch: OcspFetchOptions = {
    allowedOrigins: signingOriginsOf(settings),
    online,
    ...(settings.ocsp.responderUrl ? { responderUrl: settings.ocsp.responderUrl } : {}),
  };
  return { ...material, ocspFetch };
}
