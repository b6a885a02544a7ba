import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const from = (p: string): string => fileURLToPath(new URL(p, import.meta.url));
// Read here rather than from npm_package_version so `npx electron-vite build` stamps it too.
const { version } = JSON.parse(readFileSync(from('package.json'), 'utf8')) as { version: string };

// Three builds into out/: main (ESM, Node), preload (CommonJS, bundled) and the renderer (the same
// React app `npm run build:web` builds for browsers), loaded by main from out/renderer via app://.
export default defineConfig({
  main: {
    build: {
      outDir: from('out/main'),
      rolldownOptions: { input: { index: from('electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: from('out/preload'),
      // A sandboxed preload cannot require packages or load ESM: it must be one CommonJS file with
      // its dependencies (zod) inside. main/index.ts loads it as out/preload/index.cjs.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: from('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  // No Content-Security-Policy meta tag in this build (unlike renderer/vite.config.ts): main's app://
  // header is the page's one policy, so that the configured server can be allowed at all.
  renderer: {
    root: from('renderer'),
    base: './',
    plugins: [react()],
    define: {
      __APP_VERSION__: JSON.stringify(version),
    },
    build: {
      outDir: from('out/renderer'),
      chunkSizeWarningLimit: 2000,
      rolldownOptions: { input: { index: from('renderer/index.html') } },
    },
  },
});
