import { describe, expect, it, vi } from 'vitest';
import type { DeskHostBridge } from '../../../shared/host';
import { selectHost } from './index';

describe('selectHost', () => {
  it('uses the Electron host when the preload exposed deskHost', async () => {
    const deskHost = {
      appVersion: vi.fn(() => Promise.resolve({ ok: true as const, value: '1.0.0' })),
    } as unknown as DeskHostBridge;
    const host = selectHost({ deskHost });
    expect(host.kind).toBe('electron');
    expect(await host.appVersion()).toBe('1.0.0');
  });

  it('uses the browser host otherwise', () => {
    expect(selectHost({ deskHost: undefined }).kind).toBe('browser');
    expect(selectHost(undefined).kind).toBe('browser');
  });
});
