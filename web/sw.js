// The service worker: the app starts offline after one visit, and a new deploy arrives whole.
//
// dev.sh (assemble_dist) fills in the list of every file of the site and a version derived from
// their content. Installing a version fetches all of them, each revalidated with the server (so the
// HTTP cache can never hand it an old copy, while an unchanged file costs only a 304), into a cache
// named after it; requests are then served from that cache first, so a page never mixes files of
// two versions. A new version waits until the running page says it has everything it needs
// (web/app.js, "Offline and install"), then takes over and deletes the caches of older versions;
// the next visit runs it. Saved data lives in localStorage, which this file never touches.
"use strict";

const CACHE_PREFIX = "band-circuit-";
const CACHE = CACHE_PREFIX + "__CACHE_VERSION__";
const FILES = "__PRECACHE_FILES__";   // URLs relative to this file: "./", "index.html", ...

// lang/<tag>.bin: a language's texts and glyphs, cached the first time it is used.
function isLanguageFile(url) {
    const path = new URL(url).pathname;
    const scope = new URL(self.registration.scope).pathname;
    return path.startsWith(scope) && /^lang\/[A-Za-z-]+\.bin$/.test(path.slice(scope.length));
}

// A redirect stored in the cache cannot answer a navigation, and some hosts redirect
// "index.html" to "./": keep the final response's body and headers only.
async function cleanResponse(response) {
    if (!response.redirected) return response;
    return new Response(await response.blob(), {
        status: response.status, statusText: response.statusText, headers: response.headers,
    });
}

self.addEventListener("install", (event) => {
    event.waitUntil((async () => {
        const cache = await caches.open(CACHE);
        // All or nothing: a failed download leaves the previous version in charge.
        const responses = await Promise.all(FILES.map(async (file) => {
            const response = await fetch(new Request(file, { cache: "no-cache", credentials: "same-origin" }));
            if (!response.ok) throw new Error(`precaching ${file}: HTTP ${response.status}`);
            return [file, await cleanResponse(response)];
        }));
        await Promise.all(responses.map(([file, response]) => cache.put(file, response)));
        // Language files are not precached (an English visitor needs none), but one this browser
        // has used must stay offline across an update: the new version fetches it too.
        for (const name of await caches.keys()) {
            if (!name.startsWith(CACHE_PREFIX) || name === CACHE) continue;
            for (const request of await (await caches.open(name)).keys()) {
                if (!isLanguageFile(request.url)) continue;
                try {
                    const response = await fetch(new Request(request.url, { cache: "no-cache", credentials: "same-origin" }));
                    if (response.ok) await cache.put(request, await cleanResponse(response));
                } catch (e) { /* offline: the language is fetched again when next chosen */ }
            }
        }
    })());
});

// The first version takes charge at once (there is nothing to replace); a later one when a page
// asks for it, which the page does once it has loaded the app (see web/app.js).
self.addEventListener("message", (event) => {
    if (event.data && event.data.type === "activate-update") self.skipWaiting();
});

self.addEventListener("activate", (event) => {
    event.waitUntil((async () => {
        for (const name of await caches.keys()) {
            if (name.startsWith(CACHE_PREFIX) && name !== CACHE) await caches.delete(name);
        }
        await self.clients.claim();
    })());
});

// Cache first. The query string is ignored ("./?from=homescreen" is "./"); anything not
// precached goes to the network (a language file is kept for next time); a navigation that fails offline gets the app's page.
self.addEventListener("fetch", (event) => {
    const request = event.request;
    if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
    event.respondWith((async () => {
        const cache = await caches.open(CACHE);
        const cached = await cache.match(request, { ignoreSearch: true, ignoreVary: true });
        if (cached) return cached;
        try {
            const response = await fetch(request);
            if (!response.ok || !isLanguageFile(request.url)) return response;
            const clean = await cleanResponse(response);
            await cache.put(request, clean.clone());
            return clean;
        } catch (error) {
            // Only for pages beside index.html: deeper paths would break its relative URLs.
            const scope = new URL(self.registration.scope).pathname;
            const path = new URL(request.url).pathname;
            if (request.mode === "navigate" && path.startsWith(scope) && !path.slice(scope.length).includes("/")) {
                const page = await cache.match("index.html");
                if (page) return page;
            }
            throw error;
        }
    })());
});
