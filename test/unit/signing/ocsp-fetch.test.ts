import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ocspUrlsOf, parseCertificate } from '../../../shared/signing/x509';
import type { OcspFetchOptions, VerifyOptions } from '../../../shared/signing/types';
import { verifyCms } from '../../../shared/signing/verify';
import { withRevocation } from '../../signing/cms-edit';
import { partySigner } from '../../signing/containers';
import { NCA_2022, ncaFixture } from '../../signing/fixtures';
import { gostCms, gostFixtureKey } from '../../signing/gost';
import { startOcspResponder, type OcspResponder } from '../../signing/ocsp-responder';
import { testPki, type TestParty, type TestPki } from '../../signing/pki';

let pki: TestPki;
let responder: OcspResponder;
beforeAll(async () => {
  pki = await testPki();
  responder = await startOcspResponder(pki);
}, 180_000);
afterAll(() => responder.close());

const document = new TextEncoder().encode('%PDF-1.7\nӨтініш / Заявление\n%%EOF\n');

async function signed(party: TestParty): Promise<Uint8Array> {
  const signer = await partySigner(pki, party);
  return (await signer.signDetached(document, { signingTime: new Date() })).cms;
}

function fetching(url: string, more: Partial<OcspFetchOptions> = {}): OcspFetchOptions {
  return { responderUrl: url, allowedOrigins: [new URL(url).origin], online: true, ...more };
}

async function revocation(cms: Uint8Array, options: VerifyOptions = {}) {
  const v = await verifyCms(cms, document, { trustedRoots: [pki.root.cert], ...options });
  return v.signatures[0]!.revocation;
}

const serialOf = (party: TestParty) =>
  Buffer.from(party.certificate.serialNumber.valueBlock.valueHexView).toString('hex');

describe('OCSP fetching: the verifier asks the responder when nothing at hand speaks', () => {
  it('asks the configured responder, with a nonce, and judges the answer with the usual checks', async () => {
    const before = responder.asked().length;
    expect(await revocation(await signed(pki.signing), { ocspFetch: fetching(responder.url) })).toMatchObject(
      {
        status: 'valid',
        code: 'revocation.good',
        detail: { source: 'ocsp', fetched: true },
      },
    );
    expect(await revocation(await signed(pki.revoked), { ocspFetch: fetching(responder.url) })).toMatchObject(
      {
        status: 'invalid',
        code: 'revocation.revoked',
        detail: { source: 'ocsp', fetched: true, reason: 'keyCompromise' },
      },
    );
    expect(responder.asked().slice(before)).toEqual([serialOf(pki.signing), serialOf(pki.revoked)]);
  });

  it('asks nothing when fetching is off, when offline, or when the responder’s origin is not allowed', async () => {
    const cms = await signed(pki.signing);
    const before = responder.asked().length;
    expect((await revocation(cms)).code).toBe('revocation.no-source');
    expect(await revocation(cms, { ocspFetch: fetching(responder.url, { online: false }) })).toEqual({
      status: 'not-checked',
      code: 'revocation.fetch-offline',
    });
    expect(
      await revocation(cms, {
        ocspFetch: fetching(responder.url, { allowedOrigins: ['http://ocsp.pki.gov.kz'] }),
      }),
    ).toEqual({ status: 'not-checked', code: 'revocation.fetch-no-responder' });
    expect(responder.asked().length).toBe(before);
  });

  it('asks nothing when the CMS carries its own answer', async () => {
    const cms = withRevocation(
      await signed(pki.signing),
      { ocsp: [await pki.ocspResponse(pki.signing)] },
      'rfc5940',
    );
    const before = responder.asked().length;
    expect(await revocation(cms, { ocspFetch: fetching(responder.url) })).toMatchObject({
      code: 'revocation.good',
      detail: { embedded: true },
    });
    expect(responder.asked().length).toBe(before);
  });

  it('an answer without our nonce (replayed) is not taken; a failing responder is "not checked"', async () => {
    const cms = await signed(pki.signing);
    const replaying = await startOcspResponder(pki, { noNonce: true });
    const down = await startOcspResponder(pki, { httpStatus: 503 });
    const garbage = await startOcspResponder(pki, { fixed: new TextEncoder().encode('<html>proxy</html>') });
    const gone = await startOcspResponder(pki);
    await gone.close();
    try {
      expect(await revocation(cms, { ocspFetch: fetching(replaying.url) })).toMatchObject({
        status: 'not-checked',
        code: 'revocation.nonce-mismatch',
        detail: { fetched: true },
      });
      for (const failing of [down, garbage, gone]) {
        expect(await revocation(cms, { ocspFetch: fetching(failing.url) }), failing.url).toEqual({
          status: 'not-checked',
          code: 'revocation.fetch-failed',
        });
      }
      // A responder that does not answer in time is a failure too, never a wait without end.
      const hanging: typeof fetch = (_url, init) =>
        new Promise((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () => reject(new Error('abort'))),
        );
      expect(
        (await revocation(cms, { ocspFetch: fetching(responder.url, { fetch: hanging, timeoutMs: 50 }) }))
          .code,
      ).toBe('revocation.fetch-failed');
    } finally {
      await Promise.all([replaying.close(), down.close(), garbage.close()]);
    }
  });
});

describe('OCSP fetching with the НУЦ’s certificates', () => {
  const key = () => gostFixtureKey('individual-sign-gost2015.p12');
  const nucaOptions = { trustedRoots: [ncaFixture('ca/nca_gost2015_test.cer')], now: NCA_2022 };

  it('asks the responder the certificate’s AIA names when its origin is allowed', async () => {
    const k = key();
    const aia = ocspUrlsOf(parseCertificate(k.contents.cert).cert);
    expect(aia).toEqual(['http://test.pki.gov.kz/ocsp/']);
    const urls: string[] = [];
    // The НУЦ's own recorded answer about this certificate, served to whatever is asked: its nonce is
    // not the one the desk sent, so it is not taken for a fresh answer.
    const replay: typeof fetch = (url) => {
      urls.push(url as string);
      return Promise.resolve(
        new Response(ncaFixture('ocsp/ocsp_response_individual_2015.bin') as Uint8Array<ArrayBuffer>),
      );
    };
    const cms = await gostCms(k, document, NCA_2022);
    const s = (
      await verifyCms(cms, document, {
        ...nucaOptions,
        ocspFetch: {
          responderUrl: 'http://ocsp.example.kz/',
          allowedOrigins: ['http://test.pki.gov.kz', 'http://ocsp.example.kz'],
          online: true,
          fetch: replay,
        },
      })
    ).signatures[0]!;
    expect(urls).toEqual(['http://test.pki.gov.kz/ocsp/']);
    expect(s.revocation).toMatchObject({ status: 'not-checked', code: 'revocation.nonce-mismatch' });
  });

  it('an AIA address outside the allowed origins is not asked: the configured responder is', async () => {
    const urls: string[] = [];
    const record: typeof fetch = (url) => {
      urls.push(url as string);
      return Promise.resolve(new Response(null, { status: 500 }));
    };
    const cms = await gostCms(key(), document, NCA_2022);
    const s = (
      await verifyCms(cms, document, {
        ...nucaOptions,
        ocspFetch: {
          responderUrl: 'http://ocsp.example.kz/ocsp',
          allowedOrigins: ['http://ocsp.example.kz'],
          online: true,
          fetch: record,
        },
      })
    ).signatures[0]!;
    expect(urls).toEqual(['http://ocsp.example.kz/ocsp']);
    expect(s.revocation.code).toBe('revocation.fetch-failed');
  });
});
