import { app } from 'electron';
import type { ConnectPolicy } from '../connectPolicy';
import type { DeviceTokenStore } from '../deviceToken';
import type { HostHandlers } from '../ipc';
import { openExternal } from './openExternal';
import { notify } from './notify';
import { openFile } from './openFile';
import { printPdf } from './printPdf';
import { saveFile } from './saveFile';

/** The handler map: one entry per channel of shared/host/channels.ts, checked by the type. */
export function createHostHandlers(connect: ConnectPolicy, token: DeviceTokenStore): HostHandlers {
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
  };
}
