/**
 * The contract of shared/signing (issue 8): what a certificate says, what a signer does, what a
 * verification answers, and the stable codes the UI translates in kk and ru. The PKCS#12 signer,
 * the CMS verifier (this folder), the NCALayer signer (ncalayer/) and the PDF signer (pdf/) all
 * speak these types. No message or code ever carries personal data: codes name what happened, the
 * certificate's fields travel in CertificateInfo for the screen to show.
 */

export type KeyAlgorithm = 'rsa' | 'gost2015-512' | 'gost2015-256' | 'gost2004' | 'ec' | 'unknown';

/** The roles a НУЦ certificate states in its extended key usage (see oids.ts for the OIDs). */
export const SIGNER_ROLES = [
  'signing',
  'authentication',
  'individual',
  'legal-entity',
  'first-head',
  'right-of-signature',
  'finance',
  'hr',
  'employee',
] as const;
export type SignerRole = (typeof SIGNER_ROLES)[number];

/** Names of the X.509 key usage bits, in the order of RFC 5280's KeyUsage BIT STRING. */
export const KEY_USAGES = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
] as const;
export type KeyUsage = (typeof KEY_USAGES)[number];

export interface CertificateInfo {
  /** The certificate exactly as it was given (DER). */
  der: Uint8Array;
  /** SHA-256 of `der`, lowercase hex. */
  sha256: string;
  /** The serial number, lowercase hex without leading zero bytes. */
  serialHex: string;
  subject: {
    commonName?: string;
    surname?: string;
    /** НУЦ certificates put the patronymic here (GN), the given name is in the common name. */
    givenName?: string;
    /** From serialNumber `IIN…`. */
    iin?: string;
    /** From an OU `BIN…`. */
    bin?: string;
    organization?: string;
    country?: string;
    email?: string;
  };
  issuer: { commonName?: string; organization?: string; country?: string };
  /** ISO 8601, UTC. */
  notBefore: string;
  notAfter: string;
  keyAlgorithm: KeyAlgorithm;
  /** Extended key usage OIDs, as the certificate lists them. */
  extendedKeyUsage: string[];
  roles: SignerRole[];
  keyUsage: KeyUsage[];
}

/**
 * An RFC 3161 time-stamp authority. `timestamp` sends a TimeStampReq for the imprint and returns
 * the TimeStampToken (a CMS ContentInfo, DER) after checking the response's status, imprint and
 * nonce; it throws SigningError `tsa.*` when the TSA cannot be reached or answers wrongly.
 */
export interface TimeStampClient {
  timestamp(imprint: { hashAlgorithm: 'SHA-256'; digest: Uint8Array }): Promise<Uint8Array>;
}

export interface SignOptions {
  /** The signingTime attribute (the desk's clock; the time stamp, when there is one, proves it). */
  signingTime: Date;
  tsa?: TimeStampClient;
  /**
   * 'cades' (default): the detached CAdES the Kazakh verifiers expect, with signingTime.
   * 'pades': the CMS embedded in a PDF (PAdES baseline B), which must not carry signingTime (ETSI
   * EN 319 142-1: the time goes into the signature dictionary's /M). NCALayer writes signingTime
   * from its own clock whatever is asked, so its embedded CMS still carries one.
   */
  profile?: 'cades' | 'pades';
}

export interface Signer {
  readonly kind: 'pkcs12' | 'ncalayer';
  /** PKCS#12: the key's certificate before signing. NCALayer: undefined until it has signed. */
  certificate(): Promise<CertificateInfo | undefined>;
  /**
   * A detached CMS (DER) over `data`, laid out as Kalkan does (signer by issuerAndSerialNumber;
   * signed attributes contentType, signingTime, signingCertificateV2, messageDigest), with an
   * RFC 3161 time stamp as unsigned attribute when `tsa` is given and reachable.
   */
  signDetached(data: Uint8Array, options: SignOptions): Promise<SignResult>;
  /** Forget the key (PKCS#12: drop it from memory). Signing afterwards throws `signer.closed`. */
  close(): void;
}

export interface SignResult {
  cms: Uint8Array;
  certificate: CertificateInfo;
  timestamped: boolean;
  /** Why there is no time stamp although a TSA was given (offline, refused, bad answer). */
  timestampProblem?: SigningErrorCode;
}

// ---------------------------------------------------------------------------------------------
// Verification. Every field says valid / invalid / not-checked, with a code saying how or why:
// never a silent "valid".

export type CheckStatus = 'valid' | 'invalid' | 'not-checked';

export type Check<T = undefined> = { status: CheckStatus; code: VerificationCode; detail?: T };

