import { app } from 'electron';
import type { HostBlobStore } from '../../../shared/host/contract';
import type { ConnectPolicy } from '../connectPolicy';
import type { DeviceTokenStore } from '../deviceToken';
import type { HostHandlers } from '../ipc';
import { openExternal } from './openExternal';
import { notify } from './notify';
import { openFile } from './openFile';
import { printPdf } from './printPdf';
import { saveFile } from './saveFile';

/** The handler map: one entry per channel of shared/host/channels.ts, checked by the type. */
export function createHostHandlers(
  connect: ConnectPolicy,
  token: DeviceTokenStore,
  blobs: HostBlobStore,
): HostHandlers {
  return {
    'host:app-version': () => Promise.resolve(app.getVersion()),
    'host:save-file': saveFile,
    'host:open-file': openFile,
    'host:print-pdf': (req) => printPdf(req),
    'host:open-external': (url) => openExternal(url),
    'host:set-server-origin': (origin) => connect.setServerOrigin(origin),
    'host:set-signing-origins': (origins) => connect.setSigningOrigins(origins),
    'host:notify': (req, context) => Promise.resolve(notify(req, context)),
    'host:read-device-token': () => token.read(),
    'host:store-device-token': (value) => token.store(value),
    'host:blob-put': async ({ sha256, bytes }) => {
      await blobs.put(sha256, bytes);
      return null;
    },
    'host:blob-get': (sha256) => blobs.get(sha256),
    'host:blob-delete': async (sha256s) => {
      await blobs.delete(sha256s);
      return null;
    },
    'host:blob-list': () => blobs.list(),
    'host:blob-usage': () => blobs.usage(),
  };
}
