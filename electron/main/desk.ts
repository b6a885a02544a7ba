// App lifecycle: one instance, one hardened window onto app://desk, the IPC handler map.
// index.ts runs it; kept apart so that tests can start the desk against a fake Electron.
import { app, BrowserWindow, safeStorage, session } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBlobStore, FILES_FOLDER } from './blobStore';
import { createConnectPolicy } from './connectPolicy';
import { createDeviceTokenStore } from './deviceToken';
import { createHostHandlers } from './handlers';
import { registerIpcHandlers } from './ipc';
import { installMenu, resolveMenuLanguage } from './menu';
import { registerAppProtocol, registerAppSchemePrivileges } from './protocol';
import { readShellSettings, writeShellSettings } from './settings';
import { createMainWindow, denyAllPermissions, hardenWebContents } from './window';

// Paths of the build output (electron.vite.config.ts): out/main, out/preload, out/renderer.
const RENDERER_DIR = fileURLToPath(new URL('../renderer', import.meta.url));
const PRELOAD_PATH = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));

export function startDesk(): void {
  // Both must happen before `ready`: scheme privileges are fixed at start-up, and enableSandbox
  // makes every renderer sandboxed even if some window forgets to ask.
  registerAppSchemePrivileges();
  app.enableSandbox();

  // A second desk would open the same IndexedDB twice; focus the first one instead.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  let mainWindow: BrowserWindow | null = null;
  const openMainWindow = (): void => {
    const win = createMainWindow({ preloadPath: PRELOAD_PATH });
    win.on('closed', () => {
      if (mainWindow === win) mainWindow = null;
    });
    mainWindow = win;
  };

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });

  void app.whenReady().then(async () => {
    denyAllPermissions(session.defaultSession);
    const userData = app.getPath('userData');
    // Read before anything is served: the first page's policy must already allow the server.
    const settings = await readShellSettings(userData);
    const connect = createConnectPolicy(
      settings.serverOrigin ?? null,
      async (origin) => {
        const { serverOrigin: _old, ...rest } = await readShellSettings(userData);
        await writeShellSettings(userData, origin === null ? rest : { ...rest, serverOrigin: origin });
      },
      {
        initial: settings.signingOrigins ?? [],
        persist: async (origins) => {
          const { signingOrigins: _old, ...rest } = await readShellSettings(userData);
          await writeShellSettings(
            userData,
            origins.length === 0 ? rest : { ...rest, signingOrigins: [...origins] },
          );
        },
      },
    );
    registerAppProtocol(RENDERER_DIR, (document) => connect.header(document));
    registerIpcHandlers(
      createHostHandlers(
        connect,
        createDeviceTokenStore(userData, safeStorage),
        createBlobStore(path.join(userData, FILES_FOLDER)),
      ),
    );
    installMenu(resolveMenuLanguage(settings.language, app.getPreferredSystemLanguages()), {
      isMac: process.platform === 'darwin',
      developer: !app.isPackaged,
    });
    openMainWindow();
  });
}
