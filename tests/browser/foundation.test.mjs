// The page loads clean, draws, answers real input, and keeps its canvas crisp at any size and DPR.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launchBrowser, openApp, openClocked, press, serveDist, state, waitFor, waitReady } from "./harness.mjs";

let browser, server;
before(async () => { browser = await launchBrowser(); server = await serveDist(); });
after(async () => { await browser?.close(); await server?.close(); });

// The colours of what is on screen, as 0xRRGGBB numbers: a real screenshot, decoded in the page and
// scaled down to 96x96 pixels.
async function screenColours(page) {
    const png = (await page.screenshot()).toString("base64");
    return page.evaluate(async (data) => {
        const image = new Image();
        image.src = "data:image/png;base64," + data;
        await image.decode();
        const probe = new OffscreenCanvas(96, 96);
        const ctx = probe.getContext("2d");
        ctx.drawImage(image, 0, 0, 96, 96);
        const pixels = ctx.getImageData(0, 0, 96, 96).data;
        const colours = [];
        for (let i = 0; i < pixels.length; i += 4) colours.push((pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2]);
        return colours;
    }, png);
}

// Distinct colours on screen: a blank or one-colour frame has 1.
export async function screenColourCount(page) {
    return new Set(await screenColours(page)).size;
}

// The screen is mostly the page's own background colour (body, web/style.css), within 2 per channel.
async function assertShowsPageBackground(page) {
    const counts = new Map();
    for (const colour of await screenColours(page)) counts.set(colour, (counts.get(colour) || 0) + 1);
    const top = [...counts.entries()].sort((x, y) => y[1] - x[1])[0][0];
    const shown = [top >> 16, (top >> 8) & 255, top & 255];
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor.match(/\d+/g).slice(0, 3).map(Number));
    assert.ok(shown.every((v, i) => Math.abs(v - background[i]) <= 2), `screen shows ${shown}, the page background is ${background}`);
}

async function backingStore(page) {
    return page.evaluate(() => {
        const c = document.getElementById("canvas");
        const r = c.getBoundingClientRect();
        return { width: c.width, height: c.height, cssWidth: r.width, cssHeight: r.height, dpr: devicePixelRatio };
    });
}

test("the page loads with no console error or failed request, and the first frame draws", async () => {
    const { context, page, problems } = await openApp(browser, server.url);
    await page.waitForFunction(() => bandCircuit.framesDrawn() >= 2);   // start-up and its follow-up frame are done
    assert.deepEqual(problems, []);
    assert.equal((await state(page)).screen, "home");
    assert.ok(await screenColourCount(page) > 8, "the canvas shows more than a flat colour");
    // The wasm preloaded from the head is the one Emscripten instantiates: one download, not two.
    const wasmLoads = await page.evaluate(() => performance.getEntriesByType("resource").filter((e) => e.name.endsWith(".wasm")).length);
    assert.equal(wasmLoads, 1, "band-circuit.wasm is fetched once by the page");
    await context.close();
});

test("a button found through widgets() changes state() when clicked with the mouse", async () => {
    const { context, page } = await openApp(browser, server.url);
    const before = await state(page);
    await press(page, "About");
    const after = await waitFor(page, (s) => s.screen !== before.screen);
    assert.equal(after.screen, "about");
    await press(page, "Back");
    assert.equal((await waitFor(page, (s) => s.screen === "home")).screen, "home");
    await context.close();
});

test("a touch tap on a widget works like a click", async () => {
    const { context, page } = await openApp(browser, server.url, { hasTouch: true, isMobile: true, deviceScaleFactor: 3 });
    await press(page, "About", { touch: true });
    assert.equal((await waitFor(page, (s) => s.screen === "about")).screen, "about");
    await context.close();
});

