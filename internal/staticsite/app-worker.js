// callprivacy service worker, version {{.Version}}.
//
// It replaces go-app's default worker, which precaches only a few files,
// does not wait for its cache before taking over and logs (then ignores)
// caching errors. This one:
//   - precaches every page and file of this version before it installs: if
//     one file cannot be fetched, the install fails and the previous
//     version stays in charge, complete;
//   - revalidates every file with the server while precaching, so a new
//     version never stores an old file, yet a file the page has just
//     downloaded (app.wasm) is not downloaded twice;
//   - answers only from its own version's cache, so a page never gets a mix
//     of two versions;
//   - waits until the page asks it to take over (the "new version" notice),
//     then deletes every older cache.
// It sends nothing anywhere: every request it makes is to this site.

const version = "{{.Version}}";
const cacheName = "callprivacy-" + version;
const resources = {{.ResourcesToCache}};
const notFoundPage = "__NOT_FOUND_PAGE__";

self.addEventListener("install", (event) => {
  event.waitUntil(precache());
});

async function precache() {
  const cache = await caches.open(cacheName);
  await Promise.all(
    resources.map(async (url) => {
      const response = await fetch(new Request(url, { cache: "no-cache" }));
      if (!response.ok) {
        throw new Error("precaching " + url + ": HTTP " + response.status);
      }
      // A navigation may not be answered with a redirected response, so a
      // redirect (say /privacy to /privacy/) is stored as a plain one.
      const stored = response.redirected
        ? new Response(await response.blob(), {
            status: response.status,
            statusText: response.statusText,
            headers: response.headers,
          })
        : response;
      await cache.put(url, stored);
    })
  );
}

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const keys = await caches.keys();
      await Promise.all(keys.filter((k) => k !== cacheName).map((k) => caches.delete(k)));
      await self.clients.claim();
    })()
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "callprivacy:activate") {
    self.skipWaiting();
  }
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) {
    return;
  }
  event.respondWith(answer(request));
});

async function answer(request) {
  const cache = await caches.open(cacheName);
  const navigation = request.mode === "navigate";
  // Pages are found whatever their query (?wasm=false), files exactly.
  const cached = await cache.match(request, { ignoreSearch: navigation });
  if (cached) {
    return cached;
  }
  try {
    return await fetch(request);
  } catch (err) {
    if (navigation) {
      const notFound = await cache.match(notFoundPage);
      if (notFound) {
        return notFound;
      }
    }
    throw err;
  }
}
