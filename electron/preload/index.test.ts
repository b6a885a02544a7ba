import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { HOST_CHANNEL_NAMES, hostChannels } from '../../shared/host/channels';
import type { DeskHostBridge } from '../../shared/host/bridge';
import { electronFake } from '../main/testing/fakeElectron';

vi.mock('electron', async () => (await import('../main/testing/fakeElectron')).electronFake);

let exposedName: unknown;
let bridge: DeskHostBridge;

// The preload exposes the bridge once, when it is loaded, as it does in the page.
beforeAll(async () => {
  await import('./index');
  expect(electronFake.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
  [exposedName, bridge] = electronFake.contextBridge.exposeInMainWorld.mock.calls[0] as [
    string,
    DeskHostBridge,
  ];
});
beforeEach(() => {
  electronFake.ipcRenderer.invoke.mockReset();
});

const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46]);

describe('preload', () => {
  it('exposes window.deskHost with exactly one function per channel', () => {
    expect(exposedName).toBe('deskHost');
    const methods = HOST_CHANNEL_NAMES.map((c) => hostChannels[c].method);
    expect(Object.keys(bridge).sort()).toEqual([...methods].sort());
    expect(Object.values(bridge).every((v) => typeof v === 'function')).toBe(true);
  });

  it('never hands out ipcRenderer or any of its methods', () => {
    const values: unknown[] = Object.values(bridge);
    const ipc = electronFake.ipcRenderer;
    for (const forbidden of [ipc, ipc.invoke, ipc.send, ipc.on]) expect(values).not.toContain(forbidden);
  });

  it('invokes the matching channel and passes the answer back', async () => {
    electronFake.ipcRenderer.invoke.mockResolvedValue({ ok: true, value: { saved: true, path: '/d/a.pdf' } });
    const req = { suggestedName: 'a.pdf', mimeType: 'application/pdf', bytes: pdf };
    expect(await bridge.saveFile(req)).toEqual({ ok: true, value: { saved: true, path: '/d/a.pdf' } });
    expect(electronFake.ipcRenderer.invoke).toHaveBeenCalledWith('host:save-file', req);

    electronFake.ipcRenderer.invoke.mockResolvedValue({ ok: true, value: '0.1.0' });
    expect(await bridge.appVersion()).toEqual({ ok: true, value: '0.1.0' });
    expect(electronFake.ipcRenderer.invoke).toHaveBeenLastCalledWith('host:app-version', undefined);

    electronFake.ipcRenderer.invoke.mockResolvedValue({ ok: true, value: null });
    await bridge.openExternal('https://egov.kz/');
    expect(electronFake.ipcRenderer.invoke).toHaveBeenLastCalledWith(
      'host:open-external',
      'https://egov.kz/',
    );
  });

  it('passes the configured server origin to main', async () => {
    electronFake.ipcRenderer.invoke.mockResolvedValue({ ok: true, value: 'after-reload' });
    expect(await bridge.setServerOrigin('https://externat.example.kz')).toEqual({
      ok: true,
      value: 'after-reload',
    });
    expect(electronFake.ipcRenderer.invoke).toHaveBeenLastCalledWith(
      'host:set-server-origin',
      'https://externat.example.kz',
    );
    expect(await bridge.setServerOrigin('https://externat.example.kz/sync')).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    expect(electronFake.ipcRenderer.invoke).toHaveBeenCalledOnce();
  });

  it('refuses an invalid request without sending it', async () => {
    const bad = { suggestedName: '', mimeType: 'application/pdf', bytes: pdf };
    expect(await bridge.saveFile(bad)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(electronFake.ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('turns a malformed or failed answer into io', async () => {
    const req = { accept: [{ mimeType: 'application/pdf', extensions: ['pdf'] }], maxBytes: 10 };
    electronFake.ipcRenderer.invoke.mockResolvedValue({ ok: true, value: { name: 'a.pdf', bytes: 'AAAA' } });
    expect(await bridge.openFile(req)).toMatchObject({ ok: false, error: { code: 'io' } });
    electronFake.ipcRenderer.invoke.mockRejectedValue(new Error('no handler registered'));
    expect(await bridge.openFile(req)).toMatchObject({ ok: false, error: { code: 'io' } });
  });

  it('passes error codes from main through unchanged', async () => {
    electronFake.ipcRenderer.invoke.mockResolvedValue({
      ok: false,
      error: { code: 'too-large', message: 'over' },
    });
    const req = { accept: [{ mimeType: 'application/pdf', extensions: ['pdf'] }], maxBytes: 10 };
    expect(await bridge.openFile(req)).toEqual({ ok: false, error: { code: 'too-large', message: 'over' } });
  });
});