export interface RevocationDetail {
  /** Where the answer came from. */
  source: 'ocsp' | 'crl';
  /** ISO 8601: when the certificate was revoked, for a revoked one. */
  revokedAt?: string;
  /** RFC 5280 CRLReason name, when given (e.g. 'certificateHold', 'superseded'). */
  reason?: string;
  /** ISO 8601: the response's or the list's own time (producedAt / thisUpdate). */
  producedAt?: string;
  /** True when the answer was carried inside the CMS itself (RFC 5940 or CAdES revocation values). */
  embedded?: boolean;
  /** True when the desk fetched the answer itself (OCSP fetching), with a nonce. */
  fetched?: boolean;
}

export interface ChainDetail {
  /** Common names from the signer's issuer up to the trust anchor (for the screen). */
  path: string[];
}

export interface SignatureVerification {
  /** Which algorithm signed (and so whether it could be checked at all). */
  algorithm: KeyAlgorithm;
  /** The digest over the content and the signature value over the signed attributes. */
  integrity: Check;
  certificate: CertificateInfo | undefined;
  /** At the time stamp's time when there is a valid one, else at the claimed signingTime (the
   *  code says which), else now. */
  validAtSigningTime: Check<{ at: string }>;
  /** From a given or embedded OCSP response or CRL; 'not-checked' when none is at hand. */
  revocation: Check<RevocationDetail>;
  /** Against the configured trusted roots. */
  chain: Check<ChainDetail>;
  timestamp: Check<{ time: string }>;
  /** The signingTime attribute, ISO 8601, when present (a claim of the signer's clock). */
  signingTime?: string;
}

export interface CmsVerification {
  /** Set when the file is no signed CMS at all (then `signatures` is empty). */
  problem?: 'cms.unreadable' | 'cms.not-signed-data' | 'cms.no-signers';
  /** True when the CMS carries no content and none was given (integrity is then not-checked). */
  detached: boolean;
  signatures: SignatureVerification[];
}

export interface VerifyOptions {
  /** Trust anchors (DER certificates). Without them `chain` is not-checked. */
  trustedRoots?: readonly Uint8Array[];
  /** Further certificates to build chains with (intermediate CAs, OCSP responders). */
  certificates?: readonly Uint8Array[];
  /**
   * OCSP responses (DER OCSPResponse) and CRLs (DER) at hand, beside those embedded in the CMS. A
   * response the desk fetched itself comes with the nonce it sent (`ocspRequest`): it then counts
   * only when it carries that nonce back.
   */
  ocspResponses?: readonly (Uint8Array | FetchedOcspResponse)[];
  crls?: readonly Uint8Array[];
  /** The verifier's "now" (tests pin it inside the НУЦ fixtures' validity). */
  now?: Date;
  /**
   * The signing time the container claims when the CMS carries none (a PAdES signature's /M):
   * the time validity is judged at when there is no time stamp. The CMS's own signingTime wins.
   */
  claimedSigningTime?: Date;
  /**
   * OCSP fetching (the signing settings' switch): for a certificate about which nothing at hand
   * (given or carried in the CMS) speaks, ask a responder. Absent: nothing is fetched.
   */
  ocspFetch?: OcspFetchOptions;
}

export interface OcspFetchOptions {
  /** The responder asked when the certificate's AIA names none the desk may connect to. */
  responderUrl?: string;
  /**
   * The origins the desk may connect to for signing services (its CSP's sources): an AIA address
   * at another origin is not asked (the page could not reach it anyway).
   */
  allowedOrigins: readonly string[];
  /** False when the desk knows it is offline: nothing is asked ('revocation.fetch-offline'). */
  online: boolean;
  /** Defaults to the global fetch (tests pass their own). */
  fetch?: typeof globalThis.fetch;
  /** Give up after this long (default 10 s). */
  timeoutMs?: number;
}

/** An OCSP response the desk asked for, with the nonce of its request. */
export interface FetchedOcspResponse {
  response: Uint8Array;
  nonce: Uint8Array;
}

/**
 * How far apart two clocks may be (the responder's, the signer's, the desk's) before an OCSP
 * response or CRL stops speaking for the moment a signature is judged at: 5 minutes.
 */
export const REVOCATION_CLOCK_TOLERANCE_MS = 5 * 60_000;

