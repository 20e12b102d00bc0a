// callprivacy preview: the service worker the preview serves instead of
// the site's. It keeps no offline copy and answers no request (it has no
// fetch handler), so every page comes from the preview server, never from
// a cache. If the site's real worker was installed for this address
// before, it takes over at once, deletes that worker's caches and reloads
// the pages it showed, which could have been an old copy.
self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const keys = await caches.keys();
    await Promise.all(keys.map((k) => caches.delete(k)));
    await self.clients.claim();
    if (keys.length > 0) {
      for (const client of await self.clients.matchAll({ type: "window" })) {
        client.navigate(client.url);
      }
    }
  })());
});
