// `./dev.sh bench`: Band Circuit next to Dear ImGui's own SDL2 + WebGL2 example, both built with
// the same toolchain and release flags and served the way a static host serves them (precompressed
// .gz/.br). The two are measured in turns, ROUNDS times each, in one headless Chromium
// (390x844 CSS px, DPR 3), and the medians, the app/example ratios and the app's targets are
// printed and written to bench/results.md.
//
//   node tests/bench/bench.mjs DIST_DIR EXAMPLE_SITE_DIR [--out bench/results.md] [--rounds 5]
//
// How each figure is taken (the same way for both pages):
//   bytes       CDP Network.loadingFinished encodedDataLength of every request the page makes, in a
//               fresh context, until 1 s after the first frame; once with Accept-Encoding: gzip,
//               once with the browser's default (brotli). The app's service worker precache fetches
//               are not page requests: they are counted from the server's log and shown apart.
//   first frame performance.now() (zero at navigation start) at the end of the first main-loop
//               iteration: Module.postMainLoop, hooked by an init script before any page script.
//   CPU/frame   performance.now() between Module.preMainLoop and Module.postMainLoop, i.e. the wasm
//               frame function and what it calls. Chromium coarsens performance.now() to 100 us in
//               pages that are not cross-origin isolated, so single samples are quantised.
//   frames/s    main-loop iterations counted by postMainLoop. Headless Chromium keeps every page
//               visible (another tab in front, a background target, a minimised window and CDP
//               Page.setWebLifecycleState "frozen" all leave visibilityState "visible" and rAF
//               running), so "hidden" is emulated in the page: visibilityState "hidden", a
//               visibilitychange event, and requestAnimationFrame callbacks held until shown.
//   heap        wasmMemory.buffer.byteLength at the end of the visit.
//   a11y layer  the app's own count of the time spent after each frame on the accessible layer
//               (describing the frame, comparing, updating the page's elements: bc_a11y_cost_ms)
//               and of the updates it sent (bc_a11y_updates), read before and after the idle and
//               set windows; the time per frame is that sum over the frames of the set window.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { launchBrowser } from "../browser/harness.mjs";
import { startServer } from "../serve.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "../..");
const args = process.argv.slice(2);
const option = (name, fallback) => { const i = args.indexOf(name); return i >= 0 ? args.splice(i, 2)[1] : fallback; };
const OUT = path.resolve(option("--out", path.join(ROOT, "bench/results.md")));
const ROUNDS = Number(option("--rounds", process.env.BENCH_ROUNDS || 5));
const [DIST = path.join(ROOT, "dist"), EXAMPLE = path.join(ROOT, "build/bench-example/site")] = args;

const VIEWPORT = { width: 390, height: 844 };
const DPR = 3;
const IDLE_MS = 2000, HIDDEN_MS = 1500, SET_MS = 3000, SESSION_LIMIT_MS = 10000;
const EXTRA_LOADS = 3;   // more first-frame samples per round: load times vary from one load to the next
const KB = 1024;

// --- [SECTION] In-page probe: hooks Module.preMainLoop/postMainLoop before any page script ------
// Both pages assign window.Module in their own scripts; an accessor on window hooks whatever object
// they assign (Emscripten's `var Module = typeof Module != 'undefined' ? Module : {}` keeps it).
function probe() {
    const bench = window.__bench = { iterations: 0, firstFrame: -1, begin: 0, recording: false, samples: [], stamps: [], ends: [],
                                     longestIteration: 0, longestIterationAt: -1 };
    let module;
    function hook(m) {
        if (!m || typeof m !== "object" || m.__benchHooked) return m;
        Object.defineProperty(m, "__benchHooked", { value: true });
        const pre = m.preMainLoop, post = m.postMainLoop;
        m.preMainLoop = function () {
            bench.begin = performance.now();
            return pre ? pre.apply(this, arguments) : undefined;
        };
        m.postMainLoop = function () {
            const end = performance.now();
            // The app's own work per frame: the longest main-loop iteration after the first one.
            if (bench.firstFrame >= 0 && end - bench.begin > bench.longestIteration) {
                bench.longestIteration = end - bench.begin;
                bench.longestIterationAt = bench.begin;
            }
            if (bench.firstFrame < 0) bench.firstFrame = end;
            bench.iterations++;
            bench.stamps.push(Date.now());
            if (bench.stamps.length > 4096) bench.stamps.splice(0, 2048);
            bench.ends.push(end);   // the same on the page's own clock (performance.now), as resource timing
            if (bench.ends.length > 4096) bench.ends.splice(0, 2048);
            if (bench.recording) bench.samples.push(end - bench.begin);
            if (bench.watch && window.bandCircuit) {
                const labels = new Set(bandCircuit.widgets().map((w) => w.label));
                bench.watchLog.push({ end, drawn: bandCircuit.framesDrawn(), shown: bench.watch.some((l) => labels.has(l)) });
            }
            if (post) post.apply(this, arguments);
        };
        return m;
    }
    Object.defineProperty(window, "Module", { configurable: true, enumerable: true,
                                              get: () => module, set: (value) => { module = hook(value); } });

    // Long tasks (over 50 ms) of the page's main thread, from the start.
    bench.longTasks = [];
    try {
        new PerformanceObserver((list) => {
            for (const e of list.getEntries()) bench.longTasks.push({ start: e.startTime, duration: e.duration });
        }).observe({ type: "longtask", buffered: true });
    } catch { /* no long task timing: the list stays empty */ }
    // Touch to screen: when the tap's pointerup came, and per drawn frame whether the screen it
    // drew is the one awaited (bench.watch: labels only that screen has, read from widgets()).
    bench.pointerUps = [];
    bench.watch = null;
    bench.watchLog = [];
    window.addEventListener("pointerup", () => bench.pointerUps.push({ at: performance.now(), drawn: window.bandCircuit ? bandCircuit.framesDrawn() : 0 }), true);
    bench.rafTimes = [];

    // A hidden tab, as browsers make one: document.visibilityState "hidden" with a visibilitychange
    // event, and no requestAnimationFrame callbacks until it is shown again.
    bench.hidden = false;
    const held = [];
    const requestFrame = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (callback) => requestFrame((time) => {
        if (bench.recording) bench.rafTimes.push(time);
        if (bench.hidden) held.push(callback); else callback(time);
    });
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => (bench.hidden ? "hidden" : "visible") });
    Object.defineProperty(document, "hidden", { configurable: true, get: () => bench.hidden });
    bench.setHidden = (hidden) => {
        bench.hidden = hidden;
        document.dispatchEvent(new Event("visibilitychange"));
        if (!hidden) for (const callback of held.splice(0)) requestFrame(callback);
    };
}

