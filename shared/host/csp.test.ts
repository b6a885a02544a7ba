import { describe, expect, it } from 'vitest';
import {
  connectSources,
  contentSecurityPolicy,
  isServerOrigin,
  isServiceOrigin,
  NCALAYER_ORIGIN,
  parseContentSecurityPolicy,
  serviceOriginOf,
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

describe('signing services', () => {
  it('takes the national CA’s http services and https ones, each as one origin', () => {
    expect(serviceOriginOf('http://tsp.pki.gov.kz:80')).toBe('http://tsp.pki.gov.kz');
    expect(serviceOriginOf('http://ocsp.pki.gov.kz/')).toBe('http://ocsp.pki.gov.kz');
    expect(serviceOriginOf('https://tsa.example.kz:8443/tsa?x=1')).toBe('https://tsa.example.kz:8443');
    for (const bad of [
      'https://user:pw@tsa.example.kz',
      'ftp://tsa.example.kz',
      'https://*.example.kz/tsa',
      'wss://tsa.example.kz',
      'tsa.example.kz',
      'https://tsa.example.kz/#x',
      '',
    ]) {
      expect(serviceOriginOf(bad), bad).toBeNull();
    }
    expect(isServiceOrigin('http://tsp.pki.gov.kz')).toBe(true);
    expect(isServiceOrigin('http://tsp.pki.gov.kz/tsp')).toBe(false);
    expect(isServiceOrigin('https://a.kz https://b.kz')).toBe(false);
  });

  it('adds exactly the configured signing origins to connect-src, and refuses anything else', () => {
    const options = {
      mode: 'production' as const,
      serverOrigin: 'https://externat.example.kz',
      signingOrigins: ['http://tsp.pki.gov.kz', 'https://ocsp.example.kz'],
    };
    const policy = parseContentSecurityPolicy(contentSecurityPolicy(options));
    expect(policy.get('connect-src')).toEqual([
      "'self'",
      NCALAYER_ORIGIN,
      'https://externat.example.kz',
      'http://tsp.pki.gov.kz',
      'https://ocsp.example.kz',
    ]);
    // Every other directive is the same as without them.
    const without = parseContentSecurityPolicy(contentSecurityPolicy({ ...options, signingOrigins: [] }));
    for (const [name, sources] of without) if (name !== 'connect-src') expect(policy.get(name)).toEqual(sources);
    for (const bad of ['http://*.kz', 'http:', 'http://tsp.pki.gov.kz/tsp', "'unsafe-inline'"]) {
      expect(() => connectSources({ ...options, signingOrigins: [bad] }), bad).toThrow();
    }
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