for (const size of [{ width: 390, height: 844, dpr: 3 }, { width: 1280, height: 800, dpr: 1 }]) {
    test(`at ${size.width}x${size.height} DPR ${size.dpr} the backing store is CSS size x DPR, also after a resize`, async () => {
        const { context, page } = await openApp(browser, server.url, {
            viewport: { width: size.width, height: size.height }, deviceScaleFactor: size.dpr });
        let b = await backingStore(page);
        assert.equal(b.dpr, size.dpr);
        assert.equal(b.cssWidth, size.width);
        assert.equal(b.width, Math.floor(size.width * size.dpr));
        assert.equal(b.height, Math.floor(size.height * size.dpr));

        // An orientation change: width and height swap.
        await page.setViewportSize({ width: size.height, height: size.width });
        await page.waitForFunction(([w, h]) => {
            const c = document.getElementById("canvas");
            return c.width === w && c.height === h;
        }, [Math.floor(size.height * size.dpr), Math.floor(size.width * size.dpr)]);
        b = await backingStore(page);
        assert.equal(b.cssWidth, size.height);
        assert.equal(b.width, Math.floor(size.height * size.dpr));
        // The app lays out in CSS pixels: its widgets stay inside the new viewport.
        const items = await page.evaluate(() => bandCircuit.widgets());
        assert.ok(items.length > 0);
        for (const w of items) assert.ok(w.x + w.w <= size.height + 0.5, `${w.label} fits the width`);
        await context.close();
    });
}

// On the fake clock: the page's time (and its animation frames) moves only when the test says so.
test("an idle home screen draws no frames; input wakes it", async () => {
    const { context, page } = await openClocked(browser, server.url);
    await page.clock.runFor(500);
    const before = await page.evaluate(() => bandCircuit.framesDrawn());
    await page.clock.runFor(1500);
    assert.equal(await page.evaluate(() => bandCircuit.framesDrawn()), before, "nothing moves, nothing is drawn");
    await page.mouse.move(100, 300);
    await page.clock.runFor(300);
    assert.ok(await page.evaluate(() => bandCircuit.framesDrawn()) > before, "a mouse move is drawn");
    await context.close();
});

// The renderer (src/platform/renderer_webgl2.cpp) sets WebGL state and never reads it back while
// drawing: in a browser a read can wait for the GPU process to finish all queued work. The context
// it draws with is the one web/app.js asked for while the wasm downloaded, with SDL's attributes.
test("frames read no WebGL state back, and the app draws with the context the page created early", async () => {
    const watchWebGL = () => {
        const gl = window.__webgl = { reads: 0, counting: false, contexts: new Set() };
        const proto = WebGL2RenderingContext.prototype;
        for (const name of ["getParameter", "getError", "isEnabled", "isProgram", "isBuffer", "isTexture",
                            "getProgramParameter", "getShaderParameter", "getVertexAttrib", "readPixels"]) {
            const original = proto[name];
            proto[name] = function (...args) { if (gl.counting) gl.reads++; return original.apply(this, args); };
        }
        const getContext = HTMLCanvasElement.prototype.getContext;
        HTMLCanvasElement.prototype.getContext = function (...args) {
            const context = getContext.apply(this, args);
            if (context && args[0] === "webgl2") gl.contexts.add(context);
            return context;
        };
    };
    const { context, page } = await openApp(browser, server.url, { deviceScaleFactor: 3,
                                                                     beforeLoad: (p) => p.addInitScript(watchWebGL) });
    const attributes = await page.evaluate(() => {
        const gl = document.getElementById("canvas").getContext("webgl2");
        return { count: window.__webgl.contexts.size, ...gl.getContextAttributes() };
    });
    assert.equal(attributes.count, 1, "one WebGL2 context, shared by the page script and SDL");
    assert.deepEqual([attributes.alpha, attributes.depth, attributes.stencil, attributes.antialias], [false, false, false, false]);

    await press(page, "Start");
    await press(page, "Skip");   // past the get-ready countdown, into the first set
    await waitFor(page, (s) => s.session && s.session.phase === "work", { timeout: 30000 });
    const before = await page.evaluate(() => { window.__webgl.counting = true; return bandCircuit.framesDrawn(); });
    // The set animates: ten frames, however long a loaded machine takes to draw them (speed is the
    // benchmark's business, not this test's).
    await page.waitForFunction((from) => bandCircuit.framesDrawn() >= from + 10, before, { timeout: 60000 });
    const after = await page.evaluate(() => { window.__webgl.counting = false; return { frames: bandCircuit.framesDrawn(), reads: window.__webgl.reads }; });
    assert.ok(after.frames - before >= 10);
    assert.equal(after.reads, 0, "no WebGL state read during those frames");
    await context.close();
});

