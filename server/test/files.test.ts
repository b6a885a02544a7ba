/**
 * Files by tus 1.0: an upload resumes where the stored bytes end, is accepted only when the SHA-256
 * of the whole file is the one declared, and becomes downloadable by its hash (an event naming a
 * file the server lacks is refused 'file.missing': sync.test.ts).
 */
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../shared/api';
import { PIECE_BYTES } from '../src/files/pg-store';
import { BACKENDS, testServer, type TestServer } from './harness';

const b64 = (s: string) => Buffer.from(s).toString('base64');
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe.each(BACKENDS)('files on $name', (backend) => {
  let server: TestServer;
  let token: string;
  beforeAll(async () => {
    server = await testServer(backend);
    token = (await server.enrol('officer-1')).token;
  }, 120_000);
  afterAll(() => server.close());

  async function create(length: number, sha256: string): Promise<Response> {
    return server.request('/files/', {
      token,
      method: 'POST',
      headers: {
        'Tus-Resumable': '1.0.0',
        'Upload-Length': String(length),
        'Upload-Metadata': `sha256 ${b64(sha256)},fileName ${b64('order.pdf')},mimeType ${b64('application/pdf')}`,
      },
    });
  }
  const patch = (location: string, offset: number, bytes: Uint8Array) =>
    server.request(location, {
      token,
      method: 'PATCH',
      headers: {
        'Tus-Resumable': '1.0.0',
        'Upload-Offset': String(offset),
        'Content-Type': 'application/offset+octet-stream',
      },
      body: bytes,
    });

  it('resumes an upload at the stored offset, checks the whole hash, and serves the file by its hash', async () => {
    const bytes = randomBytes(PIECE_BYTES * 2 + 1234);
    const hash = sha(bytes);
    const created = await create(bytes.length, hash);
    expect(created.status).toBe(201);
    const location = created.headers.get('location') ?? '';
    expect(location).toMatch(/^\/files\/u[0-9a-f]+$/);
    // The first part arrives, then the connection is "cut": the client asks where to go on.
    const firstPart = PIECE_BYTES + 100;
    expect((await patch(location, 0, bytes.subarray(0, firstPart))).status).toBe(204);
    const head = await server.request(location, {
      token,
      method: 'HEAD',
      headers: { 'Tus-Resumable': '1.0.0' },
    });
    expect(Number(head.headers.get('upload-offset'))).toBe(firstPart);
    // Sending from an offset the server does not hold is refused (409), nothing is written.
    expect((await patch(location, 5, bytes.subarray(5))).status).toBe(409);
    expect((await server.request(`/files/${hash}`, { token })).status).toBe(404);
    const done = await patch(location, firstPart, bytes.subarray(firstPart));
    expect(done.status).toBe(204);
    const download = await server.request(`/files/${hash}`, { token });
    expect(download.status).toBe(200);
    expect(download.headers.get('etag')).toBe(`"${hash}"`);
    expect(sha(new Uint8Array(await download.arrayBuffer()))).toBe(hash);
    const other = await server.enrol('officer-2');
    expect((await server.request(`/files/${hash}`, { token: other.token, method: 'HEAD' })).status).toBe(200);
  });

  it('refuses an upload whose bytes do not have the declared SHA-256, and keeps nothing of it', async () => {
    const bytes = randomBytes(5000);
    const declared = sha(randomBytes(10));
    const created = await create(bytes.length, declared);
    const location = created.headers.get('location') ?? '';
    const answer = await patch(location, 0, bytes);
    expect(answer.status).toBe(460);
    expect(await answer.text()).toContain('file.hash-mismatch');
    expect((await server.request(`/files/${declared}`, { token })).status).toBe(404);
    const left = await server.db.query('SELECT 1 FROM uploads WHERE sha256 = $1', [declared]);
    expect(left.rows).toHaveLength(0);
  });

  it('refuses a creation without the metadata or over the size limit before any byte is sent', async () => {
    const bare = await server.request('/files/', {
      token,
      method: 'POST',
      headers: { 'Tus-Resumable': '1.0.0', 'Upload-Length': '10' },
    });
    expect(bare.status).toBe(400);
    const huge = await create(MAX_FILE_BYTES + 1, 'c'.repeat(64));
    expect(huge.status).toBe(413);
    const anonymous = await server.request('/files/', {
      method: 'POST',
      headers: { 'Tus-Resumable': '1.0.0', 'Upload-Length': '1' },
    });
    expect(anonymous.status).toBe(401);
  });
});
