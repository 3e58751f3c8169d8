// Saved data under real conditions: two pages of the app at once (two pages of one browser context
// share localStorage and see each other's storage events), a full quota, the limits of the save
// format, unreadable data, a reset, time zones and daylight saving, contradictory saved sessions,
// sessions skipped from end to end, persistent storage. Every action is a real click on a drawn
// widget; what is stored is read back from the real localStorage.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { appCircuit, launchBrowser, layoutOnlyPages, openApp, openClocked, serveDist, settleSave, state, storedJson, storedJsonWhen, testInPart, waitFor, waitInPage, widgets, press as pressOnly, pressInView as pressInViewOnly } from "./harness.mjs";
import { makeHistory } from "./screens-helpers.mjs";

layoutOnlyPages();   // no test here reads pixels (harness.mjs)

let browser, server, exercises;   // exercises: the app's circuit (appCircuit)
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "band-circuit-storage-"));   // downloads and import files
before(async () => { browser = await launchBrowser(); server = await serveDist(); exercises = await appCircuit(browser, server.url); });
after(async () => { await browser?.close(); await server?.close(); fs.rmSync(tmp, { recursive: true, force: true }); });

// One round, one rep a set, self-paced, no waits: a whole session is a handful of "Done" taps.
const quick = () => JSON.stringify({
    version: 1, rounds: 1, mode: "self-paced",
    reps: Object.fromEntries(exercises.map((e) => [e.key, 1])),
    getReadySec: 0, switchSidesSec: 0, restSec: 0, roundRestSec: 0, bandChangeRestSec: 0,
    cues: { sound: false, voice: false, vibration: false, flash: false }, theme: "system",
});

const stored = (page, key) => page.evaluate((k) => localStorage.getItem(k), key);
const appKeys = (page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("bandCircuit.")).sort());

// A context whose pages share storage, seeded before the first page loads.
async function newContext(seed = {}, options = {}) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, ...options });
    await context.addInitScript((items) => {
        if (localStorage.getItem("test.seeded")) return;
        localStorage.setItem("test.seeded", "1");
        for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v);
    }, { "bandCircuit.settings": quick(), ...seed });
    return context;
}
const open = (context) => openApp(browser, server.url, { context });

// Of two pages, the browser draws only the one in front (the other is like a tab in the
// background: it hears storage events but runs no frames), so a tap brings its page forward first.
async function press(page, label) { await page.bringToFront(); return pressOnly(page, label); }
async function pressInView(page, label) { await page.bringToFront(); return pressInViewOnly(page, label); }

// This page stops hearing the others' storage events (as if they came late): what it writes must
// still not undo their changes.
const deafen = (page) => page.evaluate(() => window.addEventListener("storage", (e) => e.stopImmediatePropagation(), true));

// Start (or carry on) and tap Done through every set until the finish screen (each tap after the
// app's tap guard, as press() does: the next set's Done stands where the last one was).
async function finishSession(page, { start = true } = {}) {
    if (start) await press(page, "Start");
    for (let i = 0; i < 60; i++) {
        const s = await state(page);
        if (s.screen === "finish") return s;
        const done = (await widgets(page)).find((w) => w.label === "Done");
        if (done) await press(page, "Done");
        else await waitInPage(page, () => bandCircuit.state().screen === "finish" || bandCircuit.widgets().some((w) => w.label === "Done"));
    }
    throw new Error("the session did not finish: " + JSON.stringify(await state(page)));
}

async function waitSaved(page) {
    return waitFor(page, (s) => { const r = s.lastRecord; return r && r.save !== "pending"; });
}

// Fills localStorage so that nothing more fits: junk keys of shrinking size take what is left.
async function fillQuota(page) {
    await page.evaluate(() => {
        let n = 0;
        for (let size = 1 << 20; size >= 1; size >>= 2) {
            for (;;) {
                try { localStorage.setItem("test.junk" + n++, "x".repeat(size)); } catch (e) { break; }
            }
        }
    });
}

