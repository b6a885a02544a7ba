import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HostBlobStore } from '../../shared/host/contract';
import type * as AtomicWrite from './atomicWrite';
import { temporaryFileOf, writeFileAtomic } from './atomicWrite';
import { createBlobStore, TEMPORARY, TEMPORARY_GRACE_MS } from './blobStore';
import { createHostHandlers } from './handlers';
import { createInvokeListener } from './ipc';
import { resetElectronFake } from './testing/fakeElectron';

vi.mock('electron', async () => (await import('./testing/fakeElectron')).electronFake);
// The real write, which a test can make fail as a full disk does (no small file system to fill here).
vi.mock('./atomicWrite', async (real) => {
  const actual = await real<typeof AtomicWrite>();
  return { ...actual, writeFileAtomic: vi.fn(actual.writeFileAtomic) };
});

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const pdf = new TextEncoder().encode('%PDF-1.7 бұйрық');
const desk = { senderFrame: { url: 'app://desk/index.html' }, sender: {} } as unknown as IpcMainInvokeEvent;

let root: string;
let store: HostBlobStore;
beforeEach(async () => {
  resetElectronFake();
  root = path.join(await mkdtemp(path.join(tmpdir(), 'desk-blobs-')), 'files');
  store = createBlobStore(root, 1024);
});
afterEach(() => rm(path.dirname(root), { recursive: true, force: true }));

/** The handlers as main registers them, called like ipcMain would (schema checks, envelopes). */
function channel<
  C extends 'host:blob-put' | 'host:blob-get' | 'host:blob-delete' | 'host:blob-list' | 'host:blob-usage',
>(name: C) {
  const handlers = createHostHandlers({} as never, {} as never, store);
  const listener = createInvokeListener(name, handlers[name]);
  return (raw: unknown) => listener(desk, raw);
}

