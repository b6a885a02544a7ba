// The browser side of the host contract, for the web build of the desk: downloads instead of a save
// dialog, <input type=file> instead of an open dialog, the browser's PDF viewer for printing.
import { browserTokenStore } from './browserToken';
import {
  extensionForMimeType,
  extensionOf,
  HostError,
  isServerOrigin,
  isServiceOrigin,
  requireExternalUrl,
  sanitizeFileName,
  withExtension,
  type Host,
} from '../../../shared/host';
import { acceptAttribute, blobPart, readChosenFile } from './browserFiles';

export interface BrowserHostEnv {
  version: string;
  /** The central system the policy this page was served with allows (fixed when it was built). */
  serverOrigin: string | null;
  /** The signing services' origins the build's policy allows (DESK_SIGNING_ORIGINS). */
  signingOrigins?: readonly string[];
  document: Document;
  open: (url: string, target: string, features?: string) => unknown;
  setTimeout: (callback: () => void, ms: number) => unknown;
  createObjectURL: (blob: Blob) => string;
  revokeObjectURL: (url: string) => void;
  /** The page's Notification API, or null where the browser has none. */
  notifications: NotificationsLike | null;
}

/** What the host uses of the Notification API (so tests need no browser). */
export interface NotificationsLike {
  permission: () => NotificationPermission;
  show: (title: string, body: string) => void;
}

function pageNotifications(): NotificationsLike | null {
  if (typeof Notification === 'undefined') return null;
  return {
    permission: () => Notification.permission,
    // One tag: the morning's notice replaces the sign-in's instead of piling up.
    show: (title, body) => void new Notification(title, { body, tag: 'desk-deadlines' }),
  };
}

// Chromium starts a download asynchronously after the click; revoking at once can cancel it.
const REVOKE_DOWNLOAD_AFTER_MS = 60_000;

function defaultVersion(): string {
  return typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0';
}

function allowedServerOrigin(o: Partial<BrowserHostEnv>): string | null {
  if (o.serverOrigin !== undefined) return o.serverOrigin;
  return typeof __DESK_SERVER_ORIGIN__ === 'string' ? __DESK_SERVER_ORIGIN__ : null;
}

function allowedSigningOrigins(o: Partial<BrowserHostEnv>): readonly string[] {
  if (o.signingOrigins !== undefined) return o.signingOrigins;
  return typeof __DESK_SIGNING_ORIGINS__ === 'object' ? __DESK_SIGNING_ORIGINS__ : [];
}

// Each default touches `window` only when it is not overridden, so tests run without a DOM.
function resolveEnv(o: Partial<BrowserHostEnv>): BrowserHostEnv {
  return {
    version: o.version ?? defaultVersion(),
    serverOrigin: allowedServerOrigin(o),
    document: o.document ?? window.document,
    open: o.open ?? ((url, target, features) => window.open(url, target, features)),
    setTimeout: o.setTimeout ?? ((callback, ms) => window.setTimeout(callback, ms)),
    createObjectURL: o.createObjectURL ?? ((blob) => URL.createObjectURL(blob)),
    revokeObjectURL: o.revokeObjectURL ?? ((url) => URL.revokeObjectURL(url)),
    notifications: o.notifications !== undefined ? o.notifications : pageNotifications(),
  };
}

const HIDDEN_STYLE = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;visibility:hidden';

