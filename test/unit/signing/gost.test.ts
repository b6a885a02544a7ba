import { describe, expect, it } from 'vitest';
import { certificateSignedBy } from '../../../shared/signing/chain';
import { buildSignedData, contentInfoDer } from '../../../shared/signing/cms';
import { OID } from '../../../shared/signing/oids';
import { checkTimeStampToken, tstInfoOf } from '../../../shared/signing/timestamp';
import { verificationContext, verifyCms } from '../../../shared/signing/verify';
import { parseCertificate } from '../../../shared/signing/x509';
import { NCA_2022, ncaFixture } from '../../signing/fixtures';
import { gostCms, gostFixtureKey } from '../../signing/gost';

const ca2015 = ncaFixture('ca/nca_gost2015_test.cer');
const document = new TextEncoder().encode('%PDF-1.7\nӨтініш / Заявление\n%%EOF\n');

function flipped(bytes: Uint8Array, at: number): Uint8Array {
  const copy = bytes.slice();
  copy[at] = (copy[at] ?? 0) ^ 0x01;
  return copy;
}

describe('GOST R 34.10-2015 (512) on the НУЦ’s own signatures', () => {
  it('verifies the test CA’s signature on the GOST 2015 certificate, and fails it when one byte changes', async () => {
    const { contents } = gostFixtureKey('individual-sign-gost2015.p12');
    const issuer = parseCertificate(ca2015).cert;
    expect(await certificateSignedBy(contents.certificate, issuer)).toEqual({
      status: 'valid',
      algorithm: 'gost2015-512',
    });
    // A byte inside the subject's name (well inside TBSCertificate).
    const changed = parseCertificate(flipped(contents.cert, 120)).cert;
    expect((await certificateSignedBy(changed, issuer)).status).toBe('invalid');
    // Another key (the RSA CA) cannot have signed it.
    const rsaCa = parseCertificate(ncaFixture('ca/nca_rsa_test.crt')).cert;
    expect((await certificateSignedBy(contents.certificate, rsaCa)).status).toBe('invalid');
  });

  it('verifies the НУЦ’s GOST-signed OCSP answer (delegated responder) and CRL, and rejects a changed answer', async () => {
    const key = gostFixtureKey('individual-sign-gost2015.p12');
    const cms = await gostCms(key, document, NCA_2022);
    const ocsp = ncaFixture('ocsp/ocsp_response_individual_2015.bin');
    const withOcsp = (
      await verifyCms(cms, document, { trustedRoots: [ca2015], ocspResponses: [ocsp], now: NCA_2022 })
    ).signatures[0]!;
    // The НУЦ's test responder answers "revoked, certificateHold" for this test key (as of 2022).
    expect(withOcsp.revocation.status).toBe('invalid');
    expect(withOcsp.revocation.code).toBe('revocation.revoked');
    expect(withOcsp.revocation.detail).toMatchObject({
      source: 'ocsp',
      reason: 'certificateHold',
      producedAt: '2022-09-02T16:58:34.000Z',
    });

    // The response's signature value is its last bytes before the responder's certificate: change
    // a byte of the signed part instead (the producedAt digits), which must break the signature.
    const text = Buffer.from(ocsp).toString('latin1');
    const at = text.indexOf('20220902165834Z');
    expect(at).toBeGreaterThan(0);
    const forged = ocsp.slice();
    forged[at + 7] = '3'.charCodeAt(0); // 16:58 → 13:58
    const forgedCheck = (
      await verifyCms(cms, document, { trustedRoots: [ca2015], ocspResponses: [forged], now: NCA_2022 })
    ).signatures[0]!;
    expect(forgedCheck.revocation).toMatchObject({
      status: 'not-checked',
      code: 'revocation.response-bad-signature',
    });

    const crl = ncaFixture('crl/nca_gost2022_test.crl');
    const withCrl = (await verifyCms(cms, document, { trustedRoots: [ca2015], crls: [crl], now: NCA_2022 }))
      .signatures[0]!;
    expect(withCrl.revocation.detail?.source).toBe('crl');
    expect(withCrl.revocation.status).not.toBe('not-checked');
    const badCrl = (
      await verifyCms(cms, document, { trustedRoots: [ca2015], crls: [flipped(crl, 60)], now: NCA_2022 })
    ).signatures[0]!;
    expect(badCrl.revocation.status).toBe('not-checked');
  });

  it('verifies a GOST CMS made with the НУЦ’s test key; a flipped byte fails it', async () => {
    const key = gostFixtureKey('individual-sign-gost2015.p12');
    const cms = await gostCms(key, document, NCA_2022);
    const v = await verifyCms(cms, document, { trustedRoots: [ca2015], now: NCA_2022 });
    const s = v.signatures[0]!;
    expect(s.algorithm).toBe('gost2015-512');
    expect(s.integrity).toEqual({ status: 'valid', code: 'integrity.ok' });
    expect(s.chain).toMatchObject({ status: 'valid', code: 'chain.trusted' });
    expect(s.validAtSigningTime.code).toBe('time.valid-at-signing-time');
    expect(s.certificate?.subject.iin).toBe('123456789012');

    expect((await verifyCms(cms, flipped(document, 5))).signatures[0]!.integrity.code).toBe(
      'integrity.digest-mismatch',
    );
    const badSig = (await verifyCms(flipped(cms, cms.length - 10), document)).signatures[0]!;
    expect(badSig.integrity).toEqual({ status: 'invalid', code: 'integrity.bad-signature' });
  });
});

describe('GOST 34.310-2004: not checked here, never valid', () => {
  it('says the algorithm is not checked, for the signature and for the chain', async () => {
    const cert = parseCertificate(ncaFixture('certs/ceo_valid_sign_2004_gost.cer'));
    // A CMS in the shape NCALayer makes for a 2004 key; its signature value cannot be checked here.
    const { signedData } = await buildSignedData({
      cert: cert.der,
      certificate: cert.cert,
      content: document,
      signingTime: NCA_2022,
      signatureAlgorithm: OID.gost2004Signature,
      sign: () => Promise.resolve(new Uint8Array(64).fill(7)),
    });
    const v = await verifyCms(contentInfoDer(signedData), document, {
      trustedRoots: [ncaFixture('ca/nca_gost_test.crt')],
      now: NCA_2022,
    });
    const s = v.signatures[0]!;
    expect(s.algorithm).toBe('gost2004');
    expect(s.integrity).toEqual({ status: 'not-checked', code: 'integrity.algorithm-not-checked' });
    expect(s.chain.status).toBe('not-checked');
    expect(s.chain.code).toBe('chain.algorithm-not-checked');
  });

  it('reads the НУЦ TSA’s token (GOST 2004 signed) and refuses an imprint that is not its own', async () => {
    const token = ncaFixture('tsp/tsp_token.bin');
    expect(tstInfoOf(token)?.genTime.toISOString()).toBe('2022-09-18T13:20:14.000Z');
    const ctx = verificationContext({ now: NCA_2022 });
    expect(await checkTimeStampToken(token, document, ctx)).toMatchObject({
      status: 'invalid',
      code: 'timestamp.imprint-mismatch',
    });
  });
});
