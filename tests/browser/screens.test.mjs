// The exercise, history, settings and about screens, driven as a person would: real mouse and
// touch input on widgets found by label, keys, a real file chooser and a real download. State is
// read back through bandCircuit.state(), localStorage and the page's aria-live region.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { appCircuit, findWidget, launchBrowser, layoutOnlyPages, openApp, openClocked, press, pressInView, serveDist, state, storedJsonWhen, waitFor, waitStill, widgets } from "./harness.mjs";
import { makeHistory, seedScript } from "./screens-helpers.mjs";

const PHONE = { viewport: { width: 360, height: 640 }, deviceScaleFactor: 2 };
const SESSION_ROW = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d+ \w{3} \d{4}, \d\d:\d\d$/;

layoutOnlyPages();   // only the drag test compares screenshots, and draws (harness.mjs)

let browser, server, tmp, exercises;   // exercises: the app's circuit (appCircuit)
before(async () => {
    browser = await launchBrowser();
    server = await serveDist();
    exercises = await appCircuit(browser, server.url);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "band-circuit-screens-"));
});
after(async () => {
    await browser?.close();
    await server?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

const storedHistory = (page) => page.evaluate(() => localStorage.getItem("bandCircuit.history"));
const byId = (sessions) => [...sessions].sort((a, b) => (a.id < b.id ? -1 : 1));

async function openWithHistory(history, options = {}) {
    const text = JSON.stringify(history);
    return openApp(browser, server.url, { ...PHONE, ...options, beforeLoad: (page) => page.addInitScript(seedScript(text)) });
}

async function openHistory(page) {
    await press(page, "History");
    await waitFor(page, (s) => s.screen === "history");
}

test("each exercise page opens from its card on home, shows that exercise, and Back returns home", async () => {
    // Mouse presses: a touch tap that changes screens sometimes leaves the old screen drawn until
    // the next input (main loop wake-up, reported to the lead), which would make this flaky.
    const { context, page, problems } = await openApp(browser, server.url, PHONE);
    for (const { key, name, style, sides: sideKeys } of exercises) {
        await pressInView(page, name);
        const s = await waitFor(page, (s) => s.screen === "exercise");
        assert.equal(s.shownExercise, key);
        await findWidget(page, "Pause");   // the page opens playing (no reduced motion here)
        // Two sets, one a side or direction: a button for each; one set: Reset view.
        const button = { left: "Left", right: "Right", forward: "Forward", back: "Backward" };
        const sides = style === "per-side" || style === "directions" ? sideKeys.map((side) => button[side]) : ["Reset view"];
        for (const side of sides) await findWidget(page, side);
        for (const w of await widgets(page)) assert.ok(w.h >= 44 && w.w >= 44, `${w.label} on ${name} is at least 44 px`);
        // Playing animates; paused, the page stops asking for frames.
        assert.equal(s.animating, true);
        await press(page, "Pause");
        await waitFor(page, (s) => s.animating === false);
        await press(page, "Play");
        await press(page, "Back");
        await waitFor(page, (s) => s.screen === "home");
    }
    assert.deepEqual(problems, []);
    await context.close();
});

test("exported history imported into a fresh browser reproduces it", async () => {
    const seeded = makeHistory(7, { exercises, everyDays: 2 });
    const { context, page } = await openWithHistory(seeded);
    await openHistory(page);
    const [download] = await Promise.all([page.waitForEvent("download"), press(page, "Back up")]);
    assert.match(download.suggestedFilename(), /^band-circuit-history-\d{4}-\d{2}-\d{2}\.json$/);
    const file = path.join(tmp, download.suggestedFilename());
    await download.saveAs(file);
    const exported = JSON.parse(fs.readFileSync(file, "utf8"));
    assert.equal(exported.app, "band-circuit");
    assert.deepEqual(byId(exported.sessions), byId(seeded.sessions));
    await context.close();

    const fresh = await openApp(browser, server.url, PHONE);
    assert.equal((await state(fresh.page)).history.sessions, 0);
    await openHistory(fresh.page);
    const [chooser] = await Promise.all([fresh.page.waitForEvent("filechooser"), press(fresh.page, "Restore")]);
    await chooser.setFiles(file);
    const s = await waitFor(fresh.page, (s) => s.history.sessions === 7);
    assert.equal(s.notice.error, false);
    assert.match(s.notice.text, /Imported 7 sessions/);
    // The history is written under a Web Lock, a moment after the notice shows.
    await fresh.page.waitForFunction(() => !!localStorage.getItem("bandCircuit.history"));
    assert.deepEqual(byId(JSON.parse(await storedHistory(fresh.page)).sessions), byId(seeded.sessions));
    // The list shows them: one row per session on screen, newest first.
    const rows = (await widgets(fresh.page)).filter((w) => SESSION_ROW.test(w.label));
    assert.ok(rows.length >= 2, "session rows are listed");
    assert.ok(rows[0].y < rows[1].y);

    // Importing the same file again adds nothing and says so.
    const [again] = await Promise.all([fresh.page.waitForEvent("filechooser"), press(fresh.page, "Restore")]);
    await again.setFiles(file);
    const s2 = await waitFor(fresh.page, (s) => /already here/.test(s.notice?.text || ""));
    assert.equal(s2.history.sessions, 7);
    await fresh.context.close();
});

test("a file that is not ours, a truncated export and a 20 MB file each change nothing and say why", async () => {
    const seeded = makeHistory(3, { exercises });
    const { context, page } = await openWithHistory(seeded);
    await openHistory(page);
    const before = await storedHistory(page);
    const good = JSON.stringify({ app: "band-circuit", kind: "history", version: 1, exported: Date.now(),
                                  sessions: makeHistory(4, { exercises, lastDaysAgo: 30 }).sessions });
    const big = path.join(tmp, "huge.json");
    fs.writeFileSync(big, Buffer.alloc(20 * 1024 * 1024, 0x20));
    const cases = [
        { name: "other.json", buffer: Buffer.from(JSON.stringify({ name: "my playlist", tracks: [1, 2, 3] })), why: /not a Band Circuit history/ },
        { name: "cut.json", buffer: Buffer.from(good.slice(0, Math.floor(good.length * 0.6))), why: /Import failed/ },
        { name: "huge.json", path: big, why: /too large/ },
    ];
    for (const c of cases) {
        const [chooser] = await Promise.all([page.waitForEvent("filechooser"), press(page, "Restore")]);
        await chooser.setFiles(c.path ? c.path : { name: c.name, mimeType: "application/json", buffer: c.buffer });
        const s = await waitFor(page, (s) => s.notice?.error === true, { timeout: 10000 });
        assert.match(s.notice.text, c.why, c.name);
        assert.match(s.notice.text, /[Nn]othing was changed/, c.name);
        assert.equal(s.history.sessions, 3, c.name);
        assert.equal(await storedHistory(page), before, `${c.name} leaves storage as it was`);
    }
    await context.close();
});

test("a settings change survives a reload and shapes the next session's plan", async () => {
    const { context, page } = await openApp(browser, server.url, PHONE);
    await press(page, "Settings");
    await waitFor(page, (s) => s.screen === "settings");
    await press(page, "+ Deadbug");
    await press(page, "+ Deadbug");
    // Past the coach's range is allowed, and back again.
    await press(page, "+ Deadbug");
    await press(page, "\u2212 Deadbug");
    await waitStill(page);   // every press taken: a press still queued would change the value after the read
    let saved = await storedJsonWhen(page, "bandCircuit.settings", (s) => s?.reps?.deadbug === 12);
    assert.equal(saved.reps.deadbug, 12);

    await page.reload();
    await page.waitForFunction(() => window.bandCircuit && bandCircuit.state() !== null && bandCircuit.framesDrawn() > 0);
    saved = JSON.parse(await page.evaluate(() => localStorage.getItem("bandCircuit.settings")));
    assert.equal(saved.reps.deadbug, 12);
    await press(page, "Start");
    await waitFor(page, (s) => s.session?.phase === "get-ready");
    await press(page, "Skip");
    const s = await waitFor(page, (s) => s.session?.phase === "work");
    assert.equal(s.session.exercise, "deadbug");
    assert.equal(s.session.reps, 12);
    await context.close();
});

test("the aria-live region follows a session", async () => {
    const { context, page } = await openApp(browser, server.url, PHONE);
    const announced = () => page.evaluate(() => document.getElementById("announcer").textContent);
    await press(page, "Start");
    await page.waitForFunction(() => /Get ready/.test(document.getElementById("announcer").textContent));
    assert.match(await announced(), /Banded deadbug/);
    await press(page, "Skip");
    await page.waitForFunction(() => /Round 1 of \d, Banded deadbug/.test(document.getElementById("announcer").textContent));
    await press(page, "Skip");
    await page.waitForFunction(() => /Rest\. Next: Dorsiflexion with band/.test(document.getElementById("announcer").textContent));
    await press(page, "Pause");
    await page.waitForFunction(() => document.getElementById("announcer").textContent === "Paused");
    await context.close();
});

test("dragging a long history list scrolls it and presses nothing", async () => {
    const { context, page } = await openWithHistory(makeHistory(40, { exercises }), { hasTouch: true, drawing: true });
    await openHistory(page);
    const rowsBefore = (await widgets(page)).filter((w) => SESSION_ROW.test(w.label));
    assert.ok(rowsBefore.length >= 1);
    const shotBefore = await page.screenshot();
    // Start the drag on a session row (a button) and pull up.
    const start = rowsBefore[rowsBefore.length - 1];
    const x = start.x + start.w / 2, y = Math.min(start.y + start.h / 2, 560);
    // A flick: the finger still moving when it lets go, so the list glides on to its end.
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x, y - 250, { steps: 12 });
    await page.mouse.up();
    await waitStill(page);
    const rowsAfter = (await widgets(page)).filter((w) => SESSION_ROW.test(w.label));
    const shotAfter = await page.screenshot();
    assert.ok(!shotBefore.equals(shotAfter), "the screen changed");
    const moved = rowsAfter.find((w) => w.label === start.label);
    assert.ok(!moved || moved.y < start.y - 100, `the row under the finger moved up (${start.y} -> ${moved?.y})`);
    assert.ok(rowsAfter.some((w) => !rowsBefore.find((b) => b.label === w.label)), "new sessions came into view");
    // Nothing was pressed: no row opened, no notice, still on History with the same history.
    // (rows cut by the list's edges report only their visible part, so they can be shorter)
    for (const w of rowsAfter) assert.ok(Math.round(w.h) <= Math.round(rowsBefore[0].h), `no row expanded (${w.label}: ${w.h} px)`);
    const s = await state(page);
    assert.equal(s.screen, "history");
    assert.equal(s.notice, null);
    assert.equal(s.history.sessions, 40);
    await context.close();
});

test("a quick drag that reaches the page whole between two frames still scrolls, and presses nothing", async () => {
    // A busy phone (or a loaded test machine) can deliver a short flick's press in one frame and
    // all its moves with the release in the next. The clock is paused, so no frame runs while the
    // mouse moves: each drag below arrives exactly that way.
    const { context, page } = await openClocked(browser, server.url, { viewport: { width: 390, height: 844 } });
    await press(page, "Settings");
    await page.clock.runFor(100);
    const inList = async () => (await widgets(page)).filter((w) => w.scroll && w.h >= 40 && w.y > 300 && w.y < 600);
    const [target] = await inList();
    assert.ok(target, "a widget in the middle of the settings list");
    const positionOf = async (label) => (await widgets(page)).find((w) => w.label === label)?.y;
    const quickDrag = async (x, y0, y1) => {
        await page.mouse.move(x, y0);
        await page.mouse.down();
        await page.clock.runFor(50);   // the press's frames
        await page.mouse.move(x, y1, { steps: 8 });
        await page.mouse.up();
        await page.clock.runFor(100);   // one frame takes the moves and the release; the next shows them
    };
    // 30 px, all inside the pressed button: a scroll, not a press.
    const x = target.x + target.w / 2, y = target.y + target.h / 2;
    await quickDrag(x, y, y - 30);
    assert.ok(Math.abs((await positionOf(target.label)) - (target.y - 30)) <= 2, `the list moved 30 px up (${target.y} -> ${await positionOf(target.label)})`);
    // 200 px: the list follows the whole way, and without the speed of earlier frames it does not glide on.
    const before = await positionOf(target.label);
    await quickDrag(x, y, y - 200);
    const moved = await positionOf(target.label);
    assert.ok(moved === undefined || moved < before - 150, `the list moved about 200 px up (${before} -> ${moved})`);
    await page.clock.runFor(1000);
    assert.equal(await positionOf(target.label), moved, "no glide after a drag with no speed");
    assert.equal(await page.evaluate(() => localStorage.getItem("bandCircuit.settings")), null, "no setting was changed: nothing was pressed");
    assert.equal((await state(page)).screen, "settings");
    await context.close();
});

test("a flick glides as far on a phone drawing 20 frames a second as on one drawing 60", async () => {
    // The same finger each time: 200 px up at 1250 px/s, released while moving. The clock is
    // paused; at "20 fps" the app is handed every third animation frame, as a busy phone would draw.
    async function flick(fps) {
        const slow = fps === 20 ? `(() => { const raf = window.requestAnimationFrame.bind(window);
            window.requestAnimationFrame = (cb) => raf(() => raf(() => raf(cb))); })();` : "";
        const { context, page } = await openClocked(browser, server.url, { viewport: { width: 390, height: 1400 },
            beforeLoad: async (p) => { await p.addInitScript(seedScript(JSON.stringify(makeHistory(80, { exercises })))); if (slow) await p.addInitScript(slow); } });
        await press(page, "History");
        await page.clock.runFor(500);
        const rows = (await widgets(page)).filter((w) => SESSION_ROW.test(w.label));
        const anchor = rows[rows.length - 1];
        const x = anchor.x + anchor.w / 2, y = anchor.y + anchor.h / 2;
        await page.mouse.move(x, y);
        await page.mouse.down();
        await page.clock.runFor(100);
        for (let i = 1; i <= 10; i++) {
            await page.mouse.move(x, y - 20 * i);
            await page.clock.runFor(16);
        }
        await page.mouse.up();
        await page.clock.runFor(3000);   // the glide ends
        const after = (await widgets(page)).find((w) => w.label === anchor.label);
        assert.ok(after, `${anchor.label} is still in view`);
        assert.equal((await state(page)).screen, "history", "nothing was pressed");
        await context.close();
        return anchor.y - after.y;
    }
    const at60 = await flick(60), at20 = await flick(20);
    // 200 px dragged, and about 1250 px/s x 0.2 s of glide.
    assert.ok(at60 > 350 && at60 < 550, `at 60 fps the list moved ${at60} px`);
    assert.ok(Math.abs(at20 - at60) < 0.25 * at60, `at 20 fps the list moved ${at20} px, at 60 fps ${at60} px`);
});

test("keyboard: Tab moves from Back into the scrolled settings and Space presses a stepper", async () => {
    const { context, page } = await openApp(browser, server.url, { viewport: { width: 1280, height: 800 } });
    await press(page, "Settings");
    await waitFor(page, (s) => s.screen === "settings");
    // Tab to the first stepper, press it with Space: rounds 2 -> 1 ("− Rounds" comes after Back).
    // Each key waits for the frame that took it (a loaded machine draws late).
    await page.keyboard.press("Tab");
    await waitFor(page, (s) => s.focused === "Back", { timeout: 15000 });
    await page.keyboard.press("Tab");
    await waitFor(page, (s) => /Rounds/.test(s.focused || ""), { timeout: 15000 });
    await page.keyboard.press("Space");
    await page.waitForFunction(() => JSON.parse(localStorage.getItem("bandCircuit.settings") || "{}").rounds === 1, undefined, { timeout: 15000 });
    const saved = JSON.parse(await page.evaluate(() => localStorage.getItem("bandCircuit.settings")) || "{}");
    assert.equal(saved.rounds, 1);
    await context.close();
});