/** Every code a verification can give; the UI translates each (kk, ru). */
export const VERIFICATION_CODES = [
  // integrity
  'integrity.ok',
  'integrity.digest-mismatch',
  'integrity.bad-signature',
  'integrity.no-content',
  'integrity.no-certificate',
  'integrity.malformed',
  'integrity.algorithm-not-checked',
  // signingCertificate(V2) names another certificate than the one that verifies the signature.
  'integrity.signing-certificate-mismatch',
  // signingCertificate(V2) hashes the certificate with an algorithm not computed here.
  'integrity.signing-certificate-not-checked',
  // validAtSigningTime
  'time.valid-at-timestamp',
  'time.valid-at-signing-time',
  'time.valid-now',
  'time.expired',
  'time.not-yet-valid',
  'time.no-certificate',
  // revocation
  'revocation.good',
  'revocation.revoked',
  'revocation.revoked-after-signing',
  'revocation.unknown',
  'revocation.no-source',
  'revocation.responder-not-verified',
  'revocation.response-bad-signature',
  'revocation.no-certificate',
  // The answer does not speak for the moment judged (thisUpdate/nextUpdate), or comes from the future.
  'revocation.not-fresh',
  // The desk sent a nonce and the response does not carry it back (a replayed answer).
  'revocation.nonce-mismatch',
  // Signed by a certificate the issuer did not certify for OCSP signing (id-kp-OCSPSigning), or
  // not valid when it answered.
  'revocation.responder-not-authorized',
  // OCSP fetching is on, but the desk is offline: nothing was asked.
  'revocation.fetch-offline',
  // OCSP fetching is on, but there is no responder to ask: the certificate names none the desk may
  // connect to (the CSP's signing sources) and none is configured.
  'revocation.fetch-no-responder',
  // OCSP fetching is on, but the issuer's certificate is not at hand (a request names the issuer's key).
  'revocation.fetch-no-issuer',
  // The responder was asked and could not be reached, refused, or answered no OCSP response.
  'revocation.fetch-failed',
  // chain
  'chain.trusted',
  'chain.untrusted',
  'chain.bad-signature',
  'chain.not-a-ca',
  'chain.ca-expired',
  'chain.no-trusted-roots',
  'chain.algorithm-not-checked',
  'chain.no-certificate',
  // timestamp
  'timestamp.ok',
  'timestamp.absent',
  'timestamp.imprint-mismatch',
  'timestamp.bad-signature',
  'timestamp.malformed',
  'timestamp.not-tsa',
  'timestamp.tsa-untrusted',
  'timestamp.algorithm-not-checked',
] as const;
export type VerificationCode = (typeof VERIFICATION_CODES)[number];

// ---------------------------------------------------------------------------------------------
// Rules the desk enforces before a result is signed (checkSigningRules).

export const SIGNING_RULE_CODES = [
  'rule.not-signing-key',
  'rule.not-legal-entity',
  'rule.wrong-bin',
  'rule.expired',
  'rule.not-yet-valid',
  'rule.revoked',
] as const;
export type SigningRuleCode = (typeof SIGNING_RULE_CODES)[number];

export interface SigningRulesInput {
  /** The BIN the certificate must carry (the issuing body's, from the settings). */
  bin: string;
  now: Date;
  /** What is known of the certificate's revocation; 'invalid' means known revoked. */
  revocation?: Pick<Check, 'status'>;
}

// ---------------------------------------------------------------------------------------------
// Errors.

/** Every code a SigningError can carry; the UI translates each (kk, ru). */
export const SIGNING_ERROR_CODES = [
  'password.wrong',
  'container.unreadable',
  'container.no-key',
  'key.gost-needs-ncalayer',
  'key.unsupported',
  'signer.closed',
  'cms.unreadable',
  'certificate.unreadable',
  'tsa.unreachable',
  'tsa.refused',
  'tsa.bad-response',
  'ncalayer.not-running',
  'ncalayer.refused',
  'ncalayer.cancelled',
  'ncalayer.no-token',
  'ncalayer.wrong-key-type',
  'ncalayer.module-missing',
  'ncalayer.timeout',
  'ncalayer.busy',
  'ncalayer.bad-response',
  'ncalayer.failed',
  ...SIGNING_RULE_CODES,
] as const;
export type SigningErrorCode = (typeof SIGNING_ERROR_CODES)[number];

/**
 * A failure with a stable code. The message is the code itself (never personal data, never a
 * password); `cause` may hold the underlying library error for debugging, already free of secrets.
 */
export class SigningError extends Error {
  override readonly name = 'SigningError';
  readonly code: SigningErrorCode;
  constructor(code: SigningErrorCode, options?: { cause?: unknown }) {
    super(code, options);
    this.code = code;
  }
}

export function isSigningError(value: unknown, code?: SigningErrorCode): value is SigningError {
  return value instanceof SigningError && (code === undefined || value.code === code);
}