testInPart("two pages: a session finished in each is kept in both, and each page shows both", async () => {
    const context = await newContext();
    const a = await open(context), b = await open(context);
    await finishSession(a.page);
    assert.equal((await waitSaved(a.page)).lastRecord.save, "saved");
    await waitFor(b.page, (s) => s.history.sessions === 1);
    await finishSession(b.page);
    assert.equal((await waitSaved(b.page)).lastRecord.save, "saved");
    // Read where it was written: each page keeps its own copy of localStorage, and another page's
    // write reaches it a moment later (with the storage event).
    const history = await storedJson(b.page, "bandCircuit.history");
    assert.equal(history.sessions.length, 2, "both sessions are stored");
    assert.notEqual(history.sessions[0].id, history.sessions[1].id);
    assert.equal((await storedJsonWhen(a.page, "bandCircuit.history", (h) => h?.sessions.length === 2)).sessions.length, 2, "page A reads both too");
    await waitFor(a.page, (s) => s.history.sessions === 2);
    assert.deepEqual([...a.problems, ...b.problems], []);
    await context.close();
});

testInPart("two pages: a settings write from a copy that lacks the other page's change does not undo it", async () => {
    const context = await newContext();
    const a = await open(context), b = await open(context);
    // Each page reads localStorage from a copy of its own, which the other's write reaches a moment
    // later. B's copy stands still here: it reads the settings as they were, and hears nothing.
    await b.page.evaluate((old) => {
        const read = Storage.prototype.getItem;
        Storage.prototype.getItem = function (key) { return key === "bandCircuit.settings" ? old : read.call(this, key); };
    }, await stored(b.page, "bandCircuit.settings"));
    await deafen(b.page);
    await press(a.page, "3 rounds");
    await storedJsonWhen(a.page, "bandCircuit.settings", (s) => s?.rounds === 3);
    await press(b.page, "Guided");   // written over A's change, from B's outdated copy
    // A hears B's write, sees its change left out and writes it back: both changes stand.
    const settings = await storedJsonWhen(a.page, "bandCircuit.settings", (s) => s?.rounds === 3 && s?.mode === "guided");
    assert.equal(settings.rounds, 3, "A's rounds are back");
    assert.equal(settings.mode, "guided", "B's mode is kept");
    assert.ok(settings.changedAt.rounds <= settings.changedAt.mode, "each setting says when it changed");
    await context.close();
});

testInPart("two pages that start a session at the same moment agree on the one started first", async () => {
    const context = await newContext({ "bandCircuit.settings": quick().replace('"self-paced"', '"guided"') });
    const a = await open(context), b = await open(context);
    await press(a.page, "Start");
    const first = await storedJsonWhen(a.page, "bandCircuit.session", (x) => x !== null);
    // B's copy of localStorage lags: it holds the session key as B last wrote it (nothing yet: A's
    // session has not reached it), and A's storage events wait.
    await b.page.evaluate(() => {
        const read = Storage.prototype.getItem, write = Storage.prototype.setItem;
        let copy = null;
        window.lagging = true;
        Storage.prototype.getItem = function (key) { return window.lagging && key === "bandCircuit.session" ? copy : read.call(this, key); };
        Storage.prototype.setItem = function (key, value) { if (key === "bandCircuit.session") copy = value; return write.call(this, key, value); };
        window.addEventListener("storage", (e) => { if (window.lagging) e.stopImmediatePropagation(); }, true);
    });
    await press(b.page, "Start");   // written over A's session
    await waitFor(b.page, (s) => s.screen === "session");
    await b.page.evaluate(() => { window.lagging = false; });   // B's copy catches up
    // A hears B's write and writes its own back (it started first); B hears that and gives way.
    const s = await waitFor(b.page, (x) => x.session?.elsewhere === true && x.screen === "home");
    assert.match(s.notice.text, /^A workout was started in another window at the same moment and goes on there\.$/);
    assert.equal((await storedJson(b.page, "bandCircuit.session")).id, first.id);
    const onA = await state(a.page);
    assert.equal(onA.screen, "session");
    assert.equal(onA.session.elsewhere, false);
    await context.close();
});

