/**
 * A fake NCALayer for tests: a WebSocket server on 127.0.0.1 that greets, echoes heartbeats and
 * answers each request with the frame a real NCALayer answered in the recorded session
 * (recorded.ts), with a real CMS over the requested bytes put into the PEM armour (or the base64)
 * its authors emptied. What it answers is chosen per test (`FakeNcaLayerOptions`); it records
 * what it received, so a test can hold the client to the protocol.
 */
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { MODULE_NOT_FOUND, RECORDED } from './recorded';

export type BasicsBehaviour = 'sign' | 'cancel' | 'fail' | 'missing' | 'empty-armour' | 'array-of-three';
export type CommonUtilsBehaviour = 'sign' | 'cancel' | 'fail' | 'missing';

export interface FakeNcaLayerOptions {
  basics?: BasicsBehaviour;
  commonUtils?: CommonUtilsBehaviour;
  /** What getActiveTokens lists: none, or the recorded KAZTOKEN. */
  tokens?: 'none' | 'kaztoken';
  /** Makes a real detached CMS (DER) over the bytes NCALayer was asked to sign. */
  sign?: (data: Uint8Array) => Uint8Array | Promise<Uint8Array>;
  /** The first frame on connect; the recorded greeting by default. Null sends nothing. */
  greeting?: string | null;
  /** Answers wait until `release()`: a person is still in NCALayer's dialog. */
  hold?: boolean;
  /** The n-th request (1-based) is never answered: the connection is cut instead. */
  dropOnRequest?: number;
  /** Requests are never answered (heartbeats still are, unless `deaf`). */
  silent?: boolean;
  /** Nothing is answered, heartbeats neither: a hung NCALayer. */
  deaf?: boolean;
  /** Closes every connection at once, before greeting. */
  closeOnConnect?: boolean;
  /** Answers every request with this frame instead (something no NCALayer sends). */
  rawAnswer?: string;
  /** Serve wss:// with this key and certificate (PEM), as NCALayer does. */
  tls?: { key: string; cert: string };
  /** The loopback port; any free one by default (NCALayer's own is 13579). */
  port?: number;
}

export interface FakeNcaLayer {
  readonly url: string;
  /** Every request received, parsed, in order (heartbeats not included). */
  readonly requests: Record<string, unknown>[];
  /** Heartbeats received. */
  readonly heartbeats: () => number;
  /** Connections accepted so far. */
  readonly connections: () => number;
  /** The most requests ever received and not yet answered at one time. */
  readonly maxOutstanding: () => number;
  /** Answers every held request, in order. */
  release(): Promise<void>;
  close(): Promise<void>;
}

const PEM_LINE = 64;

/** A PEM armour as NCALayer writes it, around `der`. */
export function pemCms(der: Uint8Array): string {
  const base64 = Buffer.from(der).toString('base64');
  const lines = base64.match(new RegExp(`.{1,${PEM_LINE}}`, 'g')) ?? [];
  return `-----BEGIN CMS-----\n${lines.join('\n')}\n-----END CMS-----\n`;
}

/** The recorded frame with its emptied CMS replaced (the rest of the frame byte for byte). */
function withCms(frame: string, replace: (emptied: string) => string): string {
  const parsed = JSON.parse(frame) as { body?: { result?: unknown }; responseObject?: unknown };
  if (parsed.body && 'result' in parsed.body) {
    const result = parsed.body.result;
    parsed.body.result = Array.isArray(result)
      ? result.map((r) => replace(String(r)))
      : replace(String(result));
  } else {
    parsed.responseObject = replace(String(parsed.responseObject));
  }
  return JSON.stringify(parsed);
}

