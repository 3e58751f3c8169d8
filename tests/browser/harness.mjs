// Shared set-up for the browser tests, screenshots and benchmarks: Debian's Chromium through
// playwright-core, dist/ served by tests/serve.mjs on loopback, and helpers that act on the app
// the way a person does: find a widget by its label in bandCircuit.widgets() and press it with a
// real mouse click or touch tap at its rectangle.
import { test } from "node:test";
import { chromium } from "playwright-core";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "../serve.mjs";

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
    page.on("requestfailed", (request) => problems.push("request failed: " + request.url() + " " + (request.failure() || {}).errorText));
    page.on("response", (response) => { if (response.status() >= 400) problems.push("HTTP " + response.status() + ": " + response.url()); });
    if (clock) await page.clock.install(clock);
    if (beforeLoad) await beforeLoad(page);
    await page.goto(url);
    await waitReady(page);
    return { context: ctx, page, problems };
}

// The app is up: bandCircuit.ready resolved (main() has run), or the page's fatal message, at once.
export async function waitReady(page) {
    await page.waitForFunction(() => !!(window.bandCircuit && bandCircuit.ready));
    await page.evaluate(() => Promise.race([bandCircuit.ready, new Promise((resolve, reject) => {
        const fatal = document.getElementById("fatal");
        const check = () => (fatal.hidden ? setTimeout(check, 100) : reject(new Error(fatal.textContent)));
        check();
    })]));
    // At least one frame drawn, so widgets() describes what is on screen.
    await page.waitForFunction(() => bandCircuit.framesDrawn() > 0);
}

export const state = (page) => page.evaluate(() => bandCircuit.state());

// A widget is named by what it shows (label) or by its English id, the same in every language:
// tests written in English run unchanged in another language. A RegExp is tried on the label.
export const matches = (w, label) => (label instanceof RegExp ? label.test(w.label) : w.label === label || w.id === label);
export const widgets = (page) => page.evaluate(() => bandCircuit.widgets());

export async function findWidget(page, label, { timeout = 5000 } = {}) {
    const deadline = Date.now() + timeout;
    let seen = [];
    for (;;) {
        seen = await widgets(page);
        const match = seen.find((w) => matches(w, label));
        if (match) return match;
        if (Date.now() > deadline) {
            throw new Error(`No widget labelled ${label}; on screen: ${seen.map((w) => JSON.stringify(w.label)).join(", ")}`);
        }
        await page.waitForTimeout(50);
    }
}

// Press a widget the way a person does: a real mouse click, or a real touch tap.
// A person's second tap at the spot of the first comes after the app's tap guard (app/tap_guard.h):
// a press there while state().tapGuardMs runs would be refused, so the helpers wait it out (real
// time or the fake clock's). Presses elsewhere go at once.
const lastPress = new WeakMap();   // page -> {x, y} of its last press
async function guardWait(page, x, y) {
    const last = lastPress.get(page);
    lastPress.set(page, { x, y });
    if (!last || Math.hypot(x - last.x, y - last.y) >= 40) return 0;
    return (await state(page)).tapGuardMs || 0;
}

export async function press(page, label, { touch = false } = {}) {
    const w = await findWidget(page, label);
    if (!w.enabled) throw new Error(`Widget ${label} is disabled`);
    const x = w.x + w.w / 2, y = w.y + w.h / 2;
    const wait = await guardWait(page, x, y);
    if (wait > 0) await page.waitForTimeout(wait + 30);
    if (touch) {
        await page.touchscreen.tap(x, y);
    } else {
        await page.mouse.move(x, y);
        await page.mouse.down();
        await page.waitForTimeout(40);
        await page.mouse.up();
    }
    await page.waitForTimeout(60);
    return w;
}

