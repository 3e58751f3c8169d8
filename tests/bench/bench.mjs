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
    const bench = window.__bench = { iterations: 0, firstFrame: -1, begin: 0, recording: false, samples: [], stamps: [] };
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
            if (bench.firstFrame < 0) bench.firstFrame = end;
            bench.iterations++;
            bench.stamps.push(Date.now());
            if (bench.stamps.length > 4096) bench.stamps.splice(0, 2048);
            if (bench.recording) bench.samples.push(end - bench.begin);
            if (post) post.apply(this, arguments);
        };
        return m;
    }
    Object.defineProperty(window, "Module", { configurable: true, enumerable: true,
                                              get: () => module, set: (value) => { module = hook(value); } });

    // A hidden tab, as browsers make one: document.visibilityState "hidden" with a visibilitychange
    // event, and no requestAnimationFrame callbacks until it is shown again.
    bench.hidden = false;
    const held = [];
    const requestFrame = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (callback) => requestFrame((time) => {
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
    await page.evaluate(() => { window.__bench.samples = []; window.__bench.recording = true; });
    const a11ySetFrom = await a11y();
    await sleep(SET_MS);
    await page.evaluate(() => { window.__bench.recording = false; });
    const a11ySetTo = await a11y();
    if (hover) await hover.stop();
    result.frameSamples = await page.evaluate(() => window.__bench.samples);
    if (a11ySetFrom) {
        result.a11yMsPerFrame = (a11ySetTo.ms - a11ySetFrom.ms) / Math.max(1, result.frameSamples.length);
        result.a11ySetUpdates = a11ySetTo.updates - a11ySetFrom.updates;
    }

    if (site.kind === "app" && result.setMode === "set") result.sessionDone = await finishSession(page);
    result.heapBytes = await page.evaluate(() => (window.wasmMemory ? wasmMemory.buffer.byteLength : Module.HEAP8.length));
    await context.close();
    return result;
}

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

// Press "Start" on the home screen and wait for the first work phase. Returns "set" or "home".
async function startSet(page) {
    const start = (await appWidgets(page)).find((w) => /^start\b/i.test(w.label) && w.enabled !== false);
    if (!start) return "home";
    await pressWidget(page, start);
    try {
        await page.waitForFunction(() => { const s = bandCircuit.state(); return s && s.session && s.session.phase === "work"; },
                                   null, { timeout: 10000 });
    } catch { return "home"; }
    return "set";
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
const browser = await launchBrowser();
const runs = { app: [], example: [] };
for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? sites : [...sites].reverse();
    for (const site of order) {
        // The example's CPU measure follows the app's: a set if the app has one, else home + pointer.
        if (site.kind === "example") site.setMode = runs.app.length ? runs.app[runs.app.length - 1].full.setMode : "home";
        const retry = async (...a) => { try { return await visit(...a); } catch (e) { console.warn(`${site.name}: ${e.message.split("\n")[0]}; once more`); return visit(...a); } };
        const gzip = await retry(browser, site, "gzip", false);
        const full = await retry(browser, site, "br", true);
        const extra = [];
        for (let i = 0; i < EXTRA_LOADS; i++) extra.push(await retry(browser, site, "br", false));
        runs[site.kind].push({ gzip, full, extra });
        for (const r of [gzip, full]) if (r.errors.length) console.warn(`${site.name}: page errors: ${r.errors.join("; ")}`);
        process.stdout.write(`round ${round + 1}/${ROUNDS} ${site.name}: first frame ${[gzip, full, ...extra].map((r) => r.firstFrameMs.toFixed(0)).join("/")} ms, ` +
            `${(gzip.pageBytes / KB).toFixed(1)} KB gz, ${(full.pageBytes / KB).toFixed(1)} KB br (${full.encodings}), ` +
            `idle ${full.idleFps} fps, hidden ${full.hiddenFps} fps, ${full.frameSamples.length} frames measured (${full.setMode})\n`);
    }
}
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
        a11yMsPerFrame: median(rs.map((r) => r.full.a11yMsPerFrame ?? NaN)),
        a11ySetUpdates: median(rs.map((r) => r.full.a11ySetUpdates ?? NaN)),
        a11yIdleUpdates: Math.max(...rs.map((r) => r.full.a11yIdleUpdates ?? NaN)),
        files: rs[0].full.files,
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

const targets = [
    ["First visit, gzip, everything the page loads", `≤ 320 KB`, app.gzip <= 320 * KB, kb(app.gzip)],
    ["Time to first frame, app/example", `≤ 1.00`, app.firstFrame / ex.firstFrame <= 1.0, ratio(app.firstFrame, ex.firstFrame)],
    [`CPU per frame, median, ${setMode === "set" ? "during a set" : "home screen (no set yet)"}`, `≤ 1 ms`, app.cpuMedian <= 1.0, ms(app.cpuMedian)],
    ["Frames per second, idle on home", `0`, app.idleFps === 0, String(app.idleFps)],
    ["Frames per second, hidden", `0`, app.hiddenFps === 0, String(app.hiddenFps)],
    [`Wasm heap ${heapLabel}`, `≤ 32 MB`, app.heap <= 32 * KB * KB, `${(app.heap / KB / KB).toFixed(1)} MB`],
    [`Accessible layer per frame, mean, ${setMode === "set" ? "during a set" : "home screen (no set yet)"}`, `< 0.1 ms`, app.a11yMsPerFrame < 0.1,
        `${app.a11yMsPerFrame.toFixed(3)} ms (${app.a11ySetUpdates} updates in ${SET_MS / 1000} s)`],
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
    [`Service worker precache, gzip / brotli (not in the rows above)`, `${kb(app.swGzip)} / ${kb(app.swBr)} (${app.swFiles} files)`, ex.swFiles ? `${kb(ex.swGzip)} / ${kb(ex.swBr)}` : "none", "-"],
    ["Navigation to first frame", ms(app.firstFrame), ms(ex.firstFrame), ratio(app.firstFrame, ex.firstFrame)],
    [`CPU per frame, median, ${setLabel}`, ms(app.cpuMedian), ms(ex.cpuMedian), ratio(app.cpuMedian, ex.cpuMedian)],
    [`CPU per frame, 95th percentile`, ms(app.cpuP95), ms(ex.cpuP95), ratio(app.cpuP95, ex.cpuP95)],
    [`CPU per frame, mean (frames per ${SET_MS / 1000} s window)`, `${ms(app.cpuMean)} (${app.frames})`, `${ms(ex.cpuMean)} (${ex.frames})`, ratio(app.cpuMean, ex.cpuMean)],
    ["Frames per second, idle on home", String(app.idleFps), String(ex.idleFps), ratio(app.idleFps, ex.idleFps)],
    ["Frames per second, hidden (emulated)", String(app.hiddenFps), String(ex.hiddenFps), ratio(app.hiddenFps, ex.hiddenFps)],
    [`Wasm heap (${heapLabel})`, `${(app.heap / KB / KB).toFixed(1)} MB`, `${(ex.heap / KB / KB).toFixed(1)} MB`, ratio(app.heap, ex.heap)],
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
  no demo window or debug tools; served precompressed by tests/serve.mjs on loopback.
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

Page requests of one app visit (brotli): ${app.files.join(", ")}.
`;
fs.mkdirSync(path.dirname(OUT), { recursive: true });
fs.writeFileSync(OUT, markdown);
console.log("\n" + table + "\n\n" + targetTable);
console.log(`\nwritten to ${path.relative(process.cwd(), OUT)} in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