export async function startFakeNcaLayer(options: FakeNcaLayerOptions = {}): Promise<FakeNcaLayer> {
  const requests: Record<string, unknown>[] = [];
  const held: Array<() => Promise<void>> = [];
  let heartbeats = 0;
  let connections = 0;
  let outstanding = 0;
  let maxOutstanding = 0;

  const sign = async (base64: unknown): Promise<Uint8Array> => {
    if (!options.sign) throw new Error('the fake NCALayer was given no signer');
    return options.sign(new Uint8Array(Buffer.from(String(base64), 'base64')));
  };

  async function answer(request: Record<string, unknown>): Promise<string | null> {
    if (options.rawAnswer !== undefined) return options.rawAnswer;
    const args = request.args as Record<string, unknown> | unknown[] | undefined;
    if (request.module === 'kz.gov.pki.knca.basics') {
      const data = (args as Record<string, unknown>).data;
      switch (options.basics ?? 'sign') {
        case 'missing':
          return MODULE_NOT_FOUND;
        case 'cancel':
          return RECORDED.basicsCancelled.response;
        case 'fail':
          return RECORDED.basicsFailed.response;
        case 'empty-armour':
          return RECORDED.basicsSigned.response;
        case 'array-of-three': {
          const cms = pemCms(await sign(data));
          return withCms(RECORDED.basicsSignedArray.response, () => cms);
        }
        case 'sign': {
          const cms = pemCms(await sign(data));
          return withCms(RECORDED.basicsSigned.response, () => cms);
        }
      }
    }
    if (request.module === 'kz.gov.pki.knca.commonUtils') {
      const behaviour = options.commonUtils ?? 'sign';
      if (behaviour === 'missing') return MODULE_NOT_FOUND;
      if (request.method === 'getActiveTokens') {
        return options.tokens === 'kaztoken'
          ? RECORDED.tokensKaztoken.response
          : RECORDED.tokensNone.response;
      }
      if (request.method === 'createCAdESFromBase64') {
        if (behaviour === 'cancel') return RECORDED.commonUtilsCancelled.response;
        if (behaviour === 'fail') return RECORDED.cadesFailed.response;
        const der = await sign((args as unknown[])[2]);
        return withCms(RECORDED.cadesSigned.response, () => Buffer.from(der).toString('base64'));
      }
    }
    return MODULE_NOT_FOUND;
  }

  const https: HttpsServer | null = options.tls ? createHttpsServer(options.tls) : null;
  const wss = https
    ? new WebSocketServer({ server: https })
    : new WebSocketServer({ host: '127.0.0.1', port: options.port ?? 0 });
  if (https) await new Promise<void>((resolve) => https.listen(options.port ?? 0, '127.0.0.1', resolve));
  else await new Promise<void>((resolve) => wss.once('listening', resolve));

  wss.on('connection', (socket: WebSocket) => {
    connections += 1;
    if (options.closeOnConnect) {
      socket.close(1011, 'refused');
      return;
    }
    const greeting = options.greeting === undefined ? RECORDED.greeting : options.greeting;
    if (greeting !== null) socket.send(greeting);
    socket.on('message', (raw, isBinary) => {
      const text = !isBinary && Buffer.isBuffer(raw) ? raw.toString('utf8') : '';
      if (text === '--heartbeat--') {
        heartbeats += 1;
        if (!options.deaf) socket.send('--heartbeat--');
        return;
      }
      const request = JSON.parse(text) as Record<string, unknown>;
      requests.push(request);
      outstanding += 1;
      maxOutstanding = Math.max(maxOutstanding, outstanding);
      if (options.dropOnRequest === requests.length) {
        socket.terminate();
        outstanding -= 1;
        return;
      }
      if (options.silent || options.deaf) return;
      const reply = async (): Promise<void> => {
        const frame = await answer(request);
        outstanding -= 1;
        if (frame !== null && socket.readyState === socket.OPEN) socket.send(frame);
      };
      if (options.hold) held.push(reply);
      else void reply();
    });
    socket.on('close', () => {
      // What a closed connection had asked is no longer outstanding.
      outstanding = 0;
    });
  });

  const port = (https ? (https.address() as AddressInfo) : (wss.address() as AddressInfo)).port;
  return {
    url: `${https ? 'wss' : 'ws'}://127.0.0.1:${port}`,
    requests,
    heartbeats: () => heartbeats,
    connections: () => connections,
    maxOutstanding: () => maxOutstanding,
    async release() {
      while (held.length > 0) await held.shift()!();
    },
    async close() {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      if (https) await new Promise<void>((resolve) => https.close(() => resolve()));
    },
  };
}
