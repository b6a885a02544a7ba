/**
 * The ESS signing-certificate attributes (RFC 2634 §5.4 signingCertificate with SHA-1, RFC 5035
 * signingCertificateV2 with a stated hash, SHA-256 by default): a signed attribute that binds the
 * signature to one certificate, so that another certificate with the same key (or the same
 * issuer and serial) cannot be passed off as the signer's. The first ESSCertID names the signing
 * certificate; its hash must be that certificate's, and its issuerSerial, when given, must name
 * it too. Kalkan writes V2; older signers (and OpenSSL with SHA-1) write the first version.
 */
import * as asn1js from 'asn1js';
import type * as pkijs from 'pkijs';
import { digestOf } from './algorithms';
import { equalBytes } from './bytes';
import { OID } from './oids';
import type { ParsedCert } from './signed-data';
import { nameDer, serialHex, serialHexOf } from './x509';

export type SigningCertificateCheck = 'absent' | 'match' | 'mismatch' | 'malformed' | 'not-checked';

/** How the signed attributes' signingCertificate(V2) agree with `cert`; 'absent' when neither is there. */
export function checkSigningCertificate(
  attrs: pkijs.SignedAndUnsignedAttributes,
  cert: ParsedCert,
): SigningCertificateCheck {
  const found = [
    { oid: OID.signingCertificateV2, defaultHash: OID.sha256, v2: true },
    { oid: OID.signingCertificate, defaultHash: OID.sha1, v2: false },
  ].flatMap(({ oid, defaultHash, v2 }) => {
    const attribute = attrs.attributes.find((a) => a.type === oid);
    return attribute ? [one(attribute, cert, defaultHash, v2)] : [];
  });
  if (found.length === 0) return 'absent';
  for (const worst of ['malformed', 'mismatch', 'not-checked'] as const) {
    if (found.includes(worst)) return worst;
  }
  return 'match';
}

function one(
  attribute: pkijs.Attribute,
  cert: ParsedCert,
  defaultHash: string,
  v2: boolean,
): SigningCertificateCheck {
  // The attribute has exactly one value (RFC 5035 §5.4.1).
  if (attribute.values.length !== 1) return 'malformed';
  const value: unknown = attribute.values[0];
  const certs = value instanceof asn1js.Sequence ? value.valueBlock.value[0] : undefined;
  const first = certs instanceof asn1js.Sequence ? certs.valueBlock.value[0] : undefined;
  if (!(first instanceof asn1js.Sequence)) return 'malformed';
  const parts = [...first.valueBlock.value];
  // ESSCertIDv2 ::= SEQUENCE { hashAlgorithm DEFAULT sha256, certHash, issuerSerial OPTIONAL };
  // ESSCertID ::= SEQUENCE { certHash (SHA-1), issuerSerial OPTIONAL }.
  let hashAlgorithm = defaultHash;
  if (v2 && parts[0] instanceof asn1js.Sequence) {
    const id = parts.shift() as asn1js.Sequence;
    const oid = id.valueBlock.value[0];
    if (!(oid instanceof asn1js.ObjectIdentifier)) return 'malformed';
    hashAlgorithm = oid.valueBlock.toString();
  }
  const certHash = parts[0];
  if (!(certHash instanceof asn1js.OctetString)) return 'malformed';
  const issuerSerial = parts[1];
  if (issuerSerial !== undefined) {
    const named = issuerSerialNames(issuerSerial, cert);
    if (named !== 'match') return named;
  }
  const digest = digestOf(hashAlgorithm, cert.der);
  if (!digest) return 'not-checked';
  return equalBytes(digest, new Uint8Array(certHash.valueBlock.valueHexView)) ? 'match' : 'mismatch';
}

/** IssuerSerial ::= SEQUENCE { issuer GeneralNames, serialNumber INTEGER }: the issuer as a directoryName [4]. */
function issuerSerialNames(value: asn1js.AsnType, cert: ParsedCert): SigningCertificateCheck {
  if (!(value instanceof asn1js.Sequence)) return 'malformed';
  const [names, serial] = value.valueBlock.value;
  if (!(names instanceof asn1js.Sequence) || !(serial instanceof asn1js.Integer)) return 'malformed';
  if (serialHex(new Uint8Array(serial.valueBlock.valueHexView)) !== serialHexOf(cert.cert)) return 'mismatch';
  const issuer = nameDer(cert.cert.issuer);
  const directoryNames = names.valueBlock.value.filter(
    (n) => n.idBlock.tagClass === 3 && n.idBlock.tagNumber === 4 && n instanceof asn1js.Constructed,
  ) as asn1js.Constructed[];
  if (directoryNames.length === 0) return 'not-checked';
  return directoryNames.some((n) => {
    const inner = n.valueBlock.value[0];
    return inner !== undefined && equalBytes(new Uint8Array(inner.toBER(false)), issuer);
  })
    ? 'match'
    : 'mismatch';
}