describe('the host file store under the user-data folder', () => {
  it('keeps a file at files/<aa>/<sha256>, leaves no temporary file, and serves it back', async () => {
    const name = sha(pdf);
    expect(await channel('host:blob-put')({ sha256: name, bytes: pdf })).toEqual({ ok: true, value: null });
    expect(await readdir(path.join(root, name.slice(0, 2)))).toEqual([name]);
    expect(new Uint8Array(await readFile(path.join(root, name.slice(0, 2), name)))).toEqual(pdf);
    const got = await channel('host:blob-get')(name);
    expect(got.ok && [...(got.value ?? [])]).toEqual([...pdf]);
    const listed = await channel('host:blob-list')(undefined);
    expect(listed.ok && listed.value.map((f) => f.sha256)).toEqual([name]);
  });

  it('refuses bytes that do not have the SHA-256 they are put under, and writes nothing', async () => {
    const answer = await channel('host:blob-put')({ sha256: sha(new Uint8Array([1])), bytes: pdf });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await store.list()).toEqual([]);
  });

  it('refuses a file over the size limit on put and on get (without reading it)', async () => {
    const big = new Uint8Array(1025);
    await expect(store.put(sha(big), big)).rejects.toMatchObject({ code: 'too-large' });
    const name = sha(pdf);
    await store.put(name, pdf);
    await writeFile(path.join(root, name.slice(0, 2), name), big);
    await expect(store.get(name)).rejects.toMatchObject({ code: 'too-large' });
  });

  it('never serves a file altered on disk: the answer is the code "altered"', async () => {
    const name = sha(pdf);
    await store.put(name, pdf);
    const altered = new Uint8Array(pdf);
    altered[0] = 0x26;
    await writeFile(path.join(root, name.slice(0, 2), name), altered);
    expect(await channel('host:blob-get')(name)).toEqual({
      ok: false,
      error: { code: 'altered', message: 'stored file altered' },
    });
    // Putting the right bytes again mends it.
    await store.put(name, pdf);
    expect([...((await store.get(name)) ?? [])]).toEqual([...pdf]);
  });

  it('answers null for a file it does not keep, and deletes without minding missing files', async () => {
    const name = sha(pdf);
    expect(await store.get(name)).toBeNull();
    await store.put(name, pdf);
    expect(await channel('host:blob-delete')([name, 'f'.repeat(64)])).toEqual({ ok: true, value: null });
    expect(await store.get(name)).toBeNull();
    expect(await store.list()).toEqual([]);
  });

  it('takes only SHA-256 names: a path can never be named', async () => {
    for (const bad of ['../../etc/passwd', 'A'.repeat(64), `${'a'.repeat(63)}/`, '']) {
      expect(await channel('host:blob-get')(bad)).toMatchObject({
        ok: false,
        error: { code: 'invalid-request' },
      });
      expect(await channel('host:blob-delete')([bad])).toMatchObject({
        ok: false,
        error: { code: 'invalid-request' },
      });
    }
    await expect(store.get('../x')).rejects.toMatchObject({ code: 'invalid-request' });
  });

  it('lists files with their time and skips temporary files of an unfinished write', async () => {
    const name = sha(pdf);
    await store.put(name, pdf);
    const shard = path.join(root, name.slice(0, 2));
    await writeFile(path.join(shard, `.${name}.abcdef.tmp`), pdf);
    const then = new Date('2026-01-01T00:00:00Z');
    await utimes(path.join(shard, name), then, then);
    expect(await store.list()).toEqual([{ sha256: name, modifiedAt: then.getTime() }]);
    // Putting it again makes it new (the renderer's sweep spares files put in the last minutes).
    await store.put(name, pdf);
    expect((await store.list())[0]!.modifiedAt).toBeGreaterThan(then.getTime());
  });

  it('removes the temporary files a crash left once they are an hour old, and nothing else', async () => {
    const name = sha(pdf);
    await store.put(name, pdf);
    const shard = path.join(root, name.slice(0, 2));
    // Named as the store's own writes name them.
    const old = temporaryFileOf(path.join(shard, name));
    const inFlight = temporaryFileOf(path.join(shard, name));
    expect(path.basename(old)).toMatch(TEMPORARY);
    // Not a temporary file of this store (another name shape): never removed, never listed.
    const stranger = path.join(shard, `.${name}.tmp`);
    for (const file of [old, inFlight, stranger]) await writeFile(file, pdf.subarray(0, 5));
    const clock = Date.now() + TEMPORARY_GRACE_MS / 2;
    const crashed = new Date(clock - TEMPORARY_GRACE_MS - 1000);
    await utimes(old, crashed, crashed);
    const later = createBlobStore(root, 1024, () => clock);

    expect((await later.list()).map((f) => f.sha256)).toEqual([name]);
    expect((await readdir(shard)).sort()).toEqual(
      [name, path.basename(inFlight), path.basename(stranger)].sort(),
    );
    // An hour on, the write that was in flight is a leftover too.
    const hourOn = createBlobStore(root, 1024, () => clock + TEMPORARY_GRACE_MS);
    await hourOn.list();
    expect((await readdir(shard)).sort()).toEqual([name, path.basename(stranger)].sort());
    expect([...((await hourOn.get(name)) ?? [])]).toEqual([...pdf]);
  });

  it('answers disk-full when the disk has no room for the write, and keeps no file', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    vi.mocked(writeFileAtomic).mockRejectedValueOnce(full);
    const name = sha(pdf);
    expect(await channel('host:blob-put')({ sha256: name, bytes: pdf })).toMatchObject({
      ok: false,
      error: { code: 'disk-full' },
    });
    expect(await store.list()).toEqual([]);
    // Room again: the same put succeeds.
    expect(await channel('host:blob-put')({ sha256: name, bytes: pdf })).toEqual({ ok: true, value: null });
  });

  it('says how much the kept files take, temporary files not counted', async () => {
    expect(await channel('host:blob-usage')(undefined)).toEqual({ ok: true, value: { bytes: 0, count: 0 } });
    const other = new TextEncoder().encode('%PDF-1.7 өтініш, екінші файл');
    await store.put(sha(pdf), pdf);
    await store.put(sha(other), other);
    await store.put(sha(pdf), pdf);
    const name = sha(pdf);
    await writeFile(temporaryFileOf(path.join(root, name.slice(0, 2), name)), new Uint8Array(500));
    expect(await channel('host:blob-usage')(undefined)).toEqual({
      ok: true,
      value: { bytes: pdf.byteLength + other.byteLength, count: 2 },
    });
    await store.delete([name]);
    expect(await store.usage()).toEqual({ bytes: other.byteLength, count: 1 });
  });
});
