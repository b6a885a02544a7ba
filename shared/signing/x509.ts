/**
 * X.509 certificates: what a certificate says (certificateInfo) and the pieces the chain, OCSP and
 * CMS code need (names, key identifiers, basic constraints). Extensions are read from their DER
 * here rather than through pkijs's parsed values, so a НУЦ certificate with an extension pkijs
 * does not know still yields everything else.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { derFromPem, equalBytes, ownBuffer, sha256Hex, toHex } from './bytes';
import { OID, keyAlgorithmOf, rolesOf } from './oids';
import { KEY_USAGES, SigningError, type CertificateInfo, type KeyUsage } from './types';

/** Parses one certificate (DER, or PEM armour around it); throws `certificate.unreadable`. */
export function parseCertificate(input: Uint8Array): { cert: pkijs.Certificate; der: Uint8Array } {
  const der = derFromPem(input);
  try {
    const asn1 = asn1js.fromBER(ownBuffer(der));
    if (asn1.offset === -1) throw new Error('BER');
    return { cert: new pkijs.Certificate({ schema: asn1.result }), der };
  } catch (cause) {
    throw new SigningError('certificate.unreadable', { cause });
  }
}

/** What a certificate says, for the screen, the rules and the signed event. */
export function certificateInfo(input: Uint8Array): CertificateInfo {
  const { cert, der } = parseCertificate(input);
  return infoOf(cert, der);
}

export function infoOf(cert: pkijs.Certificate, der: Uint8Array): CertificateInfo {
  const subject = attributes(cert.subject);
  const issuer = attributes(cert.issuer);
  const iin = (subject.get(OID.serialNumber) ?? []).map((v) => /^IIN(\d{12})$/.exec(v)?.[1]).find(Boolean);
  const bin = (subject.get(OID.organizationalUnit) ?? [])
    .map((v) => /^BIN(\d{12})$/.exec(v)?.[1])
    .find(Boolean);
  const eku = extendedKeyUsage(cert);
  return {
    der,
    sha256: sha256Hex(der),
    serialHex: serialHexOf(cert),
    subject: compact({
      commonName: first(subject, OID.commonName),
      surname: first(subject, OID.surname),
      givenName: first(subject, OID.givenName),
      iin,
      bin,
      organization: first(subject, OID.organization),
      country: first(subject, OID.country),
      email: first(subject, OID.email),
    }),
    issuer: compact({
      commonName: first(issuer, OID.commonName),
      organization: first(issuer, OID.organization),
      country: first(issuer, OID.country),
    }),
    notBefore: cert.notBefore.value.toISOString(),
    notAfter: cert.notAfter.value.toISOString(),
    keyAlgorithm: keyAlgorithmOf(cert.subjectPublicKeyInfo.algorithm.algorithmId),
    extendedKeyUsage: eku,
    roles: rolesOf(eku),
    keyUsage: keyUsage(cert),
  };
}

export function serialHexOf(cert: pkijs.Certificate): string {
  return serialHex(new Uint8Array(cert.serialNumber.valueBlock.valueHexView));
}

/** Lowercase hex of an INTEGER's bytes without leading zero bytes (at least one digit pair). */
export function serialHex(bytes: Uint8Array): string {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  return toHex(bytes.subarray(start));
}

/** The raw DER of a Name, for comparing issuer with subject (the НУЦ encodes names alike). */
export function nameDer(name: pkijs.RelativeDistinguishedNames): Uint8Array {
  return new Uint8Array(name.toSchema().toBER(false));
}

export function sameName(a: pkijs.RelativeDistinguishedNames, b: pkijs.RelativeDistinguishedNames): boolean {
  return equalBytes(nameDer(a), nameDer(b));
}

/** The common name of a Name, for the chain's path on screen. */
export function commonNameOf(name: pkijs.RelativeDistinguishedNames): string {
  return first(attributes(name), OID.commonName) ?? '';
}

/** The DER inside an extension's OCTET STRING, or undefined when the certificate lacks it. */
export function extensionValue(cert: pkijs.Certificate, oid: string): Uint8Array | undefined {
  const ext = cert.extensions?.find((e) => e.extnID === oid);
  return ext ? new Uint8Array(ext.extnValue.valueBlock.valueHexView) : undefined;
}

function parseDer(bytes: Uint8Array): asn1js.AsnType | undefined {
  const asn1 = asn1js.fromBER(ownBuffer(bytes));
  return asn1.offset === -1 ? undefined : asn1.result;
}

