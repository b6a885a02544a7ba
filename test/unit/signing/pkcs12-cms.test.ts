import * as asn1js from 'asn1js';
import forge from 'node-forge';
import * as pkijs from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../shared/signing/bytes';
import { OID } from '../../../shared/signing/oids';
import { pkcs12Signer } from '../../../shared/signing/pkcs12';
import { isSigningError, type Signer } from '../../../shared/signing/types';
import { verifyCms } from '../../../shared/signing/verify';
import { NCA_2021, NCA_PASSWORDS, ncaFixture } from '../../signing/fixtures';
import { opensslDir } from '../../signing/openssl';
import { partySigner, TEST_P12_PASSWORD } from '../../signing/containers';
import { testPki, type TestPki } from '../../signing/pki';

const ossl = opensslDir();
afterAll(() => ossl.remove());

let pki: TestPki;
beforeAll(async () => {
  pki = await testPki();
  ossl.file('root.pem', pki.root.certPem);
}, 180_000); // ten RSA-2048 keys, on a shared machine

const document = new TextEncoder().encode('%PDF-1.7\nа result of the service, Қазақстан\n%%EOF\n');
const at = new Date('2026-11-20T09:15:00Z');

async function rejection(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return isSigningError(e) ? e.code : `not a SigningError: ${String(e)}`;
  }
  return 'resolved';
}

function flipped(bytes: Uint8Array, at: number): Uint8Array {
  const copy = bytes.slice();
  copy[at] = (copy[at] ?? 0) ^ 0x01;
  return copy;
}

