// The protocol readers on every answer of the recorded session with a real NCALayer, and the fake
// NCALayer's frames held to that recording byte for byte.
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { SigningError } from '../../shared/signing/types';
import {
  greetingVersion,
  isModuleNotFound,
  readBasicsSign,
  readCommonUtils,
} from '../../shared/signing/ncalayer/protocol';
import { startFakeNcaLayer, type FakeNcaLayer } from './fake-server';
import { testPki } from '../signing/pki';
import { opensslCmsSigner } from './openssl';
import { usesTestPki } from './helpers';
import { MODULE_NOT_FOUND, RECORDED, STEPS } from './recorded';

type Json = Record<string, unknown>;

usesTestPki();

function outcome(read: () => unknown): string {
  try {
    read();
    return 'ok';
  } catch (error) {
    if (error instanceof SigningError) return error.code;
    throw error;
  }
}

describe('every recorded answer', () => {
  const steps = STEPS.map((step, index) => ({
    index,
    request: JSON.parse(step.request) as Json,
    response: JSON.parse(step.response) as Json,
  }));
  const basics = steps.filter((s) => s.request.module === 'kz.gov.pki.knca.basics');
  const commonUtils = steps.filter((s) => s.request.module === 'kz.gov.pki.knca.commonUtils');

  it('covers both modules', () => {
    expect(basics.length).toBeGreaterThan(10);
    expect(commonUtils.length).toBeGreaterThan(20);
  });

  it.each(basics)('basics step $index is read as the recorder saw it', ({ index, response }) => {
    const expected =
      response.status === false
        ? 'ncalayer.failed'
        : 'result' in (response.body as Json)
          ? 'ok'
          : 'ncalayer.cancelled';
    expect(outcome(() => readBasicsSign(response))).toBe(expected);
    // The recorder's client saw the same: its result line names a cancel or an error, or is the data.
    const seen = (STEPS[index] as { result?: string }).result ?? '';
    if (expected === 'ncalayer.cancelled') expect(seen).toMatch(/cancelled by user/);
    if (expected === 'ncalayer.failed') expect(seen).toMatch(/^NCALayerError: INVOCATION_ERROR/);
  });

  it.each(commonUtils)('commonUtils step $index is read as the recorder saw it', ({ index, response }) => {
    const seen = (STEPS[index] as { result?: string }).result ?? '';
    const expected =
      response.code === '200'
        ? 'ok'
        : response.message === 'action.canceled'
          ? 'ncalayer.cancelled'
          : 'ncalayer.failed';
    expect(outcome(() => readCommonUtils(response))).toBe(expected);
    if (expected !== 'ok') expect(seen).toMatch(/^NCALayerError: 500/);
  });

  it('reads the greeting and nothing else as a greeting', () => {
    expect(greetingVersion(JSON.parse(RECORDED.greeting))).toBe('1.2');
    for (const step of STEPS) expect(greetingVersion(JSON.parse(step.response))).toBeNull();
  });

  it('knows MODULE_NOT_FOUND, which no recorded answer is', () => {
    expect(isModuleNotFound(JSON.parse(MODULE_NOT_FOUND))).toBe(true);
    expect(readBasicsSign(JSON.parse(MODULE_NOT_FOUND))).toEqual({ kind: 'module-missing' });
    expect(readCommonUtils(JSON.parse(MODULE_NOT_FOUND))).toEqual({ kind: 'module-missing' });
    for (const step of STEPS) expect(isModuleNotFound(JSON.parse(step.response))).toBe(false);
  });

  it.each([
    ['not an object', '"text"'],
    ['no status', '{"body":{"result":"x"}}'],
    ['a body that is not an object', '{"status":true,"body":"x"}'],
    ['a result that is a number', '{"status":true,"body":{"result":1}}'],
  ])('calls a basics answer with %s a bad response', (_what, frame) => {
    expect(outcome(() => readBasicsSign(JSON.parse(frame)))).toBe('ncalayer.bad-response');
  });

  it('calls a commonUtils answer without a code a bad response', () => {
    expect(outcome(() => readCommonUtils({ responseObject: [] }))).toBe('ncalayer.bad-response');
  });
});

describe('the fake NCALayer', () => {
  let server: FakeNcaLayer | undefined;
  afterEach(async () => {
    await server?.close();
  });

  /** The frames a raw socket receives for `requests`, greeting first. */
  async function framesFor(requests: object[]): Promise<string[]> {
    const socket = new WebSocket(server!.url);
    const frames: string[] = [];
    await new Promise<void>((resolve, reject) => {
      socket.on('message', (data: Buffer) => {
        frames.push(data.toString('utf8'));
        const next = requests[frames.length - 1];
        if (next) socket.send(JSON.stringify(next));
        else resolve();
      });
      socket.on('error', reject);
    });
    socket.close();
    return frames;
  }

  it('sends the recorded frames, only the emptied CMS filled', async () => {
    const pki = await testPki();
    server = await startFakeNcaLayer({ sign: opensslCmsSigner(pki.signing), tokens: 'kaztoken' });
    const sign = JSON.parse(RECORDED.basicsSigned.request) as object;
    const cades = JSON.parse(RECORDED.cadesSigned.request) as object;
    const tokens = JSON.parse(RECORDED.tokensKaztoken.request) as object;
    const [greeting, signed, cadesAnswer, tokensAnswer] = await framesFor([sign, cades, tokens]);
    expect(greeting).toBe(RECORDED.greeting);
    expect(
      signed!.replace(
        /-----BEGIN CMS-----[^"]*-----END CMS-----\\n/,
        '-----BEGIN CMS-----\\n-----END CMS-----\\n',
      ),
    ).toBe(RECORDED.basicsSigned.response);
    expect(signed).toMatch(/-----BEGIN CMS-----\\nMI/);
    const stripped = 'Actual signature stripped to protect private data';
    expect(cadesAnswer!.replace(/"responseObject":"[^"]+"/, `"responseObject":"${stripped}"`)).toBe(
      RECORDED.cadesSigned.response,
    );
    expect(tokensAnswer).toBe(RECORDED.tokensKaztoken.response);
  });

  it('echoes heartbeats', async () => {
    server = await startFakeNcaLayer();
    const socket = new WebSocket(server.url);
    const frames: string[] = [];
    await new Promise<void>((resolve) => {
      socket.on('message', (data: Buffer) => {
        frames.push(data.toString('utf8'));
        if (frames.length === 1) socket.send('--heartbeat--');
        else resolve();
      });
    });
    socket.close();
    expect(frames).toEqual([RECORDED.greeting, '--heartbeat--']);
    expect(server.heartbeats()).toBe(1);
  });
});
