// The core browser scenarios, written once against driver.mjs and run in each engine by
// chromium.test.mjs, firefox.test.mjs and webkit.test.mjs: the page loads clean and draws, real
// clicks move through the screens, a shortened session runs to its end in real time and is
// recorded, a reload resumes the session paused, the history goes out to a file and into a fresh
// browser, the app starts with its server gone, and where the engine lacks an API the cue falls
// back to what it has. Each scenario gets a server of its own (a new origin, so nothing saved in
// one is seen by another) and a new page with its own storage.
import { test, before, after, afterEach } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startServer } from "../../serve.mjs";
import { makeHistory } from "../screens-helpers.mjs";
import { PROBE_SCRIPT } from "./probe.mjs";
import { circuit, hover, pressAt, waitReady, waitInPage, waitFor, state, widgets, press, scrollIntoView } from "../actions.mjs";
import { launchEngine, screenColourCount } from "./driver.mjs";

const DIST = process.env.DIST || path.resolve(path.dirname(new URL(import.meta.url).pathname), "../../../dist");

// What each engine offers the cues, known from the engines themselves: Firefox dropped
// navigator.vibrate (version 129) and WebKit never had it.
const HAS_VIBRATION = { chromium: true, firefox: false, webkit: false };

// The shortest plan the saved-data schema allows (docs/saved-data.md): one round, one rep or step
// per side, one-second pauses (band changes too), for the circuit the app has. Its active time:
// get ready 1 s; each exercise one rep (alternating and one-set exercises: one set; per-side and
// directions: a set per side with a one-second switch between); a one-second rest between two.
const shortSettings = (exercises) => ({
    version: 1, rounds: 1, mode: "guided",
    reps: Object.fromEntries(exercises.map((e) => [e.key, 1])),
    getReadySec: 1, switchSidesSec: 1, restSec: 1, roundRestSec: 1, bandChangeRestSec: 1,
    cues: { sound: true, voice: true, vibration: true, flash: true }, theme: "system",
});
const twoSets = (e) => e.style === "per-side" || e.style === "directions";
const shortPlanMs = (exercises) => 1000 + exercises.reduce((sum, e) => sum + (twoSets(e) ? 2 * e.repMs + 1000 : e.repMs), 0) + (exercises.length - 1) * 1000;
// Get ready, the sets and switches, the rests between exercises, and the finish.
const shortPlanSteps = (exercises) => 1 + exercises.reduce((sum, e) => sum + (twoSets(e) ? 3 : 1), 0) + (exercises.length - 1) + 1;

