import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { OID } from '../../../shared/signing/oids';
import { checkTimeStampToken } from '../../../shared/signing/timestamp';
import { httpTimeStampClient, timeStampRequest, tokenOfResponse } from '../../../shared/signing/tsp';
import type { TimeStampClient } from '../../../shared/signing/types';
import { verificationContext, verifyCms } from '../../../shared/signing/verify';
import { opensslDir } from '../../signing/openssl';
import { partySigner } from '../../signing/containers';
import { testPki, type TestParty, type TestPki } from '../../signing/pki';
import { startTsaServer, type TsaBehaviour, type TsaServer } from '../../signing/tsa';

const ossl = opensslDir();
const servers: TsaServer[] = [];
let pki: TestPki;
beforeAll(async () => {
  pki = await testPki();
  ossl.file('root.pem', pki.root.certPem);
  ossl.file('tsa.pem', pki.tsa.certPem);
  ossl.file('tsa.key', pki.tsa.keyPem);
}, 180_000); // ten RSA-2048 keys, on a shared machine
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  ossl.remove();
});

const document = new TextEncoder().encode('%PDF-1.7\nҮзінді / Выписка\n%%EOF\n');

async function tsa(behaviour: TsaBehaviour = {}): Promise<{ client: TimeStampClient; server: TsaServer }> {
  const server = await startTsaServer(pki, behaviour);
  servers.push(server);
  return { client: httpTimeStampClient({ url: server.url }), server };
}

async function sign(party: TestParty, client?: TimeStampClient, signingTime = new Date()) {
  const signer = await partySigner(pki, party);
  return signer.signDetached(document, { signingTime, ...(client ? { tsa: client } : {}) });
}

function signerInfo(cms: Uint8Array): pkijs.SignerInfo {
  const info = new pkijs.ContentInfo({ schema: asn1js.fromBER(cms.slice().buffer).result });
  return new pkijs.SignedData({ schema: info.content }).signerInfos[0]!;
}

function tokenOf(cms: Uint8Array): Uint8Array {
  const attr = signerInfo(cms).unsignedAttrs!.attributes.find((a) => a.type === OID.signatureTimeStampToken)!;
  return new Uint8Array((attr.values[0] as asn1js.Sequence).toBER());
}

