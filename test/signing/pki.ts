/**
 * A test PKI made at test time (issue 8, "Tests"): a root CA, a time-stamp authority, an OCSP
 * responder and the people of an issuing body with НУЦ-shaped certificates (IIN in serialNumber,
 * BIN in OU, the national role OIDs in the extended key usage), RSA-2048 throughout:
 *
 *   signing         the officer: legal entity + employee, signing EKU, the demo issuing body's BIN
 *   head            the head: legal entity + right of signature, same BIN
 *   authentication  the officer's authentication-only certificate (EKU 1.3.6.1.5.5.7.3.2)
 *   expired         a signing certificate whose validity ended a month ago
 *   revoked         a signing certificate revoked ten days ago (OCSP and CRL say so)
 *   wrongBin        a signing certificate of another legal entity
 *   individual      an individual's signing certificate (an applicant), no BIN
 *
 * Nothing here is a secret: keys live in memory for the test run. This file is the cast; one
 * certificate is issued by issue.ts, the revocation evidence (CRL, OCSP responses) is made by
 * revocation.ts and the PKCS#12 containers by containers.ts, all beside it. `testPki()` builds once per worker.
 */
import { makeIin } from '../../shared/iin';
import { DEMO_SETTINGS } from '../../shared/settings';
import { OID } from '../../shared/signing/oids';
import { opensslPkcs12, TEST_P12_PASSWORD } from './containers';
import { DAY } from './der';
import { issue, KU, type Attr, type TestParty } from './issue';
import { makeCrl, makeOcspResponse, type OcspResponseOptions } from './revocation';

export type { TestParty } from './issue';

export interface TestPki {
  /** The moment the PKI was built around ("now" for its validity periods). */
  now: Date;
  root: TestParty;
  tsa: TestParty;
  ocsp: TestParty;
  signing: TestParty;
  head: TestParty;
  authentication: TestParty;
  expired: TestParty;
  revoked: TestParty;
  wrongBin: TestParty;
  individual: TestParty;
  /** The BIN the issuing body's certificates carry (DEMO_SETTINGS.issuer.bin). */
  bin: string;
  /** When `revoked` was revoked. */
  revokedAt: Date;
  /** A CRL of the root listing `revoked`. */
  crl: Uint8Array;
  /**
   * An OCSP response (DER OCSPResponse) for a party by the delegated responder `ocsp`: good, or
   * revoked for `revoked`; the options make it stale, signed by someone else, with a nonce.
   */
  ocspResponse(party: TestParty, options?: OcspResponseOptions): Promise<Uint8Array>;
  /** A PKCS#12 container of the party's key and certificate (with the root), made by OpenSSL. */
  pkcs12(party: TestParty, format: 'modern' | 'legacy', password?: string): Uint8Array;
}

const OTHER_BIN = '050140000120';

let cached: Promise<TestPki> | undefined;

/** The PKI of this worker (built on first use). */
export function testPki(): Promise<TestPki> {
  cached ??= buildTestPki();
  return cached;
}