// --- [SECTION] Helpers ---------------------------------------------------------------------------
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const n = s.length; return n === 0 ? NaN : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2; };
const percentile = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.ceil(p / 100 * s.length) - 1)] : NaN; };
const sh = (cmd, cmdArgs) => { try { return execFileSync(cmd, cmdArgs, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim(); } catch { return "?"; } };

// Served size of a path for one encoding, as serve.mjs picks it (precompressed copy if present).
function servedBytes(root, pathname, encoding) {
    let relative = decodeURIComponent(pathname.replace(/^\//, ""));
    if (relative === "" || relative.endsWith("/")) relative += "index.html";
    const file = path.join(root, relative);
    for (const candidate of [file + (encoding === "br" ? ".br" : ".gz"), file]) {
        if (fs.existsSync(candidate)) return fs.statSync(candidate).size;
    }
    return 0;
}

// --- [SECTION] One visit -------------------------------------------------------------------------
// kind: "app" or "example". encoding: "gzip" or "br". full: also idle, hidden, set and heap.
async function visit(browser, site, encoding, full) {
    const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: DPR });
    await context.addInitScript(probe);
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (error) => errors.push(error.message));
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    if (encoding === "gzip") await cdp.send("Network.setExtraHTTPHeaders", { headers: { "Accept-Encoding": "gzip" } });
    const requests = new Map();   // requestId -> { url, bytes, encoding }
    cdp.on("Network.requestWillBeSent", (e) => requests.set(e.requestId, { url: e.request.url, bytes: 0, encoding: "" }));
    cdp.on("Network.responseReceived", (e) => {
        const r = requests.get(e.requestId);
        if (r) r.encoding = Object.entries(e.response.headers).find(([k]) => k.toLowerCase() === "content-encoding")?.[1] || "identity";
    });
    cdp.on("Network.loadingFinished", (e) => { const r = requests.get(e.requestId); if (r) r.bytes = e.encodedDataLength; });

    const served = site.server.stats.requests.length;
    await page.goto(site.url);
    await page.waitForFunction(() => window.__bench && window.__bench.firstFrame >= 0, null, { timeout: 20000 });
    await sleep(1000);
    const firstFrameMs = await page.evaluate(() => window.__bench.firstFrame);
    const pageRequests = [...requests.values()];
    const pageBytes = pageRequests.reduce((sum, r) => sum + r.bytes, 0);
    const pagePaths = pageRequests.map((r) => new URL(r.url).pathname);
    // Whatever the server sent beyond the page's own requests came from the service worker.
    const serverPaths = site.server.stats.requests.slice(served);
    const swPaths = [...serverPaths];
    for (const p of pagePaths) { const i = swPaths.indexOf(p); if (i >= 0) swPaths.splice(i, 1); }
    const result = {
        encoding, firstFrameMs, pageBytes, errors,
        encodings: [...new Set(pageRequests.filter((r) => /\.(wasm|js)$/.test(r.url)).map((r) => r.encoding))].join(","),
        files: pageRequests.map((r) => `${new URL(r.url).pathname} ${r.bytes}`),
    };
    if (!full) { await context.close(); return result; }
    await sleep(2000);   // let the service worker finish its precache before anything is measured
    const swPathsNow = site.server.stats.requests.slice(served);
    for (const p of pagePaths) { const i = swPathsNow.indexOf(p); if (i >= 0) swPathsNow.splice(i, 1); }
    result.swBytes = { gzip: 0, br: 0 };
    for (const p of swPathsNow) { result.swBytes.gzip += servedBytes(site.root, p, "gzip"); result.swBytes.br += servedBytes(site.root, p, "br"); }
    result.swFiles = swPathsNow.length;

    // Idle on the home screen: no input, nothing moving. Wait until the frames owed to the last
    // input are drawn (no iteration for 1 s, at most 8 s), then count.
    await page.mouse.move(0, 0);
    const settleUntil = Date.now() + 8000;
    while (Date.now() < settleUntil) {
        const last = await page.evaluate(() => window.__bench.stamps.at(-1) || 0);
        if (Date.now() - last >= 1000) break;
        await sleep(200);
    }
    const a11y = () => page.evaluate(() => (window.Module && Module._bc_a11y_cost_ms ? { ms: Module._bc_a11y_cost_ms(), updates: Module._bc_a11y_updates() } : null));
    const idleFrom = Date.now();
    const a11yIdleFrom = await a11y();
    await sleep(IDLE_MS);
    const idleTo = Date.now();
    const a11yIdleTo = await a11y();
    result.idleFps = await countBetween(page, idleFrom, idleTo);
    if (a11yIdleFrom) result.a11yIdleUpdates = a11yIdleTo.updates - a11yIdleFrom.updates;

    // Hidden: the page is told it is hidden (see probe(): headless Chromium never hides a page).
    await page.evaluate(() => window.__bench.setHidden(true));
    const hiddenFrom = Date.now();
    await sleep(HIDDEN_MS);
    const hiddenTo = Date.now();
    await page.evaluate(() => window.__bench.setHidden(false));
    result.hiddenFps = await countBetween(page, hiddenFrom, hiddenTo);
    await sleep(300);

    // CPU per frame: a guided set with the figure playing, if the app has one; else the home screen
    // with the pointer moving over it (the app draws only when something changes).
    if (site.kind === "app") result.setMode = await startSet(page);
    else result.setMode = site.setMode;
    const hover = result.setMode === "home" ? hoverLoop(page) : null;
    // What the browser pays around the wasm: the main thread's task time (CDP Performance metrics,
    // TaskDuration), the requestAnimationFrame interval, long tasks, and the CPU time of Chromium's
    // GPU process, where SwiftShader rasterises WebGL in software here.
    await cdp.send("Performance.enable");
    const metric = async (name) => (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === name)?.value || 0;
    const task0 = await metric("TaskDuration");
    const gpu0 = gpuProcessCpuMs();
    const a11ySetFrom = await a11y();
    const longFrom = await page.evaluate(() => { window.__bench.samples = []; window.__bench.rafTimes = []; window.__bench.recording = true; return window.__bench.longTasks.length; });
    await sleep(SET_MS);
    await page.evaluate(() => { window.__bench.recording = false; });
    const a11ySetTo = await a11y();
    const task1 = await metric("TaskDuration");
    const gpu1 = gpuProcessCpuMs();
    if (hover) await hover.stop();
    result.frameSamples = await page.evaluate(() => window.__bench.samples);
    if (a11ySetFrom) {
        result.a11yMsPerFrame = (a11ySetTo.ms - a11ySetFrom.ms) / Math.max(1, result.frameSamples.length);
        result.a11ySetUpdates = a11ySetTo.updates - a11ySetFrom.updates;
    }
    const rafTimes = await page.evaluate(() => window.__bench.rafTimes);
    result.rafIntervals = rafTimes.slice(1).map((t, i) => t - rafTimes[i]);
    const frames = Math.max(1, result.frameSamples.length);
    result.mainBusyPerFrame = (task1 - task0) * 1000 / frames;
    result.mainBusyShare = (task1 - task0) * 1000 / SET_MS;
    result.gpuPerFrame = gpu0 >= 0 && gpu1 >= 0 ? (gpu1 - gpu0) / frames : NaN;
    result.gpuShare = gpu0 >= 0 && gpu1 >= 0 ? (gpu1 - gpu0) / SET_MS : NaN;
    result.setLongTasks = await page.evaluate((from) => window.__bench.longTasks.slice(from), longFrom);

    if (site.kind === "app" && result.setMode === "set") result.sessionDone = await finishSession(page);
    result.heapBytes = await page.evaluate(() => (window.wasmMemory ? wasmMemory.buffer.byteLength : Module.HEAP8.length));
    await context.close();
    return result;
}

// CPU time (user + system) of this run's Chromium GPU process, in ms (-1 when not found): the GPU
// process whose parent is the browser started with BROWSER_MARK among its arguments.
const BROWSER_MARK = `--band-circuit-bench=${process.pid}`;
let gpuPid = 0;
function gpuProcessCpuMs() {
    const read = (pid, file) => { try { return fs.readFileSync(`/proc/${pid}/${file}`, "utf8"); } catch { return ""; } };
    const stat = (pid) => { const text = read(pid, "stat"); return text ? text.slice(text.lastIndexOf(")") + 2).split(" ") : null; };
    if (!gpuPid || !stat(gpuPid)) {
        gpuPid = 0;
        for (const pid of fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
            if (!read(pid, "cmdline").includes("--type=gpu-process")) continue;
            // Its parent is the browser or, with --no-zygote-sandbox, the browser's zygote.
            let parent = stat(pid)?.[1];
            for (let up = 0; up < 3 && parent && parent !== "0"; up++) {
                if (read(parent, "cmdline").includes(BROWSER_MARK)) { gpuPid = Number(pid); break; }
                parent = stat(parent)?.[1];
            }
            if (gpuPid) break;
        }
    }
    const fields = gpuPid ? stat(gpuPid) : null;
    if (!fields) return -1;
    const ticks = Number(fields[11]) + Number(fields[12]);   // utime, stime (fields 14 and 15 of stat)
    return ticks * 1000 / CLOCK_TICKS;
}
const CLOCK_TICKS = Number(sh("getconf", ["CLK_TCK"])) || 100;

async function countBetween(page, from, to) {
    const n = await page.evaluate(([a, b]) => window.__bench.stamps.filter((t) => t >= a && t < b).length, [from, to]);
    return Math.round(n / ((to - from) / 1000) * 10) / 10;
}

function hoverLoop(page) {
    let running = true;
    const done = (async () => {
        for (let i = 0; running; i++) {
            await page.mouse.move(100 + (i % 40) * 4, 300 + (i % 25) * 6);
            await sleep(16);
        }
    })();
    return { stop: async () => { running = false; await done; } };
}

