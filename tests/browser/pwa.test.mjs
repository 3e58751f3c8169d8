// Installable, offline, hostable anywhere, locked down: the page after one visit starts with the
// network cut, works under any sub-path, picks up a new deploy on the next visit without touching
// saved data, runs under the strict Content-Security-Policy without a request leaving its origin,
// and names icons that exist at the sizes it states. dist/ carries precompressed copies that the
// server hands out like a static host.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { DIST, launchBrowser, layoutOnlyPages, openApp, press, serveDist, state, waitFor, waitReady, waitStill } from "./harness.mjs";
import { startServer, CONTENT_SECURITY_POLICY } from "../serve.mjs";

layoutOnlyPages();   // no test here reads pixels (harness.mjs)

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

// Wait until the service worker is active and controls the page: from then on the site is cached.
async function waitControlled(page) {
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 10000 });
}

// What the user came for: from the home screen, start a session.
async function startSession(page) {
    assert.equal((await state(page)).screen, "home");
    await press(page, "Start");
    const s = await waitFor(page, (s) => s.screen === "session");
    assert.equal(s.screen, "session");
}

// A copy of dist/ to change as a new deploy would: each file written with fresh .gz and .br.
function copyDist() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "band-circuit-dist-"));
    fs.cpSync(DIST, dir, { recursive: true });
    return dir;
}
function writeDeployed(file, text) {
    fs.writeFileSync(file, text);
    fs.writeFileSync(file + ".gz", zlib.gzipSync(text, { level: 9 }));
    fs.writeFileSync(file + ".br", zlib.brotliCompressSync(text));
}
const CACHE_VERSION = /CACHE_PREFIX \+ "([0-9a-f]{16})"/;

test("after one visit the app starts and works with the network cut, whatever the URL of its page", async () => {
    const server = await serveDist();
    try {
        const { context, page, problems } = await openApp(browser, server.url);
        await waitControlled(page);

        await context.setOffline(true);
        await server.close();   // no server either: nothing can come from the network
        await page.reload();
        await waitReady(page);
        assert.equal((await state(page)).screen, "home");

        // The start URL, index.html, a query string (home screen shortcuts, campaign links) and a
        // page beside index.html that was never cached all open the app.
        for (const address of [server.url, server.url + "index.html", server.url + "?source=homescreen",
                               server.url + "index.html?x=1#top", server.url + "no-such-page"]) {
            await page.goto(address);
            await waitReady(page);
            assert.equal((await state(page)).screen, "home", address);
        }
        await startSession(page);
        // A second tab, too.
        const second = await context.newPage();
        await second.goto(server.url);
        await waitReady(second);
        assert.ok((await state(second)).screen);

        assert.deepEqual(problems.filter((p) => !p.includes("no-such-page")), []);
        await context.close();
    } finally {
        await server.close().catch(() => {});
    }
});

test("served under a sub-path, the app loads and works, asks nothing outside it, and the service worker's scope is that path", async () => {
    const base = "/some/path/";
    const server = await serveDist({ base });
    try {
        const { context, page, problems } = await openApp(browser, server.url);
        await waitControlled(page);
        const scope = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).scope);
        assert.equal(scope, new URL(base, server.url).href);
        await startSession(page);

        // Offline at the sub-path too, with the session saved there.
        await context.setOffline(true);
        await page.reload();
        await waitReady(page);
        assert.ok((await page.evaluate(() => bandCircuit.widgets())).length > 0);

        assert.deepEqual(problems, []);
        assert.ok(server.stats.requests.length > 5);
        for (const request of server.stats.requests) assert.ok(request.startsWith(base), `${request} is under ${base}`);
        await context.close();
    } finally {
        await server.close();
    }
});