export async function buildTestPki(now = new Date()): Promise<TestPki> {
  const bin = DEMO_SETTINGS.issuer.bin;
  const org = DEMO_SETTINGS.issuer.name.kk;
  const valid = {
    notBefore: new Date(now.getTime() - 30 * DAY),
    notAfter: new Date(now.getTime() + 730 * DAY),
  };
  const revokedAt = new Date(now.getTime() - 10 * DAY);

  const root = await issue({
    label: 'root',
    subject: [
      [OID.commonName, 'ТЕСТ ТҮБІР КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (RSA) — DESK TEST'],
      [OID.country, 'KZ'],
    ],
    serial: 1,
    notBefore: new Date(now.getTime() - 365 * DAY),
    notAfter: new Date(now.getTime() + 3650 * DAY),
    ca: true,
    keyUsage: [KU.keyCertSign, KU.cRLSign],
  });
  const service = (label: string, cn: string, serial: number, eku: string): Promise<TestParty> =>
    issue({
      label,
      subject: [
        [OID.commonName, cn],
        [OID.country, 'KZ'],
      ],
      issuer: root,
      serial,
      ...valid,
      keyUsage: [KU.digitalSignature, KU.nonRepudiation],
      eku: [eku],
      ekuCritical: true,
    });
  const person = (
    label: string,
    serial: number,
    p: { surname: string; name: string; patronymic: string; iin: string; bin?: string; org?: string },
    eku: string[],
    keyUsage: number[],
    validity = valid,
  ): Promise<TestParty> =>
    issue({
      label,
      subject: [
        [OID.commonName, `${p.surname} ${p.name}`],
        [OID.surname, p.surname],
        [OID.serialNumber, `IIN${p.iin}`],
        [OID.country, 'KZ'],
        ...(p.org ? ([[OID.organization, p.org]] as Attr[]) : []),
        ...(p.bin ? ([[OID.organizationalUnit, `BIN${p.bin}`]] as Attr[]) : []),
        [OID.givenName, p.patronymic],
      ],
      issuer: root,
      serial,
      ...validity,
      keyUsage,
      eku,
      iin: p.iin,
      ...(p.bin ? { bin: p.bin } : {}),
    });

  const SIGN_KU = [KU.digitalSignature, KU.nonRepudiation];
  const officer = {
    surname: 'ЖҰМАБАЕВА',
    name: 'САУЛЕ',
    patronymic: 'МАРАТҚЫЗЫ',
    iin: makeIin('1985-03-07', 'female', 456),
    bin,
    org,
  };
  const legalSigning = (sub: string) => [OID.ekuSigning, OID.roleLegalEntity, sub];

  const [tsa, ocsp, signing, head, authentication, expired, revoked, wrongBin, individual] =
    await Promise.all([
      service('tsa', 'DESK TEST TSA', 2, OID.ekuTimeStamping),
      service('ocsp', 'DESK TEST OCSP RESPONDER', 3, OID.ekuOcspSigning),
      person('signing', 0x1001, officer, legalSigning(OID.roleEmployee), SIGN_KU),
      person(
        'head',
        0x1002,
        {
          surname: 'СЕРІКБАЕВ',
          name: 'НҰРЛАН',
          patronymic: 'ҚАЙРАТҰЛЫ',
          iin: makeIin('1976-11-02', 'male', 31),
          bin,
          org,
        },
        legalSigning(OID.roleRightOfSignature),
        SIGN_KU,
      ),
      person(
        'authentication',
        0x1003,
        officer,
        [OID.ekuAuthentication, OID.roleLegalEntity, OID.roleEmployee],
        [KU.digitalSignature, KU.keyEncipherment],
      ),
      person(
        'expired',
        0x1004,
        {
          surname: 'ӘБІЛОВА',
          name: 'ДИНАРА',
          patronymic: 'СЕРІКҚЫЗЫ',
          iin: makeIin('1990-06-15', 'female', 77),
          bin,
          org,
        },
        legalSigning(OID.roleEmployee),
        SIGN_KU,
        { notBefore: new Date(now.getTime() - 400 * DAY), notAfter: new Date(now.getTime() - 35 * DAY) },
      ),
      person(
        'revoked',
        0x1005,
        {
          surname: 'ОМАРОВ',
          name: 'ЕРЛАН',
          patronymic: 'БОЛАТҰЛЫ',
          iin: makeIin('1988-01-20', 'male', 12),
          bin,
          org,
        },
        legalSigning(OID.roleEmployee),
        SIGN_KU,
      ),
      person(
        'wrongBin',
        0x1006,
        {
          surname: 'ҚАСЫМОВА',
          name: 'ГҮЛНАР',
          patronymic: 'АСҚАРҚЫЗЫ',
          iin: makeIin('1982-09-09', 'female', 5),
          bin: OTHER_BIN,
          org: 'ЖШС «ТЕСТ СЕРІКТЕСТІГІ»',
        },
        legalSigning(OID.roleFirstHead),
        SIGN_KU,
      ),
      person(
        'individual',
        0x1007,
        {
          surname: 'НҰРЛАНОВ',
          name: 'АЙДОС',
          patronymic: 'ЕРЛАНҰЛЫ',
          iin: makeIin('1992-04-12', 'male', 88),
        },
        [OID.ekuSigning, OID.roleIndividual],
        SIGN_KU,
      ),
    ]);

  const crl = await makeCrl(root, [{ party: revoked, at: revokedAt }], now);

  return {
    now,
    root,
    tsa,
    ocsp,
    signing,
    head,
    authentication,
    expired,
    revoked,
    wrongBin,
    individual,
    bin,
    revokedAt,
    crl,
    ocspResponse: (party, options = {}) =>
      makeOcspResponse({
        responder: ocsp,
        issuer: root,
        party,
        revokedAt: party === revoked ? revokedAt : undefined,
        producedAt: now,
        ...options,
      }),
    pkcs12: (party, format, password = TEST_P12_PASSWORD) => opensslPkcs12(party, [root], format, password),
  };
}

// --- certificates --------------------------------------------------------------------------------
