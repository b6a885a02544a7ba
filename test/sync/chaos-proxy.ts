/**
 * An HTTP fault-injection proxy for the sync tests, driven by a seeded random sequence so that a
 * failing run can be replayed by its seed. Per request from the desk it either passes it, or:
 * - `delay`: waits before forwarding and before answering (a slow network, a slow server);
 * - `error`: answers 500 without forwarding (a broken gateway: the server saw nothing);
 * - `lose-answer`: forwards the whole request, lets the server answer, then drops the connection
 *   (the server applied the batch, the desk never heard);
 * - `duplicate`: forwards the request twice and answers with the second answer (a retrying
 *   middlebox);
 * - `cut`: forwards only part of the request body, then drops both ends (a cut mid-upload).
 * It also records what a test needs to prove that no upload started again from zero: for each file
 * (by the SHA-256 its tus creation declared), the offsets the server reported and those the desk
 * sent from.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault = 'pass' | 'delay' | 'error' | 'lose-answer' | 'duplicate' | 'cut';

export interface ChaosOptions {
  seed: number;
  /** Chance of a fault per request (0–1); the kind is then drawn evenly. Default 0.5. */
  rate?: number;
  /**
   * Called after the server answered a forwarded request, before the answer goes back; answering
   * true drops the answer (the connection is cut), as when the server dies before replying.
   */
  onAnswered?: (req: Forwarded) => Promise<boolean> | boolean;
}

export interface Forwarded {
  method: string;
  path: string;
  status: number;
  fault: Fault;
}

/**
 * What happened to one file's uploads, in order: `sent` is a request of the desk carrying bytes
 * from that offset (a tus creation with data starts at 0), `reported` an offset the server
 * answered (Upload-Offset), whether or not the answer reached the desk.
 */
export type UploadTrace = Array<{ kind: 'sent' | 'reported'; offset: number }>;

export interface ChaosProxy {
  url: string;
  /** Faults injected so far, by kind. */
  faults(): Record<Fault, number>;
  /** Per file SHA-256: what the server reported and where each upload request started. */
  uploads(): Map<string, UploadTrace>;
  /** Stop injecting faults (and the onAnswered hook): requests pass as they are. */
  calm(): void;
  close(): Promise<void>;
}

/** mulberry32: a small seeded generator, good enough to pick faults reproducibly. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FAULTS: Fault[] = ['delay', 'error', 'lose-answer', 'duplicate', 'cut'];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function metadataSha(header: string | undefined): string | undefined {
  for (const pair of (header ?? '').split(',')) {
    const [key, value] = pair.trim().split(' ');
    if (key === 'sha256' && value) return Buffer.from(value, 'base64').toString('utf8');
  }
  return undefined;
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export async function startChaosProxy(target: string, options: ChaosOptions): Promise<ChaosProxy> {
  const upstream = new URL(target);
  const random = seeded(options.seed);
  const counts: Record<Fault, number> = {
    pass: 0,
    delay: 0,
    error: 0,
    'lose-answer': 0,
    duplicate: 0,
    cut: 0,
  };
  const traces = new Map<string, UploadTrace>();
  const shaOfUpload = new Map<string, string>();
  let calm = false;

  const trace = (sha: string) => {
    let t = traces.get(sha);
    if (!t) traces.set(sha, (t = []));
    return t;
  };
  const uploadPath = (path: string) => path.replace(/\?.*$/, '');

  const forward = (req: http.IncomingMessage, body: Buffer, sendBytes = body.length) =>
    new Promise<Answer>((resolve, reject) => {
      const headers = { ...req.headers, host: upstream.host };
      const out = http.request(
        { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers },
        (res) => {
          const parts: Buffer[] = [];
          res.on('data', (c: Buffer) => parts.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }),
          );
          res.on('error', reject);
        },
      );
      out.on('error', reject);
      if (sendBytes < body.length) {
        // Part of the body, then the connection is gone, as when the network drops mid-upload.
        out.write(body.subarray(0, sendBytes), () => setTimeout(() => out.destroy(), 50));
        return;
      }
      out.end(body);
    });

  const isCreation = (req: http.IncomingMessage) => {
    const path = uploadPath(req.url ?? '');
    return req.method === 'POST' && (path === '/files/' || path === '/files');
  };
  const shaOf = (req: http.IncomingMessage) =>
    isCreation(req)
      ? metadataSha(req.headers['upload-metadata'] as string | undefined)
      : shaOfUpload.get(uploadPath(req.url ?? ''));
  /** The desk's request, once, however often the proxy forwards it. */
  const recordSent = (req: http.IncomingMessage, bodyLength: number) => {
    const sha = shaOf(req);
    if (!sha || bodyLength === 0) return;
    if (isCreation(req)) trace(sha).push({ kind: 'sent', offset: 0 });
    else if (req.method === 'PATCH')
      trace(sha).push({ kind: 'sent', offset: Number(req.headers['upload-offset'] ?? -1) });
  };
  const recordAnswer = (req: http.IncomingMessage, answer: Answer) => {
    const sha = shaOf(req);
    if (!sha) return;
    const location = answer.headers.location;
    if (isCreation(req) && location) shaOfUpload.set(uploadPath(new URL(location, target).pathname), sha);
    if (answer.headers['upload-offset'] !== undefined)
      trace(sha).push({ kind: 'reported', offset: Number(answer.headers['upload-offset']) });
  };

  const server = http.createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => {
      void (async () => {
        const body = Buffer.concat(parts);
        let fault: Fault = 'pass';
        if (!calm && random() < (options.rate ?? 0.5)) {
          fault = FAULTS[Math.floor(random() * FAULTS.length)]!;
          if (fault === 'cut' && body.length < 1024) fault = 'lose-answer';
        }
        counts[fault] += 1;
        try {
          if (fault === 'error') {
            recordSent(req, body.length);
            res.writeHead(500, { 'content-type': 'text/plain' }).end('injected: bad gateway\n');
            return;
          }
          if (fault === 'delay') await sleep(100 + Math.floor(random() * 400));
          recordSent(req, body.length);
          if (fault === 'cut') {
            const keep = 1 + Math.floor(random() * (body.length - 1));
            await forward(req, body, keep).catch(() => undefined);
            res.destroy();
            return;
          }
          if (fault === 'duplicate') recordAnswer(req, await forward(req, body));
          const answer = await forward(req, body);
          recordAnswer(req, answer);
          const drop =
            !calm &&
            ((await options.onAnswered?.({
              method: req.method ?? '',
              path: uploadPath(req.url ?? ''),
              status: answer.status,
              fault,
            })) ??
              false);
          if (fault === 'lose-answer' || drop) {
            res.destroy();
            return;
          }
          if (fault === 'delay') await sleep(100 + Math.floor(random() * 400));
          const headers = { ...answer.headers };
          delete headers['transfer-encoding'];
          delete headers['connection'];
          headers['content-length'] = String(answer.body.length);
          res.writeHead(answer.status, headers).end(answer.body);
        } catch {
          // The server was not there (killed, restarting): the desk sees the connection drop.
          res.destroy();
        }
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    faults: () => ({ ...counts }),
    uploads: () => traces,
    calm: () => {
      calm = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
