import * as asn1js from 'asn1js';
import type * as pkijs from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Bytes } from '../../../shared/signing/bytes';
import { OID } from '../../../shared/signing/oids';
import { verifyCms } from '../../../shared/signing/verify';
import { attribute, resigned } from '../../signing/cms-edit';
import { partySigner } from '../../signing/containers';
import { sha1 } from '../../signing/der';
import { opensslDir } from '../../signing/openssl';
import { testPki, type TestParty, type TestPki } from '../../signing/pki';
import { createHash } from 'node:crypto';

const ossl = opensslDir();
afterAll(() => ossl.remove());
let pki: TestPki;
beforeAll(async () => {
  pki = await testPki();
}, 180_000);

const document = new TextEncoder().encode('%PDF-1.7\nӨтініш / Заявление\n%%EOF\n');

async function deskCms(): Promise<Uint8Array> {
  const signer = await partySigner(pki, pki.signing);
  return (await signer.signDetached(document, { signingTime: new Date() })).cms;
}

const octets = (bytes: Uint8Array) => new asn1js.OctetString({ valueHex: bytes.slice().buffer });

/** IssuerSerial { issuer GeneralNames { directoryName [4] Name }, serialNumber } of `party`'s cert. */
function issuerSerial(party: TestParty, serial = party.certificate.serialNumber): asn1js.Sequence {
  const name = party.certificate.issuer.toSchema();
  return new asn1js.Sequence({
    value: [
      new asn1js.Sequence({
        value: [new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [name] })],
      }),
      serial,
    ],
  });
}

/** SigningCertificateV2 / SigningCertificate with one ESSCertID(v2) of the given parts. */
function essAttribute(oid: string, certId: asn1js.AsnType[]): pkijs.Attribute {
  return attribute(
    oid,
    new asn1js.Sequence({
      value: [new asn1js.Sequence({ value: [new asn1js.Sequence({ value: certId })] })],
    }),
  );
}

/** The desk's CMS with its signingCertificateV2 replaced (and others given), signed again. */
function withEss(cms: Uint8Array, ...ess: pkijs.Attribute[]): Promise<Uint8Array> {
  return resigned(cms, pki.signing, (attrs) => [
    ...attrs.filter((a) => a.type !== OID.signingCertificateV2),
    ...ess,
  ]);
}

async function integrityOf(cms: Uint8Array) {
  return (await verifyCms(cms, document)).signatures[0]!.integrity;
}

const OK = { status: 'valid', code: 'integrity.ok' };
const MISMATCH = { status: 'invalid', code: 'integrity.signing-certificate-mismatch' };

describe('signingCertificateV2 (RFC 5035) and signingCertificate (RFC 2634) bind the signature to its certificate', () => {
  it('the re-signing helper keeps a correct attribute valid (the tests below change only the attribute)', async () => {
    const cms = await deskCms();
    expect(await integrityOf(cms)).toEqual(OK);
    const same = await withEss(
      cms,
      essAttribute(OID.signingCertificateV2, [octets(sha256Bytes(pki.signing.cert))]),
    );
    expect(await integrityOf(same)).toEqual(OK);
  });

  it('fails a V2 that names another certificate, though the signature value verifies', async () => {
    const cms = await withEss(
      await deskCms(),
      essAttribute(OID.signingCertificateV2, [octets(sha256Bytes(pki.head.cert))]),
    );
    expect(await integrityOf(cms)).toEqual(MISMATCH);
  });

  it('takes the V2 hash algorithm it states, and its issuerSerial when given', async () => {
    const cms = await deskCms();
    const sha512 = new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: OID.sha512 })] });
    const hash512 = (der: Uint8Array) => new Uint8Array(createHash('sha512').update(der).digest());
    expect(
      await integrityOf(
        await withEss(
          cms,
          essAttribute(OID.signingCertificateV2, [sha512, octets(hash512(pki.signing.cert))]),
        ),
      ),
    ).toEqual(OK);
    expect(
      await integrityOf(
        await withEss(cms, essAttribute(OID.signingCertificateV2, [sha512, octets(hash512(pki.head.cert))])),
      ),
    ).toEqual(MISMATCH);
    // The right hash under the wrong algorithm is no match.
    expect(
      await integrityOf(
        await withEss(
          cms,
          essAttribute(OID.signingCertificateV2, [sha512, octets(sha256Bytes(pki.signing.cert))]),
        ),
      ),
    ).toEqual(MISMATCH);

    const hash = octets(sha256Bytes(pki.signing.cert));
    expect(
      await integrityOf(
        await withEss(cms, essAttribute(OID.signingCertificateV2, [hash, issuerSerial(pki.signing)])),
      ),
    ).toEqual(OK);
    // The right hash, but an issuerSerial naming another serial (the head's certificate).
    expect(
      await integrityOf(
        await withEss(
          cms,
          essAttribute(OID.signingCertificateV2, [
            hash,
            issuerSerial(pki.signing, pki.head.certificate.serialNumber),
          ]),
        ),
      ),
    ).toEqual(MISMATCH);
    // An unknown hash algorithm is said to be not checked, never valid.
    const unknown = new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: '1.2.3.4.5' })] });
    expect(
      await integrityOf(await withEss(cms, essAttribute(OID.signingCertificateV2, [unknown, hash]))),
    ).toEqual({ status: 'not-checked', code: 'integrity.signing-certificate-not-checked' });
    // Not an ESSCertIDv2 at all.
    expect(
      await integrityOf(
        await withEss(cms, attribute(OID.signingCertificateV2, new asn1js.Integer({ value: 7 }))),
      ),
    ).toEqual({ status: 'invalid', code: 'integrity.malformed' });
  });

  it('accepts the legacy SHA-1 signingCertificate (v1), and fails one naming another certificate', async () => {
    const cms = await deskCms();
    const v1 = (party: TestParty) => essAttribute(OID.signingCertificate, [octets(sha1(party.cert))]);
    expect(await integrityOf(await withEss(cms, v1(pki.signing)))).toEqual(OK);
    expect(await integrityOf(await withEss(cms, v1(pki.head)))).toEqual(MISMATCH);
    // Both present: both must name the signer.
    const v2 = essAttribute(OID.signingCertificateV2, [octets(sha256Bytes(pki.signing.cert))]);
    expect(await integrityOf(await withEss(cms, v2, v1(pki.head)))).toEqual(MISMATCH);
    expect(await integrityOf(await withEss(cms, v2, v1(pki.signing)))).toEqual(OK);
  });

  it('verifies OpenSSL’s CAdES signatures: v1 with SHA-1, V2 with SHA-256', async () => {
    ossl.file('doc.pdf', document);
    ossl.file('signer.pem', pki.signing.certPem);
    ossl.file('signer.key', pki.signing.keyPem);
    for (const [md, oid] of [
      ['sha1', OID.signingCertificate],
      ['sha256', OID.signingCertificateV2],
    ] as const) {
      const r = ossl.run([
        'cms',
        '-sign',
        '-binary',
        '-cades',
        '-md',
        md,
        '-in',
        'doc.pdf',
        '-signer',
        'signer.pem',
        '-inkey',
        'signer.key',
        '-outform',
        'DER',
        '-out',
        `${md}.cms`,
      ]);
      expect(r.status, r.out).toBe(0);
      const cms = ossl.read(`${md}.cms`);
      expect(
        Buffer.from(cms).includes(Buffer.from(new asn1js.ObjectIdentifier({ value: oid }).toBER())),
        md,
      ).toBe(true);
      expect(await integrityOf(cms), md).toEqual(OK);
    }
  });
});
