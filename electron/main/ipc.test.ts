import { runInNewContext } from 'node:vm';
import type { IpcMainInvokeEvent } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HOST_CHANNEL_NAMES } from '../../shared/host/channels';
import { HostError } from '../../shared/host/contract';
import { createInvokeListener, registerIpcHandlers, type HostHandlers } from './ipc';
import { electronFake, resetElectronFake } from './testing/fakeElectron';

vi.mock('electron', async () => (await import('./testing/fakeElectron')).electronFake);

beforeEach(resetElectronFake);
afterEach(() => vi.restoreAllMocks());

function eventFrom(url: string | null): IpcMainInvokeEvent {
  return { senderFrame: url === null ? null : { url }, sender: {} } as unknown as IpcMainInvokeEvent;
}

const desk = eventFrom('app://desk/index.html');
const saveRequest = { suggestedName: 'order.pdf', mimeType: 'application/pdf', bytes: new Uint8Array([1]) };

describe('sender check', () => {
  it.each([
    ['a file:// page', 'file:///C:/Users/officer/evil.html'],
    ['a web page', 'https://evil.example/'],
    ['another app:// host', 'app://other/index.html'],
    ['a blob: frame', 'blob:app://desk/1234'],
  ])('refuses %s and never runs the handler', async (_label, url) => {
    const handler = vi.fn(() => Promise.resolve({ saved: false as const }));
    const listener = createInvokeListener('host:save-file', handler);
    expect(await listener(eventFrom(url), saveRequest)).toEqual({
      ok: false,
      error: { code: 'not-allowed', message: expect.any(String) as unknown },
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses a sender whose frame is gone', async () => {
    const handler = vi.fn(() => Promise.resolve('1.0.0'));
    const response = await createInvokeListener('host:app-version', handler)(eventFrom(null), undefined);
    expect(response).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    expect(handler).not.toHaveBeenCalled();
  });
});

describe('request validation', () => {
  it.each([
    ['no request', undefined],
    ['bytes as an array', { ...saveRequest, bytes: [1, 2, 3] }],
    ['an extra key', { ...saveRequest, overwrite: true }],
    ['a number for the name', { ...saveRequest, suggestedName: 42 }],
  ])('refuses a save request with %s', async (_label, raw) => {
    const handler = vi.fn(() => Promise.resolve({ saved: false as const }));
    const response = await createInvokeListener('host:save-file', handler)(desk, raw);
    expect(response).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(handler).not.toHaveBeenCalled();
  });

  it('passes a valid request to the handler with the sender', async () => {
    const handler = vi.fn(() => Promise.resolve({ saved: true as const, path: '/tmp/order.pdf' }));
    const response = await createInvokeListener('host:save-file', handler)(desk, saveRequest);
    expect(response).toEqual({ ok: true, value: { saved: true, path: '/tmp/order.pdf' } });
    expect(handler).toHaveBeenCalledWith(saveRequest, { sender: desk.sender });
  });

  it('accepts bytes made in another realm, as IPC and the context bridge deliver them', async () => {
    const foreign: unknown = runInNewContext('new Uint8Array([37, 80, 68, 70])');
    const handler = vi.fn(() => Promise.resolve(null));
    const response = await createInvokeListener('host:print-pdf', handler)(desk, {
      bytes: foreign,
      title: 't',
    });
    expect(response).toEqual({ ok: true, value: null });
  });
});

describe('handler failures', () => {
  it('passes a HostError code through', async () => {
    const handler = () => Promise.reject(new HostError('too-large', 'over'));
    const listener = createInvokeListener('host:open-file', handler);
    const req = { accept: [{ mimeType: 'application/pdf', extensions: ['pdf'] }], maxBytes: 10 };
    expect(await listener(desk, req)).toEqual({ ok: false, error: { code: 'too-large', message: 'over' } });
  });

  it('turns any other error into io without leaking its message to the renderer or the log', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const secret = "EACCES: permission denied, open 'C:\\Users\\officer\\Сапарова Айгерим.pdf'";
    const failure = Object.assign(new Error(secret), { code: 'EACCES' });
    const listener = createInvokeListener('host:save-file', () => Promise.reject(failure));
    const response = await listener(desk, saveRequest);
    expect(response).toMatchObject({ ok: false, error: { code: 'io' } });
    expect(JSON.stringify(response)).not.toContain('Айгерим');
    expect(JSON.stringify(log.mock.calls)).not.toContain('Айгерим');
    expect(JSON.stringify(log.mock.calls)).toContain('EACCES');
  });

  it.each(['ENOSPC', 'EDQUOT'])(
    'tells a write that found no room (%s) as disk-full, nothing else',
    async (errno) => {
      vi.spyOn(console, 'error').mockImplementation(() => undefined);
      const failure = Object.assign(new Error(`${errno}: no space, write 'C:\\Users\\officer\\x'`), {
        code: errno,
      });
      const listener = createInvokeListener('host:save-file', () => Promise.reject(failure));
      const response = await listener(desk, saveRequest);
      expect(response).toMatchObject({ ok: false, error: { code: 'disk-full' } });
      expect(JSON.stringify(response)).not.toContain('officer');
    },
  );
});

describe('host:set-server-origin', () => {
  it('hands the handler an origin or null, and nothing that could widen the policy further', async () => {
    const handler = vi.fn((_origin: string | null) => Promise.resolve('after-reload' as const));
    const listener = createInvokeListener('host:set-server-origin', handler);
    expect(await listener(desk, 'https://externat.example.kz')).toEqual({ ok: true, value: 'after-reload' });
    expect(await listener(desk, null)).toEqual({ ok: true, value: 'after-reload' });
    for (const bad of [
      'https://externat.example.kz/api',
      'https://*.example.kz',
      'http://externat.example.kz',
      'http://127.0.0.1:8080',
      'https://externat.example.kz https://evil.example',
      'https://externat.example.kz; script-src *',
      'wss://127.0.0.1:1',
      'https:',
      undefined,
      42,
    ]) {
      expect(await listener(desk, bad)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
    expect(handler.mock.calls.map((c) => c[0])).toEqual(['https://externat.example.kz', null]);
  });
});

describe('host:set-signing-origins', () => {
  it('hands the handler a list of http(s) origins, and nothing that could widen the policy further', async () => {
    const handler = vi.fn((_origins: readonly string[]) => Promise.resolve('after-reload' as const));
    const listener = createInvokeListener('host:set-signing-origins', handler);
    const good = ['http://tsp.pki.gov.kz', 'https://ocsp.example.kz:8443'];
    expect(await listener(desk, good)).toEqual({ ok: true, value: 'after-reload' });
    expect(await listener(desk, [])).toEqual({ ok: true, value: 'after-reload' });
    for (const bad of [
      ['http://tsp.pki.gov.kz/tsp'],
      ['http://*.pki.gov.kz'],
      ['http:'],
      ['http://a.kz http://b.kz'],
      ["'unsafe-eval'"],
      ['wss://127.0.0.1:1'],
      ['http://a.kz', 'http://b.kz', 'http://c.kz', 'http://d.kz', 'http://e.kz'],
      'http://tsp.pki.gov.kz',
      null,
    ]) {
      expect(await listener(desk, bad)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
    expect(handler.mock.calls.map((c) => c[0])).toEqual([good, []]);
  });
});

describe('registerIpcHandlers', () => {
  const handlers: HostHandlers = {
    'host:app-version': () => Promise.resolve('1.2.3'),
    'host:save-file': () => Promise.resolve({ saved: false }),
    'host:open-file': () => Promise.resolve(null),
    'host:print-pdf': () => Promise.resolve(null),
    'host:open-external': () => Promise.resolve(null),
    'host:set-server-origin': () => Promise.resolve('in-effect'),
    'host:set-signing-origins': () => Promise.resolve('in-effect'),
    'host:notify': () => Promise.resolve('shown'),
    'host:read-device-token': () => Promise.resolve(null),
    'host:store-device-token': () => Promise.resolve(null),
    'host:blob-put': () => Promise.resolve(null),
    'host:blob-get': () => Promise.resolve(null),
    'host:blob-delete': () => Promise.resolve(null),
    'host:blob-list': () => Promise.resolve([]),
    'host:blob-usage': () => Promise.resolve({ bytes: 0, count: 0 }),
  };

  it('registers exactly one handler per channel and can remove them', async () => {
    const remove = registerIpcHandlers(handlers, electronFake.ipcMain);
    const registered = electronFake.ipcMain.handle.mock.calls.map((c) => c[0] as string);
    expect(registered.sort()).toEqual([...HOST_CHANNEL_NAMES].sort());

    const appVersion = electronFake.ipcMain.handle.mock.calls.find(
      (c) => c[0] === 'host:app-version',
    )![1] as (e: IpcMainInvokeEvent, raw: unknown) => Promise<unknown>;
    expect(await appVersion(desk, undefined)).toEqual({ ok: true, value: '1.2.3' });

    remove();
    const removed = electronFake.ipcMain.removeHandler.mock.calls.map((c) => c[0] as string);
    expect(removed.sort()).toEqual([...HOST_CHANNEL_NAMES].sort());
  });

  it('uses Electron ipcMain by default', () => {
    registerIpcHandlers(handlers);
    expect(electronFake.ipcMain.handle).toHaveBeenCalledTimes(HOST_CHANNEL_NAMES.length);
  });
});
