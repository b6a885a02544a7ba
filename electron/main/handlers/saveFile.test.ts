import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { WebContents } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { electronFake, FakeBrowserWindow, resetElectronFake } from '../testing/fakeElectron';
import { saveDialogOptions, saveFile } from './saveFile';

vi.mock('electron', async () => (await import('../testing/fakeElectron')).electronFake);

const ctx = { sender: {} as WebContents };
const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37]);
let dir: string;

beforeEach(async () => {
  resetElectronFake();
  dir = await mkdtemp(path.join(tmpdir(), 'desk-save-'));
  electronFake.app.getPath.mockReturnValue(dir);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('saveFile', () => {
  it('answers saved: false and writes nothing when the dialog is cancelled', async () => {
    electronFake.dialog.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
    const result = await saveFile(
      { suggestedName: 'order.pdf', mimeType: 'application/pdf', bytes: pdf },
      ctx,
    );
    expect(result).toEqual({ saved: false });
    expect(await readdir(dir)).toEqual([]);
  });

  it('writes the bytes to the chosen path and leaves no temporary file', async () => {
    const target = path.join(dir, 'Рұқсат.pdf');
    electronFake.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    const result = await saveFile(
      { suggestedName: 'Рұқсат.pdf', mimeType: 'application/pdf', bytes: pdf },
      ctx,
    );
    expect(result).toEqual({ saved: true, path: target });
    expect(new Uint8Array(await readFile(target))).toEqual(pdf);
    expect(await readdir(dir)).toEqual(['Рұқсат.pdf']);
  });

  it('replaces an existing file completely', async () => {
    const target = path.join(dir, 'order.pdf');
    await writeFile(target, 'an older and much longer version of the order');
    electronFake.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    await saveFile({ suggestedName: 'order.pdf', mimeType: 'application/pdf', bytes: pdf }, ctx);
    expect(new Uint8Array(await readFile(target))).toEqual(pdf);
  });

  it('offers a sanitized name in Documents as the default path', async () => {
    await saveFile(
      { suggestedName: 'Ответ: №12/2026 <школа>?', mimeType: 'application/pdf', bytes: pdf },
      ctx,
    );
    const options = electronFake.dialog.showSaveDialog.mock.calls[0]![0] as { defaultPath: string };
    expect(options.defaultPath).toBe(path.join(dir, 'Ответ_ №12_2026 _школа__.pdf'));
  });

  it('opens the dialog on the window that asked', async () => {
    const parent = new FakeBrowserWindow();
    FakeBrowserWindow.fromWebContents.mockReturnValue(parent);
    await saveFile({ suggestedName: 'a.pdf', mimeType: 'application/pdf', bytes: pdf }, ctx);
    expect(electronFake.dialog.showSaveDialog.mock.calls[0]![0]).toBe(parent);
  });

  it('fails without a trace when the folder cannot be written', async () => {
    const target = path.join(dir, 'missing-folder', 'order.pdf');
    electronFake.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    await expect(
      saveFile({ suggestedName: 'order.pdf', mimeType: 'application/pdf', bytes: pdf }, ctx),
    ).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('saveDialogOptions', () => {
  it('adds the extension of the MIME type and a matching filter', () => {
    const options = saveDialogOptions(
      { suggestedName: 'signature', mimeType: 'application/pkcs7-signature', bytes: pdf },
      '/docs',
    );
    expect(path.basename(options.defaultPath!)).toBe('signature.cms');
    expect(options.filters).toEqual([{ name: 'CMS', extensions: ['cms'] }]);
  });

  it('keeps the extension the name already has', () => {
    const options = saveDialogOptions(
      { suggestedName: 'cases.CSV', mimeType: 'text/csv', bytes: pdf },
      '/docs',
    );
    expect(path.basename(options.defaultPath!)).toBe('cases.CSV');
    expect(options.filters).toEqual([{ name: 'CSV', extensions: ['csv'] }]);
  });

  it('never lets the suggested name pick a folder', () => {
    const options = saveDialogOptions(
      { suggestedName: '..\\..\\Windows\\System32\\evil.pdf', mimeType: 'application/pdf', bytes: pdf },
      '/docs',
    );
    expect(path.dirname(options.defaultPath!)).toBe('/docs');
  });
});
