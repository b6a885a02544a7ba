// Signing through NCALayer against the fake (recorded frames with real CMS in them): basics first,
// commonUtils when basics is missing, and every failure as its code.
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { NcaLayerClient } from '../../shared/signing/ncalayer/client';
import { ncaLayerDetail } from '../../shared/signing/ncalayer/problems';
import { SIGNING_EKU } from '../../shared/signing/ncalayer/protocol';
import { signCmsWithNcaLayer, type NcaLayerSignOptions } from '../../shared/signing/ncalayer/sign';
import { testPki } from '../signing/pki';
import type { FakeNcaLayer, FakeNcaLayerOptions } from './fake-server';
import { closesAfter, fake, failure, logged, usesTestPki, useNcaLayerTestBed } from './helpers';
import { opensslCmsSigner, opensslVerifiesCms } from './openssl';
import { RECORDED } from './recorded';

useNcaLayerTestBed();
usesTestPki();

async function setUp(
  options: FakeNcaLayerOptions,
): Promise<{ server: FakeNcaLayer; client: NcaLayerClient }> {
  const pki = await testPki();
  const server = await fake({ sign: opensslCmsSigner(pki.signing, [pki.root]), ...options });
  const client = closesAfter(new NcaLayerClient({ WebSocket, url: server.url, heartbeatIntervalMs: 0 }));
  return { server, client };
}

const IIN = '850101300123';
const BIN = '123456789021';
const options: NcaLayerSignOptions = { allowedStorages: null, keys: { bin: BIN }, locale: 'kk' };
const data = new TextEncoder().encode('%PDF-1.7 the extract, exactly these bytes\n');

type Json = Record<string, unknown>;
const recordedRequest = (text: string): Json => JSON.parse(text) as Json;

describe('kz.gov.pki.knca.basics', () => {
  it('sends sign with the args of the recorded session and returns the real CMS over the data', async () => {
    const { server, client } = await setUp({ basics: 'sign' });
    const cms = await signCmsWithNcaLayer(client, data, {
      allowedStorages: ['AKKaztokenStore', 'PKCS12'],
      keys: { iin: IIN, bin: BIN },
      locale: 'ru',
    });
    expect(opensslVerifiesCms(cms, data)).toBe(true);
    expect(opensslVerifiesCms(cms, new TextEncoder().encode('other bytes'))).toBe(false);

    expect(server.requests).toHaveLength(1);
    const sent = server.requests[0]!;
    const recorded = recordedRequest(RECORDED.basicsSigned.request);
    const args = sent.args as Json;
    const recordedArgs = recorded.args as Json;
    expect({ module: sent.module, method: sent.method }).toEqual({
      module: recorded.module,
      method: recorded.method,
    });
    expect(Object.keys(args).sort()).toEqual(Object.keys(recordedArgs).sort());
    expect(args.format).toBe('cms');
    expect(args.signingParams).toEqual(recordedArgs.signingParams);
    expect(args.signingParams).toEqual({ decode: true, encapsulate: false, digested: false, tsaProfile: {} });
    expect(Buffer.from(String(args.data), 'base64')).toEqual(Buffer.from(data));
    expect(args.allowedStorages).toEqual(['AKKaztokenStore', 'PKCS12']);
    expect(args.signerParams).toEqual({ extKeyUsageOids: [SIGNING_EKU], iin: IIN, bin: BIN });
    expect(args.locale).toBe('ru');
  });

  it('offers every storage when none is named (allowedStorages null), and names no IIN it was not given', async () => {
    const { server, client } = await setUp({ basics: 'sign' });
    await signCmsWithNcaLayer(client, data, options);
    const args = server.requests[0]!.args as Json;
    expect(args.allowedStorages).toBeNull();
    expect(args.signerParams).toEqual({ extKeyUsageOids: [SIGNING_EKU], bin: BIN });
  });

  it("calls the recorded empty body the officer's cancel", async () => {
    const { client } = await setUp({ basics: 'cancel' });
    expect((await failure(signCmsWithNcaLayer(client, data, options))).code).toBe('ncalayer.cancelled');
  });

  it("reports NCALayer's failure by its code, never its Java message", async () => {
    const { client } = await setUp({ basics: 'fail' });
    const error = await failure(signCmsWithNcaLayer(client, data, options));
    expect(error.code).toBe('ncalayer.failed');
    expect(ncaLayerDetail(error).ncalayerCode).toBe('INVOCATION_ERROR');
    expect(JSON.stringify({ message: error.message, detail: ncaLayerDetail(error) })).not.toMatch(
      /JSON|Exception/,
    );
  });

  it('refuses the recorded answer as it is: the PEM armour is empty', async () => {
    const { client } = await setUp({ basics: 'empty-armour' });
    expect((await failure(signCmsWithNcaLayer(client, data, options))).code).toBe('ncalayer.bad-response');
  });

  it('refuses three signatures for one piece of data', async () => {
    const { client } = await setUp({ basics: 'array-of-three' });
    expect((await failure(signCmsWithNcaLayer(client, data, options))).code).toBe('ncalayer.bad-response');
  });
});

