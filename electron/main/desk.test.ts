import { beforeEach, describe, expect, it, vi } from 'vitest';
import { HOST_CHANNEL_NAMES } from '../../shared/host/channels';
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
