import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ocspRequest } from '../../../shared/signing/ocsp-request';
import { REVOCATION_CLOCK_TOLERANCE_MS, type VerifyOptions } from '../../../shared/signing/types';
import { verifyCms } from '../../../shared/signing/verify';
import { withRevocation } from '../../signing/cms-edit';
import { partySigner } from '../../signing/containers';
import { NCA_2022, ncaFixture } from '../../signing/fixtures';
import { gostCms, gostFixtureKey } from '../../signing/gost';
import { opensslDir } from '../../signing/openssl';
import { testPki, type TestParty, type TestPki } from '../../signing/pki';
import { makeOcspResponse } from '../../signing/revocation';

const ossl = opensslDir();
afterAll(() => ossl.remove());
let pki: TestPki;
beforeAll(async () => {
  pki = await testPki();
}, 180_000);

const document = new TextEncoder().encode('%PDF-1.7\nӨтініш / Заявление\n%%EOF\n');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A CMS by `party`, its claimed signing time the PKI's "now" (the moment revocation is judged at). */
async function signed(party: TestParty = pki.signing): Promise<Uint8Array> {
  const signer = await partySigner(pki, party);
  return (await signer.signDetached(document, { signingTime: pki.now })).cms;
}

async function revocation(cms: Uint8Array, options: VerifyOptions = {}) {
  const v = await verifyCms(cms, document, { trustedRoots: [pki.root.cert], ...options });
  return v.signatures[0]!.revocation;
}

const at = (ms: number) => new Date(pki.now.getTime() + ms);

describe('OCSP: an answer counts only when it speaks for the signing time', () => {
  it('good before the signing time counts while its nextUpdate reaches it, not after', async () => {
    const cms = await signed();
    const covering = await pki.ocspResponse(pki.signing, { producedAt: at(-HOUR), nextUpdate: at(HOUR) });
    expect(await revocation(cms, { ocspResponses: [covering] })).toMatchObject({
      status: 'valid',
      code: 'revocation.good',
    });
    const expired = await pki.ocspResponse(pki.signing, {
      producedAt: at(-3 * DAY),
      nextUpdate: at(-2 * DAY),
    });
    expect(await revocation(cms, { ocspResponses: [expired] })).toMatchObject({
      status: 'not-checked',
      code: 'revocation.not-fresh',
    });
    // Within the stated tolerance of the clocks, it still counts.
    const justBefore = await pki.ocspResponse(pki.signing, {
      producedAt: at(-HOUR),
      nextUpdate: at(-REVOCATION_CLOCK_TOLERANCE_MS / 2),
    });
    expect((await revocation(cms, { ocspResponses: [justBefore] })).code).toBe('revocation.good');
  });

  it('without nextUpdate (as the НУЦ answers) an earlier "good" speaks only for its own moment; a later one for the signing time too', async () => {
    const cms = await signed();
    const earlier = await pki.ocspResponse(pki.signing, { producedAt: at(-HOUR), nextUpdate: null });
    expect((await revocation(cms, { ocspResponses: [earlier] })).code).toBe('revocation.not-fresh');
    const later = await pki.ocspResponse(pki.signing, { producedAt: at(HOUR), nextUpdate: null });
    expect(await revocation(cms, { ocspResponses: [later], now: at(2 * HOUR) })).toMatchObject({
      status: 'valid',
      code: 'revocation.good',
    });
  });

  it('an answer from the future (beyond the desk’s clock) is not taken', async () => {
    const cms = await signed();
    const future = await pki.ocspResponse(pki.signing, { producedAt: at(DAY), nextUpdate: at(2 * DAY) });
    expect((await revocation(cms, { ocspResponses: [future], now: pki.now })).code).toBe(
      'revocation.not-fresh',
    );
  });

  it('a revocation stays a fact whatever the answer’s age; a stale "good" does not outweigh it', async () => {
    const cms = await signed(pki.revoked);
    const old = await pki.ocspResponse(pki.revoked, { producedAt: at(-5 * DAY), nextUpdate: at(-4 * DAY) });
    expect(await revocation(cms, { ocspResponses: [old] })).toMatchObject({
      status: 'invalid',
      code: 'revocation.revoked',
    });
    // A fresh "good" by the responder listed first, the CRL saying revoked: the revocation wins.
    const good = await makeOcspResponse({
      responder: pki.ocsp,
      issuer: pki.root,
      party: pki.revoked,
      revokedAt: undefined,
      producedAt: pki.now,
    });
    expect((await revocation(cms, { ocspResponses: [good] })).code).toBe('revocation.good');
    expect(await revocation(cms, { ocspResponses: [good], crls: [pki.crl] })).toMatchObject({
      status: 'invalid',
      code: 'revocation.revoked',
      detail: { source: 'crl' },
    });
  });

  it('a CRL is judged by the same clock: one whose nextUpdate passed before the signing time is not fresh', async () => {
    // pki.crl: thisUpdate a day before the PKI's now, nextUpdate a week after.
    const cms = await signed();
    expect((await revocation(cms, { crls: [pki.crl] })).code).toBe('revocation.good');
    const later = await partySigner(pki, pki.signing);
    const late = (await later.signDetached(document, { signingTime: at(30 * DAY) })).cms;
    expect((await revocation(late, { crls: [pki.crl], now: at(31 * DAY) })).code).toBe(
      'revocation.not-fresh',
    );
  });
});

