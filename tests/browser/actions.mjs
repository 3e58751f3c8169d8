// What a browser test does to the app and waits for, in any engine: read state() and widgets(),
// find a widget by its label, press it with a real mouse click, touch tap or key and wait for the
// frame that took it, drag or wheel a list until a widget is in view, and wait for a state. Every
// test file, the screenshot scripts and the engine scenarios use these; harness.mjs (Chromium
// through Playwright) and engines/driver.mjs (Firefox, WebKit) only open the pages.
//
// A page here is anything that answers this small interface (pageIo below makes one of a
// Playwright page; the Firefox and WebKit drivers' pages answer it themselves):
//
//   evaluate(fn, arg)    run fn(arg) in the page, await its promise, return its JSON value
//   down(x, y)           move the mouse to (x, y), CSS px of the viewport, and press its button
//   move(x, y)           move the mouse (the button held or not)
//   up()                 release the button
//   tap(x, y)            a touch tap (only where the engine has touch input)
//   wheel(x, y, dy)      the mouse wheel at (x, y), dy px down (negative: up), where the engine has one
//   key(name)            a key pressed and released ("ArrowRight", "Space", ...)
//   pass(ms)             let ms of page time go by: the fake clock's on a clocked page, else the wall clock's
//   clocked              true on a page whose time moves only through pass()
//
// Waits are named for where their predicate runs: waitFor(page, (s) => ...) runs it here on
// state(); waitInPage(page, () => ...) runs it in the page. Neither sleeps a fixed time: they look
// again after a frame's worth of time (fake or real) until the predicate holds or the wall-clock
// timeout ends.

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const FRAME_MS = 16;

// --- The page interface

const ios = new WeakMap();        // page -> its interface
const clockedPages = new WeakSet();

// Mark a Playwright page as running on its fake clock (page.clock installed and paused).
export function useFakeClock(page) {
    clockedPages.add(page);
    ios.delete(page);
}

// The interface of a Playwright page (its mouse, touchscreen, keyboard and clock).
export function pageIo(page) {
    const clocked = clockedPages.has(page);
    return {
        evaluate: (fn, arg) => page.evaluate(fn, arg),
        clocked,
        async down(x, y) { await page.mouse.move(x, y); await page.mouse.down(); },
        move: (x, y) => page.mouse.move(x, y),
        up: () => page.mouse.up(),
        tap: (x, y) => page.touchscreen.tap(x, y),
        async wheel(x, y, dy) { await page.mouse.move(x, y); await page.mouse.wheel(0, dy); },
        async key(name) { await page.keyboard.down(name); await page.keyboard.up(name); },
        pass: clocked ? (ms) => page.clock.runFor(ms) : sleep,
    };
}

// A Playwright page has a mouse; an engine driver's page is its own interface.
export function io(page) {
    if (!page.mouse) return page;
    let found = ios.get(page);
    if (!found) ios.set(page, (found = pageIo(page)));
    return found;
}

// --- Reading the app

export const state = (page) => io(page).evaluate(() => bandCircuit.state());
export const widgets = (page) => io(page).evaluate(() => bandCircuit.widgets());
export const texts = (page) => io(page).evaluate(() => bandCircuit.texts());

// The circuit as the app's catalogue has it (state().exercises): [{ key, name, shortName, style,
// band, sides, countMin, countMax, repMs }] in order. Tests take the exercises from here instead of
// typing them out.
export const circuit = async (page) => (await state(page)).exercises;

// A widget is named by what it shows (label) or by its English id, the same in every language:
// tests written in English run unchanged in another language. A RegExp is tried on the label.
export const matches = (w, label) => (label instanceof RegExp ? label.test(w.label) : w.label === label || w.id === label);

// The JSON stored under `key` in the page's localStorage, null when there is none.
export const storedJson = async (page, key) => JSON.parse((await io(page).evaluate((k) => localStorage.getItem(k), key)) || "null");

// --- Waiting

// Until fn(arg), run in the page, returns something truthy; that value is returned. A page that is
// navigating (evaluate throws) is looked at again.
export async function waitInPage(page, fn, arg, { timeout = 15000, what = fn.toString() } = {}) {
    const p = io(page);
    const deadline = Date.now() + timeout;
    let last;
    for (;;) {
        try {
            last = await p.evaluate(fn, arg);
            if (last) return last;
        } catch (error) {
            last = error.message;
        }
        if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting in the page for ${what} (last: ${JSON.stringify(last)})`);
        await p.pass(FRAME_MS);
    }
}

// Until predicate(state()), run here, holds; the state is returned.
export async function waitFor(page, predicate, { timeout = 15000, what = predicate.toString() } = {}) {
    const p = io(page);
    const deadline = Date.now() + timeout;
    let s = null;
    for (;;) {
        try { s = await state(page); } catch { s = null; }
        let holds = false;
        try { holds = !!(s && predicate(s)); } catch { /* a state the predicate cannot read yet */ }
        if (holds) return s;
        if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what} (last state: ${JSON.stringify(s)})`);
        await p.pass(FRAME_MS);
    }
}

