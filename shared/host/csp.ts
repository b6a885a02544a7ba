/**
 * The desk's Content-Security-Policy, from one place for every way the renderer is served:
 * Electron's app:// header (electron/main/protocol.ts), the browser build's meta tag and the
 * `vite preview` header (renderer/vite.config.ts), and the dev server's header. Everything the desk
 * runs is bundled; the only places it may connect to beyond itself are NCALayer on the officer's
 * own computer, the one central system the installation is configured for, and the signing
 * services the akimat configured (the time-stamp authority and the OCSP responder). Development origins
 * (the dev server and its hot-reload socket) exist only in the development policy.
 */

/** NCALayer, the national signing application, listens on the officer's own computer. */
export const NCALAYER_ORIGIN = 'wss://127.0.0.1:13579';

export type CspMode = 'production' | 'development';

/** How the policy reaches the page: `frame-ancestors` works only in a header, never in a meta tag. */
export type CspDelivery = 'header' | 'meta';

export interface CspOptions {
  mode: CspMode;
  /** The configured central system as an origin (`https://host[:port]`), or null when there is none. */
  serverOrigin: string | null;
  /**
   * The signing services' origins (the TSA's, the OCSP responder's), each exactly an origin that
   * `isServiceOrigin` accepts; absent or empty: none.
   */
  signingOrigins?: readonly string[];
  /** Development only: the dev server's origin, e.g. `http://127.0.0.1:5173`. */
  devServerOrigin?: string;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

// The URL parser lets '*' and other characters that mean something to CSP through in a host name
// (`https://*.kz` parses), so a host must be plain DNS labels (IDNs arrive as punycode), an IPv4
// address or a bracketed IPv6 address.
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const PLAIN_HOST = new RegExp(`^(?:${LABEL})(?:\\.${LABEL})*$|^\\[[0-9a-f:.]+\\]$`, 'u');

/**
 * Whether `value` is exactly an origin the desk may be configured to talk to: `https://host[:port]`
 * with nothing after it (no path, credentials, query or fragment) and no wildcard, so that it can
 * stand as one source in connect-src and widen it by that origin only. Plain http is for a development server
 * on this computer only.
 */
export function isServerOrigin(value: string, mode: CspMode = 'production'): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.origin !== value || !PLAIN_HOST.test(url.hostname)) return false;
  if (url.protocol === 'https:') return true;
  return mode === 'development' && url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
}

/**
 * Whether `value` is exactly the origin of a signing service (TSA, OCSP responder): like a server
 * origin, but plain http is allowed anywhere, because the national CA serves both over http
 * (http://tsp.pki.gov.kz, http://ocsp.pki.gov.kz) and their answers carry their own signatures,
 * which the desk checks. One origin, never a wildcard or a scheme alone.
 */
export function isServiceOrigin(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.origin !== value || !PLAIN_HOST.test(url.hostname)) return false;
  return url.protocol === 'https:' || url.protocol === 'http:';
}

/**
 * The origin a signing service URL is reached at, or null when the URL is not one the desk may
 * be configured with (credentials in it, another scheme, a host with wildcards).
 */
export function serviceOriginOf(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.username !== '' || url.password !== '' || url.hash !== '') return null;
  return isServiceOrigin(url.origin) ? url.origin : null;
}

/**
 * The sources of connect-src: the desk itself, NCALayer, the configured server, the signing
 * services; in development the dev server.
 */
export function connectSources(options: CspOptions): string[] {
  const sources = ["'self'", NCALAYER_ORIGIN];
  if (options.serverOrigin !== null) {
    if (!isServerOrigin(options.serverOrigin, options.mode)) {
      throw new Error('the configured server is not an origin (https://host[:port])');
    }
    sources.push(options.serverOrigin);
  }
  for (const origin of options.signingOrigins ?? []) {
    if (!isServiceOrigin(origin)) throw new Error('a signing service is not an origin (http(s)://host[:port])');
    sources.push(origin);
  }
  if (options.mode === 'development' && options.devServerOrigin !== undefined) {
    const dev = new URL(options.devServerOrigin);
    sources.push(dev.origin, `${dev.protocol === 'https:' ? 'wss' : 'ws'}://${dev.host}`);
  }
  return [...new Set(sources)];
}

/** The policy as a header value or a meta tag's content, directives separated by '; '. */
export function contentSecurityPolicy(options: CspOptions, delivery: CspDelivery = 'header'): string {
  const development = options.mode === 'development';
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    // The dev server's React refresh preamble is an inline script; production runs no inline script.
    ['script-src', development ? ["'self'", "'unsafe-inline'"] : ["'self'"]],
    // React sets style attributes; there are no remote styles.
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['img-src', ["'self'", 'blob:', 'data:']],
    ['font-src', ["'self'", 'data:']],
    ['connect-src', connectSources(options)],
    // pdf.js runs in a worker; attachments and produced PDFs are shown from blob: URLs.
    ['worker-src', ["'self'", 'blob:']],
    ['object-src', ["'none'"]],
    ['frame-src', ["'self'", 'blob:']],
    ...(delivery === 'header' ? ([['frame-ancestors', ["'none'"]]] as [string, string[]][]) : []),
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/**
 * A policy parsed into its directives (name → sources, names lower-cased), as a browser reads it:
 * the first occurrence of a directive counts, later repeats are ignored.
 */
export function parseContentSecurityPolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/u);
    if (name === undefined || name === '') continue;
    const key = name.toLowerCase();
    if (!directives.has(key)) directives.set(key, sources);
  }
  return directives;
}