/** The OCSP responder addresses of the certificate's AuthorityInfoAccess (URIs, as written). */
export function ocspUrlsOf(cert: pkijs.Certificate): string[] {
  const value = extensionValue(cert, OID.authorityInfoAccess);
  const seq = value && parseDer(value);
  if (!(seq instanceof asn1js.Sequence)) return [];
  return seq.valueBlock.value.flatMap((entry) => {
    if (!(entry instanceof asn1js.Sequence)) return [];
    const [method, location] = entry.valueBlock.value;
    // GeneralName uniformResourceIdentifier is [6] IA5String, implicitly tagged.
    if (!(method instanceof asn1js.ObjectIdentifier) || method.valueBlock.toString() !== OID.adOcsp) return [];
    if (location?.idBlock.tagClass !== 3 || location.idBlock.tagNumber !== 6) return [];
    const bytes = (location.valueBlock as { valueHexView?: Uint8Array }).valueHexView;
    return bytes ? [new TextDecoder().decode(bytes)] : [];
  });
}

export function extendedKeyUsage(cert: pkijs.Certificate): string[] {
  const value = extensionValue(cert, OID.extKeyUsage);
  const seq = value && parseDer(value);
  if (!(seq instanceof asn1js.Sequence)) return [];
  return seq.valueBlock.value
    .filter((v): v is asn1js.ObjectIdentifier => v instanceof asn1js.ObjectIdentifier)
    .map((v) => v.valueBlock.toString());
}

export function keyUsage(cert: pkijs.Certificate): KeyUsage[] {
  const value = extensionValue(cert, OID.keyUsage);
  const bits = value && parseDer(value);
  if (!(bits instanceof asn1js.BitString)) return [];
  const bytes = new Uint8Array(bits.valueBlock.valueHexView);
  return KEY_USAGES.filter((_, i) => ((bytes[i >> 3] ?? 0) >> (7 - (i & 7))) & 1);
}

/** True when basicConstraints says cA (a CA certificate). */
export function isCa(cert: pkijs.Certificate): boolean {
  const value = extensionValue(cert, OID.basicConstraints);
  const seq = value && parseDer(value);
  if (!(seq instanceof asn1js.Sequence)) return false;
  const flag = seq.valueBlock.value[0];
  return flag instanceof asn1js.Boolean && flag.valueBlock.value;
}

export function subjectKeyId(cert: pkijs.Certificate): Uint8Array | undefined {
  const value = extensionValue(cert, OID.subjectKeyIdentifier);
  const octets = value && parseDer(value);
  return octets instanceof asn1js.OctetString ? new Uint8Array(octets.valueBlock.valueHexView) : undefined;
}

export function authorityKeyId(cert: pkijs.Certificate): Uint8Array | undefined {
  const value = extensionValue(cert, OID.authorityKeyIdentifier);
  const seq = value && parseDer(value);
  if (!(seq instanceof asn1js.Sequence)) return undefined;
  const keyId = seq.valueBlock.value.find((v) => v.idBlock.tagClass === 3 && v.idBlock.tagNumber === 0);
  return keyId instanceof asn1js.Primitive ? new Uint8Array(keyId.valueBlock.valueHexView) : undefined;
}

/** True when `issuer` may have issued `cert`: names agree, and key identifiers when both have them. */
export function mayHaveIssued(issuer: pkijs.Certificate, cert: pkijs.Certificate): boolean {
  if (!sameName(issuer.subject, cert.issuer)) return false;
  const aki = authorityKeyId(cert);
  const ski = subjectKeyId(issuer);
  return !aki || !ski || equalBytes(aki, ski);
}

function attributes(name: pkijs.RelativeDistinguishedNames): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const tv of name.typesAndValues) {
    const text = attributeText(tv.value);
    if (text === undefined) continue;
    map.set(tv.type, [...(map.get(tv.type) ?? []), text]);
  }
  return map;
}

function attributeText(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || !('valueBlock' in value)) return undefined;
  const block = (value as { valueBlock: { value?: unknown } }).valueBlock;
  return typeof block.value === 'string' ? block.value : undefined;
}

function first(map: Map<string, string[]>, oid: string): string | undefined {
  return map.get(oid)?.[0];
}

function compact<T extends Record<string, string | undefined>>(record: T): { [K in keyof T]?: string } {
  const out: { [K in keyof T]?: string } = {};
  for (const key of Object.keys(record) as (keyof T)[]) {
    const v = record[key];
    if (v !== undefined && v !== '') out[key] = v;
  }
  return out;
}