// The JSON stored under `key` once ready(value) holds, or whatever is stored at the deadline (so the
// caller's assertion reports what is really there).
export async function storedJsonWhen(page, key, ready, { timeout = 15000 } = {}) {
    const deadline = Date.now() + timeout;
    for (;;) {
        const value = await storedJson(page, key);
        if (ready(value) || Date.now() > deadline) return value;
        await io(page).pass(FRAME_MS);
    }
}

// The app is up and has drawn its first frames (the first two: Dear ImGui sizes a new window in its
// second), or the page shows its fatal message (then this throws).
export async function waitReady(page, { timeout = 60000 } = {}) {
    const result = await waitInPage(page, () => {
        const fatal = document.getElementById("fatal");
        if (fatal && !fatal.hidden) return { fatal: fatal.textContent };
        return window.bandCircuit && window.Module && Module._bc_state_json && bandCircuit.framesDrawn() >= 2 ? { ok: true } : null;
    }, null, { timeout, what: "the app to start and draw" });
    if (result.fatal) throw new Error("the page shows: " + result.fatal);
}

// The frame count and the input events received so far (bandCircuit.inputSeen()): input sent after
// this arrives as further events and is taken by a later frame (inputSettled).
const inputMark = (page) => io(page).evaluate(() => ({ frames: bandCircuit.framesDrawn(), events: bandCircuit.inputSeen().events }));

// Until the page has received `events` more input events than at `mark` (presses, releases, keys,
// wheel steps: an event sent is not always delivered by the time the sending call returns), a frame
// after the last of them has acted on the input, and the frames the app owes after input are drawn
// (bandCircuit.inputSeen(), inputTakenAt() and framesOwed(), docs/automation.md): what the input
// changed is then on screen, where it stays (a scroll asked for in one frame lands in the next).
export async function inputSettled(page, mark, { events = 0, what = "the input" } = {}) {
    // On the fake clock nothing runs until the test lets time pass: a press takes two frames (Dear
    // ImGui takes the release a frame after the press) and one more follows, so let three go first.
    if (io(page).clocked) await io(page).pass(3 * FRAME_MS);
    await waitInPage(page, ({ frames, events }) => {
        const seen = bandCircuit.inputSeen();
        if (seen.events < events) return false;
        const taken = bandCircuit.inputTakenAt();
        return taken > Math.max(frames, seen.frame) && bandCircuit.framesDrawn() > taken && bandCircuit.framesOwed() === 0;
    }, { frames: mark.frames, events: mark.events + events }, { what: `a frame to take ${what}` });
}

// Until the app has stopped drawing: it asks for no frame (state().animating is false) and draws no
// new frame over three looks a frame apart. A glide after a drag or a layout that settles draws
// every frame until it ends; the home, history and settings screens then draw nothing. Not for the
// session screen, whose timer draws every second.
export async function waitStill(page, { timeout = 15000 } = {}) {
    const p = io(page);
    const deadline = Date.now() + timeout;
    let last = -1, same = 0;
    while (Date.now() < deadline) {
        const now = await p.evaluate(() => ({ frames: bandCircuit.framesDrawn(), animating: bandCircuit.state().animating }));
        same = now.frames === last && !now.animating ? same + 1 : 0;
        if (same >= 3) return;
        last = now.frames;
        await p.pass(FRAME_MS);
    }
    throw new Error("the app kept drawing");
}

// The finished session's history write runs under a Web Lock, a moment after the finish screen is
// drawn: until it is done (saved or refused); the state is returned.
export const settleSave = (page, { timeout = 15000 } = {}) =>
    waitFor(page, (s) => s.lastRecord && s.lastRecord.save !== "pending", { timeout, what: "the history write to finish" });

// --- Acting

// framesDrawn() when findWidget last looked: on the fake clock no frame runs until the test lets
// time pass, so a press right after the look is taken by a frame after it.
const lookedAt = new WeakMap();   // page -> its inputMark() then

export async function findWidget(page, label, { timeout = 10000 } = {}) {
    const p = io(page);
    const deadline = Date.now() + timeout;
    // On the fake clock, a second of page time at most: what is not there by then is not coming.
    for (let tries = 0; ; tries++) {
        const { seen, mark } = await p.evaluate(() => ({ seen: bandCircuit.widgets(),
                                                         mark: { frames: bandCircuit.framesDrawn(), events: bandCircuit.inputSeen().events } }));
        lookedAt.set(page, mark);
        const match = seen.find((w) => matches(w, label));
        if (match) return match;
        if (Date.now() > deadline || (p.clocked && tries >= 20)) {
            throw new Error(`No widget labelled ${label}; on screen: ${seen.map((w) => JSON.stringify(w.label)).join(", ")}`);
        }
        await p.pass(p.clocked ? 50 : FRAME_MS);
    }
}