testInPart("a page closed while its history write waits for the storage lock leaves it waiting, and the next page writes it", async () => {
    const context = await newContext();
    const holder = await open(context), a = await open(context);
    // Another page holds the history's Web Lock: A's write has to wait for it.
    await holder.page.evaluate(() => {
        window.releaseLock = null;
        navigator.locks.request("bandCircuit.history", () => new Promise((resolve) => { window.releaseLock = resolve; }));
    });
    await waitInPage(holder.page, () => window.releaseLock !== null);
    const finished = await finishSession(a.page);
    assert.equal(finished.lastRecord.save, "pending");
    await a.page.close({ runBeforeUnload: true });   // pagehide: the page may not run again
    const waiting = await holder.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("bandCircuit.waiting.")));
    assert.equal(waiting.length, 1, "what waited is kept under the page's own key");
    assert.equal(JSON.parse(await stored(holder.page, waiting[0])).sessions[0].id, finished.lastRecord.id);
    assert.equal(await stored(holder.page, "bandCircuit.history"), null, "nothing was written without the lock");
    // The lock comes free; the next page opened takes in what waited.
    await holder.page.evaluate(() => window.releaseLock());
    const next = await open(context);
    const s = await waitFor(next.page, (x) => x.history.sessions === 1);
    assert.equal(s.history.sessions, 1);
    const history = await storedJsonWhen(next.page, "bandCircuit.history", (h) => h?.sessions?.length === 1);
    assert.equal(history.sessions[0].id, finished.lastRecord.id);
    assert.deepEqual(await next.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("bandCircuit.waiting."))), []);
    await context.close();
});

testInPart("two pages: a page that missed the other's writes adds its session without dropping theirs", async () => {
    const context = await newContext({ "bandCircuit.history": JSON.stringify(makeHistory(3, { exercises })) });
    const a = await open(context), b = await open(context);
    await deafen(b.page);
    // A imports a file with two more sessions; B never hears of it.
    const extra = makeHistory(2, { exercises, now: Date.now() - 40 * 86400000 });
    const file = path.join(tmp, "two.json");
    fs.writeFileSync(file, JSON.stringify({ app: "band-circuit", kind: "history", version: 1, exported: Date.now(), sessions: extra.sessions }));
    await press(a.page, "History");
    const [chooser] = await Promise.all([a.page.waitForEvent("filechooser"), press(a.page, "Restore")]);
    await chooser.setFiles(file);
    await waitFor(a.page, (s) => s.history.sessions === 5);
    await waitInPage(a.page, () => JSON.parse(localStorage.getItem("bandCircuit.history")).sessions.length === 5);
    // A changes the theme; B, still holding the old settings, changes the rounds.
    await press(a.page, "Back");
    await press(a.page, "Settings");
    await pressInView(a.page, "Dark");
    await waitFor(a.page, (s) => s.theme === "dark");   // A's frame took the press and saved it
    await press(b.page, "3 rounds");
    const settings = await storedJsonWhen(b.page, "bandCircuit.settings", (s) => s?.rounds === 3);
    assert.equal(settings.theme, "dark", "A's theme is kept");
    assert.equal(settings.rounds, 3, "B's rounds are kept");
    // B finishes a session: the import is still there.
    await press(b.page, "Start");
    await finishSession(b.page, { start: false });
    assert.equal((await waitSaved(b.page)).lastRecord.save, "saved");
    const history = await storedJson(b.page, "bandCircuit.history");
    assert.equal(history.sessions.length, 6, "3 seeded + 2 imported + 1 finished");
    assert.equal((await state(b.page)).history.sessions, 6, "B now shows what is stored");
    await context.close();
});