const appState = (page) => page.evaluate(() => (window.bandCircuit ? bandCircuit.state() : null));
const appWidgets = (page) => page.evaluate(() => (window.bandCircuit ? bandCircuit.widgets() : []));

async function pressWidget(page, w) {
    await page.mouse.move(w.x + w.w / 2, w.y + w.h / 2);
    await page.mouse.down();
    await sleep(40);
    await page.mouse.up();
}

// Press "Start" on the home screen, then the session's own Skip while it is in its get-ready step
// (10 s by default, longer than a measure should wait), and wait for the first work phase: the set
// measures are then always taken in a set. Returns "set" or "home" (no Start, or no work phase).
async function startSet(page) {
    const start = (await appWidgets(page)).find((w) => /^start\b/i.test(w.label) && w.enabled !== false);
    if (!start) return "home";
    await pressWidget(page, start);
    const deadline = Date.now() + SESSION_LIMIT_MS;
    while (Date.now() < deadline) {
        const s = await appState(page);
        const phase = s && s.session ? s.session.phase : null;
        if (phase === "work") return "set";
        if (phase === "get-ready") {
            const skip = (await appWidgets(page)).find((w) => /^skip$/i.test(w.label) && w.enabled !== false);
            if (skip) {
                await pressWidget(page, skip);
                try {
                    await page.waitForFunction((step) => { const t = bandCircuit.state(); return !t.session || t.session.step !== step; },
                                               s.session.step, { timeout: 3000, polling: 20 });
                } catch { /* pressed between frames: try again */ }
                continue;
            }
        }
        await sleep(50);
    }
    return "home";
}

// Through the rest of the session with its own Skip (and Done) buttons, so the heap is read after a
// whole session: every step, every screen, the save at the end. Returns whether it finished.
async function finishSession(page) {
    const deadline = Date.now() + SESSION_LIMIT_MS;
    while (Date.now() < deadline) {
        const s = await appState(page);
        if (!s || !s.session || s.screen === "finish") return true;
        const next = (await appWidgets(page)).find((w) => /^(skip|done)$/i.test(w.label) && w.enabled !== false);
        if (!next) { await sleep(50); continue; }
        await page.mouse.click(next.x + next.w / 2, next.y + next.h / 2);
        try {
            await page.waitForFunction((step) => { const t = bandCircuit.state(); return !t.session || t.screen === "finish" || t.session.step !== step; },
                                       s.session.step, { timeout: 3000, polling: 20 });
        } catch { /* pressed between frames: try again */ }
    }
    return false;
}

// --- [SECTION] Touch to screen, with the CPU throttled ----------------------------------------------
// A phone-speed CPU (CDP Emulation.setCPUThrottlingRate, from before navigation) and real touches
// (CDP touchStart, 60 ms, touchEnd). For each tap: from its pointerup to the end of the first frame
// that draws the new screen (told by widgets() labels only that screen has), in ms and in drawn
// frames. Long tasks are the page's main-thread tasks over 50 ms after the first frame.
const THROTTLE = 4;
const TAPS = [
    { name: "Home card -> exercise page", press: /^Banded deadbug$/, shows: ["Back"], back: "Back" },
    { name: "History", press: /^History$/, shows: ["Restore"], back: "Back" },
    { name: "Start -> session", press: /^Start\b/i, shows: ["Skip"] },
];

async function touchAt(cdp, w) {
    const x = w.x + w.w / 2, y = w.y + w.h / 2;
    await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x, y }] });
    await sleep(60);
    await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
}

async function throttledVisit(browser, site) {
    const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: DPR, hasTouch: true });
    await context.addInitScript(probe);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: THROTTLE });
    await page.goto(site.url);
    await page.waitForFunction(() => window.__bench && window.__bench.firstFrame >= 0, null, { timeout: 60000 });
    await sleep(1500);
    const result = { firstFrameMs: await page.evaluate(() => window.__bench.firstFrame), taps: {} };
    if (site.kind === "app") {
        for (const tap of TAPS) {
            await page.waitForFunction(() => bandCircuit.state().screen === "home", null, { timeout: 10000 });
            await sleep(500);
            const target = (await appWidgets(page)).find((w) => tap.press.test(w.label) && w.enabled !== false);
            if (!target) { result.taps[tap.name] = null; continue; }
            await page.evaluate((shows) => { const b = window.__bench; b.watchLog = []; b.pointerUps = []; b.watch = shows; }, tap.shows);
            await touchAt(cdp, target);
            await page.waitForFunction(() => { const b = window.__bench; const up = b.pointerUps[0];
                                                 return up && b.watchLog.some((f) => f.shown && f.end > up.at); }, null, { timeout: 20000, polling: 50 });
            await sleep(200);   // a long task is reported once it has ended
            result.taps[tap.name] = await page.evaluate(() => {
                const b = window.__bench, up = b.pointerUps[0];
                const shown = b.watchLog.find((f) => f.shown && f.end > up.at);
                b.watch = null;
                // The longest task that overlaps the time from the pointerup to that frame's end.
                const during = b.longTasks.filter((t) => t.start < shown.end && t.start + t.duration > up.at - 100);
                return { ms: shown.end - up.at, frames: shown.drawn - up.drawn, longest: Math.max(0, ...during.map((t) => t.duration)) };
            });
            if (tap.back) {
                await sleep(300);
                const back = (await appWidgets(page)).find((w) => w.label === tap.back);
                if (back) await touchAt(cdp, back);
            }
        }
        await sleep(1000);
    } else {
        const hover = hoverLoop(page);   // the example draws every frame anyway; the pointer as in the set measure
        await sleep(3000);
        await hover.stop();
    }
    result.longTasks = await page.evaluate(() => window.__bench.longTasks.filter((t) => t.start >= window.__bench.firstFrame));
    result.longestIteration = await page.evaluate(() => window.__bench.longestIteration);
    result.longTasksBefore = await page.evaluate(() => window.__bench.longTasks.filter((t) => t.start < window.__bench.firstFrame));
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
    await context.close();
    return result;
}

// --- [SECTION] Repeat visit: the same profile comes back ------------------------------------------
// The first visit fills the HTTP cache (both pages) and installs the service worker (the app); the
// next visits navigate to the page again in that profile, the cache left enabled. The app's page is
// then answered by its service worker, the example's from the HTTP cache (max-age) and revalidation.
async function repeatVisit(browser, site) {
    const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: DPR });
    await context.addInitScript(probe);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    let bytes = 0;
    cdp.on("Network.loadingFinished", (e) => { bytes += e.encodedDataLength; });
    await page.goto(site.url);
    await page.waitForFunction(() => window.__bench && window.__bench.firstFrame >= 0, null, { timeout: 20000 });
    await sleep(2500);   // the service worker installs and precaches
    const controlled = [];
    const firstFrames = [];
    const transferred = [];
    for (let i = 0; i < 3; i++) {
        bytes = 0;
        await page.goto(site.url);
        await page.waitForFunction(() => window.__bench && window.__bench.firstFrame >= 0, null, { timeout: 20000 });
        await sleep(500);
        firstFrames.push(await page.evaluate(() => window.__bench.firstFrame));
        controlled.push(await page.evaluate(() => !!(navigator.serviceWorker && navigator.serviceWorker.controller)));
        transferred.push(bytes);
    }
    await context.close();
    return { firstFrameMs: median(firstFrames), bytes: median(transferred), controlled: controlled.every(Boolean) };
}

// --- [SECTION] Another language (the app) ---------------------------------------------------------
// A first visit by a browser set to German (the longest words), Russian (another script), Arabic
// (right to left) or Japanese (the largest glyph set), against its budget: every
// byte the page loads with gzip until it shows the language (the language's file with its glyphs
// included). Then, in an English page, the Language setting pressed: how long its file takes on
// loopback (resource timing), and how many frames the page drew in the old language after the file
// had arrived (0: the first frame after it is in the new language).
const LANGUAGE_VISITS = [["de", "de-DE", "Deutsch", 1.06], ["ru", "ru-RU", "Русский", 1.06], ["ar", "ar-EG", "العربية", 1.10], ["ja", "ja-JP", "日本語", 1.10]];
// A device without a Japanese font: another Chromium whose fontconfig sees only Latin fonts. It
// runs only for its visit, so no second GPU process is about while the rest is measured.
const NO_FONT = "ja-without-font";
async function withoutJapaneseFont(visitWith) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "band-circuit-bench-fonts-"));
    const dirs = ["/usr/share/fonts/truetype/liberation", "/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/opentype/inter"].filter((d) => fs.existsSync(d));
    fs.writeFileSync(path.join(dir, "fonts.conf"), `<?xml version="1.0"?>\n<fontconfig>\n${dirs.map((d) => `<dir>${d}</dir>\n`).join("")}<cachedir>${dir}/cache</cachedir>\n</fontconfig>\n`);
    const other = await launchBrowser([], { env: { ...process.env, FONTCONFIG_FILE: path.join(dir, "fonts.conf") } });
    try { return await visitWith(other); } finally { await other.close(); fs.rmSync(dir, { recursive: true, force: true }); }
}

