import type * as FsPromises from 'node:fs/promises';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeFileAtomic } from './atomicWrite';

// What the write asks of the file system, in order: the real calls run, and each is noted. A write
// that skips a flush still produces the right bytes, so only the order of calls can tell.
const fsCalls = vi.hoisted(() => ({ log: [] as string[], dir: '', failFolderSync: null as string | null }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof FsPromises>();
  const what = (p: unknown) => (p === fsCalls.dir ? 'folder' : 'file');
  return {
    ...real,
    open: async (...args: Parameters<typeof real.open>) => {
      const handle = await real.open(...args);
      const kind = what(args[0]);
      fsCalls.log.push(`open ${kind}`);
      const { writeFile: write, sync, close } = handle;
      handle.writeFile = (...a: Parameters<typeof write>) => {
        fsCalls.log.push(`write ${kind}`);
        return write.apply(handle, a);
      };
      handle.sync = () => {
        fsCalls.log.push(`sync ${kind}`);
        if (kind === 'folder' && fsCalls.failFolderSync) {
          return Promise.reject(Object.assign(new Error('fsync failed'), { code: fsCalls.failFolderSync }));
        }
        return sync.apply(handle);
      };
      handle.close = () => {
        fsCalls.log.push(`close ${kind}`);
        return close.apply(handle);
      };
      return handle;
    },
    rename: (...args: Parameters<typeof real.rename>) => {
      fsCalls.log.push('rename');
      return real.rename(...args);
    },
  };
});

let dir: string;
const platform = process.platform;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'desk-atomic-'));
  fsCalls.dir = dir;
  fsCalls.log = [];
  fsCalls.failFolderSync = null;
});
afterEach(async () => {
  Object.defineProperty(process, 'platform', { value: platform });
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('writes the exact bytes', async () => {
    const target = path.join(dir, 'a.bin');
    await writeFileAtomic(target, new Uint8Array([0, 255, 1]));
    expect([...(await readFile(target))]).toEqual([0, 255, 1]);
  });

  it('flushes the bytes before the rename, and the folder after it', async () => {
    Object.defineProperty(process, 'platform', { value: 'linux' });
    await writeFileAtomic(path.join(dir, 'order.pdf'), new Uint8Array([1, 2, 3]));
    expect(fsCalls.log).toEqual([
      'open file',
      'write file',
      'sync file',
      'close file',
      'rename',
      'open folder',
      'sync folder',
      'close folder',
    ]);
  });

  it('does not try to sync a folder on Windows, which cannot', async () => {
    Object.defineProperty(process, 'platform', { value: 'win32' });
    await writeFileAtomic(path.join(dir, 'order.pdf'), new Uint8Array([1]));
    expect(fsCalls.log).toEqual(['open file', 'write file', 'sync file', 'close file', 'rename']);
  });

  it('accepts a file system that cannot sync folders, but reports a failing disk', async () => {
    Object.defineProperty(process, 'platform', { value: 'linux' });
    fsCalls.failFolderSync = 'EINVAL';
    await expect(writeFileAtomic(path.join(dir, 'a.pdf'), new Uint8Array([1]))).resolves.toBeUndefined();
    fsCalls.failFolderSync = 'EIO';
    await expect(writeFileAtomic(path.join(dir, 'b.pdf'), new Uint8Array([2]))).rejects.toMatchObject({
      code: 'EIO',
    });
    // The folder handle is closed either way.
    expect(fsCalls.log.filter((c) => c === 'close folder')).toHaveLength(2);
  });

  it('leaves the old file untouched and no temporary file when the final step fails', async () => {
    // A directory cannot be replaced by a file: the rename fails after the bytes were written.
    const target = path.join(dir, 'occupied');
    await mkdir(target);
    await writeFile(path.join(target, 'inside.txt'), 'keep');
    await expect(writeFileAtomic(target, new Uint8Array([1, 2, 3]))).rejects.toBeInstanceOf(Error);
    expect(await readdir(dir)).toEqual(['occupied']);
    expect(await readFile(path.join(target, 'inside.txt'), 'utf8')).toBe('keep');
  });
});
