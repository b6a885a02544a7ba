import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, resetElectronFake } from '../testing/fakeElectron';
import { printPdf } from './printPdf';

vi.mock('electron', async () => (await import('../testing/fakeElectron')).electronFake);

const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]);

beforeEach(resetElectronFake);

const exists = (p: string) =>
  access(p).then(
    () => true,
    () => false,
  );

/** Print windows record what was on disk when they loaded, and answer print with `outcome`. */
function printWindows(outcome: [boolean, string], loadFails = false) {
  const seen: { file?: string; bytes?: Uint8Array } = {};
  FakeBrowserWindow.onCreate = (win) => {
    win.loadURL.mockImplementation(async (url: string) => {
      seen.file = fileURLToPath(url);
      seen.bytes = new Uint8Array(await readFile(seen.file));
      if (loadFails) throw new Error('ERR_FAILED');
    });
    win.webContents.print.mockImplementation((_options, callback) => callback(...outcome));
  };
  return seen;
}

describe('printPdf', () => {
  it('prints the bytes from a hidden, sandboxed window and cleans up', async () => {
    const seen = printWindows([true, '']);
    await expect(printPdf({ bytes: pdf, title: 'Бұйрық №5/2026' })).resolves.toBeNull();

    const win = FakeBrowserWindow.instances[0]!;
    expect(win.options).toMatchObject({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, plugins: true },
    });
    expect((win.options.webPreferences as Record<string, unknown>).preload).toBeUndefined();
    expect(seen.bytes).toEqual(pdf);
    expect(path.basename(seen.file!)).toBe('Бұйрық №5_2026.pdf');
    expect(win.webContents.print).toHaveBeenCalledOnce();
    expect(win.destroy).toHaveBeenCalledOnce();
    expect(await exists(path.dirname(seen.file!))).toBe(false);
  });

  it('rejects with cancelled when the person cancels, and still cleans up', async () => {
    const seen = printWindows([false, 'Print job canceled']);
    await expect(printPdf({ bytes: pdf, title: 't' })).rejects.toMatchObject({ code: 'cancelled' });
    expect(FakeBrowserWindow.instances[0]!.destroy).toHaveBeenCalledOnce();
    expect(await exists(path.dirname(seen.file!))).toBe(false);
  });

  it('rejects with io when printing fails', async () => {
    printWindows([false, 'Print job failed']);
    await expect(printPdf({ bytes: pdf, title: 't' })).rejects.toMatchObject({ code: 'io' });
  });

  it('cleans up when the document cannot be loaded, without printing', async () => {
    const seen = printWindows([true, ''], true);
    await expect(printPdf({ bytes: pdf, title: 't' })).rejects.toThrow('ERR_FAILED');
    const win = FakeBrowserWindow.instances[0]!;
    expect(win.webContents.print).not.toHaveBeenCalled();
    expect(win.destroy).toHaveBeenCalledOnce();
    expect(await exists(path.dirname(seen.file!))).toBe(false);
  });
});