async function languageVisit(browser, site, tag, locale, ownName) {
    let context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: DPR, locale });
    let page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Network.setExtraHTTPHeaders", { headers: { "Accept-Encoding": "gzip" } });
    const requests = new Map();
    cdp.on("Network.requestWillBeSent", (e) => requests.set(e.requestId, { url: e.request.url, bytes: 0 }));
    cdp.on("Network.loadingFinished", (e) => { const r = requests.get(e.requestId); if (r) r.bytes = e.encodedDataLength; });
    await page.goto(site.url);
    await page.waitForFunction((t) => window.bandCircuit && bandCircuit.framesDrawn() > 0 && bandCircuit.state().language.active === t, tag, { timeout: 20000 });
    await sleep(1000);
    const gzip = [...requests.values()].reduce((sum, r) => sum + r.bytes, 0);
    const languageBytes = [...requests.values()].filter((r) => r.url.includes("/lang/")).reduce((sum, r) => sum + r.bytes, 0);
    await context.close();

    context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: DPR, locale: "en-GB" });
    await context.addInitScript(probe);
    page = await context.newPage();
    await page.goto(site.url);
    await page.waitForFunction(() => window.bandCircuit && bandCircuit.framesDrawn() > 0);
    const pressLabel = async (label) => {
        const w = (await page.evaluate(() => bandCircuit.widgets())).find((x) => x.label === label || x.id === label);
        await page.mouse.click(w.x + w.w / 2, w.y + w.h / 2);
    };
    await pressLabel("Settings");
    await page.waitForFunction(() => bandCircuit.state().screen === "settings");
    for (let i = 0; i < 60; i++) {   // the Language section is below the fold: wheel down to it
        const w = (await page.evaluate(() => bandCircuit.widgets())).find((x) => x.label === ownName || x.id === ownName);
        if (w && Math.abs(w.h - w.item.h) < 1) break;
        await page.mouse.move(VIEWPORT.width / 2, VIEWPORT.height / 2);
        await page.mouse.wheel(0, 200);
        await sleep(100);
    }
    const flipped = page.evaluate((t) => new Promise((resolve) => {
        const check = () => (bandCircuit.state().language.active === t ? resolve(performance.now()) : requestAnimationFrame(check));
        check();
    }), tag);
    await pressLabel(ownName);
    const flippedAt = await flipped;
    await sleep(300);
    // The language's file, and its outline file where the page fetched one too (lang/<tag>-glyphs.bin,
    // on a device without a font for its script): from the first request to the last response.
    const timing = await page.evaluate((t) => {
        const entries = performance.getEntriesByType("resource").filter((e) => e.name.endsWith(`/lang/${t}.bin`) || e.name.endsWith(`/lang/${t}-glyphs.bin`));
        return entries.length ? { start: Math.min(...entries.map((e) => e.startTime)), end: Math.max(...entries.map((e) => e.responseEnd)) } : null;
    }, tag);
    const stamps = await page.evaluate(() => window.__bench.ends);   // performance.now(), as timing and flippedAt
    await context.close();
    const oldFrames = timing ? stamps.filter((s) => s > timing.end && s < flippedAt).length : NaN;
    // The first frame in the language (its font atlas built, with what the device draws) ends at
    // the first main-loop iteration after the switch.
    const drawn = stamps.find((s) => s >= flippedAt);
    return { gzip, languageBytes, fetchMs: timing ? timing.end - timing.start : NaN, oldFrames, drawnMs: timing && drawn ? drawn - timing.end : NaN };
}

// --- [SECTION] Memory returned after a 2 MB import (the app) --------------------------------------
// The wasm heap (a WebAssembly.Memory) can grow but never shrink, so its byteLength only says how
// far it grew. What comes back is read from the allocator: mallinfo().uordblks, the bytes malloc
// has handed out and not had back (bc_heap_in_use). The JS heap is CDP Runtime.getHeapUsage after a
// forced garbage collection.
async function memoryVisit(browser, site) {
    const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: DPR });
    await context.addInitScript(probe);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto(site.url);
    await page.waitForFunction(() => window.bandCircuit && bandCircuit.framesDrawn() > 0 && window.__bench.firstFrame >= 0, null, { timeout: 20000 });
    await sleep(1000);
    const read = async () => {
        await cdp.send("HeapProfiler.collectGarbage");
        const js = await cdp.send("Runtime.getHeapUsage");
        const wasm = await page.evaluate(() => ({ buffer: Module.HEAP8.buffer.byteLength, inUse: Module._bc_heap_in_use ? Module._bc_heap_in_use() : -1 }));
        return { ...wasm, jsUsed: js.usedSize };
    };
    const pressLabel = async (label) => {
        const w = (await appWidgets(page)).find((x) => x.label === label && x.enabled !== false);
        if (!w) throw new Error(`no "${label}" on screen`);
        await pressWidget(page, w);
    };
    await pressLabel("History");
    await page.waitForFunction(() => bandCircuit.state().screen === "history");
    await sleep(500);
    const steady = await read();
    // A real history of 3000 sessions, padded to about 2 MB with long ids (as tests/browser/storage.test.mjs).
    const { makeHistory } = await import("../browser/screens-helpers.mjs");
    const history = makeHistory(3000, { exercises: await page.evaluate(() => bandCircuit.state().exercises), everyDays: 1 });
    for (const session of history.sessions) session.id += "-" + "x".repeat(40);
    const text = JSON.stringify({ app: "band-circuit", kind: "history", version: 1, exported: Date.now(), sessions: history.sessions }, null, 2);
    const file = path.join(SNAPSHOT, "import-2mb.json");
    fs.writeFileSync(file, text);
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), pressLabel("Restore")]);
    await chooser.setFiles(file);
    await page.waitForFunction(() => /^(Imported|Import failed|Every session)/.test(bandCircuit.state().notice?.text || ""), null, { timeout: 60000 });
    const notice = (await appState(page)).notice.text;
    const peakBuffer = await page.evaluate(() => Module.HEAP8.buffer.byteLength);
    await sleep(1500);   // the history write to storage
    const after = await read();
    await pressLabel("Back");
    await sleep(1000);
    const back = await read();
    // The steady size for that history: the same profile loaded afresh, on the same screen.
    await page.goto(site.url);
    await page.waitForFunction(() => window.bandCircuit && bandCircuit.framesDrawn() > 0, null, { timeout: 20000 });
    await sleep(1000);
    await pressLabel("History");
    await page.waitForFunction(() => bandCircuit.state().screen === "history");
    await sleep(500);
    await pressLabel("Back");
    await sleep(1000);
    const fresh = await read();
    await context.close();
    return { fileBytes: Buffer.byteLength(text), notice, steady, peakBuffer, after, back, fresh };
}