describe('RFC 3161 time stamp', () => {
  it('stamps the signature value; verifyCms and OpenSSL (cms and ts) accept it', async () => {
    const { client, server } = await tsa();
    const result = await sign(pki.signing, client);
    expect(result.timestamped).toBe(true);
    expect(result.timestampProblem).toBeUndefined();
    expect(server.requests()).toBe(1);
    const s = (await verifyCms(result.cms, document, { trustedRoots: [pki.root.cert] })).signatures[0]!;
    expect(s.integrity.status).toBe('valid');
    expect(s.timestamp.status).toBe('valid');
    expect(s.timestamp.code).toBe('timestamp.ok');
    expect(s.validAtSigningTime.code).toBe('time.valid-at-timestamp');
    expect(s.validAtSigningTime.detail?.at).toBe(s.timestamp.detail?.time);

    ossl.file('doc.pdf', document);
    ossl.file('signed.cms', result.cms);
    const cms = ossl.run([
      'cms',
      '-verify',
      '-binary',
      '-inform',
      'DER',
      '-in',
      'signed.cms',
      '-content',
      'doc.pdf',
      '-CAfile',
      'root.pem',
      '-out',
      '/dev/null',
    ]);
    expect(cms.out).toContain('Verification successful');
    ossl.file('token.der', tokenOf(result.cms));
    const signature = new Uint8Array(signerInfo(result.cms).signature.valueBlock.valueHexView);
    ossl.file('signature.bin', signature);
    const args = ['-in', 'token.der', '-token_in', '-CAfile', 'root.pem', '-untrusted', 'tsa.pem'];
    expect(ossl.run(['ts', '-verify', '-data', 'signature.bin', ...args]).out).toContain('Verification: OK');
    ossl.file(
      'other.bin',
      signature.map((b, i) => (i === 0 ? b ^ 1 : b)),
    );
    expect(ossl.run(['ts', '-verify', '-data', 'other.bin', ...args]).out).toContain('Verification: FAILED');
  });

  it('asks with a nonce that is a positive INTEGER in minimal DER, whatever the random bytes', async () => {
    for (const first of [0x00, 0x01, 0x7f, 0x80, 0xff]) {
      const random = vi
        .spyOn(crypto, 'getRandomValues')
        .mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
          if (array instanceof Uint8Array) array.fill(0).set([first, 0x00]);
          return array;
        });
      let sent: Uint8Array | undefined;
      const client = httpTimeStampClient({
        url: 'http://tsa.invalid/',
        fetch: (_url, init) => {
          sent = new Uint8Array(init?.body as ArrayBuffer);
          return Promise.reject(new Error('offline'));
        },
      });
      await expect(
        client.timestamp({ hashAlgorithm: 'SHA-256', digest: new Uint8Array(32) }),
      ).rejects.toMatchObject({
        code: 'tsa.unreachable',
      });
      random.mockRestore();
      const req = pkijs.TimeStampReq.fromBER(sent!.slice().buffer);
      const bytes = new Uint8Array(req.nonce!.valueBlock.valueHexView);
      // Minimal: no leading 0x00 before a byte under 0x80; positive: the high bit clear.
      expect(bytes[0]).not.toBe(0);
      expect(bytes[0]! & 0x80).toBe(0);
    }
  });

  it('without trusted roots the time stamp is not checked, and the signing time is the claimed one', async () => {
    const { client } = await tsa();
    const at = new Date(Date.now() - 60_000);
    const result = await sign(pki.signing, client, at);
    const s = (await verifyCms(result.cms, document)).signatures[0]!;
    expect(s.timestamp).toMatchObject({ status: 'not-checked', code: 'timestamp.tsa-untrusted' });
    expect(s.validAtSigningTime).toMatchObject({ code: 'time.valid-at-signing-time' });
  });

  it('a token over another signature is refused (imprint)', async () => {
    const { client } = await tsa();
    const a = await sign(pki.signing, client);
    const b = await sign(pki.head);
    const ctx = verificationContext({ trustedRoots: [pki.root.cert] });
    const other = new Uint8Array(signerInfo(b.cms).signature.valueBlock.valueHexView);
    expect(await checkTimeStampToken(tokenOf(a.cms), other, ctx)).toMatchObject({
      status: 'invalid',
      code: 'timestamp.imprint-mismatch',
    });
  });

  it('offline or a bad TSA: signed without a time stamp, and the result says why', async () => {
    const offline = httpTimeStampClient({ url: 'http://127.0.0.1:9/tsa', timeoutMs: 2000 });
    const r = await sign(pki.signing, offline);
    expect(r).toMatchObject({ timestamped: false, timestampProblem: 'tsa.unreachable' });
    const s = (await verifyCms(r.cms, document)).signatures[0]!;
    expect(s.integrity.status).toBe('valid');
    expect(s.timestamp).toEqual({ status: 'not-checked', code: 'timestamp.absent' });

    for (const [behaviour, code] of [
      [{ status: 2 }, 'tsa.refused'],
      [{ wrongNonce: true }, 'tsa.bad-response'],
      [{ wrongImprint: true }, 'tsa.bad-response'],
    ] as const) {
      const { client } = await tsa(behaviour);
      const bad = await sign(pki.signing, client);
      expect(bad, JSON.stringify(behaviour)).toMatchObject({ timestamped: false, timestampProblem: code });
    }
  });

  it('takes a token from OpenSSL’s own TSA', async () => {
    ossl.file(
      'tsa.cnf',
      [
        '[tsa]',
        'default_tsa = tsa_config',
        '[tsa_config]',
        'signer_digest = sha256',
        `serial = ${ossl.file('tsaserial', '01\n')}`,
        'default_policy = 1.2.3.4.1',
        'digests = sha256',
        'ess_cert_id_alg = sha256',
        'accuracy = secs:1',
        'ordering = no',
        'tsa_name = no',
        'ess_cert_id_chain = no',
        '',
      ].join('\n'),
    );
    const stamped = crypto.getRandomValues(new Uint8Array(256));
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', stamped));
    const nonce = new Uint8Array([0x12, 0x34, 0x56, 0x78]);
    ossl.file('req.tsq', timeStampRequest(digest, nonce));
    const r = ossl.run([
      'ts',
      '-reply',
      '-config',
      'tsa.cnf',
      '-queryfile',
      'req.tsq',
      '-signer',
      'tsa.pem',
      '-inkey',
      'tsa.key',
      '-out',
      'resp.tsr',
    ]);
    expect(r.status, r.out).toBe(0);
    const token = tokenOfResponse(ossl.read('resp.tsr'), digest, nonce);
    const ctx = verificationContext({ trustedRoots: [pki.root.cert], certificates: [pki.tsa.cert] });
    expect(await checkTimeStampToken(token, stamped, ctx)).toMatchObject({
      status: 'valid',
      code: 'timestamp.ok',
    });
    expect((await checkTimeStampToken(token, digest, ctx)).code).toBe('timestamp.imprint-mismatch');
    expect(() => tokenOfResponse(ossl.read('resp.tsr'), digest, new Uint8Array([1]))).toThrow(
      'tsa.bad-response',
    );
  });
});