// A person's second tap at the spot of the first comes after the app's tap guard (app/tap_guard.h):
// a press there while state().tapGuardMs runs would be refused, so presses there wait it out (on the
// page's clock). Presses elsewhere go at once.
const lastPress = new WeakMap();   // page -> {x, y} of its last press
async function waitOutTapGuard(page, x, y) {
    const last = lastPress.get(page);
    lastPress.set(page, { x, y });
    if (!last || Math.hypot(x - last.x, y - last.y) >= 40) return false;
    const p = io(page);
    let waited = false;
    for (let guard = (await state(page)).tapGuardMs; guard > 0; guard = (await state(page)).tapGuardMs) {
        await p.pass(p.clocked ? guard + 1 : Math.min(guard + 1, 50));
        waited = true;
    }
    return waited;
}

// A real mouse click (or touch tap) at (x, y), and wait for the frame that took it.
// (`looked`: the inputMark() read just before, on a page on the fake clock.)
export async function pressAt(page, x, y, { touch = false, what = `a press at ${Math.round(x)},${Math.round(y)}`, looked } = {}) {
    const p = io(page);
    const waited = await waitOutTapGuard(page, x, y);
    const mark = p.clocked && !waited && looked !== undefined ? looked : await inputMark(page);
    if (touch) {
        await p.tap(x, y);
    } else {
        await p.down(x, y);
        await p.up();
    }
    await inputSettled(page, mark, { events: 2, what });
}

// Press a widget the way a person does, at the middle of its rectangle; the widget is returned.
export async function press(page, label, { touch = false } = {}) {
    const w = await findWidget(page, label);
    if (!w.enabled) throw new Error(`Widget ${label} is disabled`);
    await pressAt(page, w.x + w.w / 2, w.y + w.h / 2, { touch, what: `the press on ${label}`, looked: lookedAt.get(page) });
    return w;
}

// The mouse moved to (x, y), no button held, and the frame that took it: wakes an idle app for a
// frame or two.
export async function hover(page, x, y) {
    const mark = await inputMark(page);
    await io(page).move(x, y);
    await inputSettled(page, mark, { what: "the mouse move" });
}

// A key pressed and released, and the frame that took it.
export async function key(page, name) {
    const mark = await inputMark(page);
    await io(page).key(name);
    await inputSettled(page, mark, { events: 2, what: `the key ${name}` });
}

// A finger's drag from (x, y0) to (x, y1): press, move, hold still for a frame (so no glide follows),
// release. The list has moved by y1 - y0 when this returns. (The move is one event: Dear ImGui takes
// the last position of a frame's moves, so moves in between would change nothing.)
export async function drag(page, x, y0, y1) {
    const p = io(page);
    let mark = await inputMark(page);
    await p.down(x, y0);
    await p.move(x, y1);
    await inputSettled(page, mark, { events: 1, what: "the drag" });   // and a frame after it, the finger still
    mark = await inputMark(page);
    await p.up();
    await inputSettled(page, mark, { events: 1, what: "the release" });
}

// The mouse wheel at (x, y), dy px (SDL steps 100 px a notch; Dear ImGui moves a region by at most
// two thirds of its height a step), and the frame that took it.
export async function wheel(page, x, y, dy) {
    const mark = await inputMark(page);
    await io(page).wheel(x, y, dy);
    await inputSettled(page, mark, { events: 1, what: "the wheel" });
}

// --- Scrolling a widget into view

// The widget is drawn whole (not cut by its scroll region).
export const fullyVisible = (w) => Math.abs(w.w - w.item.w) < 0.6 && Math.abs(w.h - w.item.h) < 0.6;
const rectKey = (r) => `${r.x},${r.y},${r.w},${r.h}`;
const screenRect = (page) => io(page).evaluate(() => ({ x: 0, y: 0, w: innerWidth, h: innerHeight }));
// The distinct scroll regions of the controls in view.
const scrollRegions = async (page) => [...new Map((await widgets(page)).filter((x) => x.scroll).map((x) => [rectKey(x.scroll), x.scroll])).values()];
const inRegion = (all, r) => all.filter((x) => x.scroll && rectKey(x.scroll) === rectKey(r));
// Scroll the region r by `notches` wheel steps (negative: up): the mouse wheel, or in an engine
// without one (WebKit's WebDriver), finger drags of at most 0.8 of the region until it stops moving.
async function wheelIn(page, r, notches) {
    const x = r.x + r.w / 2, y = r.y + r.h / 2;
    if (io(page).wheel) return wheel(page, x, y, notches * 100);
    const at = async () => JSON.stringify(inRegion(await widgets(page), r).map((w) => [w.id ?? w.label, w.item.y]));
    for (let left = notches * 100, i = 0; Math.abs(left) > 0.5 && i < 40; i++) {
        const dy = Math.sign(left) * Math.min(Math.abs(left), r.h * 0.8);
        const before = await at();
        await drag(page, x, y + dy / 2, y - dy / 2);
        left -= dy;
        if ((await at()) === before) break;   // the region's end
    }
}

