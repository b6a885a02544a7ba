import { describe, expect, it, vi } from 'vitest';
import { NCALAYER_ORIGIN, parseContentSecurityPolicy } from '../../shared/host/csp';
import { createConnectPolicy } from './connectPolicy';

const SERVER = 'https://externat.example.kz';
const connectSrc = (header: string) => parseContentSecurityPolicy(header).get('connect-src');

describe('the app:// connect policy', () => {
  it('serves the configured server, NCALayer and the desk itself, nothing else', () => {
    const policy = createConnectPolicy(SERVER, () => Promise.resolve());
    expect(connectSrc(policy.header(true))).toEqual(["'self'", NCALAYER_ORIGIN, SERVER]);
    expect(connectSrc(createConnectPolicy(null, () => Promise.resolve()).header(true))).toEqual([
      "'self'",
      NCALAYER_ORIGIN,
    ]);
  });

  it('stores a new origin before using it, and tells a page served with the old one to reload', async () => {
    const persist = vi.fn((_origin: string | null) => Promise.resolve());
    const policy = createConnectPolicy(null, persist);
    policy.header(true);
    expect(await policy.setServerOrigin(SERVER)).toBe('after-reload');
    expect(persist).toHaveBeenCalledExactlyOnceWith(SERVER);
    expect(connectSrc(policy.header(false))).toContain(SERVER);
    // Asked again before the reload: still the old page.
    expect(await policy.setServerOrigin(SERVER)).toBe('after-reload');
    expect(persist).toHaveBeenCalledOnce();
    policy.header(true);
    expect(await policy.setServerOrigin(SERVER)).toBe('in-effect');
    expect(await policy.setServerOrigin(null)).toBe('after-reload');
    expect(connectSrc(policy.header(true))).not.toContain(SERVER);
  });

  it('serves the signing services beside the server, keeps them stored, and says when a page must reload', async () => {
    const TSA = 'http://tsp.pki.gov.kz';
    const persist = vi.fn((_origins: readonly string[]) => Promise.resolve());
    const policy = createConnectPolicy(SERVER, () => Promise.resolve(), { initial: [TSA], persist });
    expect(connectSrc(policy.header(true))).toEqual(["'self'", NCALAYER_ORIGIN, SERVER, TSA]);
    expect(await policy.setSigningOrigins([TSA])).toBe('in-effect');
    expect(persist).not.toHaveBeenCalled();
    const OCSP = 'https://ocsp.example.kz';
    expect(await policy.setSigningOrigins([TSA, OCSP])).toBe('after-reload');
    expect(persist).toHaveBeenCalledExactlyOnceWith([TSA, OCSP]);
    expect(connectSrc(policy.header(true))).toEqual(["'self'", NCALAYER_ORIGIN, SERVER, TSA, OCSP]);
    // A server change leaves them as they are.
    expect(await policy.setServerOrigin(null)).toBe('after-reload');
    expect(connectSrc(policy.header(true))).toEqual(["'self'", NCALAYER_ORIGIN, TSA, OCSP]);
  });

  it('keeps the old signing services when they cannot be stored', async () => {
    const policy = createConnectPolicy(null, () => Promise.resolve(), {
      initial: [],
      persist: () => Promise.reject(new Error('ENOSPC')),
    });
    await expect(policy.setSigningOrigins(['http://tsp.pki.gov.kz'])).rejects.toThrow('ENOSPC');
    expect(connectSrc(policy.header(true))).toEqual(["'self'", NCALAYER_ORIGIN]);
  });

  it('is in effect at once when no page has been served yet', async () => {
    const policy = createConnectPolicy(null, () => Promise.resolve());
    expect(await policy.setServerOrigin(SERVER)).toBe('in-effect');
  });

  it('keeps the old origin when it cannot be stored', async () => {
    const policy = createConnectPolicy(null, () => Promise.reject(new Error('ENOSPC')));
    policy.header(true);
    await expect(policy.setServerOrigin(SERVER)).rejects.toThrow('ENOSPC');
    expect(policy.serverOrigin()).toBeNull();
    expect(connectSrc(policy.header(true))).not.toContain(SERVER);
  });

  it('applies changes in the order they were asked for', async () => {
    const stored: (string | null)[] = [];
    let release: () => void = () => undefined;
    const slow = new Promise<void>((resolve) => (release = resolve));
    const policy = createConnectPolicy(null, async (origin) => {
      if (origin === SERVER) await slow;
      stored.push(origin);
    });
    const first = policy.setServerOrigin(SERVER);
    const second = policy.setServerOrigin('https://other.example.kz');
    release();
    await Promise.all([first, second]);
    expect(stored).toEqual([SERVER, 'https://other.example.kz']);
    expect(policy.serverOrigin()).toBe('https://other.example.kz');
  });
});