// --- [SECTION] Sync in of 3000 sessions (the app) ---------------------------------------------------
// A CouchDB-compatible server (pouchdb-server on loopback, tests/browser/couch) holds 3000 session
// documents written by another device; a fresh browser whose sync account is set opens the app.
// The time is from the first frame to the moment the history holds them all, is stored, and the
// run has ended; the heaps are read then, as in the memory visit.
async function syncVisit(browser, site) {
    const { startCouch } = await import("../browser/couch/server.mjs");
    const { makeHistory } = await import("../browser/screens-helpers.mjs");
    const couch = await startCouch({ user: "runner", password: "secret" });
    try {
        await couch.createDatabase("bench");
        const { appCircuit } = await import("../browser/harness.mjs");
        const sessions = makeHistory(3000, { exercises: await appCircuit(browser, site.url), everyDays: 1 }).sessions;
        for (let i = 0; i < sessions.length; i += 500) {
            const docs = sessions.slice(i, i + 500).map((session) => ({ _id: session.id, type: "band-circuit/session", session }));
            const response = await fetch(`${couch.url}/bench/_bulk_docs`, { method: "POST", body: JSON.stringify({ docs }),
                headers: { "Content-Type": "application/json", Authorization: "Basic " + Buffer.from("runner:secret").toString("base64") } });
            if (response.status !== 201) throw new Error("_bulk_docs: " + response.status);
        }
        const account = JSON.stringify({ version: 1, url: `${couch.url}/bench`, user: "runner", password: "secret", since: "", known: [], settingsRev: "", lastSync: 0 });
        const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: DPR });
        await context.addInitScript(probe);
        await context.addInitScript((value) => { if (!localStorage.getItem("bandCircuit.sync")) localStorage.setItem("bandCircuit.sync", value); }, account);
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await page.goto(site.url);
        await page.waitForFunction(() => window.bandCircuit && bandCircuit.framesDrawn() > 0 && window.__bench.firstFrame >= 0, null, { timeout: 20000 });
        const start = await page.evaluate(() => performance.now());
        await page.waitForFunction(() => {
            const s = bandCircuit.state();
            const stored = JSON.parse(localStorage.getItem("bandCircuit.history") || "{}");
            return s.history.sessions === 3000 && s.sync && s.sync.phase === "idle" && s.sync.lastSync > 0 && (stored.sessions || []).length === 3000;
        }, null, { timeout: 120000, polling: 50 });
        const end = await page.evaluate(() => performance.now());
        await cdp.send("HeapProfiler.collectGarbage");
        const js = await cdp.send("Runtime.getHeapUsage");
        const wasm = await page.evaluate(() => ({ buffer: Module.HEAP8.buffer.byteLength, inUse: Module._bc_heap_in_use ? Module._bc_heap_in_use() : -1,
                                                  status: bandCircuit.state().sync.status }));
        await context.close();
        return { ms: end - start, ...wasm, jsUsed: js.usedSize };
    } finally {
        await couch.close();
    }
}

// --- [SECTION] The run ---------------------------------------------------------------------------
const t0 = Date.now();
// A snapshot of both sites: other work may rebuild dist/ while the benchmark runs.
const SNAPSHOT = fs.mkdtempSync(path.join(os.tmpdir(), "band-circuit-bench-"));
fs.cpSync(DIST, path.join(SNAPSHOT, "app"), { recursive: true });
fs.cpSync(EXAMPLE, path.join(SNAPSHOT, "example"), { recursive: true });
process.on("exit", () => fs.rmSync(SNAPSHOT, { recursive: true, force: true }));
const servers = await Promise.all([startServer({ root: path.join(SNAPSHOT, "app") }), startServer({ root: path.join(SNAPSHOT, "example") })]);
const sites = [
    { kind: "app", name: "Band Circuit", root: path.join(SNAPSHOT, "app"), server: servers[0], url: servers[0].url },
    { kind: "example", name: "ImGui example", root: path.join(SNAPSHOT, "example"), server: servers[1], url: servers[1].url },
];
const browser = await launchBrowser([BROWSER_MARK]);
const runs = { app: [], example: [] };
for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? sites : [...sites].reverse();
    for (const site of order) {
        // The example's CPU measure follows the app's: a set if the app has one, else home + pointer.
        if (site.kind === "example") site.setMode = runs.app.length ? runs.app[runs.app.length - 1].full.setMode : "home";
        const retry2 = async (f) => { try { return await f(); } catch (e) { console.warn(`${site.name}: ${e.message.split("\n")[0]}; once more`); return f(); } };
        const retry = async (...a) => { try { return await visit(...a); } catch (e) { console.warn(`${site.name}: ${e.message.split("\n")[0]}; once more`); return visit(...a); } };
        const gzip = await retry(browser, site, "gzip", false);
        const full = await retry(browser, site, "br", true);
        const extra = [];
        for (let i = 0; i < EXTRA_LOADS; i++) extra.push(await retry(browser, site, "br", false));
        const throttled = await retry2(() => throttledVisit(browser, site));
        const repeat = await retry2(() => repeatVisit(browser, site));
        const memory = site.kind === "app" ? await retry2(() => memoryVisit(browser, site)) : null;
        const languages = {};
        if (site.kind === "app") for (const [tag, locale, own] of LANGUAGE_VISITS) languages[tag] = await retry2(() => languageVisit(browser, site, tag, locale, own));
        if (site.kind === "app") languages[NO_FONT] = await retry2(() => withoutJapaneseFont((b) => languageVisit(b, site, "ja", "ja-JP", "日本語")));
        runs[site.kind].push({ gzip, full, extra, throttled, repeat, memory, languages });
        for (const r of [gzip, full]) if (r.errors.length) console.warn(`${site.name}: page errors: ${r.errors.join("; ")}`);
        process.stdout.write(`round ${round + 1}/${ROUNDS} ${site.name}: first frame ${[gzip, full, ...extra].map((r) => r.firstFrameMs.toFixed(0)).join("/")} ms, ` +
            `${(gzip.pageBytes / KB).toFixed(1)} KB gz, ${(full.pageBytes / KB).toFixed(1)} KB br (${full.encodings}), ` +
            `idle ${full.idleFps} fps, hidden ${full.hiddenFps} fps, ${full.frameSamples.length} frames measured (${full.setMode}), ` +
            `main ${full.mainBusyPerFrame.toFixed(2)} ms/frame, gpu ${full.gpuPerFrame.toFixed(2)} ms/frame; ` +
            `${THROTTLE}x: first frame ${throttled.firstFrameMs.toFixed(0)} ms, taps ${Object.values(throttled.taps).map((t) => t ? `${t.ms.toFixed(0)} ms/${t.frames}f (task ${t.longest.toFixed(0)})` : "-").join(", ")}, ` +
            `longest iteration ${throttled.longestIteration.toFixed(0)} ms, long tasks after first frame ${throttled.longTasks.map((t) => `${t.duration.toFixed(0)}@${(t.start - throttled.firstFrameMs).toFixed(0)}`).join("/") || "none"}; ` +
            `repeat ${repeat.firstFrameMs.toFixed(0)} ms${memory ? `; in use ${(memory.steady.inUse / KB).toFixed(0)}/${(memory.after.inUse / KB).toFixed(0)}/${(memory.back.inUse / KB).toFixed(0)}/${(memory.fresh.inUse / KB).toFixed(0)} KB` : ""}\n`);
    }
}
const syncIn = await syncVisit(browser, sites[0]).catch((e) => { console.warn(`sync in: ${e.message.split("\n")[0]}`); return null; });
if (syncIn) console.log(`sync in of 3000 sessions: ${(syncIn.ms / 1000).toFixed(1)} s, ${syncIn.status}`);
await browser.close();
await Promise.all(servers.map((s) => s.close()));

// The app's set mode must have been the example's too; if the app switched mid-run, say so.
const setModes = new Set(runs.app.map((r) => r.full.setMode));
const setMode = setModes.size === 1 ? [...setModes][0] : "mixed";

