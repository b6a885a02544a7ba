// The Electron side of the host contract: a thin wrapper over `window.deskHost`, which the preload
// exposes. Envelopes become values again, and error envelopes become HostError with their code.
import { unwrapHostResponse, type DeskHostBridge, type Host } from '../../../shared/host';

declare global {
  interface Window {
    /** Present only inside the Electron desk (electron/preload). */
    deskHost?: DeskHostBridge;
  }
}

export function createElectronHost(bridge: DeskHostBridge): Host {
  return {
    kind: 'electron',
    appVersion: async () => unwrapHostResponse(await bridge.appVersion()),
    saveFile: async (req) => unwrapHostResponse(await bridge.saveFile(req)),
    openFile: async (req) => unwrapHostResponse(await bridge.openFile(req)),
    printPdf: async (req) => {
      unwrapHostResponse(await bridge.printPdf(req));
    },
    openExternal: async (url) => {
      unwrapHostResponse(await bridge.openExternal(url));
    },
    setServerOrigin: async (origin) => unwrapHostResponse(await bridge.setServerOrigin(origin)),
    setSigningOrigins: async (origins) => unwrapHostResponse(await bridge.setSigningOrigins(origins)),
    notify: async (req) => unwrapHostResponse(await bridge.notify(req)),
    tokenProtection: 'os-key-store',
    readDeviceToken: async () => unwrapHostResponse(await bridge.readDeviceToken()),
    storeDeviceToken: async (token) => {
      unwrapHostResponse(await bridge.storeDeviceToken(token));
    },
  };
}