export function coreScenarios(engineName) {
    let engine, tmp;
    const open = [];   // pages and servers to close if a scenario fails half-way
    before(async () => {
        engine = await launchEngine(engineName);
        tmp = fs.mkdtempSync(path.join(os.tmpdir(), `band-circuit-${engineName}-`));
    });
    // A test that fails leaves its pages open; close them, or WebKit's one-session driver refuses
    // every test after it.
    afterEach(async () => {
        for (const item of open.splice(0)) await item.close().catch(() => {});
    });
    after(async () => {
        for (const item of open.splice(0)) await item.close().catch(() => {});
        await engine?.close();
        if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    });

    // A new server and page; settings and history written to localStorage before the app reads
    // them (written, then the page reloaded).
    async function openApp({ probe = true, settings = null, history = null, server = null } = {}) {
        server = server || await startServer({ root: DIST, probe: probe ? PROBE_SCRIPT : null });
        const page = await engine.newPage({ width: 390, height: 844 });
        const opened = { page, server, close: async () => { await page.close().catch(() => {}); await server.close().catch(() => {}); } };
        open.push(opened);
        await page.goto(server.url);
        await waitReady(page);
        if (typeof settings === "function") settings = settings(await circuit(page));
        if (typeof history === "function") history = history(await circuit(page));
        if (settings || history) {
            await page.evaluate(([s, h]) => {
                if (s) localStorage.setItem("bandCircuit.settings", s);
                if (h) localStorage.setItem("bandCircuit.history", h);
            }, [settings && JSON.stringify(settings), history && JSON.stringify(history)]);
            await page.reload();
            await waitReady(page);
        }
        return opened;
    }
    async function closeApp(opened) {
        open.splice(open.indexOf(opened), 1);
        await opened.close();
    }
    const stored = (page, key) => page.evaluate((k) => JSON.parse(localStorage.getItem(k) || "null"), key);

    test(`${engineName}: the page loads with no console error, draws its first frame with WebGL2 and lists its widgets`, { timeout: 120000 }, async () => {
        const app = await openApp();
        const { page } = app;
        const s = await state(page);
        assert.equal(s.screen, "home");
        assert.equal(s.storage, "ok");
        assert.ok(await page.evaluate(() => bandCircuit.framesDrawn()) > 0);
        assert.equal(await page.evaluate(() => !!document.getElementById("canvas").getContext("webgl2")), true, "the canvas has a WebGL2 context");
        assert.equal(await page.evaluate(() => document.getElementById("fatal").hidden), true);
        const labels = (await widgets(page)).map((w) => w.label);
        for (const label of ["Start", "2 rounds", "3 rounds", "Guided", "Self-paced", s.exercises[0].name]) assert.ok(labels.includes(label), `${label} is drawn (${labels})`);
        assert.ok(await screenColourCount(page) > 8, "the screenshot shows the drawn screen, not a flat colour");
        // The accessible layer (web/a11y.js) is built in this engine too: the title, an element for
        // each widget drawn, and a screen reader's activation (a click event on the element)
        // presses the widget.
        const layer = await page.evaluate(() => ({
            title: document.querySelector("#a11y h1")?.textContent,
            names: [...document.querySelectorAll("#a11y [data-id]")].map((el) => el.getAttribute("aria-label") || el.firstChild?.nodeValue),
        }));
        assert.equal(layer.title, "Band Circuit");
        for (const label of labels) assert.ok(layer.names.includes(label), `${label} is in the accessible layer (${layer.names})`);
        await page.evaluate(() => [...document.querySelectorAll("#a11y button")].find((el) => el.firstChild?.nodeValue === "Settings").click());
        await waitFor(page, (x) => x.screen === "settings");
        await waitInPage(page, () => document.querySelector("#a11y h1")?.textContent === "Settings", undefined, { what: "the Settings title in the layer" });
        // Late errors: the service worker's registration and the frames after the press.
        await waitInPage(page, () => navigator.serviceWorker.getRegistration().then((r) => !!(r && r.active)), null, { timeout: 30000, what: "the service worker registered and active" });
        await hover(page, 5, 5);   // and the frames a mouse move wakes
        assert.deepEqual(await page.problems(), []);
        // The error channel itself works in this engine: an uncaught error is seen.
        await page.evaluate(() => { setTimeout(() => { throw new Error("deliberate error to check the test"); }, 0); });
        const deadline = Date.now() + 10000;
        while (!(await page.problems()).some((p) => p.includes("deliberate error to check the test")) && Date.now() < deadline) await page.pass(20);
        assert.ok((await page.problems()).some((p) => p.includes("deliberate error to check the test")), "an uncaught error shows up in problems()");
        await closeApp(app);
    });

    test(`${engineName}: real clicks on widgets() move through the screens and change a setting`, { timeout: 120000 }, async () => {
        const app = await openApp();
        const { page } = app;
        const [first] = await circuit(page);
        await press(page, first.name);
        let s = await waitFor(page, (x) => x.screen === "exercise");
        assert.equal(s.shownExercise, first.key);
        await press(page, "Back");
        await waitFor(page, (x) => x.screen === "home");
        for (const [label, screen] of [["History", "history"], ["Settings", "settings"], ["About", "about"]]) {
            await press(page, label);
            await waitFor(page, (x) => x.screen === screen);
            await press(page, "Back");
            await waitFor(page, (x) => x.screen === "home");
        }
        await press(page, "3 rounds");
        const saved = await waitInPage(page, () => JSON.parse(localStorage.getItem("bandCircuit.settings") || "null"), null, { what: "settings saved" });
        assert.equal(saved.rounds, 3);
        await press(page, "Start");
        s = await waitFor(page, (x) => x.screen === "session");
        assert.equal(s.session.rounds, 3);
        assert.equal(s.session.phase, "get-ready");
        assert.deepEqual(await page.problems(), []);
        await closeApp(app);
    });

    test(`${engineName}: a shortened session runs in real time through every step to the finish and is recorded`, { timeout: 240000 }, async () => {
        const app = await openApp({ settings: shortSettings });
        const { page } = app;
        const exercises = await circuit(page);
        const SHORT_PLAN_MS = shortPlanMs(exercises);
        const started = Date.now();   // before the press: the wall time measured covers the whole session
        await press(page, "Start");
        let s = await waitFor(page, (x) => x.screen === "session");
        assert.equal(s.session.steps, shortPlanSteps(exercises));
        assert.equal(s.session.rounds, 1);
        // Watch it go by: the phases and exercises seen on the way (polled, so short steps may slip
        // between two looks; the record at the end is the full account).
        const seen = new Set();
        for (;;) {
            s = await state(page);
            if (s.screen !== "session") break;
            seen.add(`${s.session.phase} ${s.session.exercise}`);
            assert.equal(s.session.paused, false);
            if (Date.now() - started > SHORT_PLAN_MS + 90000) assert.fail(`the session did not finish: ${JSON.stringify(s)}`);
            await page.pass(50);
        }
        const wall = Date.now() - started;
        assert.equal(s.screen, "finish");
        // The sets last seconds and are always seen; a one-second switch or rest can fall between two
        // looks on a loaded machine (Chromium's fake-clock tests check every step).
        for (const step of exercises.map((e) => `work ${e.key}`)) {
            assert.ok(seen.has(step), `${step} was on screen (seen: ${[...seen].join(", ")})`);
        }
        assert.ok(wall >= SHORT_PLAN_MS - 100, `the plan took real time (${wall} ms for ${SHORT_PLAN_MS} ms planned)`);
        // The history is written under a Web Lock, a moment after the finish screen shows.
        const history = await waitInPage(page, () => JSON.parse(localStorage.getItem("bandCircuit.history") || "null"), null, { what: "the history saved" });
        assert.equal(history.sessions.length, 1);
        const record = history.sessions[0];
        assert.equal(record.finished, true);
        assert.equal(record.roundsDone, 1);
        assert.ok(record.durationMs >= SHORT_PLAN_MS - 100 && record.durationMs <= SHORT_PLAN_MS + 5000, `duration ${record.durationMs} ms`);
        assert.deepEqual(Object.keys(record.reps).sort(), exercises.map((e) => e.key).sort());
        for (const { key, sides } of exercises) {
            for (const side of sides) assert.equal(record.reps[key][side], 1, `${key} ${side}`);
        }
        assert.equal(await page.evaluate(() => localStorage.getItem("bandCircuit.session")), null, "no session left in progress");
        assert.ok(s.cues.flashes >= 4, `the screen flashed at each switch, rest end and the finish (${s.cues.flashes})`);
        await press(page, "Home");
        assert.equal((await waitFor(page, (x) => x.screen === "home")).history.sessions, 1);
        assert.deepEqual(await page.problems(), []);
        await closeApp(app);
    });

    test(`${engineName}: a reload mid-session reopens it paused where it stood, and Resume carries on`, { timeout: 120000 }, async () => {
        // Two rounds, and ten reps of the first exercise: the set the reload falls in.
        const app = await openApp({ settings: (exercises) => {
            const settings = shortSettings(exercises);
            return { ...settings, rounds: 2, reps: { ...settings.reps, [exercises[0].key]: 10 } };
        } });
        const { page } = app;
        const first = (await circuit(page))[0].key;
        await press(page, "Start");
        const work = await waitFor(page, (x) => x.session && x.session.phase === "work", { timeout: 30000 });
        // 1.5 s into the set.
        const before = await waitFor(page, (x) => x.session && x.session.elapsedMs >= work.session.elapsedMs + 1500, { timeout: 30000 });
        await page.reload();
        await waitReady(page);
        const restored = await state(page);
        assert.equal(restored.screen, "session");
        assert.equal(restored.session.paused, true);
        assert.equal(restored.session.phase, "work");
        assert.equal(restored.session.exercise, first);
        assert.ok(restored.session.elapsedMs >= before.session.elapsedMs, `the time done before the reload is kept (${restored.session.elapsedMs} >= ${before.session.elapsedMs})`);
        // Still paused: state() reads the clock at each call, so a running session would show more
        // time done after the frames a mouse move wakes.
        await hover(page, 5, 5);
        assert.equal((await state(page)).session.elapsedMs, restored.session.elapsedMs, "still paused");
        await press(page, "Resume");
        const resumed = await waitFor(page, (x) => x.session && !x.session.paused && x.session.elapsedMs >= restored.session.elapsedMs + 500, { timeout: 30000 });
        assert.equal(resumed.session.exercise, first);
        assert.deepEqual(await page.problems(), []);
        await closeApp(app);
    });

    test(`${engineName}: the history exported to a file imports into a browser with nothing saved`, { timeout: 180000 }, async () => {
        let seeded;
        const app = await openApp({ history: (exercises) => (seeded = makeHistory(3, { exercises, everyDays: 2 })) });
        assert.equal((await state(app.page)).history.sessions, 3);
        await press(app.page, "History");
        await waitFor(app.page, (x) => x.screen === "history");
        const file = await app.page.download(() => press(app.page, "Back up"), tmp);
        assert.match(path.basename(file), /^band-circuit-history-\d{4}-\d{2}-\d{2}\.json$/);
        const exported = JSON.parse(fs.readFileSync(file, "utf8"));
        assert.equal(exported.app, "band-circuit");
        assert.equal(exported.kind, "history");
        assert.deepEqual(exported.sessions.map((x) => x.id).sort(), seeded.sessions.map((x) => x.id).sort());
        assert.deepEqual(await app.page.problems(), []);
        await closeApp(app);

        const fresh = await openApp();
        assert.equal((await state(fresh.page)).history.sessions, 0);
        await press(fresh.page, "History");
        await waitFor(fresh.page, (x) => x.screen === "history");
        await fresh.page.upload(() => press(fresh.page, "Restore"), file);
        const s = await waitFor(fresh.page, (x) => x.history.sessions === 3, { timeout: 30000 });
        assert.equal(s.notice.error, false);
        assert.match(s.notice.text, /Imported 3 sessions/);
        // The history is written under a Web Lock, a moment after the notice shows.
        const kept = await waitInPage(fresh.page, () => JSON.parse(localStorage.getItem("bandCircuit.history") || "null"), null, { what: "the imported history saved" });
        assert.deepEqual(kept.sessions.map((x) => x.id).sort(), seeded.sessions.map((x) => x.id).sort());
        assert.deepEqual(await fresh.page.problems(), []);
        await closeApp(fresh);
    });

    test(`${engineName}: after one visit the app starts and runs a session with its server gone`, { timeout: 120000 }, async () => {
        // No probe here: the cached page must be the site as deployed.
        const app = await openApp({ probe: false });
        const { page, server } = app;
        await waitInPage(page, () => navigator.serviceWorker && navigator.serviceWorker.ready.then(() => !!navigator.serviceWorker.controller || null),
                      null, { timeout: 30000, what: "the service worker to control the page" }).catch(async () => {
            // A page loaded before its worker activated is controlled from its next load.
            await page.reload();
            await waitReady(page);
            await waitInPage(page, () => !!(navigator.serviceWorker && navigator.serviceWorker.controller), null, { timeout: 30000, what: "the service worker to control the page" });
        });
        await server.close();
        await page.reload();
        await waitReady(page);
        assert.equal((await state(page)).screen, "home");
        await press(page, "Start");
        assert.equal((await waitFor(page, (x) => x.screen === "session")).session.phase, "get-ready");
        await closeApp(app);
    });

    test(`${engineName}: cues fall back to what the engine has (vibration: ${HAS_VIBRATION[engineName] ? "yes" : "no, the flash instead"})`, { timeout: 120000 }, async (t) => {
        const app = await openApp();
        const { page } = app;
        let s = await state(page);
        const hasVibrate = await page.evaluate(() => typeof navigator.vibrate === "function");
        assert.equal(hasVibrate, HAS_VIBRATION[engineName], "the engine's Vibration API is as known");
        assert.equal(s.cues.vibration, hasVibrate);
        // Settings: the vibration switch is disabled where it cannot work, and the defaults put the
        // screen flash on in its place (saved once any setting changes).
        await press(page, "Settings");
        await waitFor(page, (x) => x.screen === "settings");
        await press(page, "+ Rounds");
        const saved = await waitInPage(page, () => JSON.parse(localStorage.getItem("bandCircuit.settings") || "null"), null, { what: "settings saved" });
        assert.equal(saved.cues.flash, !hasVibrate, "the screen flash is on by default exactly where there is no vibration");
        const vibration = await scrollIntoView(page, "Vibration");
        assert.ok(vibration, "the Vibration switch scrolls into view");
        assert.equal(vibration.enabled, hasVibrate, "the Vibration switch is enabled only where the browser can vibrate");
        // A click on it even where it is disabled, and the frame that took it; then (where the switch
        // works) the setting saved.
        await pressAt(page, vibration.x + vibration.w / 2, vibration.y + vibration.h / 2);
        if (hasVibrate) await waitInPage(page, (was) => JSON.parse(localStorage.getItem("bandCircuit.settings")).cues.vibration !== was, saved.cues.vibration, { what: "the vibration setting saved" });
        const after = JSON.parse(await page.evaluate(() => localStorage.getItem("bandCircuit.settings")));
        assert.equal(after.cues.vibration, hasVibrate ? !saved.cues.vibration : saved.cues.vibration, "a tap changes vibration only where it can work");
        await press(page, "Back");
        await waitFor(page, (x) => x.screen === "home");

        // Spoken cues: with a voice, the words go to speech synthesis; with none, tones stand in
        // (the coach plays its tones instead of words; where the engine's audio runs, their notes
        // are started too).
        const voice = (await state(page)).cues.voice;
        await page.evaluate(() => {
            window.__spoken = [];
            window.__toneKinds = [];
            if (window.speechSynthesis) speechSynthesis.speak = (utterance) => window.__spoken.push(utterance.text);
            const tone = window.bandCircuitCues.tone;
            window.bandCircuitCues.tone = function (kind) { window.__toneKinds.push(kind); return tone.call(this, kind); };
            window.__probe.tones.length = 0;
        });
        await press(page, "Start");
        await waitFor(page, (x) => x.screen === "session");
        if (voice) {
            const spoken = await waitInPage(page, () => window.__spoken.length && window.__spoken, null, { what: "a spoken cue" });
            assert.match(spoken[0], /Get ready/);
            assert.equal(await page.evaluate(() => window.__toneKinds.includes("voice")), false, "no stand-in tone where a voice speaks");
        } else {
            await waitInPage(page, () => window.__toneKinds.length > 0, null, { timeout: 30000, what: "a tone in place of words (the get-ready countdown at the latest)" });
            assert.equal(await page.evaluate(() => window.__spoken.length), 0, "nothing was sent to a speech engine without a voice");
            const audio = await page.evaluate(() => window.bandCircuitCues.audioState);
            if (audio === "running") {
                await waitInPage(page, () => window.__probe.tones.length >= 1, null, { timeout: 10000, what: "the tone's notes" });
            } else {
                t.diagnostic(`${engineName}: audio is ${audio} here (no sound device), so the tones' notes are not started`);
            }
        }
        assert.deepEqual(await page.problems(), []);
        await closeApp(app);
    });
}
