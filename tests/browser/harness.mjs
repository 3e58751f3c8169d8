// The Playwright entry of the browser tests, screenshots and benchmarks: Debian's Chromium through
// playwright-core, dist/ served by tests/serve.mjs on loopback, pages opened on the wall clock
// (openApp) or on Playwright's fake clock (openClocked), and the split of a long test file into
// parts. What a test does to the app (press, scrollIntoView, waitFor, ...) is actions.mjs, the same
// in every engine; it is exported from here too, so a test file imports from this one file.
import { test } from "node:test";
import { chromium } from "playwright-core";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "../serve.mjs";
import { state, useFakeClock, waitReady } from "./actions.mjs";

export * from "./actions.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const DIST = process.env.DIST || path.resolve(HERE, "../../dist");

export const CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--enable-unsafe-swiftshader", "--ignore-gpu-blocklist",
    "--disable-renderer-backgrounding", "--disable-background-timer-throttling",
];

// options: more of playwright's launch options (env, say).
export async function launchBrowser(extraArgs = [], options = {}) {
    return chromium.launch({
        executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
        args: [...CHROMIUM_ARGS, ...extraArgs],
        headless: true,
        ...options,
    });
}

export async function serveDist(options = {}) {
    return startServer({ root: DIST, ...options });
}

// A fresh context and page, collecting console errors and failed requests. The suite speaks British
// English (weeks from Monday) unless a test asks for another locale.
// Pages laid out but not drawn (bandCircuit.setDrawing): a test file whose tests read no pixels
// calls layoutOnlyPages() once, and a test of it that does passes { drawing: true }. The pages are
// drawn by a software renderer, so this is most of the machine's work saved.
let drawingDefault = true;
export function layoutOnlyPages() { drawingDefault = false; }
const drawOrNot = (page, drawing) => (drawing ? null : page.addInitScript(() => { window.bandCircuitDrawing = false; }));

export async function openApp(browser, url, { viewport = { width: 390, height: 844 }, deviceScaleFactor = 1,
                                              hasTouch = false, isMobile = false, clock = null, beforeLoad = null,
                                              context = null, locale = "en-GB", drawing = drawingDefault } = {}) {
    const ctx = context || await browser.newContext({ viewport, deviceScaleFactor, hasTouch, isMobile, locale });
    const page = await ctx.newPage();
    await drawOrNot(page, drawing);
    const problems = [];
    page.on("console", (message) => { if (message.type() === "error") problems.push("console: " + message.text()); });
    page.on("pageerror", (error) => problems.push("page error: " + error.message));
    // A request the browser cancels (net::ERR_ABORTED: the test navigated on, or closed the page,
    // before the icon or a font came) is not a failure of the app's.
    page.on("requestfailed", (request) => {
        const why = (request.failure() || {}).errorText;
        if (why !== "net::ERR_ABORTED") problems.push("request failed: " + request.url() + " " + why);
    });
    page.on("response", (response) => { if (response.status() >= 400) problems.push("HTTP " + response.status() + ": " + response.url()); });
    if (clock) await page.clock.install(clock);
    if (beforeLoad) await beforeLoad(page);
    await page.goto(url);
    await waitReady(page);
    return { context: ctx, page, problems };
}

// The circuit as the app has it (state().exercises, see circuit() in actions.mjs), read once per
// process from a page of its own: for what a test writes before its page loads (a seeded history).
let circuitRead = null;
export function appCircuit(browser, url) {
    circuitRead ||= (async () => {
        const { context, page } = await openApp(browser, url, { drawing: false });
        const exercises = (await state(page)).exercises;
        await context.close();
        return exercises;
    })();
    return circuitRead;
}

// --- With a fake clock (page.clock): time moves only when the test says so, frames included.

export async function openClocked(browser, url, { viewport = { width: 360, height: 640 }, deviceScaleFactor = 1,
                                                  hasTouch = false, time = new Date("2026-11-20T07:30:00"),
                                                  beforeLoad = null, context = null, locale = "en-GB", drawing = drawingDefault } = {}) {
    const ctx = context || await browser.newContext({ viewport, deviceScaleFactor, hasTouch, locale });
    const page = await ctx.newPage();
    await drawOrNot(page, drawing);
    const problems = [];
    page.on("pageerror", (error) => problems.push("page error: " + error.message));
    page.on("console", (message) => { if (message.type() === "error") problems.push("console: " + message.text()); });
    await page.clock.install({ time });
    // Paused: from here on, page time moves only by runFor/fastForward, not with the wall clock.
    // A second after the install; on a loaded machine more than that can pass between the two
    // calls, and pausing in the clock's past fails: then 15 s after it (tests that read the time
    // of day start on a whole minute, so either stays within it).
    await page.clock.pauseAt(new Date(time.getTime() + 1000))
        .catch(() => page.clock.pauseAt(new Date(time.getTime() + 15000)));
    useFakeClock(page);
    if (beforeLoad) await beforeLoad(page);
    await page.goto(url);
    await waitReady(page);
    return { context: ctx, page, problems };
}

// A test file that run.mjs splits into parts (TEST_PART=k/n) registers each of its tests with
// testInPart: the tests are dealt to the parts in turn, and a part registers only its own.
let testsDealt = 0;
// A test for part k of a file run in parts (TEST_PART "k/n"), or always when the file runs whole.
export function testForPart(k, name, fn) {
    const m = /^(\d+)\/(\d+)$/.exec(process.env.TEST_PART || "");
    if (!m || Number(m[1]) === k) test(name, fn);
}

export function testInPart(name, fn) {
    const m = /^(\d+)\/(\d+)$/.exec(process.env.TEST_PART || "");
    if (!m || testsDealt++ % Number(m[2]) === Number(m[1]) - 1) test(name, fn);
}