test("a new deploy at the same address is found on the next visit and announced, runs from the visit after, and saved data stays", async () => {
    const dir = copyDist();
    const server = await startServer({ root: dir });
    try {
        const { context, page, problems } = await openApp(browser, server.url);
        await waitControlled(page);
        assert.equal((await state(page)).updateReady, false, "a first visit announces nothing");
        // Saved data: a setting chosen in the app, plus one key of our own.
        await press(page, "2 rounds");
        await press(page, "3 rounds");
        await page.waitForFunction(() => Object.values({ ...localStorage }).some((v) => v.includes('"rounds":3')));
        await page.evaluate(() => localStorage.setItem("pwa-test-kept", JSON.stringify({ kept: true })));
        const saved = await page.evaluate(() => ({ ...localStorage }));
        const oldCaches = await page.evaluate(() => caches.keys());
        assert.equal(oldCaches.length, 1);

        // Deploy: one changed file, and the version dev.sh derives from the content.
        const marker = "/* deploy " + Date.now() + " */";
        writeDeployed(path.join(dir, "style.css"), fs.readFileSync(path.join(dir, "style.css"), "utf8") + marker + "\n");
        const sw = fs.readFileSync(path.join(dir, "sw.js"), "utf8");
        const oldVersion = sw.match(CACHE_VERSION)[1];
        const newVersion = [...oldVersion].reverse().join("") === oldVersion ? "0123456789abcdef" : [...oldVersion].reverse().join("");
        writeDeployed(path.join(dir, "sw.js"), sw.replace(CACHE_VERSION, `CACHE_PREFIX + "${newVersion}"`));

        // Next visit: the installed version starts at once, finds the new one and says so.
        await page.reload();
        await waitReady(page);
        await page.waitForFunction(() => bandCircuit.state().updateReady === true, null, { timeout: 30000 });
        assert.equal((await state(page)).screen, "home");
        // It is a line in the app's own layout: the first tap goes to what it lands on.
        await press(page, "History");
        assert.equal((await state(page)).screen, "history");
        await press(page, "Back");
        // The new version takes over (this page has everything it needs) and the old cache goes.
        await page.waitForFunction((name) => caches.keys().then((keys) => keys.length === 1 && keys[0] === name),
                                   "band-circuit-" + newVersion, { timeout: 10000 });

        // The visit after runs the new files, offline as well, with nothing more to announce.
        await context.setOffline(true);
        await page.reload();
        await waitReady(page);
        const css = await page.evaluate(() => fetch("style.css").then((r) => r.text()));
        assert.ok(css.includes(marker), "the new style.css is served");
        // Registered, active, and nothing installing or waiting: there is no update to announce.
        await page.waitForFunction(() => navigator.serviceWorker.getRegistration()
            .then((r) => !!r && !!r.active && !r.installing && !r.waiting), null, { timeout: 10000 });
        await waitStill(page);
        assert.equal((await state(page)).updateReady, false);

        const after = await page.evaluate(() => ({ ...localStorage }));
        assert.deepEqual(after, saved);
        await startSession(page);
        assert.equal((await state(page)).session.rounds, 3, "the setting chosen before the update holds");
        assert.deepEqual(problems, []);
        await context.close();
    } finally {
        await server.close();
        fs.rmSync(dir, { recursive: true, force: true });
    }
});

