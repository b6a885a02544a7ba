/**
 * The browser build keeps working without the network: a service worker (public/sw.js) answers
 * from its cache when the server cannot be reached, so a reload with the cable unplugged still
 * opens the desk. Electron loads the app from its own app:// protocol and needs none of this.
 */
import { log } from '../../../shared/log';

/**
 * Every file of the build (written by the build, see vite.config.ts), so that parts loaded only
 * when first used (the forms chunk, its fonts) are stored before the officer unplugs. Empty where
 * there is no list (the dev server): then only what was loaded is stored.
 */
async function buildFiles(): Promise<string[]> {
  try {
    const response = await fetch(new URL('./offline-assets.json', location.href), { cache: 'no-cache' });
    if (!response.ok) return [];
    const files: unknown = await response.json();
    return Array.isArray(files) ? files.filter((f): f is string => typeof f === 'string') : [];
  } catch {
    return [];
  }
}

export function registerOfflineCache(extraUrls: readonly string[] = []): void {
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
  navigator.serviceWorker
    .register('./sw.js', { scope: './' })
    .then(async () => {
      const ready = await navigator.serviceWorker.ready;
      // The page was loaded before the worker existed, so the worker never saw those requests: hand
      // it everything loaded so far (scripts, styles, the PDF worker, demo files) to keep.
      const loaded = performance.getEntriesByType('resource').map((e) => e.name);
      const page = new URL('./', location.href).href;
      const listed = await buildFiles();
      const urls = [page, ...loaded, ...[...extraUrls, ...listed].map((u) => new URL(u, page).href)].filter(
        (u) => u.startsWith(location.origin),
      );
      const channel = new MessageChannel();
      const stored = new Promise<void>((resolve) => {
        channel.port1.onmessage = () => resolve();
      });
      ready.active?.postMessage({ type: 'cache', urls: [...new Set(urls)] }, [channel.port2]);
      await stored;
      // Tells the end-to-end tests (and anyone curious) that unplugging is now safe.
      document.documentElement.dataset['offlineReady'] = 'true';
    })
    .catch(() => {
      // Without a worker the desk still works online; only an offline reload is lost.
      log.warn('offline cache unavailable');
    });
}