testInPart("two pages: a session has one owner; another page shows it, can take it over, and once ended it never comes back", async () => {
    const context = await newContext();
    const a = await open(context), b = await open(context);
    await press(a.page, "Start");
    await press(a.page, "Done");   // into the second set
    let sb = await waitFor(b.page, (s) => s.session?.elsewhere === true);
    assert.equal(sb.screen, "home");
    assert.ok((await widgets(b.page)).some((w) => w.label === "Take over"));
    const ownerA = (await storedJson(a.page, "bandCircuit.session")).owner;

    // B takes it over where A left it; A stops running it and says so.
    const stepInA = (await state(a.page)).session.step;
    await press(b.page, "Take over");
    sb = await waitFor(b.page, (s) => s.screen === "session" && !s.session.paused);
    assert.equal(sb.session.step, stepInA);
    const sa = await waitFor(a.page, (s) => s.session?.elsewhere === true);
    assert.equal(sa.screen, "home");
    assert.match(sa.notice.text, /another window/);
    assert.notEqual((await storedJson(b.page, "bandCircuit.session")).owner, ownerA);

    // B ends it. It is gone from A at once, and from storage for good.
    await press(b.page, "End");
    await press(b.page, "End session");
    await waitSaved(b.page);
    await waitFor(a.page, (s) => s.session === null);
    assert.equal(await stored(a.page, "bandCircuit.session"), null);
    await a.page.reload();
    await a.page.waitForFunction(() => window.bandCircuit && bandCircuit.framesDrawn() > 0);
    const after = await state(a.page);
    assert.equal(after.session, null, "an ended session does not come back on reload");
    assert.equal(after.history.sessions, 1);
    // Starting again makes a new session with a new id: no duplicate, the history still loads.
    await finishSession(a.page);
    assert.equal((await waitSaved(a.page)).lastRecord.save, "saved");
    const history = await storedJson(a.page, "bandCircuit.history");
    assert.equal(new Set(history.sessions.map((s) => s.id)).size, 2);
    assert.equal((await state(a.page)).storage, "ok");
    await context.close();
});

testInPart("a reset in one page is respected by a page that still holds the old data", async () => {
    const context = await newContext({ "bandCircuit.history": JSON.stringify(makeHistory(4, { exercises })) });
    const a = await open(context), b = await open(context);
    await deafen(b.page);
    // B has a session running from before the reset, at its last set.
    await press(b.page, "Start");
    for (let s = await state(b.page); s.session.step < s.session.steps - 2; s = await state(b.page)) {
        await press(b.page, "Done");
    }
    await press(a.page, "Settings");
    await pressInView(a.page, "Reset all data");
    await pressInView(a.page, "Delete everything");
    const s = await waitFor(a.page, (s) => !!s.notice);   // the frame after the press
    assert.match(s.notice.text, /Deleted your settings, your history of 4 sessions and the session in progress\./);
    assert.deepEqual(await appKeys(a.page), ["bandCircuit.reset"], "only the reset mark is left");

    // B, deaf to all of that, carries on. Its next save finds the session gone and drops it, or,
    // if the tap finishes it first, the history write finds the reset mark: either way nothing
    // from before the reset is written back.
    await b.page.bringToFront();
    let sb = await state(b.page);
    if (sb.session) {
        await press(b.page, "Done");
        sb = await waitFor(b.page, (s) => s.session === null && s.lastRecord?.save !== "pending");
    }
    if (sb.screen === "finish") {
        assert.equal(sb.lastRecord.save, "reset", "a session started before the reset is not written back");
        await press(b.page, "Home");
    } else {
        assert.match(sb.notice.text, /(deleted|ended) in another window/);
    }
    assert.equal(await stored(b.page, "bandCircuit.history"), null, "the deleted history does not come back");
    assert.equal(await stored(b.page, "bandCircuit.session"), null);
    await press(b.page, "3 rounds");
    const settings = await storedJsonWhen(b.page, "bandCircuit.settings", (s) => s?.rounds === 3);
    assert.equal(settings.rounds, 3);
    assert.equal(settings.mode, "guided", "the other settings are the defaults after the reset, not B's old ones");
    await context.close();
});

