import { BrowserWindow, dialog, type OpenDialogOptions } from 'electron';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { requireWithinMaxBytes } from '../../../shared/host/checks';
import { HostError, type OpenFileRequest, type OpenedFile } from '../../../shared/host/contract';
import { extensionOf } from '../../../shared/host/fileName';
import type { HandlerContext } from '../ipc';

export function openDialogOptions(req: OpenFileRequest): OpenDialogOptions {
  return {
    properties: ['openFile'],
    filters: req.accept.map((f) => ({
      name: f.extensions.join(', ').toUpperCase(),
      extensions: f.extensions,
    })),
  };
}

/**
 * Reads at most `maxBytes` of a regular file. The size is checked before reading, and the read is
 * bounded as well, so a file that grows in between still cannot make us load more than allowed.
 */
export async function readBounded(filePath: string, maxBytes: number): Promise<Uint8Array> {
  const handle = await open(filePath, 'r');
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new HostError('invalid-request', 'not a regular file');
    requireWithinMaxBytes(stats.size, maxBytes);
    // One spare byte: filling it means the file grew after stat and is no longer what was checked.
    const buffer = new Uint8Array(stats.size + 1);
    let filled = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
      if (filled === buffer.length) {
        if (filled > maxBytes) throw new HostError('too-large', `file exceeds ${maxBytes} bytes`);
        throw new HostError('io', 'file changed while reading');
      }
    }
    return buffer.slice(0, filled);
  } finally {
    await handle.close();
  }
}

export async function openFile(req: OpenFileRequest, ctx: HandlerContext): Promise<OpenedFile | null> {
  const options = openDialogOptions(req);
  const parent = BrowserWindow.fromWebContents(ctx.sender);
  const choice = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  const filePath = choice.filePaths[0];
  if (choice.canceled || filePath === undefined) return null;
  // Some dialogs let a typed name bypass the filters; the renderer was promised only these types.
  const allowed = req.accept.flatMap((f) => f.extensions);
  if (!allowed.includes(extensionOf(filePath))) {
    throw new HostError('not-allowed', 'file type not accepted');
  }
  const bytes = await readBounded(filePath, req.maxBytes);
  return { name: path.basename(filePath), bytes };
}
