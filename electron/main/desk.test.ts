import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { HOST_CHANNEL_NAMES } from '../../shared/host/channels';
import { parseContentSecurityPolicy } from '../../shared/host/csp';
import { SHELL_SETTINGS_FILE } from './settings';
import { startDesk } from './desk';
import { electronFake, FakeBrowserWindow, FakeWebContents, resetElectronFake } from './testing/fakeElectron';

vi.mock('electron', async () => (await import('./testing/fakeElectron')).electronFake);

beforeEach(resetElectronFake);

async function ready(): Promise<void> {
  electronFake.app.markReady();
  await vi.waitFor(() => expect(FakeBrowserWindow.instances.length).toBeGreaterThan(0));
}

describe('desk start-up', () => {
  it('quits at once when another desk is already running', async () => {
    electronFake.app.requestSingleInstanceLock.mockReturnValue(false);
    startDesk();
    electronFake.app.markReady();
    await Promise.resolve();
    expect(electronFake.app.quit).toHaveBeenCalledOnce();
    expect(electronFake.app.whenReady).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('registers the app:// scheme and the sandbox before ready', () => {
    startDesk();
    expect(electronFake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledOnce();
    expect(electronFake.app.enableSandbox).toHaveBeenCalledOnce();
    expect(electronFake.protocol.handle).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('when ready: serves app://, denies permissions, handles every channel, opens the window', async () => {
    startDesk();
    await ready();
    expect(electronFake.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(electronFake.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalledOnce();
    const channels = electronFake.ipcMain.handle.mock.calls.map((c) => c[0] as string);
    expect(channels.sort()).toEqual([...HOST_CHANNEL_NAMES].sort());
    expect(electronFake.Menu.setApplicationMenu).toHaveBeenCalledOnce();
    // No saved setting in the fake userData folder, so the OS language (ru-KZ) picks the labels.
    expect(JSON.stringify(electronFake.Menu.buildFromTemplate.mock.calls[0])).toContain('Правка');

    const win = FakeBrowserWindow.instances[0]!;
    const prefs = win.options.webPreferences as { preload: string; sandbox: boolean };
    expect(prefs.preload.replaceAll('\\', '/')).toMatch(/\/preload\/index\.cjs$/);
    expect(prefs.sandbox).toBe(true);
    expect(win.loadURL).toHaveBeenCalledWith('app://desk/index.html');
  });

  it('hardens every web contents the app creates', () => {
    startDesk();
    const contents = new FakeWebContents();
    electronFake.app.emit('web-contents-created', {}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalledOnce();
    expect(contents.listenerCount('will-navigate')).toBe(1);
  });

  it('focuses the existing window when a second desk is started', async () => {
    startDesk();
    await ready();
    const win = FakeBrowserWindow.instances[0]!;
    win.isMinimized.mockReturnValue(true);
    electronFake.app.emit('second-instance');
    expect(win.restore).toHaveBeenCalledOnce();
    expect(win.focus).toHaveBeenCalledOnce();
  });
});

describe('the configured central server', () => {
  const SERVER = 'https://externat.example.kz';
  const deskEvent = {
    senderFrame: { url: 'app://desk/index.html' },
    sender: {},
  } as unknown as IpcMainInvokeEvent;

  it('is read before the first page is served, and a change is stored beside the other settings', async () => {
    const userData = await mkdtemp(path.join(tmpdir(), 'desk-userdata-'));
    try {
      const file = path.join(userData, SHELL_SETTINGS_FILE);
      await writeFile(file, JSON.stringify({ language: 'kk', serverOrigin: SERVER }));
      electronFake.app.getPath.mockImplementation((name: string) =>
        name === 'userData' ? userData : '/tmp',
      );
      startDesk();
      await ready();

      const serve = electronFake.protocol.handle.mock.calls[0]![1] as (r: Request) => Promise<Response>;
      const connectSrc = async () =>
        parseContentSecurityPolicy(
          (await serve(new Request('app://desk/missing.js'))).headers.get('content-security-policy')!,
        ).get('connect-src');
      expect(await connectSrc()).toContain(SERVER);

      const setOrigin = electronFake.ipcMain.handle.mock.calls.find(
        (c) => c[0] === 'host:set-server-origin',
      )![1] as (e: IpcMainInvokeEvent, raw: unknown) => Promise<unknown>;
      expect(await setOrigin(deskEvent, 'https://other.example.kz')).toEqual({
        ok: true,
        value: 'in-effect',
      });
      expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({
        language: 'kk',
        serverOrigin: 'https://other.example.kz',
      });
      expect(await connectSrc()).not.toContain(SERVER);
      expect(await connectSrc()).toContain('https://other.example.kz');

      expect(await setOrigin(deskEvent, null)).toEqual({ ok: true, value: 'in-effect' });
      expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ language: 'kk' });
    } finally {
      await rm(userData, { recursive: true, force: true });
    }
  });
});