// Wait until the app has stopped drawing: it asks for no frame (state().animating is false) and no
// new frame comes over three looks 50 ms apart. A glide after a drag or a layout that settles draws
// every frame until it ends; the home, history and settings screens then draw nothing. Not for the
// session screen, whose timer draws every second.
export async function waitStill(page, { timeout = 10000 } = {}) {
    const deadline = Date.now() + timeout;
    let last = -1, same = 0;
    while (Date.now() < deadline) {
        const now = await page.evaluate(() => ({ frames: bandCircuit.framesDrawn(), animating: bandCircuit.state().animating }));
        same = now.frames === last && !now.animating ? same + 1 : 0;
        if (same >= 3) return;
        last = now.frames;
        await page.waitForTimeout(50);
    }
    throw new Error("the app kept drawing");
}

// The JSON stored under `key` in the page's localStorage, null when there is none.
export const storedJson = async (page, key) => JSON.parse((await page.evaluate((k) => localStorage.getItem(k), key)) || "null");

// The JSON stored under `key` once `ready(value)` holds, or whatever is stored at the deadline (so the
// caller's assertion reports what is really there). A press is taken and saved by the app's next
// frame, which a loaded machine can delay past any fixed wait.
export async function storedJsonWhen(page, key, ready, { timeout = 5000 } = {}) {
    const deadline = Date.now() + timeout;
    for (;;) {
        const value = await storedJson(page, key);
        if (ready(value) || Date.now() > deadline) return value;
        await page.waitForTimeout(50);
    }
}

export async function waitForState(page, predicate, arg, { timeout = 5000 } = {}) {
    await page.waitForFunction(predicate, arg, { timeout });
    return state(page);
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
    if (beforeLoad) await beforeLoad(page);
    await page.goto(url);
    for (let i = 0; i < 100; i++) {
        await page.clock.runFor(100);
        const ready = await page.evaluate(() => !!(window.bandCircuit && window.Module && Module._bc_state_json) && bandCircuit.framesDrawn() > 0);
        if (ready) return { context: ctx, page, problems };
    }
    throw new Error("the app did not start under the fake clock");
}

// Press a widget while the clock is fake: each step lets the app draw a frame.
export async function clockPress(page, label, { touch = false } = {}) {
    let w = null;
    for (let i = 0; i < 20 && !w; i++) {
        const found = (await widgets(page)).find((item) => matches(item, label));
        if (found) w = found; else await page.clock.runFor(50);
    }
    if (!w) throw new Error(`No widget labelled ${label}; on screen: ${(await widgets(page)).map((x) => x.label).join(", ")}`);
    const x = w.x + w.w / 2, y = w.y + w.h / 2;
    const wait = await guardWait(page, x, y);
    if (wait > 0) await page.clock.runFor(wait + 20);
    if (touch) {
        await page.touchscreen.tap(x, y);
        await page.clock.runFor(50);
    } else {
        await page.mouse.move(x, y);
        await page.clock.runFor(20);
        await page.mouse.down();
        await page.clock.runFor(50);
        await page.mouse.up();
        await page.clock.runFor(50);
    }
    return w;
}

// The finished session's history write runs under a Web Lock, a moment after the finish screen
// is drawn, and on a loaded machine the lock can take a while: let the page run until the write
// is done (saved or refused), on the wall clock's deadline, and return the state.
export async function clockSettleSave(page, { timeout = 15000 } = {}) {
    const deadline = Date.now() + timeout;
    for (;;) {
        const s = await state(page);
        if (s.lastRecord && s.lastRecord.save !== "pending") return s;
        if (Date.now() > deadline) throw new Error("the history write never finished: " + JSON.stringify(s.lastRecord));
        await page.clock.runFor(20);
    }
}

export async function clockKey(page, key) {
    await page.keyboard.down(key);
    await page.clock.runFor(50);
    await page.keyboard.up(key);
    await page.clock.runFor(50);
}

// The page as if the screen locked or the tab went to the background, and back.
export async function setHidden(page, hidden) {
    await page.evaluate((h) => {
        Object.defineProperty(document, "visibilityState", { configurable: true, get: () => (h ? "hidden" : "visible") });
        Object.defineProperty(document, "hidden", { configurable: true, get: () => h });
        document.dispatchEvent(new Event("visibilitychange"));
    }, hidden);
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