export function createBrowserHost(overrides: Partial<BrowserHostEnv> = {}): Host {
  let env: BrowserHostEnv | null = null;
  // Resolved on first use so that importing this module never touches the DOM.
  const use = (): BrowserHostEnv => (env ??= resolveEnv(overrides));
  // One print frame at a time: removing it while the print preview is open would cancel printing.
  let printFrame: { iframe: HTMLIFrameElement; url: string } | null = null;

  const token = browserTokenStore();
  return {
    kind: 'browser',
    // The browser keeps the desk's files in IndexedDB with their metadata (db/repositories/attachments).
    blobs: null,
    tokenProtection: 'browser-storage',
    readDeviceToken: () => token.read(),
    storeDeviceToken: (value) => token.store(value),

    appVersion: () => Promise.resolve(overrides.version ?? defaultVersion()),

    // Executors run synchronously (the click stays inside the person's gesture) and turn throws
    // into rejections.
    saveFile: (req) =>
      new Promise((resolve) => {
        const e = use();
        const name = sanitizeFileName(req.suggestedName);
        const fileName = withExtension(name, extensionOf(name) || extensionForMimeType(req.mimeType));
        const url = e.createObjectURL(new Blob([blobPart(req.bytes)], { type: req.mimeType }));
        const link = e.document.createElement('a');
        link.href = url;
        link.download = fileName;
        link.rel = 'noopener';
        link.style.display = 'none';
        e.document.body.append(link);
        link.click();
        link.remove();
        e.setTimeout(() => e.revokeObjectURL(url), REVOKE_DOWNLOAD_AFTER_MS);
        // A browser does not say where (or whether) the download was kept.
        resolve({ saved: true });
      }),

    openFile: (req) =>
      new Promise((resolve, reject) => {
        const e = use();
        const input = e.document.createElement('input');
        input.type = 'file';
        input.accept = acceptAttribute(req.accept);
        input.style.display = 'none';
        input.addEventListener(
          'change',
          () => {
            const file = input.files?.[0];
            input.remove();
            if (!file) resolve(null);
            else readChosenFile(file, req).then(resolve, reject);
          },
          { once: true },
        );
        // Chromium fires `cancel` when the picker is closed without a choice.
        input.addEventListener(
          'cancel',
          () => {
            input.remove();
            resolve(null);
          },
          { once: true },
        );
        e.document.body.append(input);
        input.click();
      }),

    printPdf: (req) =>
      new Promise((resolve, reject) => {
        const e = use();
        if (printFrame) {
          printFrame.iframe.remove();
          e.revokeObjectURL(printFrame.url);
        }
        const url = e.createObjectURL(new Blob([blobPart(req.bytes)], { type: 'application/pdf' }));
        const iframe = e.document.createElement('iframe');
        iframe.title = req.title;
        iframe.setAttribute('style', HIDDEN_STYLE);
        printFrame = { iframe, url };
        iframe.addEventListener(
          'load',
          () => {
            try {
              iframe.contentWindow?.focus();
              iframe.contentWindow?.print();
              resolve();
            } catch {
              // Some viewers refuse print() from a frame; the PDF in its own tab can still be printed.
              if (e.open(url, '_blank')) resolve();
              else reject(new HostError('io', 'could not open the document for printing'));
            }
          },
          { once: true },
        );
        iframe.src = url;
        e.document.body.append(iframe);
      }),

    openExternal: (url) =>
      new Promise((resolve) => {
        // noopener: the linked site must get no handle on the desk's window.
        use().open(requireExternalUrl(url), '_blank', 'noopener,noreferrer');
        resolve();
      }),

    // A page cannot change the policy it was served with, and the browser host has no header to
    // send: the build's meta tag (and `vite preview`'s header) allow the server named when it was
    // built. Here the desk only learns whether that is the one now configured.
    setServerOrigin: (origin) =>
      new Promise((resolve) => {
        if (origin !== null && !isServerOrigin(origin)) {
          throw new HostError('invalid-request', 'not an https origin');
        }
        resolve(origin === null || origin === allowedServerOrigin(overrides) ? 'in-effect' : 'not-allowed');
      }),

    // The same for the signing services: the build allows those named in DESK_SIGNING_ORIGINS.
    setSigningOrigins: (origins) =>
      new Promise((resolve) => {
        if (!origins.every((o) => isServiceOrigin(o))) {
          throw new HostError('invalid-request', 'not an http(s) origin');
        }
        const allowed = allowedSigningOrigins(overrides);
        resolve(origins.every((o) => allowed.includes(o)) ? 'in-effect' : 'not-allowed');
      }),

    // Only where the person has already allowed them: the desk never pops up the browser's question
    // on its own, and without permission the desk's own panel is the whole notice.
    notify: (req) =>
      new Promise((resolve) => {
        const api = use().notifications;
        if (!api) return resolve('unsupported');
        if (api.permission() !== 'granted') return resolve('not-allowed');
        api.show(req.title, req.body);
        resolve('shown');
      }),
  };
}
