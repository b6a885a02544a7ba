/**
 * The HTTP side of the contract (shared/api) for the desk: every request carries the protocol
 * version and the device token, every answer is checked against the same zod schemas the server
 * validates with. `fetch` is injected: the browser's, Node's, or a test's fake.
 */
import type { z } from 'zod';
import { apiErrorSchema, PROTOCOL_HEADER, PROTOCOL_VERSION } from '../api';
import { isRetryableStatus } from './backoff';
import { encodeJsonBody, type EncodedBody } from './compress-body';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/**
 * Why a request did not give an answer to use. `network`: no answer at all (offline, cut, refused);
 * `retry`: 408/429/5xx; `revoked`: this device was signed out; `auth`: the token is not accepted;
 * `start-over`: 410, pull from the beginning; `protocol`: an answer of another protocol version or
 * shape; `refused`: any other 4xx (its code).
 */
export type FailureKind = 'network' | 'retry' | 'revoked' | 'auth' | 'start-over' | 'protocol' | 'refused';

export class SyncFailure extends Error {
  override readonly name = 'SyncFailure';
  constructor(
    readonly kind: FailureKind,
    /** A code for the officer's language and the outbox's lastError; never personal data. */
    readonly code: string,
    readonly status?: number,
    readonly body?: unknown,
  ) {
    super(`${kind}: ${code}${status === undefined ? '' : ` (${status})`}`);
  }
}

export interface ApiClientOptions {
  /** The central system's origin, e.g. `https://central.example.kz`. */
  baseUrl: string;
  fetch: FetchLike;
  /** The device token; absent before enrolment. */
  token?: () => Promise<string | null>;
  /** gzip JSON request bodies above 1 KB (the central server accepts them; see compress-body.ts). */
  compressRequests?: boolean;
}

export interface ApiClient {
  readonly baseUrl: string;
  /** A JSON request; the answer parsed with `schema` (2xx), or a SyncFailure. */
  json<S extends z.ZodType>(
    method: 'GET' | 'POST' | 'HEAD',
    path: string,
    schema: S,
    body?: unknown,
  ): Promise<z.infer<S>>;
  /** The raw answer of an authenticated request with the protocol header (files). */
  raw(path: string, init?: RequestInit): Promise<Response>;
  headers(): Promise<Record<string, string>>;
}

/**
 * Never answered from a cache: every answer of the central system comes from the network (the
 * browser's HTTP cache; the service worker lets these requests through, see renderer/public/sw.js).
 * Assigned rather than written in the literal: Node's RequestInit type does not list `cache`.
 */
export function noStore(init: RequestInit): RequestInit {
  return Object.assign(init, { cache: 'no-store' });
}

function failureOf(status: number, body: unknown): SyncFailure {
  const parsed = apiErrorSchema.safeParse(body);
  const code: string = parsed.success ? parsed.data.code : `http.${status}`;
  if (status === 410) return new SyncFailure('start-over', 'start-over', status, body);
  if (status === 401)
    return new SyncFailure(code === 'device.revoked' ? 'revoked' : 'auth', code, status, body);
  if (isRetryableStatus(status)) return new SyncFailure('retry', code, status, body);
  return new SyncFailure('refused', code, status, body);
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const headers = async (): Promise<Record<string, string>> => {
    const token = options.token ? await options.token() : null;
    return {
      [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    };
  };
  const raw: ApiClient['raw'] = async (path, init = {}) => {
    const merged = { ...(await headers()), ...Object.fromEntries(new Headers(init.headers).entries()) };
    try {
      // Never from a cache: every answer of the central system is read from the network.
      return await options.fetch(`${baseUrl}${path}`, noStore({ ...init, headers: merged }));
    } catch (error) {
      if (error instanceof SyncFailure) throw error;
      throw new SyncFailure('network', 'network.unreachable');
    }
  };
  const encodeBody = (text: string): Promise<EncodedBody> =>
    options.compressRequests ? encodeJsonBody(text) : Promise.resolve({ body: text });
  return {
    baseUrl,
    headers,
    raw,
    async json(method, path, schema, body) {
      const encoded = body === undefined ? undefined : await encodeBody(JSON.stringify(body));
      const res = await raw(path, {
        method,
        ...(encoded === undefined
          ? {}
          : {
              body: encoded.body,
              headers: {
                'content-type': 'application/json',
                ...(encoded.encoding ? { 'content-encoding': encoded.encoding } : {}),
              },
            }),
      });
      let parsedBody: unknown;
      try {
        const text = await res.text();
        parsedBody = text ? JSON.parse(text) : undefined;
      } catch {
        // A body cut off mid-way is a dropped connection, not an answer.
        throw new SyncFailure(res.ok ? 'network' : 'retry', 'network.cut', res.status);
      }
      if (!res.ok) throw failureOf(res.status, parsedBody);
      const version = res.headers.get(PROTOCOL_HEADER);
      if (version !== null && version !== String(PROTOCOL_VERSION)) {
        throw new SyncFailure('protocol', 'protocol.unsupported', res.status);
      }
      const parsed = schema.safeParse(parsedBody);
      if (!parsed.success) throw new SyncFailure('protocol', 'answer.invalid', res.status);
      return parsed.data;
    },
  };
}
