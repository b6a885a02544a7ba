import { app } from 'electron';
import type { HostHandlers } from '../ipc';
import { openExternal } from './openExternal';
import { openFile } from './openFile';
import { printPdf } from './printPdf';
import { saveFile } from './saveFile';

/** The handler map: one entry per channel of shared/host/channels.ts, checked by the type. */
export function createHostHandlers(): HostHandlers {
  return {
    'host:app-version': () => Promise.resolve(app.getVersion()),
    'host:save-file': saveFile,
    'host:open-file': openFile,
    'host:print-pdf': (req) => printPdf(req),
    'host:open-external': (url) => openExternal(url),
  };
}
