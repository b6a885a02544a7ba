import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { WebContents } from 'electron';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { electronFake, resetElectronFake } from '../testing/fakeElectron';
import { openDialogOptions, openFile, readBounded } from './openFile';

vi.mock('electron', async () => (await import('../testing/fakeElectron')).electronFake);

const ctx = { sender: {} as WebContents };
const accept = [{ mimeType: 'application/pdf', extensions: ['pdf'] }];
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'desk-open-'));
  await writeFile(path.join(dir, 'заявление.pdf'), new Uint8Array(100).fill(7));
  await writeFile(path.join(dir, 'tool.exe'), 'MZ');
});
afterAll(() => rm(dir, { recursive: true, force: true }));
beforeEach(resetElectronFake);

function choose(...filePaths: string[]): void {
  electronFake.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths });
}

describe('openFile', () => {
  it('answers null when the dialog is cancelled', async () => {
    expect(await openFile({ accept, maxBytes: 1000 }, ctx)).toBeNull();
  });

  it('returns the name and bytes of the chosen file', async () => {
    choose(path.join(dir, 'заявление.pdf'));
    const file = await openFile({ accept, maxBytes: 1000 }, ctx);
    expect(file?.name).toBe('заявление.pdf');
    expect(file?.bytes).toEqual(new Uint8Array(100).fill(7));
  });

  it('refuses a file over maxBytes with too-large', async () => {
    choose(path.join(dir, 'заявление.pdf'));
    await expect(openFile({ accept, maxBytes: 99 }, ctx)).rejects.toMatchObject({ code: 'too-large' });
  });

  it('refuses a file of a type that was not asked for', async () => {
    choose(path.join(dir, 'tool.exe'));
    await expect(openFile({ accept, maxBytes: 1000 }, ctx)).rejects.toMatchObject({ code: 'not-allowed' });
  });

  it('passes the accepted types to the dialog as filters', () => {
    const options = openDialogOptions({
      accept: [
        { mimeType: 'application/pdf', extensions: ['pdf'] },
        { mimeType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
      ],
      maxBytes: 1,
    });
    expect(options.properties).toEqual(['openFile']);
    expect(options.filters).toEqual([
      { name: 'PDF', extensions: ['pdf'] },
      { name: 'JPG, JPEG', extensions: ['jpg', 'jpeg'] },
    ]);
  });
});

describe('readBounded', () => {
  it('checks the size before reading anything', async () => {
    await expect(readBounded(path.join(dir, 'заявление.pdf'), 10)).rejects.toMatchObject({
      code: 'too-large',
    });
  });

  it('reads a file exactly at the limit', async () => {
    expect((await readBounded(path.join(dir, 'заявление.pdf'), 100)).byteLength).toBe(100);
  });

  it('refuses a folder', async () => {
    await expect(readBounded(dir, 100)).rejects.toMatchObject({ code: 'invalid-request' });
  });
});
