// WarmDesk's service worker (issue 21): makes the app installable and answers when the network
// is gone. What it keeps:
// - the shell: Next's hashed build files (/_next/static/, immutable: cache first) and the icons;
// - an offline page (/offline.html), shown for a page that cannot be loaded.
// Live data stays online-only: /api/, the realtime sidecar and every page itself always go to the
// network (pages are never cached: they carry a fresh CSP nonce and the user's data).
// Registered from components/shell/service-worker.tsx; in development (?dev=1) build files are not
// cached (they are not hashed there).
const VERSION = "warmdesk-shell-v1";
const OFFLINE = "/offline.html";
const PRECACHE = [OFFLINE, "/favicon.svg", "/logo.svg", "/icons/icon-192.png", "/icons/icon-512.png"];
const DEV = new URL(self.location.href).searchParams.get("dev") === "1";

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(VERSION)
      .then((cache) => cache.addAll(PRECACHE))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== VERSION).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    // Pages: the network, or the offline page when there is none.
    event.respondWith(fetch(request).catch(() => caches.match(OFFLINE)));
    return;
  }
  const shell = (!DEV && url.pathname.startsWith("/_next/static/")) || PRECACHE.includes(url.pathname);
  if (!shell) return; // API calls and everything else: the browser as usual.
  event.respondWith(
    caches.match(request).then(
      (hit) =>
        hit ||
        fetch(request).then((response) => {
          if (response.ok) {
            const copy = response.clone();
            event.waitUntil(caches.open(VERSION).then((cache) => cache.put(request, copy)));
          }
          return response;
        }),
    ),
  );
});