describe('pkcs12Signer', () => {
  it.each(['modern', 'legacy'] as const)(
    'opens a %s container and signs; OpenSSL verifies the CMS',
    async (format) => {
      const signer = await partySigner(pki, pki.signing, format);
      expect(signer.kind).toBe('pkcs12');
      expect((await signer.certificate())?.sha256).toBe(sha256Hex(pki.signing.cert));
      const result = await signer.signDetached(document, { signingTime: at });
      expect(result.timestamped).toBe(false);
      expect(result.timestampProblem).toBeUndefined();
      const cms = ossl.file(`${format}.cms`, result.cms);
      const content = ossl.file('doc.pdf', document);
      const ok = ossl.run([
        'cms',
        '-verify',
        '-binary',
        '-inform',
        'DER',
        '-in',
        cms,
        '-content',
        content,
        '-CAfile',
        'root.pem',
        '-out',
        '/dev/null',
      ]);
      expect(ok.out).toContain('Verification successful');
      const tampered = ossl.file('tampered.pdf', flipped(document, 12));
      const bad = ossl.run([
        'cms',
        '-verify',
        '-binary',
        '-inform',
        'DER',
        '-in',
        cms,
        '-content',
        tampered,
        '-CAfile',
        'root.pem',
        '-out',
        '/dev/null',
      ]);
      expect(bad.status).not.toBe(0);
      expect(bad.out).toContain('content verify error');
    },
  );

  it('lays the CMS out as Kalkan does', async () => {
    const signer = await partySigner(pki, pki.signing);
    const { cms } = await signer.signDetached(document, { signingTime: at });
    const info = new pkijs.ContentInfo({ schema: asn1js.fromBER(cms.slice().buffer).result });
    expect(info.contentType).toBe(OID.signedData);
    const sd = new pkijs.SignedData({ schema: info.content });
    expect(sd.encapContentInfo.eContentType).toBe(OID.data);
    expect(sd.encapContentInfo.eContent).toBeUndefined(); // detached
    expect(sd.certificates).toHaveLength(1);
    const si = sd.signerInfos[0]!;
    expect(si.sid).toBeInstanceOf(pkijs.IssuerAndSerialNumber);
    expect(si.digestAlgorithm.algorithmId).toBe(OID.sha256);
    const types = si.signedAttrs!.attributes.map((a) => a.type);
    expect(new Set(types)).toEqual(
      new Set([OID.contentType, OID.signingTime, OID.signingCertificateV2, OID.messageDigest]),
    );
    expect(types).toHaveLength(4);
    const time = si.signedAttrs!.attributes.find((a) => a.type === OID.signingTime)!
      .values[0] as asn1js.UTCTime;
    expect(time.toDate().toISOString()).toBe(at.toISOString());
    // signingCertificateV2 → certs[0] → certHash = SHA-256 of the signer's certificate.
    const v2 = si.signedAttrs!.attributes.find((a) => a.type === OID.signingCertificateV2)!
      .values[0] as asn1js.Sequence;
    const certHash = ((v2.valueBlock.value[0] as asn1js.Sequence).valueBlock.value[0] as asn1js.Sequence)
      .valueBlock.value[0] as asn1js.OctetString;
    expect(Buffer.from(certHash.valueBlock.valueHexView).toString('hex')).toBe(sha256Hex(pki.signing.cert));
    expect(si.unsignedAttrs).toBeUndefined();
  });

  it('says a wrong password is a wrong password, in modern, legacy and the НУЦ’s containers', async () => {
    expect(await rejection(pkcs12Signer(pki.pkcs12(pki.signing, 'modern'), 'wrong'))).toBe('password.wrong');
    expect(await rejection(pkcs12Signer(pki.pkcs12(pki.signing, 'legacy'), 'wrong'))).toBe('password.wrong');
    expect(await rejection(pkcs12Signer(ncaFixture('individual-sign-rsa.p12'), 'Qwerty13'))).toBe(
      'password.wrong',
    );
  });

  it('recognises the НУЦ’s GOST keys (2004 and 2015) and sends them to NCALayer', async () => {
    for (const file of [
      'individual-sign-gost2015.p12',
      'ceo-sign-gost2015-revoked.p12',
      'ceo-sign-gost2004-revoked.p12',
    ] as const) {
      expect(await rejection(pkcs12Signer(ncaFixture(file), NCA_PASSWORDS[file])), file).toBe(
        'key.gost-needs-ncalayer',
      );
    }
  });

  it('calls anything else an unreadable container', async () => {
    expect(await rejection(pkcs12Signer(new TextEncoder().encode('not a key file'), 'x'))).toBe(
      'container.unreadable',
    );
    expect(await rejection(pkcs12Signer(new Uint8Array(0), 'x'))).toBe('container.unreadable');
    expect(await rejection(pkcs12Signer(pki.signing.cert, 'x'))).toBe('container.unreadable');
  });

  it('signs with the НУЦ’s own legacy RSA container; the chain to its test CA holds', async () => {
    const signer = await pkcs12Signer(
      ncaFixture('individual-sign-rsa.p12'),
      NCA_PASSWORDS['individual-sign-rsa.p12'],
    );
    const cert = (await signer.certificate())!;
    expect(cert.keyAlgorithm).toBe('rsa');
    expect(cert.subject.iin).toBe('123456789011');
    const { cms } = await signer.signDetached(document, { signingTime: NCA_2021 });
    const v = await verifyCms(cms, document, {
      trustedRoots: [ncaFixture('ca/nca_rsa_test.crt')],
      now: NCA_2021,
    });
    const s = v.signatures[0]!;
    expect(s.integrity).toEqual({ status: 'valid', code: 'integrity.ok' });
    expect(s.chain.status).toBe('valid');
    expect(s.validAtSigningTime.code).toBe('time.valid-at-signing-time');
  });

  it('refuses a container whose certificate is not its key’s', async () => {
    const key = forge.pki.privateKeyFromPem(pki.signing.keyPem);
    const cert = forge.pki.certificateFromPem(pki.head.certPem);
    const asn1 = forge.pkcs12.toPkcs12Asn1(key, [cert], TEST_P12_PASSWORD, { algorithm: '3des' });
    const p12 = Uint8Array.from(forge.asn1.toDer(asn1).getBytes(), (c) => c.charCodeAt(0));
    expect(await rejection(pkcs12Signer(p12, TEST_P12_PASSWORD))).toBe('container.no-key');
    // The same tool with the right certificate opens (so the refusal is about the pair).
    const right = forge.pkcs12.toPkcs12Asn1(
      key,
      [forge.pki.certificateFromPem(pki.signing.certPem)],
      TEST_P12_PASSWORD,
      {
        algorithm: '3des',
      },
    );
    const ok = await pkcs12Signer(
      Uint8Array.from(forge.asn1.toDer(right).getBytes(), (c) => c.charCodeAt(0)),
      TEST_P12_PASSWORD,
    );
    expect((await ok.certificate())?.serialHex).toBe('1001');
  });

  it('forgets the key on close()', async () => {
    const signer: Signer = await partySigner(pki, pki.signing);
    signer.close();
    expect(await rejection(signer.signDetached(document, { signingTime: at }))).toBe('signer.closed');
  });
});