describe('OCSP: the responder’s authority and the CertID', () => {
  it('an answer signed by a certificate of the CA without id-kp-OCSPSigning is no answer', async () => {
    const cms = await signed();
    for (const responder of [pki.tsa, pki.head]) {
      const forged = await pki.ocspResponse(pki.signing, { responder });
      expect(await revocation(cms, { ocspResponses: [forged] }), responder.label).toMatchObject({
        status: 'not-checked',
        code: 'revocation.responder-not-authorized',
      });
    }
    // The delegated responder itself is accepted (the same answer otherwise).
    expect((await revocation(cms, { ocspResponses: [await pki.ocspResponse(pki.signing)] })).code).toBe(
      'revocation.good',
    );
  });

  it('an answer about the same serial under another issuer key is not about this certificate', async () => {
    const cms = await signed();
    const otherIssuer = await makeOcspResponse({
      responder: pki.ocsp,
      issuer: pki.head, // the CertID's issuerKeyHash is the head's key, not the root's
      party: pki.signing,
      revokedAt: undefined,
      producedAt: pki.now,
    });
    expect(await revocation(cms, { ocspResponses: [otherIssuer] })).toEqual({
      status: 'not-checked',
      code: 'revocation.no-source',
    });
  });
});

describe('OCSP: the nonce of a request the desk made', () => {
  it('builds a request OpenSSL reads, about this certificate, with the nonce', () => {
    const { request, nonce } = ocspRequest(pki.signing.cert, pki.root.cert);
    ossl.file('req.der', request);
    const text = ossl.run(['ocsp', '-reqin', 'req.der', '-req_text']);
    expect(text.status, text.out).toBe(0);
    expect(text.out).toContain('Serial Number: 1001');
    expect(text.out.replace(/[\s:]/g, '').toLowerCase()).toContain(Buffer.from(nonce).toString('hex'));
  });

  it('takes a fetched answer only when it carries the nonce sent', async () => {
    const cms = await signed();
    const { nonce } = ocspRequest(pki.signing.cert, pki.root.cert);
    const answered = await pki.ocspResponse(pki.signing, { nonce });
    expect((await revocation(cms, { ocspResponses: [{ response: answered, nonce }] })).code).toBe(
      'revocation.good',
    );
    const other = await pki.ocspResponse(pki.signing, { nonce: nonce.map((b) => b ^ 0xff) });
    expect(await revocation(cms, { ocspResponses: [{ response: other, nonce }] })).toMatchObject({
      status: 'not-checked',
      code: 'revocation.nonce-mismatch',
    });
    const none = await pki.ocspResponse(pki.signing);
    expect((await revocation(cms, { ocspResponses: [{ response: none, nonce }] })).code).toBe(
      'revocation.nonce-mismatch',
    );
  });

  it('reads the nonce of the НУЦ’s own answer', async () => {
    const key = gostFixtureKey('individual-sign-gost2015.p12');
    const cms = await gostCms(key, document, NCA_2022);
    const response = ncaFixture('ocsp/ocsp_response_individual_2015.bin');
    const options = { trustedRoots: [ncaFixture('ca/nca_gost2015_test.cer')], now: NCA_2022 };
    const sent = Uint8Array.from(Buffer.from('E408FFB790834AF2', 'hex'));
    const ours = (await verifyCms(cms, document, { ...options, ocspResponses: [{ response, nonce: sent }] }))
      .signatures[0]!.revocation;
    expect(ours.code).toBe('revocation.revoked');
    const replayed = (
      await verifyCms(cms, document, {
        ...options,
        ocspResponses: [{ response, nonce: sent.map((b) => b ^ 1) }],
      })
    ).signatures[0]!.revocation;
    expect(replayed.code).toBe('revocation.nonce-mismatch');
  });
});

