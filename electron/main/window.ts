// The desk window and the guards every web contents gets. The renderer shows case data of
// applicants, so it must never gain Node, leave app://, open other windows or be granted devices.
import { BrowserWindow, shell, type Session, type WebContents, type WebPreferences } from 'electron';
import { normalizeExternalUrl } from '../../shared/host/checks';
import { APP_ENTRY_URL, isAppUrl } from './protocol';

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    // The renderer only reaches the OS through the preload's contextBridge functions.
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    // A file dropped on the window would otherwise navigate the desk away to file://.
    navigateOnDragDrop: false,
    // Spell-check dictionaries are downloaded from the network; the desk works offline.
    spellcheck: false,
    safeDialogs: true,
  };
}

export interface MainWindowOptions {
  preloadPath: string;
  url?: string;
}

export function createMainWindow({ preloadPath, url = APP_ENTRY_URL }: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(preloadPath),
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(url);
  return win;
}

function openOutside(url: string): void {
  const external = normalizeExternalUrl(url);
  // Errors here mean the OS has no browser; there is nothing useful to tell the renderer.
  if (external !== null) shell.openExternal(external).catch(() => undefined);
}

/** Applied to every web contents the app creates (desk.ts wires it), the print window included. */
export function hardenWebContents(contents: WebContents): void {
  // New windows would escape these guards; https links open in the person's browser instead.
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    openOutside(event.url);
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** The desk needs no camera, microphone, location, notifications, USB, HID or serial devices. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