test("the strict CSP holds: header equals meta tag, no violation, no request to another origin", async () => {
    const server = await serveDist();
    try {
        const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
        const requests = [];
        context.on("request", (request) => requests.push(request.url()));
        await context.addInitScript(() => {
            window.__violations = [];
            document.addEventListener("securitypolicyviolation", (e) =>
                window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
        });
        const page = await context.newPage();
        const response = await page.goto(server.url);
        assert.equal(response.headers()["content-security-policy"], CONTENT_SECURITY_POLICY);
        assert.equal(await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content"), CONTENT_SECURITY_POLICY);
        await waitReady(page);
        await waitControlled(page);
        await page.reload();               // a second visit, served by the service worker
        await waitReady(page);

        // A session: the get-ready countdown and the first exercise, with a pause and resume.
        await startSession(page);
        await waitFor(page, (s) => s.session.phaseElapsedMs >= 1000);   // a second of countdown
        await press(page, "Pause");
        await waitFor(page, (s) => s.session.paused === true);
        await press(page, "Resume");
        await waitFor(page, (s) => s.session.paused === false);
        // Into the first set, and three seconds of it: tempo tones, rep counts and speech all run.
        await press(page, "Skip");
        await waitFor(page, (s) => s.session.phase === "work");
        await waitFor(page, (s) => s.session.phaseElapsedMs >= 3000, { timeout: 15000 });
        assert.equal((await state(page)).screen, "session");

        assert.deepEqual(await page.evaluate(() => window.__violations), []);
        const origin = new URL(server.url).origin;
        const foreign = requests.filter((url) => /^(https?|wss?):/.test(url) && new URL(url).origin !== origin);
        assert.deepEqual(foreign, []);
        assert.ok(requests.some((url) => url.endsWith("band-circuit.wasm")), "requests are recorded");

        // The listener does see a violation: an inline script is refused under this policy.
        await page.evaluate(() => {
            const script = document.createElement("script");
            script.textContent = "window.__inlineRan = true;";
            document.head.append(script);
        });
        await page.waitForFunction(() => window.__violations.length > 0);
        assert.match((await page.evaluate(() => window.__violations))[0], /^script-src/);
        assert.equal(await page.evaluate(() => window.__inlineRan), undefined);
        await context.close();
    } finally {
        await server.close();
    }
});

test("the manifest parses, its URLs are relative, every icon it names decodes at its stated size, and so does the apple-touch-icon", async () => {
    const server = await serveDist({ base: "/hosted/" });
    try {
        const { context, page, problems } = await openApp(browser, server.url);
        const manifestHref = await page.evaluate(() => document.querySelector('link[rel="manifest"]').href);
        const manifest = JSON.parse(await page.evaluate((href) => fetch(href).then((r) => r.text()), manifestHref));
        assert.equal(typeof manifest.name, "string");
        assert.ok(manifest.short_name && manifest.short_name.length <= 12, "a short name fits under an icon");
        assert.ok(manifest.description);
        assert.equal(manifest.display, "standalone");
        for (const key of ["start_url", "scope"]) {
            assert.ok(!/^(\/|[a-z]+:)/.test(manifest[key]), `${key} is relative`);
            assert.equal(new URL(manifest[key], manifestHref).href, server.url);
        }
        assert.match(manifest.theme_color, /^#[0-9a-f]{6}$/i);
        assert.match(manifest.background_color, /^#[0-9a-f]{6}$/i);
        for (const purpose of ["any", "maskable"]) {
            for (const size of ["192x192", "512x512"]) {
                assert.ok(manifest.icons.some((i) => i.sizes === size && (i.purpose || "any").split(" ").includes(purpose) && i.type === "image/png"),
                          `a ${purpose} PNG icon of ${size}`);
            }
        }

        const decode = (href) => page.evaluate(async (src) => {
            const image = new Image();
            image.src = src;
            await image.decode();
            return `${image.naturalWidth}x${image.naturalHeight}`;
        }, href);
        for (const icon of manifest.icons) {
            assert.ok(!/^(\/|[a-z]+:)/.test(icon.src), `${icon.src} is relative`);
            const size = await decode(new URL(icon.src, manifestHref).href);
            if (icon.sizes !== "any") assert.equal(size, icon.sizes, icon.src);
        }
        const touch = await page.evaluate(() => {
            const link = document.querySelector('link[rel="apple-touch-icon"]');
            return { href: link.href, sizes: link.getAttribute("sizes") };
        });
        assert.equal(await decode(touch.href), touch.sizes || "180x180");
        assert.equal(await page.getAttribute('meta[name="apple-mobile-web-app-title"]', "content"), manifest.short_name);
        assert.deepEqual(problems, []);
        await context.close();
    } finally {
        await server.close();
    }
});

test("dist/ carries .gz and .br copies of every text and wasm file, served with the right type and caching", async () => {
    const files = fs.readdirSync(DIST, { recursive: true })
        .filter((f) => fs.statSync(path.join(DIST, f)).isFile() && !/\.(gz|br|png)$/.test(f));
    assert.ok(files.includes("band-circuit.wasm") && files.includes("index.html"));
    for (const f of files) {
        const raw = fs.readFileSync(path.join(DIST, f));
        assert.ok(zlib.gunzipSync(fs.readFileSync(path.join(DIST, f + ".gz"))).equals(raw), `${f}.gz`);
        assert.ok(zlib.brotliDecompressSync(fs.readFileSync(path.join(DIST, f + ".br"))).equals(raw), `${f}.br`);
    }
    // Every file is precached (sw.js itself is the worker), but the languages: an English visitor
    // needs none of them, and one is kept once used (languages.test.mjs).
    const precached = JSON.parse(fs.readFileSync(path.join(DIST, "sw.js"), "utf8").match(/const FILES = (\[.*?\]);/)[1]);
    const all = fs.readdirSync(DIST, { recursive: true })
        .filter((f) => fs.statSync(path.join(DIST, f)).isFile() && !/\.(gz|br)$/.test(f) && f !== "sw.js");
    assert.deepEqual([...precached].sort(), ["./", ...all.filter((f) => !f.startsWith("lang/"))].sort());
    assert.ok(all.filter((f) => /^lang\/[a-zA-Z-]+\.bin$/.test(f)).length >= 10, "a file for each language but English");

    const server = await serveDist({ base: "/sub/" });
    try {
        const get = (name, encoding, extra = {}) => fetch(server.url + name, { headers: { "accept-encoding": encoding, ...extra } });
        const wasm = await get("band-circuit.wasm", "br, gzip");
        assert.equal(wasm.headers.get("content-type"), "application/wasm");
        assert.equal(wasm.headers.get("content-encoding"), "br");
        assert.ok(Buffer.from(await wasm.arrayBuffer()).equals(fs.readFileSync(path.join(DIST, "band-circuit.wasm"))));
        assert.equal((await get("app.js", "gzip")).headers.get("content-encoding"), "gzip");
        assert.equal((await get("app.js", "identity")).headers.get("content-encoding"), null);
        for (const name of ["", "index.html", "sw.js"]) {
            assert.equal((await get(name, "br")).headers.get("cache-control"), "no-cache", name || "./");
        }
        const first = await get("index.html", "br");
        const again = await get("index.html", "br", { "if-none-match": first.headers.get("etag") });
        assert.equal(again.status, 304);
        assert.equal((await get("../escape", "br")).status, 404);
    } finally {
        await server.close();
    }
});
