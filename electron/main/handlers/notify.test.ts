import type { WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, FakeNotification, resetElectronFake } from '../testing/fakeElectron';
import { heldNotifications, notify } from './notify';

vi.mock('electron', async () => (await import('../testing/fakeElectron')).electronFake);

beforeEach(resetElectronFake);

const sender = {} as WebContents;
const request = { title: 'Мерзімдер', body: 'Бүгін немесе ертең: 3. Мерзімі өткен: 1.' };

describe('notify', () => {
  it('shows the system notification with the title and body it was given', () => {
    expect(notify(request, { sender })).toBe('shown');
    expect(FakeNotification.instances).toHaveLength(1);
    const [n] = FakeNotification.instances;
    expect(n!.options).toEqual(request);
    expect(n!.show).toHaveBeenCalledOnce();
  });

  it('brings the desk forward, restored from the taskbar, when the notification is clicked', () => {
    const win = new FakeBrowserWindow();
    win.isMinimized.mockReturnValue(true);
    FakeBrowserWindow.fromWebContents.mockReturnValue(win);
    notify(request, { sender });
    const before = heldNotifications();
    FakeNotification.instances[0]!.emit('click');
    expect(FakeBrowserWindow.fromWebContents).toHaveBeenCalledWith(sender);
    expect(win.restore).toHaveBeenCalledOnce();
    expect(win.show).toHaveBeenCalledOnce();
    expect(win.focus).toHaveBeenCalledOnce();
    // Held until clicked, so the click handler was not collected with it.
    expect(heldNotifications()).toBe(before - 1);
  });

  it('does nothing when the window is gone by the time of the click', () => {
    const win = new FakeBrowserWindow();
    win.destroyed = true;
    FakeBrowserWindow.fromWebContents.mockReturnValue(win);
    notify(request, { sender });
    FakeNotification.instances[0]!.emit('click');
    expect(win.focus).not.toHaveBeenCalled();
  });

  it('answers unsupported where the system has no notifications, and shows none', () => {
    FakeNotification.supported = false;
    expect(notify(request, { sender })).toBe('unsupported');
    expect(FakeNotification.instances).toHaveLength(0);
  });
});
