// The desk is served from app://desk/ rather than file:// so that it has a real origin (storage,
// CSP 'self', fetch) and so that nothing outside the built renderer can ever be loaded.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { protocol } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Must run before `app` is ready: Chromium fixes scheme privileges at start-up. */
export function registerAppSchemePrivileges(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

/**
 * The file under `rootDir` that an app:// URL names, or null when the URL must be refused: another
 * host, an undecodable path, or any attempt to leave `rootDir` (encoded slashes, backslashes, drive
 * letters, NTFS streams, NUL bytes).
 */
export function resolveAppPath(rootDir: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;

  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (/[\\:\0]/.test(pathname)) return null;
  const segments = pathname.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '.' || s === '..')) return null;
  if (segments.length === 0) segments.push('index.html');

  const root = path.resolve(rootDir);
  const full = path.resolve(root, ...segments);
  if (!full.startsWith(root + path.sep)) return null;
  return full;
}

type ReadFile = (filePath: string) => Promise<Uint8Array>;

export interface AppProtocolOptions {
  /**
   * The Content-Security-Policy header of each response (shared/host/csp.ts through
   * connectPolicy.ts). It is the page's only policy: the Electron build has no meta policy, which
   * would apply as well and could only narrow this one. `document` is true for HTML pages.
   */
  policy: (document: boolean) => string;
  read?: ReadFile;
}

// Error answers carry the policy too: every response from app:// is held to the same rules.
function plain(status: number, policy: string): Response {
  return new Response(null, {
    status,
    headers: { 'content-security-policy': policy, 'x-content-type-options': 'nosniff' },
  });
}

export function createAppProtocolHandler(
  rootDir: string,
  { policy, read = readFile }: AppProtocolOptions,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, policy(false));
    const filePath = resolveAppPath(rootDir, request.url);
    if (filePath === null) return plain(403, policy(false));
    let body: Uint8Array;
    try {
      body = await read(filePath);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      return plain(code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR' ? 404 : 500, policy(false));
    }
    const contentType = mimeTypeFor(filePath);
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: {
        'content-type': contentType,
        'content-security-policy': policy(contentType.startsWith('text/html')),
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-cache',
      },
    });
  };
}

export function registerAppProtocol(rootDir: string, policy: (document: boolean) => string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rootDir, { policy }));
}