// Phones take WebGL contexts away under memory pressure or after a GPU reset. When the browser
// gives the context back, the app rebuilds its GL objects (shader, buffers, font atlas) and draws.
test("after the WebGL context is lost and restored, the app draws again and keeps its place", async () => {
    const { context, page, problems } = await openApp(browser, server.url);
    await press(page, "About");
    await waitFor(page, (s) => s.screen === "about");
    // WEBGL_lose_context does to the page what a phone's browser does when it drops the context.
    await page.evaluate(() => {
        window.__loseContext = document.getElementById("canvas").getContext("webgl2").getExtension("WEBGL_lose_context");
        window.__loseContext.loseContext();
    });
    await page.waitForFunction(() => document.getElementById("canvas").getContext("webgl2").isContextLost());
    const before = await page.evaluate(() => bandCircuit.framesDrawn());
    await page.evaluate(() => window.__loseContext.restoreContext());
    await page.waitForFunction(() => !document.getElementById("canvas").getContext("webgl2").isContextLost());
    await page.waitForFunction((n) => bandCircuit.framesDrawn() > n + 1, before);
    assert.ok(await screenColourCount(page) > 8, "the restored canvas shows the screen, not a flat colour");
    assert.equal((await state(page)).screen, "about", "the app stayed where it was");
    await press(page, "Back");
    assert.equal((await waitFor(page, (s) => s.screen === "home")).screen, "home");
    assert.deepEqual(problems, []);
    await context.close();
});

// On a slow network the page shows "Loading Band Circuit…" on its own background until the first
// frame: the WebGL2 context created early must not cover it in black.
test("while the wasm is still on its way, the loading message shows on the page background", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route("**/band-circuit.wasm", async (route) => { await held; await route.continue(); });
    await page.goto(server.url, { waitUntil: "domcontentloaded" });
    await page.waitForFunction(() => !!document.getElementById("canvas").getContext("webgl2"));
    // Two frames of the page's own after the context exists: anything it would paint is painted.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    assert.equal(await page.evaluate(() => document.getElementById("loading").hidden), false);
    await assertShowsPageBackground(page);
    release();
    await waitReady(page);
    assert.equal(await page.evaluate(() => document.getElementById("loading").hidden), true);
    await context.close();
});

// Between main() (where SDL sizes the canvas, which empties it) and the first frame, the canvas
// shows the page background, not a black flash. The main loop's first frame is held back here.
test("between start-up and the first frame the canvas shows the page background, not black", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    await context.addInitScript(() => {
        window.__heldFrames = [];
        const requestFrame = window.requestAnimationFrame.bind(window);
        window.requestAnimationFrame = (callback) => (window.__holdFrames === false ? requestFrame(callback) : window.__heldFrames.push(callback));
    });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => !!(window.bandCircuit && bandCircuit.ready));
    await page.evaluate(() => bandCircuit.ready);
    assert.equal(await page.evaluate(() => bandCircuit.framesDrawn()), 0, "the first frame is still held");
    await assertShowsPageBackground(page);
    await page.evaluate(() => { window.__holdFrames = false; for (const callback of window.__heldFrames.splice(0)) requestAnimationFrame(callback); });
    await page.waitForFunction(() => bandCircuit.framesDrawn() > 0);
    await context.close();
});