describe('revocation from OCSP and CRL', () => {
  it('good and revoked from the responder; revoked from the CRL', async () => {
    const good = await sign(pki.signing);
    // The issuer must be at hand to verify an answer (here as a trusted root).
    const roots = { trustedRoots: [pki.root.cert] };
    const goodCheck = (
      await verifyCms(good.cms, document, { ...roots, ocspResponses: [await pki.ocspResponse(pki.signing)] })
    ).signatures[0]!;
    expect(goodCheck.revocation).toMatchObject({
      status: 'valid',
      code: 'revocation.good',
      detail: { source: 'ocsp' },
    });

    const revoked = await sign(pki.revoked);
    const byOcsp = (
      await verifyCms(revoked.cms, document, {
        ...roots,
        ocspResponses: [await pki.ocspResponse(pki.revoked)],
      })
    ).signatures[0]!;
    expect(byOcsp.revocation).toMatchObject({
      status: 'invalid',
      code: 'revocation.revoked',
      detail: { source: 'ocsp', revokedAt: pki.revokedAt.toISOString(), reason: 'keyCompromise' },
    });
    const byCrl = (await verifyCms(revoked.cms, document, { ...roots, crls: [pki.crl] })).signatures[0]!;
    expect(byCrl.revocation).toMatchObject({
      status: 'invalid',
      code: 'revocation.revoked',
      detail: { source: 'crl' },
    });
    const goodByCrl = (await verifyCms(good.cms, document, { ...roots, crls: [pki.crl] })).signatures[0]!;
    expect(goodByCrl.revocation).toMatchObject({ status: 'valid', code: 'revocation.good' });
    // Without the issuer nobody can tell the responder's answer from a forgery.
    const noIssuer = (
      await verifyCms(revoked.cms, document, { ocspResponses: [await pki.ocspResponse(pki.revoked)] })
    ).signatures[0]!;
    expect(noIssuer.revocation).toMatchObject({
      status: 'not-checked',
      code: 'revocation.responder-not-verified',
    });
  });

  it('an answer about another certificate is no answer', async () => {
    const head = await sign(pki.head);
    const s = (await verifyCms(head.cms, document, { ocspResponses: [await pki.ocspResponse(pki.signing)] }))
      .signatures[0]!;
    expect(s.revocation).toEqual({ status: 'not-checked', code: 'revocation.no-source' });
  });

  it('revoked after a time stamp proved the signature older: still a valid signature', async () => {
    const before = new Date(pki.revokedAt.getTime() - 86_400_000);
    const { client } = await tsa({ genTime: before });
    const r = await sign(pki.revoked, client, before);
    const options = { trustedRoots: [pki.root.cert], ocspResponses: [await pki.ocspResponse(pki.revoked)] };
    const s = (await verifyCms(r.cms, document, options)).signatures[0]!;
    expect(s.timestamp.status).toBe('valid');
    expect(s.revocation).toMatchObject({ status: 'valid', code: 'revocation.revoked-after-signing' });
    // A mere claim of the signer's clock proves nothing: without the time stamp it is revoked.
    const claimed = await sign(pki.revoked, undefined, before);
    const c = (await verifyCms(claimed.cms, document, options)).signatures[0]!;
    expect(c.revocation.code).toBe('revocation.revoked');
  });
});