testInPart("storage full mid-session: a banner at once, an honest finish, and the session can still be kept", async () => {
    const context = await newContext();
    const { page } = await open(context);
    // Other data of the site took the rest of the quota: the session's first save fails.
    await fillQuota(page);
    await press(page, "Start");
    const s = await waitFor(page, (s) => s.storage === "full");
    assert.equal(s.screen, "session");
    // The history write waits for the storage lock, which this test holds while it takes the space
    // the ended session frees, so the write meets a full quota.
    await page.evaluate(() => { window.releaseLock = null;
        navigator.locks.request("bandCircuit.history", () => new Promise((resolve) => { window.releaseLock = resolve; })); });
    await page.waitForFunction(() => !!window.releaseLock);
    await finishSession(page, { start: false });
    assert.equal((await state(page)).lastRecord.save, "pending", "the write waits for the lock");
    await fillQuota(page);
    await page.evaluate(() => window.releaseLock());
    const f = await waitSaved(page);
    assert.equal(f.lastRecord.save, "no-space");
    const [download] = await Promise.all([page.waitForEvent("download"), press(page, "Download this session")]);
    const file = path.join(tmp, download.suggestedFilename());
    await download.saveAs(file);
    assert.match(download.suggestedFilename(), /^band-circuit-session-\d{4}-\d{2}-\d{2}-\d{4}\.json$/);
    const saved = JSON.parse(fs.readFileSync(file, "utf8"));
    assert.equal(saved.sessions[0].id, f.lastRecord.id);

    // Space comes back; the download imports like any export.
    await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("test.junk")).forEach((k) => localStorage.removeItem(k)));
    await press(page, "History");
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), press(page, "Restore")]);
    await chooser.setFiles(file);
    await waitInPage(page, () => JSON.parse(localStorage.getItem("bandCircuit.history") || '{"sessions":[]}').sessions.length === 1);
    await context.close();
});

testInPart("the history limit is met before writing: a full history stays readable and the session can be downloaded", async () => {
    const full = makeHistory(3000, { exercises, everyDays: 1, lastDaysAgo: 1 });
    const context = await newContext({ "bandCircuit.history": JSON.stringify(full) });
    const { page } = await open(context);
    assert.equal((await state(page)).history.sessions, 3000);
    await finishSession(page);
    const f = await waitSaved(page);
    assert.equal(f.lastRecord.save, "history-full");
    assert.ok((await widgets(page)).some((w) => w.label === "Download this session"));
    await page.reload();
    await page.waitForFunction(() => window.bandCircuit && bandCircuit.framesDrawn() > 0);
    const s = await state(page);
    assert.equal(s.storage, "ok", "the stored history still loads");
    assert.equal(s.history.sessions, 3000);
    await context.close();
});

testInPart("unreadable data with no room for a copy is left untouched and never written over", async () => {
    const context = await newContext();
    const { page } = await open(context);
    await page.evaluate(() => localStorage.setItem("bandCircuit.history", "{\"version\":1,\"sessions\":[{\"broken\":"));
    await fillQuota(page);
    await page.reload();
    await page.waitForFunction(() => window.bandCircuit && bandCircuit.framesDrawn() > 0);
    const s = await state(page);
    assert.equal(s.storage, "recovered");
    assert.deepEqual(s.keptAside, [], "no copy could be written, and none is named");
    await finishSession(page);
    assert.equal((await waitSaved(page)).lastRecord.save, "held");
    assert.equal(await stored(page, "bandCircuit.history"), "{\"version\":1,\"sessions\":[{\"broken\":", "left exactly as it was");
    await context.close();
});

