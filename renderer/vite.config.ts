import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicy, isServerOrigin, isServiceOrigin, type CspOptions } from '../shared/host/csp.ts';

/** Where the browser build lists its own files (read by src/app/offline.ts). */
const OFFLINE_ASSETS = 'offline-assets.json';

/**
 * Lists every file the build emits, so the offline copy can store all of them at once: parts of the
 * desk that are loaded only when first used (the forms and their fonts, pdf.js) must still open
 * after the cable is unplugged, even if the officer never opened them while online.
 */
function offlineAssetList(): Plugin {
  return {
    name: 'desk-offline-asset-list',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle)
        .filter((name) => !name.endsWith('.map') && name !== 'index.html')
        .sort();
      this.emitFile({ type: 'asset', fileName: OFFLINE_ASSETS, source: `${JSON.stringify(files)}\n` });
    },
  };
}

/** The dev server's fixed address, so that its development policy can name it. */
const DEV_HOST = '127.0.0.1';
const DEV_PORT = 5173;

/**
 * The central system this run of the browser build is configured for: `DESK_SERVER_ORIGIN`
 * (`https://host[:port]`), or none. A browser page cannot widen its policy at run time, so the
 * origin is fixed when the desk is built and served.
 */
export function configuredServerOrigin(env: Readonly<Record<string, string | undefined>>): string | null {
  const value = env['DESK_SERVER_ORIGIN']?.trim();
  if (value === undefined || value === '') return null;
  if (!isServerOrigin(value)) {
    throw new Error(
      `DESK_SERVER_ORIGIN must be an https origin such as https://externat.example.kz, not ${value}`,
    );
  }
  return value;
}

/**
 * The signing services (time-stamp authority, OCSP responder) this run of the browser build may
 * reach: `DESK_SIGNING_ORIGINS`, origins separated by commas (`http://tsp.pki.gov.kz,...`), or
 * none. Fixed at build time for the same reason as the server; the signing settings name URLs at
 * these origins (the settings screen says when one is not among them).
 */
export function configuredSigningOrigins(env: Readonly<Record<string, string | undefined>>): string[] {
  const list = (env['DESK_SIGNING_ORIGINS'] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  for (const value of list) {
    if (!isServiceOrigin(value)) {
      throw new Error(
        `DESK_SIGNING_ORIGINS must list http(s) origins such as http://tsp.pki.gov.kz, not ${value}`,
      );
    }
  }
  return [...new Set(list)];
}

/**
 * Puts the production policy into the built index.html as a meta tag, first in <head> so that it
 * covers everything after it: a page served by any web server carries its policy with it. The dev
 * server gets no meta tag; its header (below) is its only policy.
 */
export function cspMetaTag(options: CspOptions): Plugin {
  return {
    name: 'desk-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy(options, 'meta') },
        injectTo: 'head-prepend',
      },
    ],
  };
}

// The browser build of the renderer: the same code Electron loads, served by any web server. It is
// what `npm run web` serves and what the end-to-end tests drive in Chromium. Its policy comes from
// shared/host/csp.ts three ways: the meta tag in the build, the same policy as a header from
// `vite preview` (the header alone can forbid framing), and the development policy from the dev server.
export function browserBuildConfig(env: Readonly<Record<string, string | undefined>>): UserConfig {
  const serverOrigin = configuredServerOrigin(env);
  const signingOrigins = configuredSigningOrigins(env);
  const production: CspOptions = { mode: 'production', serverOrigin, signingOrigins };
  const development: CspOptions = {
    mode: 'development',
    serverOrigin,
    signingOrigins,
    devServerOrigin: `http://${DEV_HOST}:${DEV_PORT}`,
  };
  return {
    root: fileURLToPath(new URL('.', import.meta.url)),
    base: './',
    plugins: [react(), offlineAssetList(), cspMetaTag(production)],
    define: {
      __APP_VERSION__: JSON.stringify(env['npm_package_version'] ?? '0.0.0'),
      __DESK_SERVER_ORIGIN__: JSON.stringify(serverOrigin),
      __DESK_SIGNING_ORIGINS__: JSON.stringify(signingOrigins),
    },
    server: {
      host: DEV_HOST,
      port: DEV_PORT,
      strictPort: true,
      headers: { 'Content-Security-Policy': contentSecurityPolicy(development, 'header') },
    },
    preview: {
      headers: { 'Content-Security-Policy': contentSecurityPolicy(production, 'header') },
    },
    build: {
      outDir: fileURLToPath(new URL('../dist-web', import.meta.url)),
      emptyOutDir: true,
      chunkSizeWarningLimit: 2000,
      rolldownOptions: {
        output: {
          // Everything the entry imports statically in one chunk: the start path is one file to fetch
          // and compile (split by what the lazy screens share, it was fifteen, and the desk opened
          // later than with fewer bytes in seven). What loads with import() is split as before.
          codeSplitting: { groups: [{ name: 'start', tags: ['$initial'] }] },
        },
      },
    },
  };
}

export default defineConfig(browserBuildConfig(process.env));