describe('kz.gov.pki.knca.commonUtils when basics is missing', () => {
  it('signs from the file storage when no token is connected', async () => {
    const { server, client } = await setUp({ basics: 'missing', tokens: 'none' });
    const cms = await signCmsWithNcaLayer(client, data, options);
    expect(opensslVerifiesCms(cms, data)).toBe(true);
    const [basics, tokens, cades] = server.requests;
    expect(basics!.module).toBe('kz.gov.pki.knca.basics');
    expect(tokens).toEqual(recordedRequest(RECORDED.tokensNone.request));
    expect(cades!.module).toBe('kz.gov.pki.knca.commonUtils');
    expect(cades!.method).toBe('createCAdESFromBase64');
    const args = cades!.args as unknown[];
    expect([args[0], args[1], args[3]]).toEqual(['PKCS12', 'SIGNATURE', false]);
    expect(Buffer.from(String(args[2]), 'base64')).toEqual(Buffer.from(data));
    // The shape of the recorded call: [storage, "SIGNATURE", base64, attach].
    const recorded = recordedRequest(RECORDED.cadesSigned.request).args as unknown[];
    expect(args.map((a) => typeof a)).toEqual(recorded.map((a) => typeof a));
  });

  it('signs from the connected token NCALayer lists', async () => {
    const { server, client } = await setUp({ basics: 'missing', tokens: 'kaztoken' });
    await signCmsWithNcaLayer(client, data, options);
    expect((server.requests[2]!.args as unknown[])[0]).toBe('AKKaztokenStore');
  });

  it('has no token when the desk allows only tokens and none is connected', async () => {
    const { server, client } = await setUp({ basics: 'missing', tokens: 'none' });
    const error = await failure(
      signCmsWithNcaLayer(client, data, { ...options, allowedStorages: ['AKKaztokenStore'] }),
    );
    expect(error.code).toBe('ncalayer.no-token');
    expect(server.requests).toHaveLength(2);
  });

  it('skips a connected token the desk does not allow, for the file storage it does', async () => {
    const { server, client } = await setUp({ basics: 'missing', tokens: 'kaztoken' });
    await signCmsWithNcaLayer(client, data, { ...options, allowedStorages: ['PKCS12'] });
    expect((server.requests[2]!.args as unknown[])[0]).toBe('PKCS12');
  });

  it("calls action.canceled the officer's cancel", async () => {
    const { client } = await setUp({ basics: 'missing', commonUtils: 'cancel' });
    expect((await failure(signCmsWithNcaLayer(client, data, options))).code).toBe('ncalayer.cancelled');
  });

  it('reports code 500 as a failure with its code', async () => {
    const { client } = await setUp({ basics: 'missing', commonUtils: 'fail' });
    const error = await failure(signCmsWithNcaLayer(client, data, options));
    expect(error.code).toBe('ncalayer.failed');
    expect(ncaLayerDetail(error)).toEqual({ module: 'kz.gov.pki.knca.commonUtils', ncalayerCode: '500' });
  });

  it('calls an NCALayer with neither module module-missing', async () => {
    const { server, client } = await setUp({ basics: 'missing', commonUtils: 'missing' });
    const error = await failure(signCmsWithNcaLayer(client, data, options));
    expect(error.code).toBe('ncalayer.module-missing');
    expect(server.requests).toHaveLength(2);
  });
});

it('never logs the IIN or the BIN it filters keys by', async () => {
  const { client } = await setUp({ basics: 'missing', commonUtils: 'fail' });
  await failure(signCmsWithNcaLayer(client, data, { ...options, keys: { iin: IIN, bin: BIN } }));
  expect(logged.length).toBeGreaterThan(0);
  expect(JSON.stringify(logged)).not.toMatch(new RegExp(`${IIN}|${BIN}`));
});
