// ncaLayerSigner, the Signer over NCALayer, against the fake NCALayer answering with the recorded
// frames and real CMS made by OpenSSL with the test PKI: what it returns, what it refuses, time
// stamps, one signing at a time, closing.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { sha256Bytes } from '../../shared/signing/bytes';
import { OID } from '../../shared/signing/oids';
import { ncaLayerSigner, type NcaLayerSignerOptions } from '../../shared/signing/ncalayer/signer';
import { addTimestamp } from '../../shared/signing/ncalayer/timestamp';
import { contentInfoDer } from '../../shared/signing/cms';
import { parseSignedData } from '../../shared/signing/signed-data';
import { SigningError, type TimeStampClient } from '../../shared/signing/types';
import { testPki, type TestParty } from '../signing/pki';
import type { FakeNcaLayerOptions } from './fake-server';
import { closesAfter, fake, failure, logged, usesTestPki, until, useNcaLayerTestBed } from './helpers';
import { opensslCmsSigner, opensslTimestamp, opensslVerifiesCms, opensslVerifiesTimestamp } from './openssl';

useNcaLayerTestBed();
usesTestPki();

const data = new TextEncoder().encode('%PDF-1.7 the extract, exactly these bytes\n%%EOF\n');
const signingTime = new Date('2026-03-02T09:00:00Z');

async function setUp(
  fakeOptions: FakeNcaLayerOptions & { party?: (pki: Awaited<ReturnType<typeof testPki>>) => TestParty } = {},
  signerOptions: Partial<NcaLayerSignerOptions> = {},
) {
  const pki = await testPki();
  const party = fakeOptions.party?.(pki) ?? pki.signing;
  const server = await fake({ sign: opensslCmsSigner(party, [pki.root]), ...fakeOptions });
  const signer = closesAfter(
    ncaLayerSigner({
      WebSocket,
      url: server.url,
      heartbeatIntervalMs: 0,
      locale: 'kk',
      keys: { bin: pki.bin },
      ...signerOptions,
    }),
  );
  return { pki, server, signer };
}

/** A TSA made of openssl ts with the test PKI's TSA, counting what it was asked. */
function testTsa(tsa: TestParty): TimeStampClient & { asked: Uint8Array[] } {
  const asked: Uint8Array[] = [];
  return {
    asked,
    timestamp({ digest }) {
      asked.push(digest);
      return Promise.resolve(opensslTimestamp(tsa, digest));
    },
  };
}

function signerInfoOf(cms: Uint8Array): pkijs.SignerInfo {
  const info = new pkijs.ContentInfo({ schema: asn1js.fromBER(cms.slice().buffer).result });
  return new pkijs.SignedData({ schema: info.content }).signerInfos[0]!;
}

function timestampTokenOf(cms: Uint8Array): Uint8Array | undefined {
  const attr = signerInfoOf(cms).unsignedAttrs?.attributes.find(
    (a) => a.type === OID.signatureTimeStampToken,
  );
  const value = attr?.values[0] as asn1js.AsnType | undefined;
  return value ? new Uint8Array(value.toBER(false)) : undefined;
}

