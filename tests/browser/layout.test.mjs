// Every screen and state at every size of the layout matrix (layout-matrix.mjs): twelve viewports
// from a 320x480 phone to a 2560x1440 monitor, DPR 1 to 3, notched phones with their safe-area
// insets. One browser; one page per device pixel ratio, resized between sizes; time on the fake
// clock. Also: the insets reach the app from CSS, and on a large monitor the app draws larger
// while clicks still land where widgets() says.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { appCircuit, launchBrowser, layoutOnlyPages, openClocked, press, pressInView, scrollIntoView, serveDist, state, testInPart, widgets } from "./harness.mjs";
import { makeHistory, seedScript } from "./screens-helpers.mjs";
import { MOTION, SIZES, checkedDpr, groupsByDpr, inspect, setSize, sizeName, walk, sizesAtStep } from "./layout-matrix.mjs";

layoutOnlyPages();   // no test here reads pixels (harness.mjs)

let browser, server, exercises;   // exercises: the app's circuit (appCircuit)
before(async () => { browser = await launchBrowser(); server = await serveDist(); exercises = await appCircuit(browser, server.url); });
after(async () => { await browser?.close(); await server?.close(); });

const TIME = new Date("2026-11-20T07:30:00");
const seeded = async (page) => {
    await page.emulateMedia({ reducedMotion: MOTION });
    await page.addInitScript(seedScript(JSON.stringify(makeHistory(23, { exercises, now: TIME.getTime(), everyDays: 3 }))));
};

const ONLY = process.env.LAYOUT_SIZES ? process.env.LAYOUT_SIZES.split(",") : null;   // e.g. "320x256,360x640 text 200%"
// At most six sizes to a walk, the sizes of a ratio shared evenly among its walks: run.mjs runs
// this file in parts, side by side.
const CHUNK = 6;
const walks = groupsByDpr(SIZES.filter((s) => !ONLY || ONLY.includes(sizeName(s))), checkedDpr).flatMap((g) => {
    const count = Math.ceil(g.sizes.length / CHUNK);
    return Array.from({ length: count }, (_, i) => ({ dpr: g.dpr, sizes: g.sizes.filter((_, j) => j % count === i) }));
});
for (const group of walks) {
    const names = group.sizes.map(sizeName).join(", ");
    testInPart(`every screen and state at ${names} (DPR ${group.dpr}): controls whole and 44 px, text clear, insets free`, async () => {
        const first = group.sizes[0];
        const { context, page, problems } = await openClocked(browser, server.url, {
            viewport: { width: first.width, height: first.height }, deviceScaleFactor: group.dpr, time: TIME, beforeLoad: seeded });
                const failures = [];
        let checked = 0;
        let stepIndex = 0;
        for await (const step of walk(page)) {
            if (process.env.LAYOUT_DEBUG) console.log(`step ${step.name}: on ${(await state(page)).screen}`);
            for (const size of sizesAtStep(group.sizes, stepIndex++)) {
                const started = Date.now();
                await setSize(page, size);
                for (const problem of await inspect(page, size, step)) failures.push(`${sizeName(size)} ${step.name}: ${problem}`);
                checked++;
                if (process.env.LAYOUT_DEBUG) console.log(`${sizeName(size)} ${step.name}: ${Date.now() - started} ms`);
            }
        }
        assert.ok(checked >= 17 * group.sizes.length, `walked ${checked} state-size pairs`);
        assert.deepEqual(failures, []);
        assert.deepEqual(problems, []);
        await context.close();
    });
}

testInPart("safe-area insets set in CSS reach the app, and the controls move out of them", async () => {
    const { context, page } = await openClocked(browser, server.url, { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, time: TIME });
    const find = async (label) => (await widgets(page)).find((w) => w.label === label);
    const title = async () => (await page.evaluate(() => bandCircuit.texts())).find((t) => t.text.replace(/ /g, "") === "BandCircuit");
    let s = await state(page);
    assert.deepEqual(s.layout.safeArea, { top: 0, right: 0, bottom: 0, left: 0 });
    const historyBefore = await find("History");
    const titleBefore = await title();
    assert.ok(titleBefore, "texts() reports the title");

    await setSize(page, { width: 390, height: 844, insets: { top: 47, bottom: 34 } });
    s = await state(page);
    assert.deepEqual(s.layout.safeArea, { top: 47, right: 0, bottom: 34, left: 0 });
    const history = await find("History");
    assert.ok(history.y + history.h <= 844 - 34, "History clear of the home indicator");
    assert.ok(Math.abs(history.y - (historyBefore.y - 34)) < 1, `History moved up by the inset (${historyBefore.y} -> ${history.y})`);
    assert.ok(Math.abs((await title()).y - (titleBefore.y + 47)) < 1, "the title moved down by the notch");

    // On its side, with the notch on the left: nothing interactive left of it or in the corners.
    await setSize(page, { width: 844, height: 390, insets: { left: 47, right: 47, bottom: 21 } });
    s = await state(page);
    assert.equal(s.layout.shape, "landscape");
    for (const w of await widgets(page)) {
        assert.ok(w.x >= 47 && w.x + w.w <= 844 - 47 && w.y + w.h <= 390 - 21, `${w.label} at ${w.x},${w.y} ${w.w}x${w.h} is clear of the insets`);
    }
    // And a press still lands: Start opens the session.
    await press(page, "Start");
    assert.equal((await state(page)).screen, "session");
    await context.close();
});

