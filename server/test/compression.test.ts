/**
 * Compression both ways: answers in brotli or gzip as the client accepts, the same JSON as sent
 * plain; compressed request bodies read as plain ones, under the same size limit for what they
 * expand to; files never re-encoded.
 */
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_JSON_BODY_BYTES, pushResponseSchema, type ChangesPage } from '../../shared/api';
import { chooseEncoding } from '../src/http/compression';
import { registration } from './events';
import { BACKENDS, testServer, type TestServer } from './harness';

const pglite = BACKENDS.find((b) => b.name === 'pglite')!;

describe('compression of the contract’s JSON', () => {
  let server: TestServer;
  let token: string;
  let plain: ChangesPage;
  beforeAll(async () => {
    server = await testServer(pglite);
    ({ token } = await server.enrol('officer-1'));
    const res = await server.request('/changes?limit=100', { token });
    expect(res.headers.get('content-encoding')).toBeNull();
    plain = (await res.json()) as ChangesPage;
    expect(plain.cases.length).toBeGreaterThan(5);
  }, 120_000);
  afterAll(() => server.close());

  const decoded = async (res: Response): Promise<unknown> => {
    const bytes = Buffer.from(await res.arrayBuffer());
    const encoding = res.headers.get('content-encoding');
    const text =
      encoding === 'br' ? brotliDecompressSync(bytes) : encoding === 'gzip' ? gunzipSync(bytes) : bytes;
    return JSON.parse(text.toString('utf8'));
  };

  it('answers /changes in brotli when accepted, gzip otherwise, the same JSON, and smaller', async () => {
    const identity = JSON.stringify(plain);
    for (const [accept, expected] of [
      ['gzip, deflate, br', 'br'],
      ['gzip', 'gzip'],
      ['br;q=0, gzip;q=0.5', 'gzip'],
    ] as const) {
      const res = await server.request('/changes?limit=100', {
        token,
        headers: { 'accept-encoding': accept },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-encoding')).toBe(expected);
      expect(res.headers.get('vary')).toMatch(/accept-encoding/i);
      const length = Number(res.headers.get('content-length'));
      expect(length).toBeLessThan(Buffer.byteLength(identity) / 3);
      const body = (await decoded(res)) as ChangesPage;
      // The same page: the server time alone differs between two answers.
      expect({ ...body, serverTime: plain.serverTime }).toEqual(plain);
    }
  });

  it('sends small answers and a client that accepts no coding the bytes as they are', async () => {
    const health = await server.request('/health', { headers: { 'accept-encoding': 'br' } });
    expect(health.headers.get('content-encoding')).toBeNull();
    const none = await server.request('/changes?limit=100', {
      token,
      headers: { 'accept-encoding': 'identity' },
    });
    expect(none.headers.get('content-encoding')).toBeNull();
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding('br;q=0.2, gzip;q=0.8')).toBe('gzip');
    expect(chooseEncoding('deflate')).toBeUndefined();
  });

  it('never re-encodes a file download', async () => {
    const file = plain.cases
      .flatMap((c) => c.files)
      .find((f) => f.available && f.mimeType === 'application/pdf');
    expect(file).toBeDefined();
    const res = await server.request(`/files/${file!.sha256}`, {
      token,
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(Number(res.headers.get('content-length'))).toBe(file!.size);
  });

  describe('compressed request bodies', () => {
    let next = 0;
    const registrationOf = (n: number) => {
      const c = plain.cases[n]!;
      return registration({ caseId: c.caseId, baseVersion: c.version, userId: 'officer-1' }, `Z-${n}`);
    };
    const post = (body: Uint8Array | string, encoding?: string) =>
      server.request('/events', {
        method: 'POST',
        token,
        headers: {
          'content-type': 'application/json',
          ...(encoding ? { 'content-encoding': encoding } : {}),
        },
        body,
      });

    it('applies a batch sent in gzip (as the desk sends it) or brotli', async () => {
      const encodedOnly = new Uint8Array(gzipSync(JSON.stringify({ events: [registrationOf(next++)] })));
      const gzRes = await post(encodedOnly, 'gzip');
      expect(gzRes.status).toBe(200);
      expect(pushResponseSchema.parse(await decoded(gzRes)).results[0]?.status).toBe('applied');

      const brBody = brotliCompressSync(JSON.stringify({ events: [registrationOf(next++)] }));
      const brRes = await post(new Uint8Array(brBody), 'br');
      expect(brRes.status).toBe(200);
      expect(pushResponseSchema.parse(await decoded(brRes)).results[0]?.status).toBe('applied');
    });

    it('refuses a body that expands past the limit, corrupt data and an unknown coding, changing nothing', async () => {
      const bomb = gzipSync(Buffer.alloc(MAX_JSON_BODY_BYTES + 1024, 0x20));
      expect(bomb.byteLength).toBeLessThan(10_000);
      const big = await post(new Uint8Array(bomb), 'gzip');
      expect(big.status).toBe(413);
      expect(await big.json()).toMatchObject({ code: 'request.too-large' });

      const event = registrationOf(next++);
      const corrupt = await post(
        new Uint8Array(gzipSync(JSON.stringify({ events: [event] })).subarray(0, 30)),
        'gzip',
      );
      expect(corrupt.status).toBe(400);
      expect(await corrupt.json()).toMatchObject({ code: 'request.invalid' });
      const unknown = await post(JSON.stringify({ events: [event] }), 'deflate');
      expect(unknown.status).toBe(415);
      expect(unknown.headers.get('accept-encoding')).toBe('br, gzip');
      // None of them applied the event: it is still new to the server.
      const again = await post(JSON.stringify({ events: [event] }));
      expect(pushResponseSchema.parse(await again.json()).results[0]?.status).toBe('applied');
    });
  });
});
