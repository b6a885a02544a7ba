import { describe, expect, it } from 'vitest';
import {
  connectSources,
  contentSecurityPolicy,
  isServerOrigin,
  NCALAYER_ORIGIN,
  parseContentSecurityPolicy,
} from './csp';

describe('isServerOrigin', () => {
  it.each(['https://externat.example.kz', 'https://10.0.0.5:8443', 'https://xn--80aaa0cvac.xn--80ao21a'])(
    'accepts %s',
    (origin) => expect(isServerOrigin(origin)).toBe(true),
  );

  it.each([
    ['a path', 'https://externat.example.kz/api'],
    ['a trailing slash', 'https://externat.example.kz/'],
    ['a wildcard host', 'https://*.example.kz'],
    ['a bare wildcard', '*'],
    ['plain http', 'http://externat.example.kz'],
    ['credentials', 'https://user:pass@externat.example.kz'],
    ['a second source', 'https://a.kz https://b.kz'],
    ['a directive', 'https://a.kz; script-src *'],
    ['an upper-case host (not canonical)', 'https://Externat.example.kz'],
    ['an explicit default port', 'https://externat.example.kz:443'],
    ['a websocket', 'wss://127.0.0.1:13579'],
    ['a scheme alone', 'https:'],
    ['nothing', ''],
  ])('refuses %s', (_label, origin) => expect(isServerOrigin(origin)).toBe(false));

  it('takes a local http server in development only', () => {
    expect(isServerOrigin('http://127.0.0.1:8787')).toBe(false);
    expect(isServerOrigin('http://127.0.0.1:8787', 'development')).toBe(true);
    expect(isServerOrigin('http://externat.example.kz', 'development')).toBe(false);
  });
});

describe('contentSecurityPolicy', () => {
  it('refuses to build a policy around something that is not an origin', () => {
    expect(() => connectSources({ mode: 'production', serverOrigin: 'https://*.kz' })).toThrow();
  });

  it('names the dev server and its hot-reload socket in development only', () => {
    const dev = parseContentSecurityPolicy(
      contentSecurityPolicy({
        mode: 'development',
        serverOrigin: null,
        devServerOrigin: 'http://127.0.0.1:5173',
      }),
    );
    expect(dev.get('connect-src')).toEqual([
      "'self'",
      NCALAYER_ORIGIN,
      'http://127.0.0.1:5173',
      'ws://127.0.0.1:5173',
    ]);
    const prod = parseContentSecurityPolicy(
      contentSecurityPolicy({
        mode: 'production',
        serverOrigin: null,
        devServerOrigin: 'http://127.0.0.1:5173',
      }),
    );
    expect(prod.get('connect-src')).toEqual(["'self'", NCALAYER_ORIGIN]);
    expect(prod.get('script-src')).toEqual(["'self'"]);
  });

  it('leaves frame-ancestors out of a meta tag, where browsers ignore it', () => {
    expect(
      parseContentSecurityPolicy(
        contentSecurityPolicy({ mode: 'production', serverOrigin: null }, 'meta'),
      ).has('frame-ancestors'),
    ).toBe(false);
    expect(
      parseContentSecurityPolicy(contentSecurityPolicy({ mode: 'production', serverOrigin: null })).get(
        'frame-ancestors',
      ),
    ).toEqual(["'none'"]);
  });
});

describe('parseContentSecurityPolicy', () => {
  it('reads directives as a browser does: names case-insensitive, the first occurrence wins', () => {
    const parsed = parseContentSecurityPolicy(
      " Connect-Src 'self'  https://a.kz ;connect-src *; ; img-src data:",
    );
    expect(parsed.get('connect-src')).toEqual(["'self'", 'https://a.kz']);
    expect(parsed.get('img-src')).toEqual(['data:']);
    expect([...parsed.keys()]).toEqual(['connect-src', 'img-src']);
  });
});
