/**
 * Compression both ways for the JSON of the contract, with node:zlib.
 *
 * Answers: brotli when the client accepts it (`Accept-Encoding: br`), gzip otherwise, nothing for a
 * client that accepts neither; only JSON bodies of at least COMPRESS_THRESHOLD bytes. A page of
 * `GET /changes` is mostly repeated keys and Cyrillic names, which brotli shrinks several times.
 * Requests: a JSON body sent with `Content-Encoding: gzip` or `br` (a desk's `POST /events`) is
 * decompressed before the routes read it; the limit of MAX_JSON_BODY_BYTES holds for the bytes
 * received and for the bytes they expand to, so a small bomb is refused like a large body.
 * Never under FILES_PATH: tus uploads and file downloads pass as they are (their bytes are addressed
 * by their SHA-256, and PDFs and images are compressed already).
 */
import { promisify } from 'node:util';
import { brotliCompress, brotliDecompress, constants, gunzip, gzip } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { FILES_PATH, MAX_JSON_BODY_BYTES, REQUEST_ENCODINGS } from '../../../shared/api';
import { apiError } from './errors';

const brotli = promisify(brotliCompress);
const unbrotli = promisify(brotliDecompress);
const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** Smaller answers are sent as they are: the encoding's own overhead would eat what it saves. */
export const COMPRESS_THRESHOLD = 1024;
/**
 * Brotli quality 5: measured on a 500-event page of /changes, within a few percent of quality 11's
 * size at a small fraction of its time (quality 11 costs more CPU than the page's own query).
 */
const BROTLI_QUALITY = 5;
const GZIP_LEVEL = 6;

type Encoding = 'br' | 'gzip';

/** The coding to answer with: br or gzip, whichever the client accepts (q > 0), br first. */
export function chooseEncoding(accept: string | undefined): Encoding | undefined {
  if (!accept) return undefined;
  const q = new Map<string, number>();
  for (const part of accept.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const weight = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    q.set(name.trim(), weight === undefined ? 1 : Number(weight));
  }
  const of = (name: Encoding) => q.get(name) ?? q.get('*') ?? 0;
  if (of('br') > 0 && of('br') >= of('gzip')) return 'br';
  if (of('gzip') > 0) return 'gzip';
  return undefined;
}

export function encode(bytes: Uint8Array, encoding: Encoding): Promise<Buffer> {
  return encoding === 'br'
    ? brotli(bytes, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength,
        },
      })
    : gzipAsync(bytes, { level: GZIP_LEVEL });
}

const underFiles = (path: string) => path.startsWith(FILES_PATH) || path === FILES_PATH.slice(0, -1);

/** Compresses JSON answers (see the file's comment). */
export function compressAnswers(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (underFiles(c.req.path) || c.req.method === 'HEAD') return;
    const res = c.res;
    if (!res.body || res.headers.has('Content-Encoding')) return;
    if (!/^application\/json\b/i.test(res.headers.get('Content-Type') ?? '')) return;
    const vary = res.headers.get('Vary');
    if (!vary?.toLowerCase().includes('accept-encoding'))
      res.headers.set('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
    const encoding = chooseEncoding(c.req.header('Accept-Encoding'));
    if (!encoding) return;
    const plain = new Uint8Array(await res.arrayBuffer());
    const headers = new Headers(res.headers);
    let body: Uint8Array<ArrayBuffer> = plain;
    if (plain.byteLength >= COMPRESS_THRESHOLD) {
      body = new Uint8Array(await encode(plain, encoding));
      headers.set('Content-Encoding', encoding);
    }
    headers.set('Content-Length', String(body.byteLength));
    c.res = new Response(body, { status: res.status, statusText: res.statusText, headers });
  };
}

/** Reads a body of at most `limit` bytes, or undefined as soon as it passes the limit. */
async function readCapped(body: ReadableStream<Uint8Array>, limit: number): Promise<Buffer | undefined> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Decompresses request bodies sent with a Content-Encoding this server accepts (see the file's comment). */
export function decompressRequests(): MiddlewareHandler {
  return async (c, next) => {
    const declared = c.req.header('Content-Encoding')?.trim().toLowerCase();
    if (declared === undefined || declared === '' || declared === 'identity' || underFiles(c.req.path))
      return next();
    const tooLarge = () =>
      apiError(c, 413, 'request.too-large', `The body is larger than ${MAX_JSON_BODY_BYTES} bytes.`, {
        params: { limit: MAX_JSON_BODY_BYTES },
      });
    if (!(REQUEST_ENCODINGS as readonly string[]).includes(declared)) {
      // RFC 7694: the codings a server accepts in requests go in its Accept-Encoding header.
      c.header('Accept-Encoding', REQUEST_ENCODINGS.join(', '));
      return apiError(
        c,
        415,
        'request.invalid',
        `Send the body as it is, or with Content-Encoding ${REQUEST_ENCODINGS.join(' or ')}.`,
        {
          params: { supported: [...REQUEST_ENCODINGS] },
        },
      );
    }
    if (Number(c.req.header('Content-Length') ?? 0) > MAX_JSON_BODY_BYTES) return tooLarge();
    const raw = c.req.raw.body ? await readCapped(c.req.raw.body, MAX_JSON_BODY_BYTES) : Buffer.alloc(0);
    if (raw === undefined) return tooLarge();
    let plain: Buffer;
    try {
      const options = { maxOutputLength: MAX_JSON_BODY_BYTES };
      plain = declared === 'br' ? await unbrotli(raw, options) : await gunzipAsync(raw, options);
    } catch (error) {
      // zlib's RangeError: the body expands past the limit (checked as it expands, never whole).
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return tooLarge();
      return apiError(c, 400, 'request.invalid', `The body is not valid ${declared} data.`);
    }
    const headers = new Headers(c.req.raw.headers);
    headers.delete('Content-Encoding');
    headers.set('Content-Length', String(plain.byteLength));
    c.req.raw = new Request(c.req.raw.url, {
      method: c.req.method,
      headers,
      body: new Uint8Array(plain),
      signal: c.req.raw.signal,
    });
    return next();
  };
}
