/**
 * Issuing one certificate the way the НУЦ shapes them (one attribute per RDN; IIN in serialNumber and
 * BIN in OU are the caller's subject), for the test PKI (pki.ts) and the demo's PKI
 * (test/unit/demo/demo-pki.ts), which brings its own seeded keys.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OID } from '../../shared/signing/oids';
import { ext, pem, sha1, testEngine } from './der';

export interface TestParty {
  label: string;
  /** DER certificate. */
  cert: Uint8Array;
  certificate: pkijs.Certificate;
  /** PKCS#8 DER of the private key. */
  pkcs8: Uint8Array;
  privateKey: CryptoKey;
  iin?: string;
  bin?: string;
  certPem: string;
  keyPem: string;
}

export type Attr = [oid: string, value: string];

export interface IssueInput {
  label: string;
  subject: Attr[];
  issuer?: TestParty;
  serial: number;
  notBefore: Date;
  notAfter: Date;
  ca?: boolean;
  keyUsage: number[];
  eku?: string[];
  ekuCritical?: boolean;
  iin?: string;
  bin?: string;
}

export const KU = {
  digitalSignature: 0,
  nonRepudiation: 1,
  keyEncipherment: 2,
  keyCertSign: 5,
  cRLSign: 6,
} as const;

/** A key pair to certify; a fresh RSA-2048 one when the caller brings none. */
export type IssueKeys = { publicKey: CryptoKey; privateKey: CryptoKey };

/**
 * Issues one certificate: the subject's key (`keys`, or a fresh RSA-2048 pair) certified by
 * `input.issuer` (self-signed without one), with basic constraints, key usage, the extended key
 * usage, and subject and authority key identifiers.
 */
export async function issue(input: IssueInput, given?: IssueKeys): Promise<TestParty> {
  const keys =
    given ??
    (await crypto.subtle.generateKey(
      {
        name: 'RSASSA-PKCS1-v1_5',
        modulusLength: 2048,
        publicExponent: new Uint8Array([1, 0, 1]),
        hash: 'SHA-256',
      },
      true,
      ['sign', 'verify'],
    ));
  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = new asn1js.Integer({ value: input.serial });
  cert.subject = rdn(input.subject);
  cert.issuer = input.issuer ? input.issuer.certificate.subject : cert.subject;
  cert.notBefore.value = input.notBefore;
  cert.notAfter.value = input.notAfter;
  await cert.subjectPublicKeyInfo.importKey(keys.publicKey, testEngine);
  const ski = sha1(new Uint8Array(cert.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView));
  const issuerSki = input.issuer
    ? sha1(
        new Uint8Array(
          input.issuer.certificate.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView,
        ),
      )
    : ski;
  cert.extensions = [
    ext(OID.basicConstraints, true, new pkijs.BasicConstraints({ cA: input.ca === true }).toSchema()),
    ext(OID.keyUsage, true, keyUsageBits(input.keyUsage)),
    ...(input.eku
      ? [
          ext(
            OID.extKeyUsage,
            input.ekuCritical === true,
            new pkijs.ExtKeyUsage({ keyPurposes: input.eku }).toSchema(),
          ),
        ]
      : []),
    ext(OID.subjectKeyIdentifier, false, new asn1js.OctetString({ valueHex: ski })),
    ext(
      OID.authorityKeyIdentifier,
      false,
      new pkijs.AuthorityKeyIdentifier({
        keyIdentifier: new asn1js.OctetString({ valueHex: issuerSki }),
      }).toSchema(),
    ),
  ];
  await cert.sign(input.issuer?.privateKey ?? keys.privateKey, 'SHA-256', testEngine);
  const der = new Uint8Array(cert.toSchema(true).toBER());
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', keys.privateKey));
  return {
    label: input.label,
    cert: der,
    certificate: pkijs.Certificate.fromBER(der),
    pkcs8,
    privateKey: keys.privateKey,
    ...(input.iin ? { iin: input.iin } : {}),
    ...(input.bin ? { bin: input.bin } : {}),
    certPem: pem('CERTIFICATE', der),
    keyPem: pem('PRIVATE KEY', pkcs8),
  };
}

/** A Name with one attribute per RDN, as the НУЦ writes them (pkijs would put all in one SET). */
function rdn(attrs: Attr[]): pkijs.RelativeDistinguishedNames {
  const seq = new asn1js.Sequence({
    value: attrs.map(
      ([type, value]) =>
        new asn1js.Set({
          value: [
            new asn1js.Sequence({
              value: [
                new asn1js.ObjectIdentifier({ value: type }),
                type === OID.country || type === OID.serialNumber
                  ? new asn1js.PrintableString({ value })
                  : new asn1js.Utf8String({ value }),
              ],
            }),
          ],
        }),
    ),
  });
  return new pkijs.RelativeDistinguishedNames({ schema: asn1js.fromBER(seq.toBER()).result });
}

/** A DER KeyUsage BIT STRING: trailing zero bits dropped, as DER requires. */
function keyUsageBits(bits: readonly number[]): asn1js.BitString {
  const n = Math.max(...bits) + 1;
  const bytes = new Uint8Array(Math.ceil(n / 8));
  for (const b of bits) bytes[b >> 3]! |= 0x80 >> (b & 7);
  return new asn1js.BitString({ valueHex: bytes, unusedBits: bytes.length * 8 - n });
}