describe('verifyCms (RSA)', () => {
  async function signed(party = pki.signing, time = at): Promise<Uint8Array> {
    const signer = await partySigner(pki, party);
    return (await signer.signDetached(document, { signingTime: time })).cms;
  }

  it('checks integrity, time, chain; says what it did not check', async () => {
    const cms = await signed();
    const v = await verifyCms(cms, document, { trustedRoots: [pki.root.cert] });
    expect(v.problem).toBeUndefined();
    expect(v.detached).toBe(false);
    const s = v.signatures[0]!;
    expect(s.algorithm).toBe('rsa');
    expect(s.integrity).toEqual({ status: 'valid', code: 'integrity.ok' });
    expect(s.certificate?.subject.bin).toBe(pki.bin);
    expect(s.signingTime).toBe(at.toISOString());
    expect(s.validAtSigningTime).toEqual({
      status: 'valid',
      code: 'time.valid-at-signing-time',
      detail: { at: at.toISOString() },
    });
    expect(s.chain.status).toBe('valid');
    expect(s.chain.detail?.path).toEqual(['ТЕСТ ТҮБІР КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (RSA) — DESK TEST']);
    expect(s.revocation).toEqual({ status: 'not-checked', code: 'revocation.no-source' });
    expect(s.timestamp).toEqual({ status: 'not-checked', code: 'timestamp.absent' });

    const noRoots = (await verifyCms(cms, document)).signatures[0]!;
    expect(noRoots.chain).toEqual({ status: 'not-checked', code: 'chain.no-trusted-roots' });
    const otherRoot = (await verifyCms(cms, document, { trustedRoots: [ncaFixture('ca/nca_rsa_test.crt')] }))
      .signatures[0]!;
    expect(otherRoot.chain.status).toBe('invalid');
    expect(otherRoot.chain.code).toBe('chain.untrusted');
  });

  it('fails a document changed by one byte, and a changed signature value', async () => {
    const cms = await signed();
    const changed = await verifyCms(cms, flipped(document, document.length - 3));
    expect(changed.signatures[0]!.integrity).toEqual({
      status: 'invalid',
      code: 'integrity.digest-mismatch',
    });
    // The signature value is the CMS's last OCTET STRING (no unsigned attributes): flip its last byte.
    const badSig = await verifyCms(flipped(cms, cms.length - 1), document);
    expect(badSig.signatures[0]!.integrity).toEqual({ status: 'invalid', code: 'integrity.bad-signature' });
  });

  it('without the content it checks nothing of integrity and says so', async () => {
    const v = await verifyCms(await signed());
    expect(v.detached).toBe(true);
    expect(v.signatures[0]!.integrity).toEqual({ status: 'not-checked', code: 'integrity.no-content' });
  });

  it('names a file that is no CMS', async () => {
    expect((await verifyCms(new TextEncoder().encode('hello'))).problem).toBe('cms.unreadable');
    expect((await verifyCms(pki.signing.cert)).problem).toBe('cms.unreadable');
  });

  it('judges the certificate at signing time: expired, not yet valid', async () => {
    const expired = (await verifyCms(await signed(pki.expired), document)).signatures[0]!;
    expect(expired.validAtSigningTime.status).toBe('invalid');
    expect(expired.validAtSigningTime.code).toBe('time.expired');
    const early = (await verifyCms(await signed(pki.signing, new Date('2020-01-01T00:00:00Z')), document))
      .signatures[0]!;
    expect(early.validAtSigningTime.code).toBe('time.not-yet-valid');
  });

  it('verifies what OpenSSL signs (with and without signed attributes, PEM too)', async () => {
    ossl.file('doc.pdf', document);
    ossl.file('signer.pem', pki.signing.certPem);
    ossl.file('signer.key', pki.signing.keyPem);
    for (const extra of [[], ['-noattr']]) {
      const r = ossl.run([
        'cms',
        '-sign',
        '-binary',
        '-in',
        'doc.pdf',
        '-signer',
        'signer.pem',
        '-inkey',
        'signer.key',
        '-outform',
        'DER',
        '-out',
        'o.cms',
        '-md',
        'sha256',
        ...extra,
      ]);
      expect(r.status, r.out).toBe(0);
      const s = (await verifyCms(ossl.read('o.cms'), document, { trustedRoots: [pki.root.cert] }))
        .signatures[0]!;
      expect(s.integrity, extra.join()).toEqual({ status: 'valid', code: 'integrity.ok' });
      expect(s.chain.status).toBe('valid');
      const bad = (await verifyCms(ossl.read('o.cms'), flipped(document, 0))).signatures[0]!;
      expect(bad.integrity.status).toBe('invalid');
    }
    const pem = ossl.run([
      'cms',
      '-sign',
      '-binary',
      '-in',
      'doc.pdf',
      '-signer',
      'signer.pem',
      '-inkey',
      'signer.key',
      '-outform',
      'PEM',
      '-out',
      'o.pem',
    ]);
    expect(pem.status).toBe(0);
    expect((await verifyCms(ossl.read('o.pem'), document)).signatures[0]!.integrity.status).toBe('valid');
    // Attached (encapsulated) content: verified without giving the data.
    ossl.run([
      'cms',
      '-sign',
      '-binary',
      '-nodetach',
      '-in',
      'doc.pdf',
      '-signer',
      'signer.pem',
      '-inkey',
      'signer.key',
      '-outform',
      'DER',
      '-out',
      'att.cms',
    ]);
    const attached = await verifyCms(ossl.read('att.cms'));
    expect(attached.detached).toBe(false);
    expect(attached.signatures[0]!.integrity.status).toBe('valid');
    // Streamed: BER, indefinite lengths, the content as a constructed OCTET STRING in pieces.
    const big = new Uint8Array(20_000).map((_, i) => (i * 31) & 0xff);
    ossl.file('big.bin', big);
    const streamed = ossl.run([
      'cms',
      '-sign',
      '-binary',
      '-nodetach',
      '-stream',
      '-in',
      'big.bin',
      '-signer',
      'signer.pem',
      '-inkey',
      'signer.key',
      '-outform',
      'DER',
      '-out',
      'stream.cms',
    ]);
    expect(streamed.status, streamed.out).toBe(0);
    const ber = ossl.read('stream.cms');
    expect(ber[1]).toBe(0x80); // indefinite length
    expect((await verifyCms(ber)).signatures[0]!.integrity).toEqual({
      status: 'valid',
      code: 'integrity.ok',
    });
  });
});