testInPart("a 2560x1440 monitor draws everything twice as large, and clicks land where widgets() says", async () => {
    const { context, page } = await openClocked(browser, server.url, { viewport: { width: 2560, height: 1440 }, deviceScaleFactor: 1, time: TIME });
    let s = await state(page);
    assert.equal(s.layout.shape, "wide");
    assert.equal(s.layout.scale, 2);
    const start = (await widgets(page)).find((w) => w.label === "Start");
    assert.ok(start.h >= 2 * 52 - 1, `Start is ${start.h} px tall`);
    await press(page, "Self-paced");
    assert.equal(JSON.parse(await page.evaluate(() => localStorage.getItem("bandCircuit.settings"))).mode, "self-paced");
    await press(page, "Start");
    s = await state(page);
    assert.equal(s.screen, "session");
    assert.equal(s.session.mode, "self-paced");

    // The same page at a laptop size: a smaller scale, the same behaviour.
    await setSize(page, { width: 1280, height: 800 });
    s = await state(page);
    assert.equal(s.layout.scale, 1.125);
    await press(page, "End");
    await press(page, "Keep going");
    assert.equal((await state(page)).screen, "session");
    await context.close();
});

testInPart("the browser's text size sets the app's before its first frame; Settings changes it at once, saved, and a reload keeps it", async () => {
    // Android's text scaling (and a desktop's font setting) is the root element's font size.
    const raised = (p) => p.addInitScript(() => document.addEventListener("DOMContentLoaded", () => { document.documentElement.style.fontSize = "24px"; }));
    const { context, page, problems } = await openClocked(browser, server.url, { viewport: { width: 390, height: 844 }, time: TIME, beforeLoad: raised });
    let s = await state(page);
    assert.equal(s.textSize, 150, "24 px over 16 px: 150 %");
    assert.equal(s.layout.scale, 1.5, "everything drawn half as large again");
    const titleAt = async () => (await page.evaluate(() => bandCircuit.texts())).find((t) => t.text.replace(/ /g, "") === "BandCircuit").h;
    const tall = await titleAt();

    // Settings > Text size: "−" twice, down to 100 %, applied at once and saved.
    await pressInView(page, "Settings");
    const value = async () => (await page.evaluate(() => bandCircuit.texts())).find((t) => /^1\d\d ?%$/.test(t.text.replace(/\s/g, "")))?.text.replace(/\s/g, "");
    await pressInView(page, "− Text size");
    assert.equal((await state(page)).textSize, 125);
    await pressInView(page, "− Text size");
    s = await state(page);
    assert.equal(s.textSize, 100);
    assert.equal(s.layout.scale, 1);
    assert.equal(await value(), "100%");
    const saved = await page.evaluate(() => JSON.parse(localStorage.getItem("bandCircuit.settings")).textSize);
    assert.equal(saved, 100, "the choice is saved, and no longer follows the browser");
    await pressInView(page, "+ Text size");
    await pressInView(page, "+ Text size");
    await pressInView(page, "+ Text size");
    await pressInView(page, "+ Text size");
    assert.equal((await state(page)).textSize, 200);
    const plus = await scrollIntoView(page, "+ Text size");
    assert.equal(plus.enabled, false, "200 % is the largest");
    await pressInView(page, "Back");

    // A reload keeps the choice, whatever the browser says.
    await page.reload();
    for (let i = 0; i < 100 && !(await page.evaluate(() => !!(window.bandCircuit && window.Module && Module._bc_state_json) && bandCircuit.framesDrawn() > 0)); i++) await page.clock.runFor(100);
    s = await state(page);
    assert.equal(s.textSize, 200);
    assert.ok((await titleAt()) > tall * 1.2, `the title is drawn larger at 200 % than at 150 % (${await titleAt()} vs ${tall} px)`);
    assert.deepEqual(problems, []);
    await context.close();
});