describe('ncaLayerSigner', () => {
  it('knows no certificate before it has signed, then the one NCALayer signed with', async () => {
    const { pki, signer, server } = await setUp();
    expect(signer.kind).toBe('ncalayer');
    await expect(signer.certificate()).resolves.toBeUndefined();
    await expect(signer.connect()).resolves.toBe('1.2');

    const result = await signer.signDetached(data, { signingTime });
    expect(opensslVerifiesCms(result.cms, data)).toBe(true);
    expect(opensslVerifiesCms(result.cms, data.slice(1))).toBe(false);
    expect(result.certificate.der).toEqual(pki.signing.cert);
    expect(result.certificate.subject.bin).toBe(pki.bin);
    expect(result.certificate.subject.iin).toBe(pki.signing.iin);
    expect(result.timestamped).toBe(false);
    expect(result.timestampProblem).toBeUndefined();
    await expect(signer.certificate()).resolves.toEqual(result.certificate);
    // The key filter went to NCALayer: only the akimat's signing keys are offered.
    const args = server.requests[0]!.args as { signerParams: unknown; locale: unknown };
    expect(args.signerParams).toEqual({ extKeyUsageOids: [OID.ekuSigning], bin: pki.bin });
    expect(args.locale).toBe('kk');
  });

  it('signs through commonUtils when basics is missing, with the same checks', async () => {
    const { pki, signer, server } = await setUp({ basics: 'missing', tokens: 'kaztoken' });
    const result = await signer.signDetached(data, { signingTime });
    expect(opensslVerifiesCms(result.cms, data)).toBe(true);
    expect(result.certificate.der).toEqual(pki.signing.cert);
    expect(server.requests.map((r) => r.method)).toEqual([
      'sign',
      'getActiveTokens',
      'createCAdESFromBase64',
    ]);
  });

  it('refuses a signature by an authentication key as the wrong key type, and keeps no certificate', async () => {
    const { signer } = await setUp({ party: (pki) => pki.authentication });
    expect((await failure(signer.signDetached(data, { signingTime }))).code).toBe('ncalayer.wrong-key-type');
    await expect(signer.certificate()).resolves.toBeUndefined();
  });

  it('refuses a CMS over other bytes than those sent', async () => {
    const pki = await testPki();
    const other = opensslCmsSigner(pki.signing);
    const { signer } = await setUp({ sign: (bytes) => other(new Uint8Array([...bytes, 0x20])) });
    expect((await failure(signer.signDetached(data, { signingTime }))).code).toBe('ncalayer.bad-response');
  });

  it('refuses a CMS whose signature value does not verify, though its digest is right', async () => {
    const pki = await testPki();
    const make = opensslCmsSigner(pki.signing);
    const { signer } = await setUp({ sign: (bytes) => withBrokenSignature(make(bytes)) });
    expect((await failure(signer.signDetached(data, { signingTime }))).code).toBe('ncalayer.bad-response');
  });

  it('refuses a CMS that carries the content (not detached)', async () => {
    const pki = await testPki();
    const { signer } = await setUp({ sign: opensslCmsSigner(pki.signing, [], { attached: true }) });
    expect((await failure(signer.signDetached(data, { signingTime }))).code).toBe('ncalayer.bad-response');
  });

  it('refuses a CMS without the signer certificate', async () => {
    const pki = await testPki();
    const make = opensslCmsSigner(pki.signing);
    const { signer } = await setUp({ sign: (bytes) => stripCertificates(make(bytes)) });
    expect((await failure(signer.signDetached(data, { signingTime }))).code).toBe('ncalayer.bad-response');
  });

  it("passes NCALayer's failures on as their codes and learns no certificate", async () => {
    for (const basics of ['cancel', 'fail', 'empty-armour'] as const) {
      const { signer } = await setUp({ basics });
      const error = await failure(signer.signDetached(data, { signingTime }));
      expect(error.code).toBe(
        { cancel: 'ncalayer.cancelled', fail: 'ncalayer.failed', 'empty-armour': 'ncalayer.bad-response' }[
          basics
        ],
      );
      await expect(signer.certificate()).resolves.toBeUndefined();
    }
  });

  it('is not running when nothing listens', async () => {
    const { server, signer } = await setUp();
    await server.close();
    expect((await failure(signer.signDetached(data, { signingTime }))).code).toBe('ncalayer.not-running');
  });

  it('signs once at a time: a second signing while the dialog is open is busy and never reaches NCALayer', async () => {
    const { signer, server } = await setUp({ hold: true });
    const first = signer.signDetached(data, { signingTime });
    await until(() => server.requests.length === 1);
    expect((await failure(signer.signDetached(data, { signingTime }))).code).toBe('ncalayer.busy');
    await server.release();
    expect(opensslVerifiesCms((await first).cms, data)).toBe(true);
    expect(server.requests).toHaveLength(1);
    // Answered: the next signing goes ahead.
    const second = signer.signDetached(data, { signingTime });
    await until(() => server.requests.length === 2);
    await server.release();
    await expect(second).resolves.toMatchObject({ timestamped: false });
  });

  it('fails a signing in progress when closed, and refuses to sign afterwards', async () => {
    const { signer, server } = await setUp({ hold: true });
    const pending = signer.signDetached(data, { signingTime });
    await until(() => server.requests.length === 1);
    signer.close();
    expect((await failure(pending)).code).toBe('signer.closed');
    expect((await failure(signer.signDetached(data, { signingTime }))).code).toBe('signer.closed');
    expect((await failure(signer.connect())).code).toBe('signer.closed');
    await expect(signer.certificate()).resolves.toBeUndefined();
  });

  it('times out a dialog nobody answers', async () => {
    const { signer } = await setUp({ silent: true }, { requestTimeoutMs: 100 });
    expect((await failure(signer.signDetached(data, { signingTime }))).code).toBe('ncalayer.timeout');
  });

  it('never logs the IIN or the BIN it filters keys by', async () => {
    const { pki, signer } = await setUp({ basics: 'missing', commonUtils: 'fail' }, {});
    const iin = pki.signing.iin!;
    const withIin = closesAfter(
      ncaLayerSigner({ WebSocket, url: 'ws://127.0.0.1:1', locale: 'ru', keys: { iin, bin: pki.bin } }),
    );
    await failure(withIin.signDetached(data, { signingTime }));
    await failure(signer.signDetached(data, { signingTime }));
    expect(logged.length).toBeGreaterThan(0);
    expect(JSON.stringify(logged)).not.toMatch(new RegExp(`${iin}|${pki.bin}`));
  });
});