describe('revocation evidence carried in the CMS decides offline', () => {
  it('an OCSP response among the revocationInfoChoices (RFC 5940)', async () => {
    const cms = withRevocation(await signed(), { ocsp: [await pki.ocspResponse(pki.signing)] }, 'rfc5940');
    expect(await revocation(cms)).toMatchObject({
      status: 'valid',
      code: 'revocation.good',
      detail: { source: 'ocsp', embedded: true },
    });
    const revoked = withRevocation(
      await signed(pki.revoked),
      { ocsp: [await pki.ocspResponse(pki.revoked)] },
      'rfc5940',
    );
    expect(await revocation(revoked)).toMatchObject({
      status: 'invalid',
      code: 'revocation.revoked',
      detail: { source: 'ocsp', embedded: true, reason: 'keyCompromise' },
    });
    // The same checks hold for what the CMS carries: an answer by a non-responder does not count.
    const forged = withRevocation(
      await signed(),
      { ocsp: [await pki.ocspResponse(pki.signing, { responder: pki.tsa })] },
      'rfc5940',
    );
    expect(await revocation(forged)).toMatchObject({
      status: 'not-checked',
      code: 'revocation.responder-not-authorized',
      detail: { embedded: true },
    });
  });

  it('a CRL among the revocationInfoChoices, and the CAdES revocation-values attribute', async () => {
    const byCrl = withRevocation(await signed(pki.revoked), { crls: [pki.crl] }, 'rfc5940');
    expect(await revocation(byCrl)).toMatchObject({
      code: 'revocation.revoked',
      detail: { source: 'crl', embedded: true },
    });
    const cadesOcsp = withRevocation(
      await signed(),
      { ocsp: [await pki.ocspResponse(pki.signing)] },
      'cades',
    );
    expect(await revocation(cadesOcsp)).toMatchObject({
      code: 'revocation.good',
      detail: { source: 'ocsp', embedded: true },
    });
    const cadesCrl = withRevocation(await signed(pki.revoked), { crls: [pki.crl] }, 'cades');
    expect(await revocation(cadesCrl)).toMatchObject({
      code: 'revocation.revoked',
      detail: { source: 'crl', embedded: true },
    });
    // Embedding keeps the signature itself intact.
    const s = (await verifyCms(cadesOcsp, document, { trustedRoots: [pki.root.cert] })).signatures[0]!;
    expect(s.integrity.code).toBe('integrity.ok');
  });

  it('the НУЦ’s own OCSP answers carried in a GOST CMS made with its test keys', async () => {
    const ca2015 = ncaFixture('ca/nca_gost2015_test.cer');
    for (const [file, answer] of [
      ['individual-sign-gost2015.p12', 'ocsp/ocsp_response_individual_2015.bin'],
      ['ceo-sign-gost2015-revoked.p12', 'ocsp/ocsp_response_ceo_2015_revoked.bin'],
    ] as const) {
      const cms = withRevocation(
        await gostCms(gostFixtureKey(file), document, NCA_2022),
        { ocsp: [ncaFixture(answer)] },
        'rfc5940',
      );
      const s = (await verifyCms(cms, document, { trustedRoots: [ca2015], now: NCA_2022 })).signatures[0]!;
      expect(s.integrity.code, file).toBe('integrity.ok');
      expect(s.revocation, file).toMatchObject({
        status: 'invalid',
        code: 'revocation.revoked',
        detail: { source: 'ocsp', embedded: true },
      });
    }
  });
});