// Bring the widget `label` fully into view and return it, or null when no amount of scrolling shows
// it whole. The last stretch is always a finger drag (the way a phone scrolls). A widget not drawn at
// all is looked for in each scroll region in turn: the wheel steps the region down from where it is
// to its end, then takes it to its top in one go and steps down again (labels are mostly asked for
// in the order they are laid out), in strides that grow while no stride passes 0.8 of the region (a
// finger drag takes a dozen frames, a wheel step two: settings on a landscape phone is some 3000 px
// long).
export async function scrollIntoView(page, label, { tries = 160 } = {}) {
    const regions = await scrollRegions(page);
    if (regions.length === 0 && !(await widgets(page)).some((x) => matches(x, label))) {
        // No control of a scroll region in view (a short page showing only text): the wheel at the
        // middle of the screen, a step at a time, until one comes into view.
        const screen = await screenRect(page);
        for (let i = 0; i < 8; i++) {
            await wheelIn(page, screen, 1);
            if ((await widgets(page)).some((x) => x.scroll)) return scrollIntoView(page, label, { tries });
        }
        return null;
    }
    // Matched by id: shown labels repeat (a stepper too narrow for its name shows just "−").
    const id = (x) => x.id ?? x.label;
    const place = (list) => JSON.stringify(list.map((x) => [id(x), x.item.y]));
    for (const region of regions.length > 0 ? regions : [null]) {
        let before = null;
        let fromTop = false;   // stepping down from where the region was, then from its top
        let notches = 1;
        for (let i = 0; i < tries; i++) {
            const all = await widgets(page);
            const w = all.find((x) => matches(x, label));
            if (w && fullyVisible(w)) return w;
            if (w && !w.scroll) return null;   // cut off, and no region to scroll it by
            const r = w ? w.scroll : region;
            if (!r) return null;
            if (w) {
                const below = w.item.y + w.item.h - (r.y + r.h);
                let dy = below > 0 ? -(below + 8) : r.y - w.item.y + 8;
                dy = Math.sign(dy) * Math.min(Math.max(Math.abs(dy), 24), r.h * 0.8);
                await drag(page, r.x + r.w / 2, r.y + r.h / 2, r.y + r.h / 2 + dy);
                continue;
            }
            if (before === null) before = inRegion(all, r);
            await wheelIn(page, r, notches);
            const after = inRegion(await widgets(page), r);
            // The region no longer moving means its end is reached. (A stretch of text with no
            // control in view says nothing about the end: stepping goes on.)
            if (after.length > 0 && place(after) === place(before)) {
                if (fromTop) break;
                await wheelIn(page, r, -1000);
                fromTop = true;
                notches = 1;
                before = inRegion(await widgets(page), r);
                continue;
            }
            const moved = Math.max(0, ...after.map((x) => {
                const was = before.find((b) => id(b) === id(x));
                return was ? was.item.y - x.item.y : 0;
            }));
            if (moved > 0) notches = Math.min(2 * notches, Math.max(1, Math.floor((r.h * 0.8) / (moved / notches))));
            before = after;
        }
    }
    return null;
}

// Every scroll region back to its top (with none of its controls in view, the wheel at the middle of
// the screen).
export async function scrollToTop(page) {
    const regions = await scrollRegions(page);
    if (regions.length === 0) regions.push(await screenRect(page));
    for (const r of regions) await wheelIn(page, r, -1000);
}

// Scroll the widget into view, then press it.
export async function pressInView(page, label, { touch = false } = {}) {
    const w = await scrollIntoView(page, label);
    if (!w) throw new Error(`cannot bring ${label} into view; on screen: ${(await widgets(page)).map((x) => x.label).join(", ")}`);
    return press(page, label, { touch });
}

// --- The page's surroundings

// The page as if the screen locked or the tab went to the background, and back.
export async function setHidden(page, hidden) {
    await io(page).evaluate((h) => {
        Object.defineProperty(document, "visibilityState", { configurable: true, get: () => (h ? "hidden" : "visible") });
        Object.defineProperty(document, "hidden", { configurable: true, get: () => h });
        document.dispatchEvent(new Event("visibilitychange"));
    }, hidden);
}