describe('time stamps', () => {
  it('adds the TSA token over the signature value when NCALayer gave none; the signature stays valid', async () => {
    const { pki, signer } = await setUp();
    const tsa = testTsa(pki.tsa);
    const result = await signer.signDetached(data, { signingTime, tsa });
    expect(result.timestamped).toBe(true);
    expect(opensslVerifiesCms(result.cms, data)).toBe(true);
    const signature = new Uint8Array(signerInfoOf(result.cms).signature.valueBlock.valueHexView);
    expect(tsa.asked).toEqual([sha256Bytes(signature)]);
    const token = timestampTokenOf(result.cms)!;
    expect(opensslVerifiesTimestamp(token, sha256Bytes(signature), pki.root)).toBe(true);
    expect(opensslVerifiesTimestamp(token, sha256Bytes(data), pki.root)).toBe(false);
  });

  it("keeps NCALayer's own time stamp and asks the desk's TSA nothing", async () => {
    const pki = await testPki();
    const make = opensslCmsSigner(pki.signing);
    const ncalayerTsa = testTsa(pki.tsa);
    const { signer } = await setUp({
      sign: async (bytes) => {
        const parsed = parseSignedData(make(bytes));
        if ('problem' in parsed) throw new Error(parsed.problem);
        return addTimestamp(parsed.signedData, ncalayerTsa);
      },
    });
    const tsa = testTsa(pki.tsa);
    const result = await signer.signDetached(data, { signingTime, tsa });
    expect(result.timestamped).toBe(true);
    expect(tsa.asked).toHaveLength(0);
    expect(ncalayerTsa.asked).toHaveLength(1);
  });

  it('signs without a time stamp when the TSA cannot be reached, and says why', async () => {
    const { signer } = await setUp();
    const offline: TimeStampClient = { timestamp: () => Promise.reject(new SigningError('tsa.unreachable')) };
    const result = await signer.signDetached(data, { signingTime, tsa: offline });
    expect(result).toMatchObject({ timestamped: false, timestampProblem: 'tsa.unreachable' });
    expect(timestampTokenOf(result.cms)).toBeUndefined();
    expect(opensslVerifiesCms(result.cms, data)).toBe(true);
  });
});

/** The CMS without its certificates (as a signer that leaves them out would make it). */
function stripCertificates(cms: Uint8Array): Uint8Array {
  const info = new pkijs.ContentInfo({ schema: asn1js.fromBER(cms.slice().buffer).result });
  const signed = new pkijs.SignedData({ schema: info.content });
  delete signed.certificates;
  const out = new pkijs.ContentInfo({ contentType: OID.signedData, content: signed.toSchema() });
  return new Uint8Array(out.toSchema().toBER(false));
}

/** The CMS with one bit of its signature value flipped (the signed attributes untouched). */
function withBrokenSignature(cms: Uint8Array): Uint8Array {
  const parsed = parseSignedData(cms);
  if ('problem' in parsed) throw new Error(parsed.problem);
  const signature = parsed.signedData.signerInfos[0]!.signature;
  const bytes = new Uint8Array(signature.valueBlock.valueHexView);
  bytes[10]! ^= 0x01;
  parsed.signedData.signerInfos[0]!.signature = new asn1js.OctetString({ valueHex: bytes });
  return contentInfoDer(parsed.signedData);
}
