/**
 * The demo's own PKI (never the НУЦ's test keys): a demo root and the demo head's signing
 * certificate, issued the way test/signing/pki.ts issues the test PKI's (НУЦ-shaped subject: IIN in
 * serialNumber, BIN in OU, the national role OIDs in the extended key usage), but reproducible:
 * the RSA-2048 keys come from a seeded generator and every date is fixed, so the demo's signed
 * results come out byte for byte the same on every run of write-files.mjs.
 *
 * The seed is in this file, so these keys are no secret: anyone can make them again. That is the
 * point of a demo key. Nothing trusts the demo root but the demo's own test
 * (test/unit/demo/signatures.test.ts); the desk's trusted roots never hold it.
 */
import * as asn1js from 'asn1js';
import forge from 'node-forge';
import { createHash } from 'node:crypto';
import * as pkijs from 'pkijs';
import { DEMO_USERS } from '../../../shared/auth/demo-users';
import { makeIin } from '../../../shared/iin';
import { DEMO_SETTINGS } from '../../../shared/settings';
import { OID } from '../../../shared/signing/oids';
import { ext, pem, sha1, testEngine } from '../../signing/der';

export interface DemoParty {
  cert: Uint8Array;
  certificate: pkijs.Certificate;
  privateKey: CryptoKey;
  certPem: string;
  keyPem: string;
}

export interface DemoPki {
  root: DemoParty;
  head: DemoParty;
}

/** When the demo PKI was made: its certificates are valid from here on (and 20 years on). */
export const DEMO_PKI_FROM = new Date('2025-01-01T00:00:00Z');
const UNTIL = new Date('2045-12-31T23:59:59Z');

/** The bytes a seed gives: SHA-256 in counter mode (deterministic, which is all a demo key needs). */
function seededPrng(seed: string): { getBytesSync(n: number): string } {
  let counter = 0;
  let pool = Buffer.alloc(0);
  return {
    getBytesSync(n: number): string {
      while (pool.length < n)
        pool = Buffer.concat([pool, createHash('sha256').update(`${seed}:${counter++}`).digest()]);
      const out = pool.subarray(0, n);
      pool = pool.subarray(n);
      return out.toString('binary');
    },
  };
}

const derBytes = (asn1: forge.asn1.Asn1) =>
  Uint8Array.from(forge.asn1.toDer(asn1).getBytes(), (c) => c.charCodeAt(0));

async function seededKeys(
  seed: string,
): Promise<{ pkcs8: Uint8Array; publicKey: CryptoKey; privateKey: CryptoKey }> {
  const pair = forge.pki.rsa.generateKeyPair({
    bits: 2048,
    e: 0x10001,
    prng: seededPrng(seed),
    algorithm: 'PRIMEINC',
  });
  const pkcs8 = derBytes(forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(pair.privateKey)));
  const spki = derBytes(forge.pki.publicKeyToAsn1(pair.publicKey));
  const algorithm = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  const privateKey = await crypto.subtle.importKey('pkcs8', pkcs8, algorithm, true, ['sign']);
  const publicKey = await crypto.subtle.importKey('spki', spki, algorithm, true, ['verify']);
  return { pkcs8, publicKey, privateKey };
}

type Attr = [oid: string, value: string];

/** A Name with one attribute per RDN, as the НУЦ writes them (as test/signing/pki.ts does). */
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

function keyUsageBits(bits: readonly number[]): asn1js.BitString {
  const n = Math.max(...bits) + 1;
  const bytes = new Uint8Array(Math.ceil(n / 8));
  for (const b of bits) bytes[b >> 3]! |= 0x80 >> (b & 7);
  return new asn1js.BitString({ valueHex: bytes, unusedBits: bytes.length * 8 - n });
}

interface IssueInput {
  seed: string;
  subject: Attr[];
  issuer?: DemoParty;
  serial: number;
  ca: boolean;
  keyUsage: number[];
  eku?: string[];
}

async function issue(input: IssueInput): Promise<DemoParty> {
  const keys = await seededKeys(input.seed);
  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = new asn1js.Integer({ value: input.serial });
  cert.subject = rdn(input.subject);
  cert.issuer = input.issuer ? input.issuer.certificate.subject : cert.subject;
  cert.notBefore.value = DEMO_PKI_FROM;
  cert.notAfter.value = UNTIL;
  await cert.subjectPublicKeyInfo.importKey(keys.publicKey, testEngine);
  const keyId = (c: pkijs.Certificate) =>
    sha1(new Uint8Array(c.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView));
  const ski = keyId(cert);
  cert.extensions = [
    ext(OID.basicConstraints, true, new pkijs.BasicConstraints({ cA: input.ca }).toSchema()),
    ext(OID.keyUsage, true, keyUsageBits(input.keyUsage)),
    ...(input.eku
      ? [ext(OID.extKeyUsage, false, new pkijs.ExtKeyUsage({ keyPurposes: input.eku }).toSchema())]
      : []),
    ext(OID.subjectKeyIdentifier, false, new asn1js.OctetString({ valueHex: ski })),
    ext(
      OID.authorityKeyIdentifier,
      false,
      new pkijs.AuthorityKeyIdentifier({
        keyIdentifier: new asn1js.OctetString({
          valueHex: input.issuer ? keyId(input.issuer.certificate) : ski,
        }),
      }).toSchema(),
    ),
  ];
  // RSASSA-PKCS1-v1_5 is deterministic: the same key and the same fields give the same certificate.
  await cert.sign(input.issuer?.privateKey ?? keys.privateKey, 'SHA-256', testEngine);
  const der = new Uint8Array(cert.toSchema(true).toBER());
  return {
    cert: der,
    certificate: pkijs.Certificate.fromBER(der),
    privateKey: keys.privateKey,
    certPem: pem('CERTIFICATE', der),
    keyPem: pem('PRIVATE KEY', keys.pkcs8),
  };
}

/** The demo head (the demo users' head), as a certificate names him: surname and name in capitals. */
const HEAD = DEMO_USERS.find((u) => u.profile.role === 'head')?.profile;

export async function demoPki(): Promise<DemoPki> {
  if (!HEAD) throw new Error('the demo users have no head');
  const [surname = '', name = '', patronymic = ''] = HEAD.fullName.toLocaleUpperCase('kk').split(' ');
  const root = await issue({
    seed: 'externship-desk demo root 2025',
    subject: [
      [OID.commonName, 'ДЕМО ТҮБІР КУӘЛАНДЫРУШЫ ОРТАЛЫҚ — DEMO ONLY, NOT VALID'],
      [OID.country, 'KZ'],
    ],
    serial: 1,
    ca: true,
    keyUsage: [5, 6],
  });
  const head = await issue({
    seed: 'externship-desk demo head 2025',
    subject: [
      [OID.commonName, `${surname} ${name}`],
      [OID.surname, surname],
      [OID.serialNumber, `IIN${makeIin('1976-11-02', 'male', 317)}`],
      [OID.country, 'KZ'],
      [OID.organization, DEMO_SETTINGS.issuer.name.kk],
      [OID.organizationalUnit, `BIN${DEMO_SETTINGS.issuer.bin}`],
      [OID.givenName, patronymic],
    ],
    issuer: root,
    serial: 0x2001,
    ca: false,
    keyUsage: [0, 1],
    eku: [OID.ekuSigning, OID.roleLegalEntity, OID.roleRightOfSignature],
  });
  return { root, head };
}
