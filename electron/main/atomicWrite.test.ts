import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from './atomicWrite';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'desk-atomic-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  it('writes the exact bytes', async () => {
    const target = path.join(dir, 'a.bin');
    await writeFileAtomic(target, new Uint8Array([0, 255, 1]));
    expect([...(await readFile(target))]).toEqual([0, 255, 1]);
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
