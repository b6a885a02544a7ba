// The NCALayer client against the fake NCALayer (recorded frames): connecting, heartbeats, one
// request in flight, timeouts, dropped connections, closing; and what each failure is called.
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import {
  NcaLayerClient,
  type NcaLayerClientOptions,
  type SocketLike,
} from '../../shared/signing/ncalayer/client';
import { getActiveTokensRequest } from '../../shared/signing/ncalayer/protocol';
import { closesAfter, fake, failure, logged, until, useNcaLayerTestBed } from './helpers';
import { loopbackTlsCertificate } from './openssl';
import { RECORDED } from './recorded';

useNcaLayerTestBed();

function client(url: string, options: Partial<NcaLayerClientOptions> = {}): NcaLayerClient {
  return closesAfter(new NcaLayerClient({ WebSocket, url, heartbeatIntervalMs: 0, ...options }));
}

const code = async (promise: Promise<unknown>): Promise<string> => (await failure(promise)).code;

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const tokens = getActiveTokensRequest();
const recordedTokens = JSON.parse(RECORDED.tokensKaztoken.response) as unknown;
const basics = JSON.parse(RECORDED.basicsCancelled.request) as Record<string, unknown>;
const recordedCancel = JSON.parse(RECORDED.basicsCancelled.response) as unknown;

describe('connecting', () => {
  it("reads NCALayer's version from the recorded greeting", async () => {
    const server = await fake();
    const c = client(server.url);
    expect(c.version).toBeNull();
    await expect(c.connect()).resolves.toBe('1.2');
    expect(c.version).toBe('1.2');
    // A second connect reuses the open connection.
    await c.connect();
    expect(server.connections()).toBe(1);
  });

  it('calls it not running when nothing listens at the address, and fails what was asked', async () => {
    const c = client(`ws://127.0.0.1:${await closedPort()}`);
    expect(await code(c.connect())).toBe('ncalayer.not-running');
    expect(await code(c.request(tokens, 'answer'))).toBe('ncalayer.not-running');
    expect(c.busy).toBe(false);
    expect(logged.map((r) => r.message)).toContain('ncalayer: no connection');
  });

  it('calls a constructor that throws (an address the browser will not open) not running', async () => {
    class Refusing implements SocketLike {
      onopen = null;
      onmessage = null;
      onerror = null;
      onclose = null;
      constructor() {
        throw new Error('SecurityError');
      }
      send(): void {}
      close(): void {}
    }
    const c = client('ws://127.0.0.1:1', { WebSocket: Refusing });
    expect(await code(c.connect())).toBe('ncalayer.not-running');
  });

  it('over wss: an untrusted certificate is not running for the client, a trusted one connects', async () => {
    const tls = loopbackTlsCertificate();
    const server = await fake({ tls });
    expect(server.url.startsWith('wss://127.0.0.1:')).toBe(true);
    expect(await code(client(server.url).connect())).toBe('ncalayer.not-running');

    class Trusting extends WebSocket {
      constructor(url: string) {
        super(url, { ca: tls.cert });
      }
    }
    await expect(client(server.url, { WebSocket: Trusting }).connect()).resolves.toBe('1.2');
  });

  it('calls a connection closed before the greeting refused', async () => {
    const server = await fake({ closeOnConnect: true });
    expect(await code(client(server.url).connect())).toBe('ncalayer.refused');
  });

  it('calls an open connection that never greets refused, after the connect timeout', async () => {
    const server = await fake({ greeting: null });
    expect(await code(client(server.url, { connectTimeoutMs: 100 }).connect())).toBe('ncalayer.refused');
  });

  it('calls a greeting without a version a bad response and does not keep the connection', async () => {
    const server = await fake({ greeting: '{"result":{}}' });
    const c = client(server.url);
    expect(await code(c.connect())).toBe('ncalayer.bad-response');
    expect(c.version).toBeNull();
  });
});

