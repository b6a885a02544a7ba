import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { FakeBrowserWindow } from './testing/fakeElectron';
import { electronFake, FakeWebContents, resetElectronFake } from './testing/fakeElectron';
import { createMainWindow, denyAllPermissions, hardenWebContents, secureWebPreferences } from './window';
import type { Session, WebContents } from 'electron';

vi.mock('electron', async () => (await import('./testing/fakeElectron')).electronFake);

beforeEach(resetElectronFake);

function hardened(): FakeWebContents {
  const contents = new FakeWebContents();
  hardenWebContents(contents as unknown as WebContents);
  return contents;
}

function navigate(contents: FakeWebContents, event: string, url: string): boolean {
  let prevented = false;
  contents.emit(event, { url, preventDefault: () => (prevented = true) });
  return prevented;
}

describe('main window', () => {
  it('uses the secure web preferences', () => {
    expect(secureWebPreferences('/app/out/preload/index.cjs')).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('creates the window with those preferences and loads the app:// entry', () => {
    const win = createMainWindow({ preloadPath: '/p/index.cjs' }) as unknown as FakeBrowserWindow;
    expect(win.options.webPreferences).toEqual(secureWebPreferences('/p/index.cjs'));
    expect(win.options.show).toBe(false);
    expect(win.loadURL).toHaveBeenCalledWith('app://desk/index.html');
    expect(win.show).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalledOnce();
  });
});

describe('hardenWebContents', () => {
  it('denies every window.open and sends only https links to the OS browser', () => {
    const contents = hardened();
    const open = (url: string) => contents.windowOpenHandler!({ url });
    expect(open('https://egov.kz/')).toEqual({ action: 'deny' });
    expect(open('http://egov.kz/')).toEqual({ action: 'deny' });
    expect(open('file:///C:/Windows/System32/cmd.exe')).toEqual({ action: 'deny' });
    expect(open('app://desk/index.html')).toEqual({ action: 'deny' });
    expect(electronFake.shell.openExternal).toHaveBeenCalledTimes(1);
    expect(electronFake.shell.openExternal).toHaveBeenCalledWith('https://egov.kz/');
  });

  it('lets the desk navigate within app://desk', () => {
    expect(navigate(hardened(), 'will-navigate', 'app://desk/index.html#/cases')).toBe(false);
  });

  it.each([
    'https://egov.kz/',
    'http://127.0.0.1:8080/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'app://other/',
  ])('prevents navigating to %s', (url) => {
    expect(navigate(hardened(), 'will-navigate', url)).toBe(true);
  });

  it('opens an https link the desk tried to navigate to in the OS browser instead', () => {
    const contents = hardened();
    navigate(contents, 'will-navigate', 'https://adilet.zan.kz/');
    navigate(contents, 'will-navigate', 'http://adilet.zan.kz/');
    expect(electronFake.shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://adilet.zan.kz/');
  });

  it('prevents redirects away from the app and webview attachment', () => {
    const contents = hardened();
    expect(navigate(contents, 'will-redirect', 'https://evil.example/')).toBe(true);
    expect(navigate(contents, 'will-redirect', 'app://desk/index.html')).toBe(false);
    expect(navigate(contents, 'will-attach-webview', 'app://desk/')).toBe(true);
  });
});

describe('denyAllPermissions', () => {
  it('refuses permission requests, checks and devices', () => {
    const session = electronFake.session.defaultSession;
    denyAllPermissions(session as unknown as Session);
    const request = session.setPermissionRequestHandler.mock.calls[0]![0] as (
      c: unknown,
      p: string,
      cb: (granted: boolean) => void,
    ) => void;
    const callback = vi.fn();
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal']) {
      request({}, permission, callback);
    }
    expect(callback.mock.calls).toEqual([[false], [false], [false], [false]]);
    const check = session.setPermissionCheckHandler.mock.calls[0]![0] as (...a: unknown[]) => boolean;
    expect(check({}, 'media')).toBe(false);
    const device = session.setDevicePermissionHandler.mock.calls[0]![0] as (...a: unknown[]) => boolean;
    expect(device({ deviceType: 'usb' })).toBe(false);
  });
});