function summary(kind) {
    const rs = runs[kind];
    const frames = rs.flatMap((r) => r.full.frameSamples);
    return {
        gzip: median(rs.map((r) => r.gzip.pageBytes)),
        br: median(rs.map((r) => r.full.pageBytes)),
        languages: kind !== "app" ? null : Object.fromEntries([...LANGUAGE_VISITS, [NO_FONT]].map(([tag]) => [tag, {
            gzip: median(rs.map((r) => r.languages[tag].gzip)),
            languageBytes: median(rs.map((r) => r.languages[tag].languageBytes)),
            fetchMs: median(rs.map((r) => r.languages[tag].fetchMs)),
            worstFetchMs: Math.max(...rs.map((r) => r.languages[tag].fetchMs)),
            oldFrames: Math.max(...rs.map((r) => r.languages[tag].oldFrames)),
            drawnMs: median(rs.map((r) => r.languages[tag].drawnMs)),
        }])),
        swGzip: median(rs.map((r) => r.full.swBytes.gzip)),
        swBr: median(rs.map((r) => r.full.swBytes.br)),
        swFiles: median(rs.map((r) => r.full.swFiles)),
        firstFrame: median(rs.flatMap((r) => [r.gzip.firstFrameMs, r.full.firstFrameMs, ...r.extra.map((e) => e.firstFrameMs)])),
        cpuMedian: median(rs.map((r) => median(r.full.frameSamples))),
        cpuP95: median(rs.map((r) => percentile(r.full.frameSamples, 95))),
        cpuMean: frames.reduce((a, b) => a + b, 0) / Math.max(1, frames.length),
        frames: median(rs.map((r) => r.full.frameSamples.length)),
        idleFps: median(rs.map((r) => r.full.idleFps)),
        hiddenFps: median(rs.map((r) => r.full.hiddenFps)),
        heap: median(rs.map((r) => r.full.heapBytes)),
        sessionDone: rs.every((r) => r.full.sessionDone === true),
        // The accessible layer's figures come from the rounds whose measure was taken in a set.
        a11ySetRounds: rs.filter((r) => r.full.setMode === "set").length,
        a11yMsPerFrame: median(rs.filter((r) => r.full.setMode === "set").map((r) => r.full.a11yMsPerFrame ?? NaN)),
        a11ySetUpdates: median(rs.filter((r) => r.full.setMode === "set").map((r) => r.full.a11ySetUpdates ?? NaN)),
        a11yIdleUpdates: Math.max(...rs.map((r) => r.full.a11yIdleUpdates ?? NaN)),
        files: rs[0].full.files,
        rafMedian: median(rs.map((r) => median(r.full.rafIntervals))),
        rafP95: median(rs.map((r) => percentile(r.full.rafIntervals, 95))),
        mainBusy: median(rs.map((r) => r.full.mainBusyPerFrame)),
        mainShare: median(rs.map((r) => r.full.mainBusyShare)),
        gpuBusy: median(rs.map((r) => r.full.gpuPerFrame)),
        gpuShare: median(rs.map((r) => r.full.gpuShare)),
        setLongTasks: Math.max(...rs.map((r) => r.full.setLongTasks.length)),
        throttledFirstFrame: median(rs.map((r) => r.throttled.firstFrameMs)),
        taps: Object.fromEntries(TAPS.map((t) => [t.name, {
            ms: median(rs.map((r) => r.throttled.taps[t.name]?.ms ?? NaN).filter((x) => !Number.isNaN(x))),
            frames: median(rs.map((r) => r.throttled.taps[t.name]?.frames ?? NaN).filter((x) => !Number.isNaN(x))),
            worstMs: Math.max(...rs.map((r) => r.throttled.taps[t.name]?.ms ?? NaN).filter((x) => !Number.isNaN(x))),
            worstFrames: Math.max(...rs.map((r) => r.throttled.taps[t.name]?.frames ?? NaN).filter((x) => !Number.isNaN(x))),
        }])),
        longAfter: Math.max(0, ...rs.flatMap((r) => r.throttled.longTasks.map((t) => t.duration))),
        iterationAfter: Math.max(...rs.map((r) => r.throttled.longestIteration)),
        longAfterCount: median(rs.map((r) => r.throttled.longTasks.length)),
        longBefore: Math.max(0, ...rs.flatMap((r) => r.throttled.longTasksBefore.map((t) => t.duration))),
        repeatFirstFrame: median(rs.map((r) => r.repeat.firstFrameMs)),
        repeatBytes: median(rs.map((r) => r.repeat.bytes)),
        repeatControlled: rs.every((r) => r.repeat.controlled),
        memory: rs[0].memory && rs[0].memory.steady.inUse >= 0 ? {
            steady: median(rs.map((r) => r.memory.steady.inUse)), after: median(rs.map((r) => r.memory.after.inUse)),
            back: median(rs.map((r) => r.memory.back.inUse)), fresh: median(rs.map((r) => r.memory.fresh.inUse)),
            bufferSteady: median(rs.map((r) => r.memory.steady.buffer)), bufferPeak: median(rs.map((r) => r.memory.peakBuffer)),
            bufferBack: median(rs.map((r) => r.memory.back.buffer)),
            jsSteady: median(rs.map((r) => r.memory.steady.jsUsed)), jsBack: median(rs.map((r) => r.memory.back.jsUsed)),
            jsFresh: median(rs.map((r) => r.memory.fresh.jsUsed)),
            fileBytes: rs[0].memory.fileBytes, notice: rs[0].memory.notice,
        } : null,
    };
}
const app = summary("app"), ex = summary("example");
const ratio = (a, b) => (b === 0 ? (a === 0 ? "-" : "∞") : (a / b).toFixed(2));
const kb = (n) => `${(n / KB).toFixed(1)} KB`;
const ms = (n) => `${n.toFixed(2)} ms`;
const setLabel = setMode === "set" ? "during a guided set (work phase, figure playing)"
    : setMode === "home" ? "on the HOME screen with the pointer moving (no session screen yet)" : "mixed set/home (the app changed mid-run)";
const heapLabel = setMode === "set" ? (app.sessionDone ? "after a full session" : "after a set (the session did not finish within the limit)")
    : "after the run (no session screen yet)";

const mb = (n) => `${(n / KB / KB).toFixed(2)} MB`;
const mem = app.memory;
const tapsMet = TAPS.every((t) => app.taps[t.name].worstFrames <= 1);
const targets = [
    ["First visit, gzip, app/example", `≤ 1.00`, app.gzip <= ex.gzip, ratio(app.gzip, ex.gzip)],
    ["First visit, brotli, app/example", `≤ 1.00`, app.br <= ex.br, ratio(app.br, ex.br)],
    [`Touch to screen at ${THROTTLE}x CPU: the new screen in the first frame after the tap (worst of all taps and rounds)`, `1 frame`,
     tapsMet, `${Math.max(...TAPS.map((t) => app.taps[t.name].worstFrames))} frame(s)`],
    [`No task of the app's own longer than 50 ms after the first frame, ${THROTTLE}x CPU: the longest main-loop iteration (the page's longest task, with WebGL submission and SwiftShader, next to it)`,
     `≤ 50 ms`, app.iterationAfter <= 50,
     `${ms(app.iterationAfter)} (longest task ${app.longAfter ? ms(app.longAfter) : "none over 50 ms"})`],
    ["Repeat visit, first frame, app (service worker) / example (HTTP cache)", `≤ 1.00`, app.repeatFirstFrame <= ex.repeatFirstFrame,
     ratio(app.repeatFirstFrame, ex.repeatFirstFrame)],
    ["Heap in use after a 2 MB import, left, against a fresh load of the same history", `≤ 1.10`, mem && mem.back <= mem.fresh * 1.10,
     mem ? ratio(mem.back, mem.fresh) : "-"],
    ["First visit, gzip, everything the page loads", `≤ 320 KB`, app.gzip <= 320 * KB, kb(app.gzip)],
    ...LANGUAGE_VISITS.flatMap(([tag, , , budget]) => [
        [`First visit in ${tag} (page + language file and glyphs), gzip, app/example`, `≤ ${budget.toFixed(2)}`, app.languages[tag].gzip <= ex.gzip * budget,
         ratio(app.languages[tag].gzip, ex.gzip)],
        [`Language switch to ${tag}: the file on loopback (worst), and frames drawn in the old language after it arrived`, `< 200 ms, 0 frames`,
         app.languages[tag].worstFetchMs < 200 && app.languages[tag].oldFrames === 0,
         `${ms(app.languages[tag].worstFetchMs)}, ${app.languages[tag].oldFrames} frame(s)`],
    ]),
    ["Time to first frame, app/example", `≤ 1.00`, app.firstFrame / ex.firstFrame <= 1.0, ratio(app.firstFrame, ex.firstFrame)],
    [`CPU per frame, median, ${setMode === "set" ? "during a set" : "home screen (no set yet)"}`, `≤ 1 ms`, app.cpuMedian <= 1.0, ms(app.cpuMedian)],
    ["Frames per second, idle on home", `0`, app.idleFps === 0, String(app.idleFps)],
    ["Frames per second, hidden", `0`, app.hiddenFps === 0, String(app.hiddenFps)],
    [`Wasm heap ${heapLabel}`, `≤ 32 MB`, app.heap <= 32 * KB * KB, `${(app.heap / KB / KB).toFixed(1)} MB`],
    [`Accessible layer per frame, mean, during a set (${app.a11ySetRounds} of ${ROUNDS} rounds reached one)`, `< 0.1 ms`,
     app.a11ySetRounds > 0 && app.a11yMsPerFrame < 0.1,
     app.a11ySetRounds > 0 ? `${app.a11yMsPerFrame.toFixed(3)} ms (${app.a11ySetUpdates} updates in ${SET_MS / 1000} s)` : "no set reached"],
    ["Accessible layer updates, idle on home", `0`, app.a11yIdleUpdates === 0, String(app.a11yIdleUpdates)],
];

