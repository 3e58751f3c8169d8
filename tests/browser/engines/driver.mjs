// The engine-neutral layer the core scenarios (scenarios.mjs) are written against, so they are
// written once and run in Chromium, Firefox ESR and WebKitGTK. Each engine module (chromium.mjs,
// firefox.mjs, webkit.mjs) exports launch() -> { name, newPage({width, height}), close() }, and a
// page is:
//
//   goto(url), reload()          navigate and wait for the load event
//   evaluate(fn, arg)            run fn(arg) in the page, await its promise, return its JSON value
//   click(x, y)                  a real mouse press and release at CSS pixels of the viewport
//   drag(x, y0, y1)              press at (x, y0), move to (x, y1) in steps, release (scrolls a list)
//   screenshot()                 a PNG of the viewport (Buffer)
//   download(action, dir)        run action, wait for the file the page downloads, copy it into dir
//   upload(action, file)         run action, which opens a file picker, and choose file in it
//   problems()                   console errors, uncaught errors and failed loads so far
//   close()
//
// The helpers below act as the rest of the browser tests do: find a widget by its label in
// bandCircuit.widgets() and press it at its rectangle. Time is real here (page.clock is
// Chromium-only), so the waits poll the page with generous timeouts.

export const ENGINES = ["chromium", "firefox", "webkit"];

export async function launchEngine(name) {
    if (!ENGINES.includes(name)) throw new Error(`unknown engine ${name}`);
    const engine = await import(`./${name}.mjs`);
    return engine.launch();
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Poll fn(arg) in the page until it returns something truthy; that value is returned.
export async function waitFor(page, fn, arg, { timeout = 20000, interval = 100, what = fn.toString() } = {}) {
    const deadline = Date.now() + timeout;
    let last;
    for (;;) {
        try {
            last = await page.evaluate(fn, arg);
            if (last) return last;
        } catch (error) {
            last = error.message;   // the page may be navigating
        }
        if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what} (last: ${JSON.stringify(last)})`);
        await sleep(interval);
    }
}

// The app is up and has drawn a frame, or the page shows its fatal message (then this throws).
export async function waitReady(page, { timeout = 60000 } = {}) {
    const result = await waitFor(page, () => {
        const fatal = document.getElementById("fatal");
        if (fatal && !fatal.hidden) return { fatal: fatal.textContent };
        return window.bandCircuit && window.Module && Module._bc_state_json && bandCircuit.framesDrawn() > 0 ? { ok: true } : null;
    }, null, { timeout, what: "the app to start and draw" });
    if (result.fatal) throw new Error("the page shows: " + result.fatal);
}

export const state = (page) => page.evaluate(() => bandCircuit.state());
export const widgets = (page) => page.evaluate(() => bandCircuit.widgets());

export async function findWidget(page, label, { timeout = 10000 } = {}) {
    const deadline = Date.now() + timeout;
    for (;;) {
        const seen = await widgets(page);
        const match = seen.find((w) => (label instanceof RegExp ? label.test(w.label) : w.label === label));
        if (match) return match;
        if (Date.now() > deadline) throw new Error(`No widget labelled ${label}; on screen: ${seen.map((w) => JSON.stringify(w.label)).join(", ")}`);
        await sleep(100);
    }
}

// Press a widget the way a person does: a real mouse click at the middle of its rectangle, once
// it stands still (a screen's first frame may place it before Dear ImGui has sized its window), and
// then wait for the app to draw the frame that took the click.
const frames = (page) => page.evaluate(() => bandCircuit.framesDrawn());
const lastPress = new WeakMap();   // page -> {x, y} of its last press
const sameRect = (a, b) => a && b && a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h;

export async function press(page, label) {
    let w = await findWidget(page, label);
    for (let i = 0; i < 50; i++) {
        const drawn = await frames(page);
        await sleep(60);
        const again = await findWidget(page, label);
        if (sameRect(w, again) && (await frames(page)) > drawn) break;   // unchanged across a new frame
        if (sameRect(w, again) && i >= 3) break;                            // or the app is idle: nothing changes
        w = again;
    }
    if (!w.enabled) throw new Error(`Widget ${label} is disabled`);
    // A second tap at the spot of the first waits out the app's tap guard (app/tap_guard.h), as a person does.
    const x = w.x + w.w / 2, y = w.y + w.h / 2, last = lastPress.get(page);
    lastPress.set(page, { x, y });
    if (last && Math.hypot(x - last.x, y - last.y) < 40) await sleep(((await state(page)).tapGuardMs || 0) + 30);
    const drawn = await frames(page);
    await page.click(x, y);
    await waitFor(page, (n) => bandCircuit.framesDrawn() > n, drawn, { timeout: 10000, interval: 20, what: `a frame after pressing ${label}` });
    return w;
}

// Drag the screen's list, as a finger would, until the widget is fully on screen (at least 40 px
// tall, not clipped by a bar); return it. Drags go up (the list moves on) until the list stops
// moving, then down: a drag and its glide may carry the widget past the top.
export async function scrollTo(page, label, { tries = 24 } = {}) {
    const viewport = await page.evaluate(() => ({ width: innerWidth, height: innerHeight }));
    let direction = -1, before = null;
    for (let i = 0; ; i++) {
        const seen = await widgets(page);
        const found = seen.find((w) => (label instanceof RegExp ? label.test(w.label) : w.label === label));
        if (found && found.h >= 40) return found;
        const now = seen.map((w) => `${w.label}@${Math.round(w.y)}`).join("|");
        if (now === before) direction = -direction;   // the list is at its end: go back the other way
        if (i >= tries) throw new Error(`${label} did not come into view; on screen: ${seen.map((w) => `${JSON.stringify(w.label)} at y ${Math.round(w.y)}`).join(", ")}`);
        before = now;
        const y = viewport.height * (direction < 0 ? 0.6 : 0.3);
        const distance = Math.min(200, viewport.height * 0.6 - 80);
        await page.drag(viewport.width / 2, y, y + direction * distance);
        await sleep(400);   // let any glide settle
    }
}

// Until state() satisfies the predicate (a function of the state, run here in Node).
export async function waitForState(page, predicate, { timeout = 20000, interval = 100 } = {}) {
    const deadline = Date.now() + timeout;
    let s = null;
    for (;;) {
        try { s = await state(page); } catch (error) { s = null; }
        if (s && predicate(s)) return s;
        if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${predicate} (last state: ${JSON.stringify(s)})`);
        await sleep(interval);
    }
}

// The distinct colours of the screen, from a real screenshot decoded in the page (a 64x64 copy):
// a blank or one-colour frame has 1.
export async function screenColourCount(page) {
    const png = (await page.screenshot()).toString("base64");
    return page.evaluate(async (data) => {
        const image = new Image();
        image.src = "data:image/png;base64," + data;
        await image.decode();
        const canvas = document.createElement("canvas");
        canvas.width = canvas.height = 64;
        const ctx = canvas.getContext("2d");
        ctx.drawImage(image, 0, 0, 64, 64);
        const pixels = ctx.getImageData(0, 0, 64, 64).data;
        const colours = new Set();
        for (let i = 0; i < pixels.length; i += 4) colours.add((pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2]);
        return colours.size;
    }, png);
}
