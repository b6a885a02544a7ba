/**
 * The browser build keeps working without the network: a service worker (public/sw.js) answers
 * from its cache when the server cannot be reached, so a reload with the cable unplugged still
 * opens the desk. Electron loads the app from its own app:// protocol and needs none of this.
 */
export function registerOfflineCache(): void {
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
  navigator.serviceWorker
    .register('./sw.js', { scope: './' })
    .then(async () => {
      const ready = await navigator.serviceWorker.ready;
      // The page was loaded before the worker existed, so the worker never saw those requests: hand
      // it the list of everything loaded so far (scripts, styles, fonts, the PDF worker, demo files).
      const urls = performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .filter((u) => u.startsWith(location.origin));
      ready.active?.postMessage({ type: 'cache', urls: [location.href.split('#')[0], ...urls] });
    })
    .catch(() => {
      // Without a worker the desk still works online; only an offline reload is lost.
      console.warn('offline cache unavailable');
    });
}
