/**
 * Files go up before the events that name them, with the tus 1.0 protocol (tus-js-client): an
 * upload cut off resumes from the offset the server reports (HEAD), never from zero. tus-js-client
 * is given its HTTP stack over the injected `fetch`, a Blob reader and a place to remember upload
 * URLs, so the same code runs in the browser, in Electron's renderer and in Node's tests.
 */
import {
  Upload,
  type HttpRequest,
  type HttpResponse,
  type HttpStack,
  type PreviousUpload,
  type UrlStorage,
} from 'tus-js-client';
import { FILES_PATH } from '../api';
import { noStore, SyncFailure, type ApiClient, type FetchLike } from './client';
import type { OutgoingFile } from './store';

/** tus-js-client's requests, made with `fetch` (no upload progress events: counted per chunk). */
export class FetchHttpStack implements HttpStack {
  constructor(private readonly fetch: FetchLike) {}
  getName(): string {
    return 'desk-fetch';
  }
  createRequest(method: string, url: string): HttpRequest {
    const headers: Record<string, string> = {};
    const controller = new AbortController();
    let onProgress: (bytes: number) => void = () => undefined;
    const fetch = this.fetch;
    return {
      getMethod: () => method,
      getURL: () => url,
      setHeader: (name, value) => {
        headers[name] = value;
      },
      getHeader: (name) => headers[name],
      setProgressHandler: (handler) => {
        onProgress = handler;
      },
      async send(body: unknown): Promise<HttpResponse> {
        const init = noStore({ method, headers, signal: controller.signal });
        if (body instanceof Blob) init.body = body;
        const res = await fetch(url, init);
        const text = await res.text();
        if (body instanceof Blob) onProgress(body.size);
        return {
          getStatus: () => res.status,
          getHeader: (name) => res.headers.get(name) ?? undefined,
          getBody: () => text,
          getUnderlyingObject: () => res,
        };
      },
      abort: () => {
        controller.abort();
        return Promise.resolve();
      },
      getUnderlyingObject: () => controller,
    };
  }
}

/** A Blob read in slices: tus-js-client's FileReader for Blobs, on any platform. */
const blobReader = {
  openFile(input: Blob) {
    return Promise.resolve({
      size: input.size,
      slice: (start: number, end: number) =>
        Promise.resolve({ value: input.slice(start, end), done: end >= input.size }),
      close: () => undefined,
    });
  },
};

/**
 * Where the URL of an upload under way is remembered, by the file's SHA-256, so the next try
 * (this sync or a later one) asks the server for its offset instead of starting again.
 */
export class MemoryUrlStorage implements UrlStorage {
  private readonly uploads = new Map<string, PreviousUpload & { fingerprint: string }>();
  findAllUploads(): Promise<PreviousUpload[]> {
    return Promise.resolve([...this.uploads.values()]);
  }
  findUploadsByFingerprint(fingerprint: string): Promise<PreviousUpload[]> {
    return Promise.resolve([...this.uploads.values()].filter((u) => u.fingerprint === fingerprint));
  }
  removeUpload(key: string): Promise<void> {
    this.uploads.delete(key);
    return Promise.resolve();
  }
  addUpload(fingerprint: string, upload: PreviousUpload): Promise<string> {
    const key = `tus::${fingerprint}`;
    this.uploads.set(key, { ...upload, urlStorageKey: key, fingerprint });
    return Promise.resolve(key);
  }
}

export interface UploadOptions {
  fetch: FetchLike;
  urlStorage: UrlStorage;
  /** Bytes per PATCH: what a cut connection can lose at most. */
  chunkSize: number;
  /** Retries inside one upload (ms between them); later syncs resume too. */
  retryDelays: number[];
  onBytes?: (sent: number) => void;
}

/** True when the server already holds these bytes (a finished file is served at /files/<sha256>). */
async function serverHas(api: ApiClient, sha256: string): Promise<boolean> {
  const res = await api.raw(`${FILES_PATH}${sha256}`, { method: 'HEAD' });
  if (res.status === 200) return true;
  if (res.status === 404) return false;
  if (res.status === 401) throw new SyncFailure('auth', `http.${res.status}`, res.status);
  throw new SyncFailure(res.status >= 500 ? 'retry' : 'refused', `file.http-${res.status}`, res.status);
}

function failureOfTus(error: unknown): SyncFailure {
  const status = (error as { originalResponse?: HttpResponse | null }).originalResponse?.getStatus();
  if (status === undefined || status === 0) return new SyncFailure('network', 'upload.cut');
  if (status === 401) return new SyncFailure('auth', 'http.401', status);
  if (status === 408 || status === 429 || status >= 500)
    return new SyncFailure('retry', `upload.http-${status}`, status);
  return new SyncFailure('refused', `upload.http-${status}`, status);
}

/** Uploads one file unless the server holds it; resolves once the server accepted the whole file. */
export async function uploadFile(
  api: ApiClient,
  file: OutgoingFile,
  options: UploadOptions,
): Promise<'uploaded' | 'present'> {
  if (await serverHas(api, file.sha256)) return 'present';
  const headers = await api.headers();
  await new Promise<void>((resolve, reject) => {
    const upload = new Upload(file.data, {
      endpoint: `${api.baseUrl}${FILES_PATH}`,
      metadata: { sha256: file.sha256, fileName: file.fileName, mimeType: file.mimeType },
      uploadSize: file.size,
      headers,
      chunkSize: options.chunkSize,
      retryDelays: options.retryDelays,
      httpStack: new FetchHttpStack(options.fetch),
      fileReader: blobReader,
      urlStorage: options.urlStorage,
      fingerprint: () => Promise.resolve(`sha256:${file.sha256}`),
      storeFingerprintForResuming: true,
      removeFingerprintOnSuccess: true,
      onChunkComplete: (chunk) => options.onBytes?.(chunk),
      onSuccess: () => resolve(),
      onError: (error) => reject(failureOfTus(error)),
    });
    // A URL remembered from an earlier, cut attempt: ask the server where it stands and go on.
    void upload.findPreviousUploads().then((previous) => {
      const last = previous[previous.length - 1];
      if (last) upload.resumeFromPreviousUpload(last);
      upload.start();
    }, reject);
  });
  return 'uploaded';
}
