import { describe, expect, it, vi } from 'vitest';
import { HostError, type DeskHostBridge } from '../../../shared/host';
import { createElectronHost } from './electronHost';

function bridge(overrides: Partial<DeskHostBridge> = {}): DeskHostBridge {
  return {
    appVersion: vi.fn(() => Promise.resolve({ ok: true as const, value: '0.1.0' })),
    saveFile: vi.fn(() => Promise.resolve({ ok: true as const, value: { saved: false as const } })),
    openFile: vi.fn(() => Promise.resolve({ ok: true as const, value: null })),
    printPdf: vi.fn(() => Promise.resolve({ ok: true as const, value: null })),
    openExternal: vi.fn(() => Promise.resolve({ ok: true as const, value: null })),
    setServerOrigin: vi.fn(() => Promise.resolve({ ok: true as const, value: 'after-reload' as const })),
    setSigningOrigins: vi.fn(() => Promise.resolve({ ok: true as const, value: 'in-effect' as const })),
    notify: vi.fn(() => Promise.resolve({ ok: true as const, value: 'shown' as const })),
    readDeviceToken: vi.fn(() =>
      Promise.resolve({ ok: true as const, value: 'dt_token_from_the_key_store' }),
    ),
    storeDeviceToken: vi.fn(() => Promise.resolve({ ok: true as const, value: null })),
    blobPut: vi.fn(() => Promise.resolve({ ok: true as const, value: null })),
    blobGet: vi.fn(() => Promise.resolve({ ok: true as const, value: null })),
    blobDelete: vi.fn(() => Promise.resolve({ ok: true as const, value: null })),
    blobList: vi.fn(() => Promise.resolve({ ok: true as const, value: [] })),
    blobUsage: vi.fn(() => Promise.resolve({ ok: true as const, value: { bytes: 2048, count: 2 } })),
    ...overrides,
  };
}

describe('electron host', () => {
  it('unwraps values from the preload', async () => {
    const host = createElectronHost(bridge());
    expect(host.kind).toBe('electron');
    expect(await host.appVersion()).toBe('0.1.0');
    expect(
      await host.saveFile({ suggestedName: 'a', mimeType: 'application/pdf', bytes: new Uint8Array() }),
    ).toEqual({ saved: false });
    await expect(host.printPdf({ bytes: new Uint8Array(), title: 't' })).resolves.toBeUndefined();
    expect(await host.setServerOrigin('https://externat.example.kz')).toBe('after-reload');
    expect(await host.notify({ title: 't', body: 'b' })).toBe('shown');
    expect(host.tokenProtection).toBe('os-key-store');
    expect(await host.readDeviceToken()).toBe('dt_token_from_the_key_store');
  });

  it('passes requests through unchanged', async () => {
    const b = bridge();
    const req = { accept: [{ mimeType: 'application/pdf', extensions: ['pdf'] }], maxBytes: 5 };
    await createElectronHost(b).openFile(req);
    expect(b.openFile).toHaveBeenCalledWith(req);
  });

  it('rejects with a HostError carrying the code main sent', async () => {
    const host = createElectronHost(
      bridge({
        openFile: () => Promise.resolve({ ok: false, error: { code: 'too-large', message: 'over' } }),
        openExternal: () => Promise.resolve({ ok: false, error: { code: 'not-allowed', message: 'no' } }),
      }),
    );
    const req = { accept: [{ mimeType: 'application/pdf', extensions: ['pdf'] }], maxBytes: 5 };
    const failure = await host.openFile(req).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(HostError);
    expect(failure).toMatchObject({ code: 'too-large' });
    await expect(host.openExternal('http://x')).rejects.toMatchObject({ code: 'not-allowed' });
  });

  it('keeps files in the user-data file store over the bridge, and passes its refusals on', async () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const sha = 'a'.repeat(64);
    const b = bridge({
      blobGet: () =>
        Promise.resolve({ ok: false, error: { code: 'altered', message: 'stored file altered' } }),
    });
    const blobs = createElectronHost(b).blobs!;
    await blobs.put(sha, bytes);
    expect(b.blobPut).toHaveBeenCalledWith({ sha256: sha, bytes });
    await expect(blobs.get(sha)).rejects.toMatchObject({ code: 'altered' });
    await blobs.delete([sha]);
    expect(b.blobDelete).toHaveBeenCalledWith([sha]);
    expect(await blobs.list()).toEqual([]);
    expect(await blobs.usage()).toEqual({ bytes: 2048, count: 2 });
  });
});
