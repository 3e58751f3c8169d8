// The service worker: precaches every file of the site under a version derived from the content
// (dev.sh fills in both when it assembles dist/), serves cache-first so the app starts offline,
// and removes older caches once a new version takes over. Saved data lives in localStorage and is
// never touched here.
"use strict";

const CACHE = "band-circuit-__CACHE_VERSION__";
const FILES = "__PRECACHE_FILES__";

self.addEventListener("install", (event) => {
    event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)));
});

self.addEventListener("activate", (event) => {
    event.waitUntil((async () => {
        for (const name of await caches.keys()) {
            if (name.startsWith("band-circuit-") && name !== CACHE) await caches.delete(name);
        }
        await self.clients.claim();
    })());
});

self.addEventListener("fetch", (event) => {
    const request = event.request;
    if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
    event.respondWith((async () => {
        const cache = await caches.open(CACHE);
        const cached = await cache.match(request, { ignoreSearch: true });
        if (cached) return cached;
        return fetch(request);
    })());
});
