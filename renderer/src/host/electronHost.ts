// The Electron side of the host contract: a thin wrapper over `window.deskHost`, which the preload
// exposes. Envelopes become values again, and error envelopes become HostError with their code.
import {
  unwrapHostResponse,
  type DeskHostBridge,
  type Host,
  type HostBlobStore,
} from '../../../shared/host';

declare global {
  interface Window {
    /** Present only inside the Electron desk (electron/preload). */
    deskHost?: DeskHostBridge;
  }
}

/** The file store under the user-data folder (electron/main/blobStore.ts), over the bridge. */
function electronBlobs(bridge: DeskHostBridge): HostBlobStore {
  return {
    put: async (sha256, bytes) => {
      unwrapHostResponse(await bridge.blobPut({ sha256, bytes }));
    },
    get: async (sha256) => unwrapHostResponse(await bridge.blobGet(sha256)),
    delete: async (sha256s) => {
      unwrapHostResponse(await bridge.blobDelete(sha256s));
    },
    list: async () => unwrapHostResponse(await bridge.blobList()),
    usage: async () => unwrapHostResponse(await bridge.blobUsage()),
  };
}

export function createElectronHost(bridge: DeskHostBridge): Host {
  return {
    kind: 'electron',
    blobs: electronBlobs(bridge),
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
