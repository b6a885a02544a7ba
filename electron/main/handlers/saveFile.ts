import { app, BrowserWindow, dialog, type SaveDialogOptions } from 'electron';
import path from 'node:path';
import type { SaveFileRequest, SaveFileResult } from '../../../shared/host/contract';
import {
  extensionForMimeType,
  extensionOf,
  sanitizeFileName,
  withExtension,
} from '../../../shared/host/fileName';
import { writeFileAtomic } from '../atomicWrite';
import type { HandlerContext } from '../ipc';

/** The dialog's starting point: a valid Windows file name in Documents, with the right extension. */
export function saveDialogOptions(req: SaveFileRequest, documentsDir: string): SaveDialogOptions {
  const name = sanitizeFileName(req.suggestedName);
  const ext = extensionOf(name) || extensionForMimeType(req.mimeType);
  const options: SaveDialogOptions = {
    defaultPath: path.join(documentsDir, withExtension(name, ext)),
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  if (ext !== '') options.filters = [{ name: ext.toUpperCase(), extensions: [ext] }];
  return options;
}

export async function saveFile(req: SaveFileRequest, ctx: HandlerContext): Promise<SaveFileResult> {
  const options = saveDialogOptions(req, app.getPath('documents'));
  const parent = BrowserWindow.fromWebContents(ctx.sender);
  const choice = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return { saved: false };
  await writeFileAtomic(choice.filePath, req.bytes);
  return { saved: true, path: choice.filePath };
}
