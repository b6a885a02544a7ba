// The offline copy of the browser build (see renderer/src/app/offline.ts).
// Network first for pages, so a new release is picked up as soon as the server is reachable; the
// hashed assets never change under one name, so for them the cache is as good as the network.
const CACHE = 'desk-v1';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'cache' || !Array.isArray(data.urls)) return;
  const urls = data.urls.filter((u) => typeof u === 'string' && u.startsWith(self.location.origin));
  event.waitUntil(
    caches.open(CACHE).then((cache) => Promise.all(urls.map((u) => cache.add(u).catch(() => undefined)))),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(self.location.origin)) return;
  const isPage = request.mode === 'navigate';
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      if (!isPage) {
        const hit = await cache.match(request);
        if (hit) return hit;
      }
      try {
        const response = await fetch(request);
        if (response.ok)
          cache.put(isPage ? new URL('./', self.location.href).href : request, response.clone());
        return response;
      } catch (error) {
        const fallback = await cache.match(isPage ? new URL('./', self.location.href).href : request);
        if (fallback) return fallback;
        throw error;
      }
    })(),
  );
});
