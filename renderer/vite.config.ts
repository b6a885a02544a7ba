import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

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

// The browser build of the renderer: the same code Electron loads, served by any web server. It is
// what `npm run web` serves and what the end-to-end tests drive in Chromium.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react(), offlineAssetList()],
  define: {
    __APP_VERSION__: JSON.stringify(process.env.npm_package_version ?? '0.0.0'),
  },
  build: {
    outDir: fileURLToPath(new URL('../dist-web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
});
