// The two policies the desk is really served with — Electron's app:// header and the browser build's
// meta tag and `vite preview` header — parsed as a browser reads them: with a central server
// configured, connect-src holds the desk itself, NCALayer and that server, and nothing else.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { HtmlTagDescriptor, Plugin } from 'vite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { NCALAYER_ORIGIN, parseContentSecurityPolicy } from '../../../shared/host/csp';
import { createConnectPolicy } from '../../../electron/main/connectPolicy';
import { createAppProtocolHandler } from '../../../electron/main/protocol';
import { browserBuildConfig } from '../../../renderer/vite.config';

vi.mock('electron', async () => (await import('../../../electron/main/testing/fakeElectron')).electronFake);

const SERVER = 'https://externat.example.kz';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'desk-csp-'));
  await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>desk</title>');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function electronHeader(serverOrigin: string | null, signingOrigins: string[] = []): Promise<string> {
  const connect = createConnectPolicy(serverOrigin, () => Promise.resolve(), {
    initial: signingOrigins,
    persist: () => Promise.resolve(),
  });
  const serve = createAppProtocolHandler(dir, { policy: (document) => connect.header(document) });
  const response = await serve(new Request('app://desk/index.html'));
  return response.headers.get('content-security-policy')!;
}

function browserPolicies(
  serverOrigin: string | null,
  signing: Record<string, string> = {},
): { meta: string; header: string } {
  const config = browserBuildConfig({
    ...(serverOrigin === null ? {} : { DESK_SERVER_ORIGIN: serverOrigin }),
    ...signing,
  });
  const plugin = (config.plugins as Plugin[]).find((p) => p.name === 'desk-csp-meta')!;
  const tags = (plugin.transformIndexHtml as () => HtmlTagDescriptor[])();
  const meta = tags.find((t) => t.tag === 'meta' && t.attrs?.['http-equiv'] === 'Content-Security-Policy')!;
  expect(meta.injectTo).toBe('head-prepend');
  return {
    meta: meta.attrs!['content'] as string,
    header: (config.preview!.headers as Record<string, string>)['Content-Security-Policy']!,
  };
}

async function servedPolicies(serverOrigin: string | null): Promise<[string, string][]> {
  const browser = browserPolicies(serverOrigin);
  return [
    ['the Electron app:// header', await electronHeader(serverOrigin)],
    ['the browser build meta tag', browser.meta],
    ['the vite preview header', browser.header],
  ];
}

/** A source that would let the desk reach more than one origin: wildcards, schemes, any port. */
function isBroad(source: string): boolean {
  return source.includes('*') || /^[a-z][a-z0-9+.-]*:$/i.test(source) || source === "'unsafe-eval'";
}

describe('the policies the desk is served with', () => {
  it('allow NCALayer and the configured server in connect-src, and nothing else', async () => {
    for (const [label, policy] of await servedPolicies(SERVER)) {
      expect(parseContentSecurityPolicy(policy).get('connect-src'), label).toEqual([
        "'self'",
        NCALAYER_ORIGIN,
        SERVER,
      ]);
    }
  });

  it('allow a configured time-stamp authority and OCSP responder in connect-src, and add nothing else', async () => {
    const TSA = 'http://tsp.pki.gov.kz';
    const OCSP = 'https://ocsp.example.kz:8443';
    const plain = browserPolicies(SERVER);
    const signing = browserPolicies(SERVER, { DESK_SIGNING_ORIGINS: ` ${TSA}, ${OCSP} ,${TSA}` });
    const pairs: [string, string, string][] = [
      ['meta', plain.meta, signing.meta],
      ['header', plain.header, signing.header],
      ['electron', await electronHeader(SERVER), await electronHeader(SERVER, [TSA, OCSP])],
    ];
    for (const [kind, without, withSigning] of pairs) {
      const before = parseContentSecurityPolicy(without);
      const after = parseContentSecurityPolicy(withSigning);
      expect(after.get('connect-src'), kind).toEqual(["'self'", NCALAYER_ORIGIN, SERVER, TSA, OCSP]);
      expect([...after.keys()], kind).toEqual([...before.keys()]);
      for (const [name, sources] of before) {
        if (name !== 'connect-src') expect(after.get(name), `${kind} ${name}`).toEqual(sources);
      }
    }
    expect(browserBuildConfig({ DESK_SIGNING_ORIGINS: TSA }).define!['__DESK_SIGNING_ORIGINS__']).toBe(
      JSON.stringify([TSA]),
    );
    for (const bad of ['http://*.pki.gov.kz', 'http://tsp.pki.gov.kz/tsp', 'http:', '*']) {
      expect(() => browserBuildConfig({ DESK_SIGNING_ORIGINS: bad }), bad).toThrow(/DESK_SIGNING_ORIGINS/);
    }
  });

  it('allow only NCALayer beyond the desk when no server is configured', async () => {
    for (const [label, policy] of await servedPolicies(null)) {
      expect(parseContentSecurityPolicy(policy).get('connect-src'), label).toEqual([
        "'self'",
        NCALAYER_ORIGIN,
      ]);
    }
  });

  it('hold no wildcard, no bare scheme and no loopback http in any directive', async () => {
    for (const [label, policy] of await servedPolicies(SERVER)) {
      expect(policy, label).not.toMatch(/http:\/\/(127\.0\.0\.1|localhost)/);
      for (const [directive, sources] of parseContentSecurityPolicy(policy)) {
        // blob: and data: are needed for shown attachments, fonts and the PDF worker; no other scheme.
        const broad = sources.filter((s) => isBroad(s) && s !== 'blob:' && s !== 'data:');
        expect(broad, `${label} ${directive}`).toEqual([]);
      }
      const parsed = parseContentSecurityPolicy(policy);
      expect(parsed.get('script-src'), label).toEqual(["'self'"]);
      expect(parsed.get('object-src'), label).toEqual(["'none'"]);
      expect(parsed.get('default-src'), label).toEqual(["'self'"]);
    }
  });

  it('forbid framing the desk wherever a header carries the policy', async () => {
    const headers = [await electronHeader(SERVER), browserPolicies(SERVER).header];
    for (const header of headers) {
      expect(parseContentSecurityPolicy(header).get('frame-ancestors')).toEqual(["'none'"]);
    }
  });

  it('give the dev server its origins in its own header only', () => {
    const config = browserBuildConfig({ DESK_SERVER_ORIGIN: SERVER });
    const dev = parseContentSecurityPolicy(
      (config.server!.headers as Record<string, string>)['Content-Security-Policy']!,
    );
    expect(dev.get('connect-src')).toEqual([
      "'self'",
      NCALAYER_ORIGIN,
      SERVER,
      'http://127.0.0.1:5173',
      'ws://127.0.0.1:5173',
    ]);
    const { meta, header } = browserPolicies(SERVER);
    expect(meta).not.toContain('5173');
    expect(header).not.toContain('5173');
  });

  it('refuse to build for a server that is not an https origin', () => {
    for (const bad of [
      'https://*.example.kz',
      'http://externat.example.kz',
      'https://externat.example.kz/api',
    ]) {
      expect(() => browserBuildConfig({ DESK_SERVER_ORIGIN: bad })).toThrow(/DESK_SERVER_ORIGIN/);
    }
  });

  it('tell the browser host which server the build allows', () => {
    expect(browserBuildConfig({ DESK_SERVER_ORIGIN: SERVER }).define!['__DESK_SERVER_ORIGIN__']).toBe(
      JSON.stringify(SERVER),
    );
    expect(browserBuildConfig({}).define!['__DESK_SERVER_ORIGIN__']).toBe('null');
  });
});