const commit = sh("git", ["-C", ROOT, "rev-parse", "--short", "HEAD"]);
const dirty = sh("git", ["-C", ROOT, "status", "--porcelain", "--untracked-files=no"]) ? " (with uncommitted changes)" : "";
const cpuModel = (fs.readFileSync("/proc/cpuinfo", "utf8").match(/model name\s*:\s*(.*)/) || [, "?"])[1];
const chromium = sh("/usr/bin/chromium", ["--version"]).replace(/\s+built on.*/, "");
const date = new Date().toISOString().replace(/\.\d+Z$/, "Z");

const rows = [
    ["First visit, gzip (page requests)", kb(app.gzip), kb(ex.gzip), ratio(app.gzip, ex.gzip)],
    ["First visit, brotli (page requests)", kb(app.br), kb(ex.br), ratio(app.br, ex.br)],
    ...LANGUAGE_VISITS.map(([tag]) => [`First visit in ${tag}, gzip (of which the language file ${kb(app.languages[tag].languageBytes)})`,
        kb(app.languages[tag].gzip), kb(ex.gzip), ratio(app.languages[tag].gzip, ex.gzip)]),
    [`First visit in ja on a device without a Japanese font, gzip (of which the language file and its outlines ${kb(app.languages[NO_FONT].languageBytes)})`,
        kb(app.languages[NO_FONT].gzip), kb(ex.gzip), ratio(app.languages[NO_FONT].gzip, ex.gzip)],
    [`Language switch to ja: from the file's arrival to the first frame drawn in Japanese (median), with the device's font / without one`,
        `${ms(app.languages.ja.drawnMs)} / ${ms(app.languages[NO_FONT].drawnMs)}`, "-", "-"],
    [`Language switch to ja without a Japanese font: the file and its outlines on loopback (worst), frames in the old language`,
        `${ms(app.languages[NO_FONT].worstFetchMs)}, ${app.languages[NO_FONT].oldFrames} frame(s)`, "-", "-"],
    [`Service worker precache, gzip / brotli (not in the rows above)`, `${kb(app.swGzip)} / ${kb(app.swBr)} (${app.swFiles} files)`, ex.swFiles ? `${kb(ex.swGzip)} / ${kb(ex.swBr)}` : "none", "-"],
    ["Navigation to first frame", ms(app.firstFrame), ms(ex.firstFrame), ratio(app.firstFrame, ex.firstFrame)],
    [`CPU per frame, median, ${setLabel}`, ms(app.cpuMedian), ms(ex.cpuMedian), ratio(app.cpuMedian, ex.cpuMedian)],
    [`CPU per frame, 95th percentile`, ms(app.cpuP95), ms(ex.cpuP95), ratio(app.cpuP95, ex.cpuP95)],
    [`CPU per frame, mean (frames per ${SET_MS / 1000} s window)`, `${ms(app.cpuMean)} (${app.frames})`, `${ms(ex.cpuMean)} (${ex.frames})`, ratio(app.cpuMean, ex.cpuMean)],
    ["Frames per second, idle on home", String(app.idleFps), String(ex.idleFps), ratio(app.idleFps, ex.idleFps)],
    ["Frames per second, hidden (emulated)", String(app.hiddenFps), String(ex.hiddenFps), ratio(app.hiddenFps, ex.hiddenFps)],
    [`Wasm heap (${heapLabel})`, `${(app.heap / KB / KB).toFixed(1)} MB`, `${(ex.heap / KB / KB).toFixed(1)} MB`, ratio(app.heap, ex.heap)],
    [`requestAnimationFrame interval, median / 95th percentile, same window`, `${ms(app.rafMedian)} / ${ms(app.rafP95)}`, `${ms(ex.rafMedian)} / ${ms(ex.rafP95)}`, ratio(app.rafMedian, ex.rafMedian)],
    [`Main thread busy per frame (CDP TaskDuration), same window`, `${ms(app.mainBusy)} (${(app.mainShare * 100).toFixed(0)}% of the time)`, `${ms(ex.mainBusy)} (${(ex.mainShare * 100).toFixed(0)}%)`, ratio(app.mainBusy, ex.mainBusy)],
    [`GPU process CPU per frame (SwiftShader), same window`, `${ms(app.gpuBusy)} (${(app.gpuShare * 100).toFixed(0)}% of a core)`, `${ms(ex.gpuBusy)} (${(ex.gpuShare * 100).toFixed(0)}%)`, ratio(app.gpuBusy, ex.gpuBusy)],
    [`Long tasks in that window (most in a round)`, String(app.setLongTasks), String(ex.setLongTasks), "-"],
    [`First frame at ${THROTTLE}x CPU`, ms(app.throttledFirstFrame), ms(ex.throttledFirstFrame), ratio(app.throttledFirstFrame, ex.throttledFirstFrame)],
    ...TAPS.map((t) => [`Touch to screen at ${THROTTLE}x CPU, ${t.name}: ms / frames (median; worst)`,
        `${ms(app.taps[t.name].ms)} / ${app.taps[t.name].frames} (${ms(app.taps[t.name].worstMs)} / ${app.taps[t.name].worstFrames})`, "-", "-"]),
    [`Longest main-loop iteration after the first frame at ${THROTTLE}x CPU (the page's own work per frame; the taps above; example: pointer moving)`,
     ms(app.iterationAfter), ms(ex.iterationAfter), ratio(app.iterationAfter, ex.iterationAfter)],
    [`Longest task after the first frame at ${THROTTLE}x CPU (that work plus WebGL submission and compositing, SwiftShader)`, app.longAfter ? ms(app.longAfter) : "none > 50 ms",
     ex.longAfter ? ms(ex.longAfter) : "none > 50 ms", "-"],
    [`Longest task before the first frame at ${THROTTLE}x CPU (start-up)`, ms(app.longBefore), ms(ex.longBefore), ratio(app.longBefore, ex.longBefore)],
    [`Repeat visit, first frame (app: service worker${app.repeatControlled ? "" : ", NOT controlling"}; example: HTTP cache)`, ms(app.repeatFirstFrame), ms(ex.repeatFirstFrame), ratio(app.repeatFirstFrame, ex.repeatFirstFrame)],
    [`Repeat visit, bytes over the network`, kb(app.repeatBytes), kb(ex.repeatBytes), ratio(app.repeatBytes, ex.repeatBytes)],
    ...(mem ? [
        [`Heap in use (malloc) on History: before / after a ${mb(mem.fileBytes)} import / left for home / fresh load, same history`,
         `${mb(mem.steady)} / ${mb(mem.after)} / ${mb(mem.back)} / ${mb(mem.fresh)}`, "-", "-"],
        [`Wasm memory (never shrinks): before / peak / after the import`, `${mb(mem.bufferSteady)} / ${mb(mem.bufferPeak)} / ${mb(mem.bufferBack)}`, "-", "-"],
        [`JS heap used after GC: before / after, left for home / fresh load`, `${mb(mem.jsSteady)} / ${mb(mem.jsBack)} / ${mb(mem.jsFresh)}`, "-", "-"],
    ] : []),
    ...(syncIn ? [
        [`Sync in of 3000 sessions from CouchDB (pouchdb-server, loopback): first frame to all stored, one run`, `${(syncIn.ms / 1000).toFixed(2)} s`, "-", "-"],
        [`... then: heap in use (malloc) / wasm memory / JS heap after GC`, `${mb(syncIn.inUse)} / ${mb(syncIn.buffer)} / ${mb(syncIn.jsUsed)}`, "-", "-"],
    ] : []),
];
const table = ["| Measure | Band Circuit | ImGui example | App/example |", "|---|---:|---:|---:|",
    ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
const targetTable = ["| Target | Goal | App | Status |", "|---|---|---:|---|",
    ...targets.map(([name, goal, met, value]) => `| ${name} | ${goal} | ${value} | ${met ? "met" : "**NOT met**"} |`)].join("\n");

const markdown = `# Benchmark: Band Circuit vs Dear ImGui's SDL2 + WebGL2 example

Produced by \`./dev.sh bench\` (tests/bench/bench.mjs) on ${date}.

- Commit: ${commit}${dirty}
- Machine: ${os.cpus().length} cores (nproc), ${cpuModel}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB
- Browser: ${chromium}, headless, SwiftShader WebGL2, ${VIEWPORT.width}x${VIEWPORT.height} CSS px at DPR ${DPR}
- Both built with emcc ${sh("emcc", ["-dumpversion"])}, \`-Oz -flto -sMALLOC=emmalloc -sNO_FILESYSTEM=1 -sDISABLE_EXCEPTION_CATCHING=1 -sASSERTIONS=0\`, WebGL2 only,
  no demo window or debug tools; served precompressed by tests/serve.mjs on loopback. The example is built as its
  authors ship it (ImGui's default font, SDL's whole event and game controller code); the app leaves out what it does
  not use (see CMakeLists.txt and src/platform/sdl_without_blitters.cpp).
- Both pages load the same way: a stylesheet in the head, then at the end of the body a page script (the module's
  configuration) and Emscripten's script; the app's page also preloads its wasm from the head.
- ${ROUNDS} rounds, the two pages in turns (order swapped every round); medians shown. KB = 1024 bytes.

${table}

${targetTable}

How each figure is taken:
- Bytes: CDP \`Network.loadingFinished\` encodedDataLength (headers included) of every request of the page in a fresh
  context, until 1 s after the first frame; gzip with \`Accept-Encoding: gzip\`, brotli with Chromium's default.
  The service worker's precache fetches are outside the page's requests: their size is the served files' size,
  from the server's log, shown in their own row.
- First frame: \`performance.now()\` (zero at navigation start) when \`Module.postMainLoop\` first runs, i.e. the end
  of the first main-loop iteration; ${ROUNDS * (2 + EXTRA_LOADS)} loads each (per round: the gzip visit, the brotli visit and ${EXTRA_LOADS} more brotli loads).
- The set: the app's Start, then its Skip while the session is in its get-ready step, until the first work phase
  (each round says "set" or "home"; the accessible layer's figures are taken from the rounds in a set only).
- CPU per frame: \`performance.now()\` from \`Module.preMainLoop\` to \`Module.postMainLoop\` over ${SET_MS / 1000} s; the
  median and 95th percentile of each visit, then the median over visits. Chromium coarsens \`performance.now()\`
  to 0.1 ms here (the page is not cross-origin isolated), so single samples are quantised; the mean is given too.
  The example always draws its "Hello, world!" window; it is measured in the same mode as the app${setMode === "home" ? ", with the same pointer movement" : ""}.
- Frames per second: main-loop iterations counted in \`Module.postMainLoop\`. Idle: ${IDLE_MS / 1000} s without input,
  once no iteration has run for 1 s after the last pointer move. Hidden: headless Chromium keeps every page visible (another tab in front, a
  minimised window, a background target and CDP \`Page.setWebLifecycleState\` "frozen" all leave
  \`visibilityState\` "visible" and requestAnimationFrame running), so hiding is emulated inside the page for
  ${HIDDEN_MS / 1000} s: \`visibilityState\` "hidden" with a \`visibilitychange\` event, and requestAnimationFrame
  callbacks held until it is shown again, as browsers do for hidden tabs. Timers still run.
- Heap: \`wasmMemory.buffer.byteLength\` ${heapLabel}.
- Accessible layer: the app's own sum of the time spent after each frame on the layer (describing the frame,
  comparing it with the last description, updating the page's elements and focus), over the frames of the set
  window, divided by their number; and its count of updates sent to the page, over the set and the idle windows.
  The time comes from the same coarsened clock, summed per frame: the mean over hundreds of frames is what counts.
- Around the wasm, in the same ${SET_MS / 1000} s window: the requestAnimationFrame interval (callback timestamps), the main
  thread's task time (CDP \`Performance.getMetrics\` TaskDuration, all tasks of the page's main thread: wasm, WebGL
  command encoding, event dispatch, style and paint) and Chromium's GPU process CPU time (/proc stat of this run's GPU
  process). There is no GPU here: the GPU process runs SwiftShader, software WebGL, so that row is the cost of rasterising
  every frame on the CPU, which a phone's GPU does in hardware. Where it is larger than the main thread's, SwiftShader
  dominates the frame, not the app.
- ${THROTTLE}x CPU: CDP \`Emulation.setCPUThrottlingRate\` ${THROTTLE} set before navigation (a phone-speed CPU for the page's
  renderer; the GPU process is not throttled). Touch to screen: a real touch (CDP touchStart, 60 ms, touchEnd) on the
  widget, from its \`pointerup\` to the end (\`postMainLoop\`) of the first drawn frame whose widgets include a label only the
  new screen has; frames are frames drawn from the pointerup to that one (1 = the first frame after the tap).
  Each tap starts from home; taps: ${TAPS.map((t) => t.name).join(", ")}. Long tasks: PerformanceObserver "longtask"
  entries of the page, from navigation; "after the first frame" covers the taps (app) or 3 s of pointer movement (example).
  The page's own work per frame is the longest main-loop iteration (\`Module.preMainLoop\` to \`postMainLoop\`: the wasm
  frame, its event handling and its GL calls) after the first frame, and the ${THROTTLE}x target is judged on it. A long task
  holds that iteration and what the browser does in the same task: with SwiftShader (software WebGL, no GPU here) every
  animated frame's WebGL command submission, the flush to the GPU process and compositing make it a long task
  (150 to 350 ms at ${THROTTLE}x) for both pages, so the long-task figure measures this machine's WebGL, not the page.
- Another language: a fresh context whose browser language is ${LANGUAGE_VISITS.map(([, l]) => l).join(" or ")}, gzip, every request of
  the page until it shows that language, plus 1 s. The switch: an English page, Settings, the language pressed; the
  file's time is its resource timing (request start to response end), and the frames in the old language are the
  main-loop iterations that ended after the response and before \`state().language.active\` changed (both on the page's
  \`performance.now()\`). The first frame drawn in the language is the first iteration to end after that change: its
  font atlas holds the language's glyphs, for Japanese those the device's own font draws. Chromium here has Japanese
  fonts (Debian's fonts-noto-cjk), so ja gets lang/ja.bin alone; "without a Japanese font" is another Chromium whose
  fontconfig sees only Latin fonts, which fetches lang/ja-glyphs.bin (the outlines) as well.
- Repeat visit: one profile, the first visit, 2.5 s for the service worker to install, then 3 more navigations to the page
  with the cache enabled; the median first frame. The app's page is answered by its service worker, the example's by
  the HTTP cache (\`max-age=3600\`, the page itself revalidated).
- Memory: History, then a real exported history of 3000 sessions padded to 2 MB imported through the file chooser,
  then back home. The wasm memory never shrinks (WebAssembly cannot give memory back), so it shows only the peak; what
  comes back is read from the allocator: \`mallinfo().uordblks\`, bytes handed out by malloc and not freed
  (\`bc_heap_in_use\`). The 3000 sessions stay in the app's history, so the steady size to return to is that of a fresh
  load of the same profile (same history, same screens). The JS heap is CDP \`Runtime.getHeapUsage\` after a forced GC.
- Sync in: once per run, after the rounds. pouchdb-server (tests/browser/couch) on loopback holds 3000 session documents
  another device wrote; a fresh browser with the sync account in its storage opens the app, which syncs at page open.
  The time runs from the first frame until the history shows and stores all 3000 and the run has ended (its pages of 500
  changes, the history writes, the settings); the heaps as in the memory visit.

Page requests of one app visit (brotli): ${app.files.join(", ")}.
`;
fs.mkdirSync(path.dirname(OUT), { recursive: true });
fs.writeFileSync(OUT, markdown);
console.log("\n" + table + "\n\n" + targetTable);
console.log(`\nwritten to ${path.relative(process.cwd(), OUT)} in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
