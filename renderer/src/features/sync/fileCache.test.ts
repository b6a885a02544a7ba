import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../../shared/hash';
import { createApiClient, type FetchLike } from '../../../../shared/sync';
import { PROTOCOL_HEADER } from '../../../../shared/api';
import { openTestDesk } from '../../db/testing';
import { ensureFile } from './fileCache';

const bytes = new TextEncoder().encode('%PDF-1.7 a pulled attachment');

function api(fetch: FetchLike) {
  return createApiClient({ baseUrl: 'https://central.test', fetch, token: () => Promise.resolve('t') });
}
const serving =
  (body: Uint8Array, status = 200): FetchLike =>
  () =>
    Promise.resolve(
      new Response(
        status === 200
          ? (body as Uint8Array<ArrayBuffer>)
          : JSON.stringify({ code: 'file.not-found', message: 'x' }),
        {
          status,
          headers: { 'content-type': 'application/pdf', [PROTOCOL_HEADER]: '1' },
        },
      ),
    );

describe('files of pulled cases, downloaded when opened', () => {
  it('stores the bytes once their hash is the one the case names, and asks only once', async () => {
    const desk = await openTestDesk();
    const sha256 = await sha256Hex(bytes);
    let requests = 0;
    const counting: FetchLike = (input, init) => {
      requests += 1;
      expect(input).toBe(`https://central.test/files/${sha256}`);
      return serving(bytes)(input, init);
    };
    const file = { sha256, fileName: 'application.pdf', mimeType: 'application/pdf' };
    expect(await ensureFile(desk, api(counting), file)).toBeUndefined();
    const stored = await desk.attachments.get(sha256);
    expect(new Uint8Array(await stored!.blob.arrayBuffer())).toEqual(bytes);
    expect(await ensureFile(desk, api(counting), file)).toBeUndefined();
    expect(requests).toBe(1);
    desk.close();
  });

  it('refuses bytes that are not the file named, and stores nothing', async () => {
    const desk = await openTestDesk();
    const sha256 = await sha256Hex(bytes);
    const other = new TextEncoder().encode('%PDF-1.7 something else');
    const file = { sha256, fileName: 'application.pdf', mimeType: 'application/pdf' };
    expect(await ensureFile(desk, api(serving(other)), file)).toBe('mismatch');
    expect(await desk.attachments.has(sha256)).toBe(false);
    expect(await desk.attachments.has(await sha256Hex(other))).toBe(false);
    desk.close();
  });

  it('says "not downloaded yet" offline and "missing" when the server has no such file', async () => {
    const desk = await openTestDesk();
    const file = { sha256: 'b'.repeat(64), fileName: 'x.pdf', mimeType: 'application/pdf' };
    const offline: FetchLike = () => Promise.reject(new TypeError('Failed to fetch'));
    expect(await ensureFile(desk, api(offline), file)).toBe('notDownloaded');
    expect(await ensureFile(desk, api(serving(bytes, 404)), file)).toBe('missing');
    // Not enrolled: nothing is asked; the viewer reports the file as not stored.
    expect(await ensureFile(desk, null, file)).toBeUndefined();
    desk.close();
  });
});
