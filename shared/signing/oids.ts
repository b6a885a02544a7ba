/** Object identifiers of X.509, CMS, RFC 3161 and the НУЦ РК (issue 8 lists the national ones). */
import type { KeyAlgorithm, SignerRole } from './types';

export const OID = {
  // Name attributes
  commonName: '2.5.4.3',
  surname: '2.5.4.4',
  serialNumber: '2.5.4.5',
  country: '2.5.4.6',
  organization: '2.5.4.10',
  organizationalUnit: '2.5.4.11',
  givenName: '2.5.4.42',
  email: '1.2.840.113549.1.9.1',
  // Extensions
  keyUsage: '2.5.29.15',
  basicConstraints: '2.5.29.19',
  extKeyUsage: '2.5.29.37',
  subjectKeyIdentifier: '2.5.29.14',
  authorityKeyIdentifier: '2.5.29.35',
  certificatePolicies: '2.5.29.32',
  crlReason: '2.5.29.21',
  // Extended key usages
  ekuAuthentication: '1.3.6.1.5.5.7.3.2',
  ekuSigning: '1.3.6.1.5.5.7.3.4',
  ekuTimeStamping: '1.3.6.1.5.5.7.3.8',
  ekuOcspSigning: '1.3.6.1.5.5.7.3.9',
  // НУЦ roles
  roleIndividual: '1.2.398.3.3.4.1.1',
  roleLegalEntity: '1.2.398.3.3.4.1.2',
  roleFirstHead: '1.2.398.3.3.4.1.2.1',
  roleRightOfSignature: '1.2.398.3.3.4.1.2.2',
  roleFinance: '1.2.398.3.3.4.1.2.3',
  roleHr: '1.2.398.3.3.4.1.2.4',
  roleEmployee: '1.2.398.3.3.4.1.2.5',
  // Keys and signatures
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha1WithRsa: '1.2.840.113549.1.1.5',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  sha384WithRsa: '1.2.840.113549.1.1.12',
  sha512WithRsa: '1.2.840.113549.1.1.13',
  ecPublicKey: '1.2.840.10045.2.1',
  gost2015Key512: '1.2.398.3.10.1.1.2.2',
  gost2015ParamSetA512: '1.2.398.3.10.1.1.2.2.1',
  gost2015Signature512: '1.2.398.3.10.1.1.2.3.2',
  gost2004Key: '1.2.398.3.10.1.1.1.1',
  gost2004Signature: '1.2.398.3.10.1.1.1.2',
  tc26Gost2012Key256: '1.2.643.7.1.1.1.1',
  tc26Gost2012Key512: '1.2.643.7.1.1.1.2',
  // Digests
  sha1: '1.3.14.3.2.26',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  streebog512: '1.2.398.3.10.1.3.3',
  gost34311: '1.2.398.3.10.1.3.1',
  // CMS
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  /** CAdES revocation-values (ETSI EN 319 122-1), an unsigned attribute. */
  revocationValues: '1.2.840.113549.1.9.16.2.24',
  /** RFC 5940 otherRevInfoFormat of an OCSPResponse among a SignedData's revocationInfoChoices. */
  riOcspResponse: '1.3.6.1.5.5.7.16.2',
  signatureTimeStampToken: '1.2.840.113549.1.9.16.2.14',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  // OCSP
  ocspBasic: '1.3.6.1.5.5.7.48.1.1',
  ocspNonce: '1.3.6.1.5.5.7.48.1.2',
  /** id-ad-ocsp: an AuthorityInfoAccess entry naming the certificate's OCSP responder. */
  adOcsp: '1.3.6.1.5.5.7.48.1',
  authorityInfoAccess: '1.3.6.1.5.5.7.1.1',
} as const;

const ROLE_BY_OID: Readonly<Record<string, SignerRole>> = {
  [OID.ekuSigning]: 'signing',
  [OID.ekuAuthentication]: 'authentication',
  [OID.roleIndividual]: 'individual',
  [OID.roleLegalEntity]: 'legal-entity',
  [OID.roleFirstHead]: 'first-head',
  [OID.roleRightOfSignature]: 'right-of-signature',
  [OID.roleFinance]: 'finance',
  [OID.roleHr]: 'hr',
  [OID.roleEmployee]: 'employee',
};

/**
 * The roles an extended key usage states. A legal-entity sub-role (…4.1.2.x) implies the legal
 * entity itself even when the parent OID is not listed beside it.
 */
export function rolesOf(eku: readonly string[]): SignerRole[] {
  const roles = new Set<SignerRole>();
  for (const oid of eku) {
    const role = ROLE_BY_OID[oid];
    if (role) roles.add(role);
    if (oid.startsWith(`${OID.roleLegalEntity}.`)) roles.add('legal-entity');
  }
  return [...roles];
}

/** The key algorithm of a SubjectPublicKeyInfo's algorithm OID. */
export function keyAlgorithmOf(oid: string): KeyAlgorithm {
  switch (oid) {
    case OID.rsaEncryption:
      return 'rsa';
    case OID.gost2015Key512:
    case OID.tc26Gost2012Key512:
      return 'gost2015-512';
    case OID.tc26Gost2012Key256:
      return 'gost2015-256';
    case OID.gost2004Key:
      return 'gost2004';
    case OID.ecPublicKey:
      return 'ec';
    default:
      return 'unknown';
  }
}
