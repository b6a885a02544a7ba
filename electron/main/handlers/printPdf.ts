import { BrowserWindow } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { HostError, type PrintPdfRequest } from '../../../shared/host/contract';
import { sanitizeFileName, withExtension } from '../../../shared/host/fileName';

function print(win: BrowserWindow): Promise<void> {
  return new Promise((resolve, reject) => {
    win.webContents.print({ silent: false, printBackground: true }, (success, failureReason) => {
      if (success) resolve();
      // Electron has spelled this "cancelled", "canceled" and now "Print job canceled".
      else if (/cancel/i.test(failureReason)) reject(new HostError('cancelled', 'print cancelled'));
      else reject(new HostError('io', 'print failed'));
    });
  });
}

/**
 * Prints through Chromium's PDF viewer in a hidden window: the OS print dialog then shows exactly
 * the rendered document, with the person's own printers. The temporary copy (named after the title,
 * which print queues show) is removed whatever happens.
 */
export async function printPdf(req: PrintPdfRequest): Promise<null> {
  const dir = await mkdtemp(path.join(tmpdir(), 'desk-print-'));
  const file = path.join(dir, withExtension(sanitizeFileName(req.title, 'document'), 'pdf'));
  let win: BrowserWindow | null = null;
  try {
    await writeFile(file, req.bytes, { mode: 0o600 });
    win = new BrowserWindow({
      show: false,
      webPreferences: {
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        // Chromium's PDF viewer is a plugin; nothing else runs in this window (no preload).
        plugins: true,
      },
    });
    await win.loadURL(pathToFileURL(file).href);
    await print(win);
    return null;
  } finally {
    if (win && !win.isDestroyed()) win.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}