describe('requests', () => {
  it('answers a request with the frame NCALayer sent', async () => {
    const server = await fake({ tokens: 'kaztoken' });
    const c = client(server.url);
    await expect(c.request(tokens, 'answer')).resolves.toEqual(recordedTokens);
    expect(server.requests).toEqual([JSON.parse(RECORDED.tokensKaztoken.request)]);
  });

  it('keeps one request in flight: another asked meanwhile is busy at once and never sent', async () => {
    const server = await fake({ hold: true, tokens: 'kaztoken', basics: 'cancel' });
    const c = client(server.url);
    const first = c.request(tokens, 'answer');
    expect(c.busy).toBe(true);
    // Even before the connection is open: NCALayer has no request ids.
    expect(await code(c.request(basics, 'person'))).toBe('ncalayer.busy');
    await until(() => server.requests.length === 1);
    expect(await code(c.request(basics, 'person'))).toBe('ncalayer.busy');
    await server.release();
    await expect(first).resolves.toEqual(recordedTokens);
    expect(c.busy).toBe(false);
    // Once answered, the next goes out on the same connection.
    const second = c.request(basics, 'person');
    await until(() => server.requests.length === 2);
    await server.release();
    await expect(second).resolves.toEqual(recordedCancel);
    expect(server.maxOutstanding()).toBe(1);
    expect(server.requests).toEqual([tokens, basics]);
    expect(server.connections()).toBe(1);
  });

  it('fails a request with no answer in time, and never takes its late answer for the next one', async () => {
    const server = await fake({ hold: true, tokens: 'kaztoken', basics: 'cancel' });
    const c = client(server.url, { answerTimeoutMs: 100 });
    expect(await code(c.request(tokens, 'answer'))).toBe('ncalayer.timeout');
    // The connection that may still carry the late answer is closed; the next request opens another.
    const next = c.request(basics, 'person');
    await until(() => server.requests.length === 2);
    await server.release(); // the late answer goes to the closed connection; then the second's
    await expect(next).resolves.toEqual(recordedCancel);
    expect(server.connections()).toBe(2);
  });

  it('uses the long timeout for a request a person answers', async () => {
    const server = await fake({ hold: true, tokens: 'kaztoken' });
    const c = client(server.url, { answerTimeoutMs: 50, requestTimeoutMs: 5_000 });
    const signing = c.request(tokens, 'person');
    await new Promise((r) => setTimeout(r, 150));
    await server.release();
    await expect(signing).resolves.toEqual(recordedTokens);
  });

  it('fails the request in flight when the connection drops, never re-sends it, and reconnects for the next', async () => {
    const server = await fake({ dropOnRequest: 1, tokens: 'kaztoken' });
    const c = client(server.url);
    expect(await code(c.request(tokens, 'person'))).toBe('ncalayer.refused');
    // The dropped request is not sent again: it may have opened a signing dialog.
    expect(server.requests).toHaveLength(1);
    await expect(c.request(tokens, 'answer')).resolves.toEqual(recordedTokens);
    expect(server.connections()).toBe(2);
    expect(server.requests).toHaveLength(2);
  });

  it('calls an answer that is not JSON a bad response, and the connection goes on', async () => {
    const server = await fake({ rawAnswer: '<html>' });
    const c = client(server.url);
    expect(await code(c.request(tokens, 'answer'))).toBe('ncalayer.bad-response');
    expect(c.version).toBe('1.2');
  });

  it('closes cleanly: what waits fails as closed, and a later request reconnects', async () => {
    const server = await fake({ hold: true, tokens: 'kaztoken' });
    const c = client(server.url);
    const inFlight = c.request(tokens, 'person');
    await until(() => server.requests.length === 1);
    c.close();
    expect(await code(inFlight)).toBe('signer.closed');
    expect(c.version).toBeNull();
    expect(c.busy).toBe(false);
    const again = c.request(tokens, 'answer');
    await until(() => server.requests.length === 2);
    await server.release();
    await expect(again).resolves.toEqual(recordedTokens);
    expect(server.connections()).toBe(2);
  });

  it('fails a connect in progress when closed', async () => {
    const server = await fake({ greeting: null });
    const c = client(server.url);
    const connecting = c.connect();
    await until(() => server.connections() === 1);
    c.close();
    expect(await code(connecting)).toBe('signer.closed');
  });
});

describe('heartbeats', () => {
  it('sends --heartbeat--, and the echo is never taken for an answer', async () => {
    const server = await fake({ hold: true, tokens: 'kaztoken' });
    const c = client(server.url, { heartbeatIntervalMs: 20 });
    const answer = c.request(tokens, 'person');
    await until(() => server.heartbeats() >= 3);
    await server.release();
    await expect(answer).resolves.toEqual(recordedTokens);
    expect(server.connections()).toBe(1);
  });

  it('gives up an idle connection whose heartbeats go unanswered, and reconnects for the next request', async () => {
    const server = await fake({ deaf: true });
    const c = client(server.url, { heartbeatIntervalMs: 20, missedHeartbeats: 2 });
    await c.connect();
    await until(() => c.version === null);
    expect(server.heartbeats()).toBeGreaterThanOrEqual(2);
    await c.connect();
    expect(server.connections()).toBe(2);
  });

  it('keeps an idle connection whose heartbeats are echoed', async () => {
    const server = await fake();
    const c = client(server.url, { heartbeatIntervalMs: 20, missedHeartbeats: 2 });
    await c.connect();
    await until(() => server.heartbeats() >= 6);
    expect(c.version).toBe('1.2');
    expect(server.connections()).toBe(1);
  });
});
