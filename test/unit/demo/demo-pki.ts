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
import forge from 'node-forge';
import { createHash } from 'node:crypto';
import { DEMO_USERS } from '../../../shared/auth/demo-users';
import { makeIin } from '../../../shared/iin';
import { DEMO_SETTINGS } from '../../../shared/settings';
import { OID } from '../../../shared/signing/oids';
import { issue, KU, type IssueKeys, type TestParty } from '../../signing/issue';

/** A demo party is a test party (test/signing/issue.ts) whose key came from a seed. */
export type DemoParty = TestParty;

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

async function seededKeys(seed: string): Promise<IssueKeys> {
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
  return { publicKey, privateKey };
}

/** The demo head (the demo users' head), as a certificate names him: surname and name in capitals. */
const HEAD = DEMO_USERS.find((u) => u.profile.role === 'head')?.profile;

export async function demoPki(): Promise<DemoPki> {
  if (!HEAD) throw new Error('the demo users have no head');
  const [surname = '', name = '', patronymic = ''] = HEAD.fullName.toLocaleUpperCase('kk').split(' ');
  const dates = { notBefore: DEMO_PKI_FROM, notAfter: UNTIL };
  const root = await issue(
    {
      label: 'demo root',
      ...dates,
      subject: [
        [OID.commonName, 'ДЕМО ТҮБІР КУӘЛАНДЫРУШЫ ОРТАЛЫҚ — DEMO ONLY, NOT VALID'],
        [OID.country, 'KZ'],
      ],
      serial: 1,
      ca: true,
      keyUsage: [KU.keyCertSign, KU.cRLSign],
    },
    await seededKeys('externship-desk demo root 2025'),
  );
  const head = await issue(
    {
      label: 'demo head',
      ...dates,
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
      keyUsage: [KU.digitalSignature, KU.nonRepudiation],
      eku: [OID.ekuSigning, OID.roleLegalEntity, OID.roleRightOfSignature],
    },
    await seededKeys('externship-desk demo head 2025'),
  );
  return { root, head };
}
