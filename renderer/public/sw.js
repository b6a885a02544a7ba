// The offline copy of the browser build (see renderer/src/app/offline.ts).
// Network first for the page, so a new release is picked up as soon as the server is reachable;
// the hashed assets never change under one name, so for them the cache is as good as the network.
const CACHE = 'desk-v1';
const PAGE = new URL('./', self.location.href).href;
// Files whose name stays the same from one release to the next: asked from the network first, like
// the page, so a new release's list of files is seen (the hashed assets never change under one name).
const UNHASHED = new Set([PAGE, new URL('./offline-assets.json', self.location.href).href]);
// Scripts are requested with an Origin header and servers answer with `Vary: Origin`; entries are
// stored from plain requests, so matching must not compare that header.
const MATCH = { ignoreVary: true };

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

/** The page lists what it loaded before this worker existed; the reply says it is all stored. */
self.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'cache' || !Array.isArray(data.urls)) return;
  const urls = data.urls.filter((u) => typeof u === 'string' && u.startsWith(self.location.origin));
  const reply = event.ports && event.ports[0];
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) =>
        Promise.all(
          urls.map(async (u) => {
            // A hashed file already stored is the same file: fetching the whole build again on every
            // start would compete with the officer's first keystrokes for the two cores of an office PC.
            if (!UNHASHED.has(u) && (await cache.match(u, MATCH))) return;
            await cache.add(u).catch(() => undefined);
          }),
        ),
      )
      .then(() => reply && reply.postMessage({ type: 'cached', count: urls.length })),
  );
});

/**
 * A call to the central system is never answered from the cache, whatever its origin (a server
 * behind the desk's own origin included): the sync engine marks every such request with the
 * protocol header, the device token or `cache: 'no-store'` (shared/sync/client.ts), and the worker
 * leaves those to the network.
 */
function isServiceCall(request) {
  return (
    request.headers.has('x-protocol-version') ||
    request.headers.has('authorization') ||
    request.headers.has('tus-resumable') ||
    request.cache === 'no-store'
  );
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(self.location.origin)) return;
  if (isServiceCall(request)) return;
  // Every navigation is the one page of the desk (its routes live in the hash).
  const key = request.mode === 'navigate' ? PAGE : request.url.split('#')[0];
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      if (!UNHASHED.has(key)) {
        const hit = await cache.match(key, MATCH);
        if (hit) return hit;
      }
      try {
        const response = await fetch(request);
        if (response.ok) await cache.put(key, response.clone());
        return response;
      } catch (error) {
        const fallback = await cache.match(key, MATCH);
        if (fallback) return fallback;
        throw error;
      }
    })(),
  );
});
