// callprivacy service worker, version {{.Version}}.
//
// It replaces go-app's default worker, which precaches only a few files,
// does not wait for its cache before taking over and logs (then ignores)
// caching errors. This one:
//   - precaches every page and file of this version before it installs,
//     and checks each against the SHA-256 hash the build wrote below: if
//     one file cannot be fetched or is not this version's (say the host is
//     half-way through an upload), the install fails, its cache is
//     deleted and the previous version stays in charge, complete. The
//     browser checks the worker again on the next visit and tries anew;
//   - revalidates every file with the server while precaching, so a new
//     version never stores an old file, yet a file the page has just
//     downloaded (app.wasm) is not downloaded twice;
//   - answers only from its own version's cache, so a page never gets a mix
//     of two versions;
//   - waits until the page asks it to take over (the "new version" notice),
//     then deletes every older cache.
// It sends nothing anywhere: every request it makes is to this site, and
// carries no Referer.

const version = "{{.Version}}";
// One cache per worker: the hashes name it (see internal/staticsite).
const cacheName = "callprivacy-" + version + "-__PRECACHE_ID__";
const resources = {{.ResourcesToCache}};
// Address → "sha256-<base64>" of the bytes it must be answered with.
const integrity = __PRECACHE_INTEGRITY__;
const notFoundPage = "__NOT_FOUND_PAGE__";

self.addEventListener("install", (event) => {
  event.waitUntil(precache());
});

// precache stores every file of this version in a cache of its own, only
// once all of them have arrived and match their hashes. On any failure it
// deletes that cache (unless it was there before: then another worker of
// these very files may be answering from it) and fails the install.
async function precache() {
  const existed = await caches.has(cacheName);
  try {
    const verified = await Promise.all(resources.map(fetchVerified));
    const cache = await caches.open(cacheName);
    await Promise.all(verified.map(([url, response]) => cache.put(url, response)));
  } catch (err) {
    if (!existed) {
      await caches.delete(cacheName);
    }
    console.warn("callprivacy: version " + version + " not installed; the previous one stays:", err.message);
    throw err;
  }
}

// fetchVerified fetches url and returns [url, response] with the body
// checked against its hash. It first revalidates (a file of this version
// already in the HTTP cache is not downloaded again); a file that does not
// match is fetched once more past the HTTP cache before giving up.
async function fetchVerified(url) {
  const want = integrity[url];
  if (!want) {
    throw new Error("precaching " + url + ": no hash for it in this worker");
  }
  let got = "";
  for (const mode of ["no-cache", "reload"]) {
    const response = await fetch(new Request(url, { cache: mode, referrerPolicy: "no-referrer" }));
    if (!response.ok) {
      throw new Error("precaching " + url + ": HTTP " + response.status);
    }
    const body = await response.arrayBuffer();
    got = await sha256(body);
    if (got === want) {
      // Stored as a plain response: a navigation may not be answered with
      // a redirected one (say /privacy to /privacy/), and the body is the
      // decoded one, whatever coding and length the server sent.
      const headers = new Headers(response.headers);
      headers.delete("Content-Encoding");
      headers.delete("Content-Length");
      return [url, new Response(body, { status: response.status, statusText: response.statusText, headers })];
    }
  }
  throw new Error("precaching " + url + ": the server's file is not this version's (" + got + ", want " + want + ")");
}

async function sha256(buffer) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", buffer));
  let binary = "";
  for (const b of digest) {
    binary += String.fromCharCode(b);
  }
  return "sha256-" + btoa(binary);
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

// answer looks in this version's cache without opening it: caches.open
// would create it again after a reader removed the site's data.
async function answer(request) {
  const navigation = request.mode === "navigate";
  // Pages are found whatever their query (?wasm=false), files exactly.
  const cached = await caches.match(request, { cacheName, ignoreSearch: navigation });
  if (cached) {
    return cached;
  }
  try {
    return await fetch(request);
  } catch (err) {
    if (navigation) {
      const notFound = await caches.match(notFoundPage, { cacheName });
      if (notFound) {
        return notFound;
      }
    }
    throw err;
  }
}