testInPart("a kept-aside history can be recovered, and Delete everything removes every key the app wrote", async () => {
    const good = makeHistory(2, { exercises });
    const broken = JSON.stringify({ version: 1, sessions: [...good.sessions, { id: "x", started: -1 }] });
    const context = await newContext({ "bandCircuit.history": broken });
    const { page } = await open(context);
    let s = await state(page);
    assert.equal(s.storage, "recovered");
    assert.equal(s.keptAside.length, 1);
    assert.equal(await stored(page, s.keptAside[0]), broken, "the copy is the data as it was");
    assert.equal(s.history.sessions, 0);
    await press(page, "History");
    await pressInView(page, /^Recover sessions/);
    s = await waitFor(page, (s) => s.history.sessions === 2);
    assert.match(s.notice.text, /Recovered 2 sessions/);
    await waitInPage(page, () => (JSON.parse(localStorage.getItem("bandCircuit.history") || "null")?.sessions.length) === 2);

    await press(page, "Back");
    await press(page, "Settings");
    await pressInView(page, "Reset all data");
    await pressInView(page, "Delete everything");
    s = await waitFor(page, (x) => x.notice !== null);   // the reset runs under the storage lock
    assert.match(s.notice.text, /1 kept-aside copy/);
    assert.deepEqual(await appKeys(page), ["bandCircuit.reset"]);
    assert.deepEqual(s.keptAside, []);
    await context.close();
});

testInPart("local dates stay where they happened across daylight saving and travel", async () => {
    // A session at 08:30 on a summer morning in Berlin (UTC+2), and one at 00:30 on the night the
    // clocks go forward (still UTC+1).
    for (const [when, label] of [["2026-07-15T08:30:00+02:00", "Wed 15 Jul 2026, 08:30"], ["2026-03-29T00:30:00+01:00", "Sun 29 Mar 2026, 00:30"]]) {
        const summer = await browser.newContext({ viewport: { width: 390, height: 844 }, timezoneId: "Europe/Berlin" });
        await summer.addInitScript((settings) => { if (!localStorage.getItem("bandCircuit.settings")) localStorage.setItem("bandCircuit.settings", settings); }, quick());
        const { page } = await openClocked(browser, server.url, { context: summer, time: new Date(when), viewport: { width: 390, height: 844 } });
        await press(page, "Start");
        for (let i = 0; i < 20 && (await state(page)).screen !== "finish"; i++) {
            await press(page, "Done");
        }
        await settleSave(page);
        const history = await stored(page, "bandCircuit.history");
        assert.ok(history, "saved");
        await summer.close();

        // Read in winter in Berlin, and after flying to New York: the row still says where it happened.
        for (const timezoneId of ["Europe/Berlin", "America/New_York"]) {
            const later = await browser.newContext({ viewport: { width: 390, height: 844 }, timezoneId });
            await later.addInitScript((text) => localStorage.setItem("bandCircuit.history", text), history);
            const { page: p } = await openClocked(browser, server.url, { context: later, time: new Date("2026-12-01T12:00:00Z") });
            await press(p, "History");
            const rows = (await widgets(p)).map((w) => w.label);
            assert.ok(rows.includes(label), `${timezoneId}: expected a row "${label}", got ${JSON.stringify(rows)}`);
            await later.close();
        }
    }
});

testInPart("a saved session with contradictory fields ends on the finish screen, and home is always reachable", async () => {
    const context = await newContext();
    const { page } = await open(context);
    await press(page, "Start");
    await press(page, "Done");
    // Paused, so this page writes the session no more (a running one is saved every few seconds);
    // once the step after the first set is saved, the stored session is changed by hand: ended
    // early, yet in progress.
    await press(page, "Pause");
    assert.ok((await storedJsonWhen(page, "bandCircuit.session", (x) => x && x.stepIndex >= 1)).stepIndex >= 1, "the set's end is saved");
    await page.evaluate(() => {
        const s = JSON.parse(localStorage.getItem("bandCircuit.session"));
        s.endedEarly = true;
        s.deliveredMs = s.activeMs;
        localStorage.setItem("bandCircuit.session", JSON.stringify(s));
    });
    const other = await open(context);
    const s = await state(other.page);
    assert.notEqual(s.screen, "session", "no session screen stuck on a session that cannot run");
    assert.ok(["finish", "home"].includes(s.screen));
    if (s.screen === "finish") await press(other.page, "Home");
    assert.equal((await state(other.page)).screen, "home");
    await context.close();
});

