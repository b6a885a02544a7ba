import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { electronFake, resetElectronFake } from './testing/fakeElectron';
import { appContentSecurityPolicy } from './connectPolicy';
import {
  APP_ENTRY_URL,
  createAppProtocolHandler,
  isAppUrl,
  mimeTypeFor,
  registerAppProtocol,
  registerAppSchemePrivileges,
  resolveAppPath,
} from './protocol';

vi.mock('electron', async () => (await import('./testing/fakeElectron')).electronFake);

const ROOT = path.resolve('/srv/desk/out/renderer');

describe('resolveAppPath', () => {
  it('maps the root and nested assets into the renderer folder', () => {
    expect(resolveAppPath(ROOT, 'app://desk/')).toBe(path.join(ROOT, 'index.html'));
    expect(resolveAppPath(ROOT, APP_ENTRY_URL)).toBe(path.join(ROOT, 'index.html'));
    expect(resolveAppPath(ROOT, 'app://desk/assets/index-abc.js?v=1#x')).toBe(
      path.join(ROOT, 'assets', 'index-abc.js'),
    );
    expect(resolveAppPath(ROOT, 'app://desk/fonts/%D2%9B.woff2')).toBe(path.join(ROOT, 'fonts', 'қ.woff2'));
  });

  it('keeps literal dot segments inside the root (the URL parser folds them away)', () => {
    const resolved = resolveAppPath(ROOT, 'app://desk/../../etc/passwd');
    expect(resolved).toBe(path.join(ROOT, 'etc', 'passwd'));
  });

  it.each([
    ['encoded slashes', 'app://desk/..%2f..%2f..%2fetc%2fpasswd'],
    ['encoded backslashes', 'app://desk/..%5c..%5cWindows%5cwin.ini'],
    ['a drive letter', 'app://desk/C:%5CWindows%5Cwin.ini'],
    ['an NTFS stream', 'app://desk/index.html::$DATA'],
    ['a NUL byte', 'app://desk/index.html%00.png'],
    ['a malformed escape', 'app://desk/%E0%A4%A'],
    ['another host', 'app://evil/index.html'],
    ['another scheme', 'file:///etc/passwd'],
    ['no URL at all', 'not a url'],
  ])('refuses %s', (_label, url) => {
    expect(resolveAppPath(ROOT, url)).toBeNull();
  });
});

describe('app:// handler', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'desk-protocol-'));
    await mkdir(path.join(dir, 'renderer', 'assets'), { recursive: true });
    await writeFile(path.join(dir, 'renderer', 'index.html'), '<!doctype html><title>desk</title>');
    await writeFile(path.join(dir, 'renderer', 'assets', 'app.js'), 'export {};');
    await writeFile(path.join(dir, 'secret.txt'), 'outside the renderer');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const policy = vi.fn((document: boolean) => (document ? 'page-policy' : 'asset-policy'));
  const get = (url: string, method = 'GET') =>
    createAppProtocolHandler(path.join(dir, 'renderer'), { policy })(new Request(url, { method }));

  it('serves index.html with its MIME type and the CSP header, telling the policy it is a page', async () => {
    const res = await get('app://desk/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe('page-policy');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('<title>desk</title>');
  });

  it('serves scripts as JavaScript (module scripts need a JS MIME type)', async () => {
    const res = await get('app://desk/assets/app.js');
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe('asset-policy');
    expect(await res.text()).toBe('export {};');
  });

  it('refuses to read outside the renderer folder', async () => {
    const read = vi.fn(() => Promise.resolve(new Uint8Array()));
    const handler = createAppProtocolHandler(path.join(dir, 'renderer'), { policy, read });
    const res = await handler(new Request('app://desk/..%2fsecret.txt'));
    expect(res.status).toBe(403);
    expect(read).not.toHaveBeenCalled();
  });

  it('answers 404 for missing files and 405 for writes', async () => {
    expect((await get('app://desk/missing.js')).status).toBe(404);
    expect((await get('app://desk/assets')).status).toBe(404);
    expect((await get('app://desk/index.html', 'POST')).status).toBe(405);
  });

  it('keeps script execution to the app itself', () => {
    const csp = appContentSecurityPolicy('https://externat.example.kz');
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-eval');
  });
});

describe('scheme registration', () => {
  beforeEach(resetElectronFake);

  it('registers app:// as standard and secure so it has an origin and storage', () => {
    registerAppSchemePrivileges();
    expect(electronFake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }) as unknown,
      }),
    ]);
  });

  it('installs the handler for the app scheme', () => {
    registerAppProtocol('/srv/desk/out/renderer', () => 'policy');
    expect(electronFake.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });
});

describe('helpers', () => {
  it('tells app URLs from everything else', () => {
    expect(isAppUrl('app://desk/index.html')).toBe(true);
    expect(isAppUrl('app://desk.evil/index.html')).toBe(false);
    expect(isAppUrl('https://desk/index.html')).toBe(false);
    expect(isAppUrl('')).toBe(false);
  });

  it('knows the MIME types the build emits', () => {
    expect(mimeTypeFor('a/b.WOFF2')).toBe('font/woff2');
    expect(mimeTypeFor('a/b.wasm')).toBe('application/wasm');
    expect(mimeTypeFor('a/b.unknown')).toBe('application/octet-stream');
  });
});