testInPart("a session skipped from end to end is not a workout: not kept, not counted", async () => {
    // Under the fake clock: a guided set counts its reps as time passes, so a slow machine must not
    // let any go by between the taps.
    const context = await newContext({ "bandCircuit.settings": quick().replace('"self-paced"', '"guided"') });
    const { page } = await openClocked(browser, server.url, { context, viewport: { width: 390, height: 844 } });
    await press(page, "Start");
    for (let i = 0; i < 40 && (await state(page)).screen === "session"; i++) await press(page, "Skip");
    const s = await settleSave(page);
    assert.equal(s.screen, "finish");
    assert.equal(s.lastRecord.save, "no-work");
    assert.equal(s.history.sessions, 0);
    assert.equal(s.history.streakDays, 0);
    assert.equal(await stored(page, "bandCircuit.history"), null);
    await context.close();
});

testInPart("persistent storage is asked for once, after the first saved session", async () => {
    const context = await newContext();
    await context.addInitScript(() => {
        window.persistCalls = 0;
        if (navigator.storage) {
            const persist = navigator.storage.persist.bind(navigator.storage);
            navigator.storage.persist = () => { window.persistCalls++; return persist(); };
        }
    });
    const { page } = await open(context);
    assert.equal(await page.evaluate(() => window.persistCalls), 0, "not asked before there is something to keep");
    await finishSession(page);
    await waitSaved(page);
    await press(page, "Home");
    await finishSession(page);
    await waitSaved(page);
    assert.equal(await page.evaluate(() => window.persistCalls), 1);
    const s = await waitFor(page, (s) => s.persistence !== "unknown");
    assert.ok(["persistent", "best-effort"].includes(s.persistence));
    await context.close();
});

testInPart("a 2 MB import, ours or hostile, leaves the wasm heap near its steady size", async () => {
    const context = await newContext();
    const { page } = await open(context);
    const heap = () => page.evaluate(() => Module.HEAP8.buffer.byteLength);
    const steady = await heap();
    const big = makeHistory(3000, { exercises, everyDays: 1 });
    for (const s of big.sessions) s.id += "-" + "x".repeat(40);   // long ids: about 2 MB in all
    const ours = JSON.stringify({ app: "band-circuit", kind: "history", version: 1, exported: Date.now(), sessions: big.sessions }, null, 2);
    const header = '{"app":"band-circuit","kind":"history","version":1,"exported":1,"sessions":[';
    const files = {
        "ours.json": ours.slice(0, 2 * 1024 * 1024),
        "numbers.json": header + Array(1000000).fill("0").join(",").slice(0, 2 * 1024 * 1024 - 100) + "]}",
        "nested.json": "[".repeat(2 * 1024 * 1024 - 10),
    };
    assert.ok(ours.length > 1.9 * 1024 * 1024 && ours.length <= 2 * 1024 * 1024, `the real history is about 2 MB (${ours.length})`);
    await press(page, "History");
    for (const [name, text] of Object.entries(files)) {
        const file = path.join(tmp, name);
        fs.writeFileSync(file, text);
        const [chooser] = await Promise.all([page.waitForEvent("filechooser"), press(page, "Restore")]);
        await chooser.setFiles(file);
        const s = await waitFor(page, (s) => /^(Imported|Import failed|Every session)/.test(s.notice?.text || ""), { timeout: 30000 });
        if (name === "ours.json") assert.match(s.notice.text, /^Imported 3000 sessions/);
        else assert.match(s.notice.text, /not a file of ours/);
        // The wasm heap never shrinks; a file costs its own copies at most (before the first pass
        // over its shape, a hostile one grew it to 74 and 171 MB).
        assert.ok(await heap() <= steady + 8 * 1024 * 1024, `${name}: the heap stayed near its steady size (${await heap()} bytes)`);
        await press(page, "Back");
        await press(page, "History");
    }
    await context.close();
});
