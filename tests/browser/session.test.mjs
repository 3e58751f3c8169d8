// Running the circuit in the browser: the whole guided circuit, self-paced sets, pause, a hidden
// tab, a reload, storage trouble, keys and cues. Time is Playwright's fake clock wherever the test
// is about time; every action is a real mouse, touch or key event on a drawn widget.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { appCircuit, key, launchBrowser, layoutOnlyPages, openApp, openClocked, press, serveDist, setHidden, settleSave, state, waitFor, widgets } from "./harness.mjs";

layoutOnlyPages();   // no test here reads pixels (harness.mjs)

let browser, server, exercises;   // exercises: the app's circuit (appCircuit)
before(async () => { browser = await launchBrowser(); server = await serveDist(); exercises = await appCircuit(browser, server.url); });
after(async () => { await browser?.close(); await server?.close(); });

// The circuit as the app's catalogue has it (appCircuit): each exercise's style, band form, sides,
// dose and rep length. The plan below is built from it here, by the rules of the timer: the default
// dose is the low end; a per-side or directions set is two sets with a switch between; the trap pull
// is one two-arm set; a rest before a change of band form (tying or untying the loop) is the
// band-change rest.
const GET_READY = 10000, SWITCH = 5000, REST = 15000, BAND_CHANGE_REST = 30000, ROUND_REST = 60000;

function expectedPlan(rounds) {
    const steps = [{ phase: "get-ready", exercise: exercises[0].key, round: 1, ms: GET_READY }];
    for (let round = 1; round <= rounds; round++) {
        exercises.forEach(({ key, style, countMin, repMs, sides: [a, b], band }, index) => {
            const set = countMin * repMs;
            if (style === "alternating" || style === "one-set") {
                steps.push({ phase: "work", exercise: key, round, ms: set });
            } else {
                assert.ok(style === "per-side" || style === "directions", `${key}: ${style}`);
                steps.push({ phase: "work", exercise: key, round, side: a, ms: set });
                steps.push({ phase: "switch", exercise: key, round, ms: SWITCH });
                steps.push({ phase: "work", exercise: key, round, side: b, ms: set });
            }
            const last = index === exercises.length - 1;
            const next = exercises[last ? 0 : index + 1];
            const change = next.band !== band;
            if (!last) steps.push({ phase: "rest", exercise: next.key, round, ms: change ? Math.max(REST, BAND_CHANGE_REST) : REST });
            else if (round < rounds) steps.push({ phase: "round-rest", exercise: next.key, round, ms: change ? Math.max(ROUND_REST, BAND_CHANGE_REST) : ROUND_REST });
        });
    }
    return steps;
}

// Where the plan stands after `elapsed` active ms: step index and time left in it.
function positionAt(plan, elapsed) {
    let start = 0;
    for (let i = 0; i < plan.length; i++) {
        if (elapsed < start + plan[i].ms) return { step: i, left: start + plan[i].ms - elapsed, inStep: elapsed - start };
        start += plan[i].ms;
    }
    return { step: plan.length, left: 0, inStep: 0 };
}

const readHistory = (page) => page.evaluate(() => JSON.parse(localStorage.getItem("bandCircuit.history") || "null"));

test("a full 2-round guided circuit runs every step in order and records the planned reps", async () => {
    const { context, page, problems } = await openClocked(browser, server.url);
    await press(page, "Start");
    const plan = expectedPlan(2);
    let s = await state(page);
    assert.equal(s.screen, "session");
    assert.equal(s.session.steps, plan.length + 1, "the app's plan has the expected steps plus Done");
    for (let i = 0; i < plan.length; i++) {
        const want = plan[i];
        assert.equal(s.session.step, i, `step ${i}`);
        assert.equal(s.session.phase, want.phase, `step ${i} phase`);
        assert.equal(s.session.exercise, want.exercise, `step ${i} exercise`);
        assert.equal(s.session.round, want.round, `step ${i} round`);
        if (want.phase === "work" && want.side) assert.equal(s.session.side, want.side, `step ${i} side`);
        assert.ok(s.session.phaseLeftMs > 0 && s.session.phaseLeftMs <= want.ms, `step ${i} time left ${s.session.phaseLeftMs}`);
        // Jump to just past the end of the step, then let a frame run.
        await page.clock.fastForward(s.session.phaseLeftMs + 5);
        await page.clock.runFor(40);
        s = await state(page);
    }
    assert.equal(s.screen, "finish");
    assert.equal(s.session, null);
    assert.equal(s.history.sessions, 1);
    assert.equal((await settleSave(page)).lastRecord.save, "saved");
    const history = await readHistory(page);
    assert.equal(history.version, 2);
    const record = history.sessions[0];
    assert.equal(record.finished, true);
    assert.equal(record.roundsPlanned, 2);
    assert.equal(record.roundsDone, 2);
    assert.deepEqual(Object.keys(record.reps).sort(), exercises.map((e) => e.key).sort());
    for (const { key, sides, countMin } of exercises) {
        for (const side of sides) assert.equal(record.reps[key][side], 2 * countMin, `${key} ${side}`);
    }
    assert.equal(await page.evaluate(() => localStorage.getItem("bandCircuit.session")), null, "no session left in progress");
    assert.deepEqual(problems, []);
    await context.close();
});

test("a self-paced set ends with Done; a 5-minute pause leaves the timer where it was", async () => {
    const { context, page } = await openClocked(browser, server.url, { hasTouch: true });
    await press(page, "Self-paced", { touch: true });
    await press(page, "Start", { touch: true });
    let s = await state(page);
    assert.equal(s.session.mode, "self-paced");
    await page.clock.fastForward(s.session.phaseLeftMs + 5);
    await page.clock.runFor(2000);
    s = await state(page);
    assert.equal(s.session.phase, "work");
    assert.equal(s.session.phaseLeftMs, null, "a self-paced set counts up");
    assert.ok(s.session.phaseElapsedMs >= 2000);

    await press(page, "Pause", { touch: true });
    const paused = await state(page);
    assert.equal(paused.session.paused, true);
    await page.clock.fastForward(5 * 60 * 1000);
    await page.clock.runFor(100);
    const later = await state(page);
    assert.equal(later.session.paused, true);
    assert.equal(later.session.phaseElapsedMs, paused.session.phaseElapsedMs, "no time passes while paused");
    assert.equal(later.session.elapsedMs, paused.session.elapsedMs);

    await press(page, "Resume", { touch: true });
    await page.clock.runFor(1000);
    s = await state(page);
    assert.equal(s.session.paused, false);
    assert.ok(s.session.phaseElapsedMs >= paused.session.phaseElapsedMs + 1000);
    assert.ok(s.session.phaseElapsedMs < paused.session.phaseElapsedMs + 1400);

    await press(page, "Done", { touch: true });
    s = await state(page);
    assert.equal(s.session.phase, "rest");
    assert.equal(s.session.exercise, exercises[1].key);
    await context.close();
});

test("a double tap on Done ends one set: the next set's Done, drawn under the finger, does not take the second tap", async () => {
    // No pauses between sets: the next set and its Done appear at once where the last Done was.
    const settings = JSON.stringify({ version: 1, rounds: 1, mode: "self-paced",
        reps: repsOf(10),
        getReadySec: 0, switchSidesSec: 0, restSec: 0, roundRestSec: 0, bandChangeRestSec: 0,
        cues: { sound: false, voice: false, vibration: false, flash: false }, theme: "system" });
    const { context, page } = await openClocked(browser, server.url, { hasTouch: true,
        beforeLoad: (p) => p.addInitScript((value) => localStorage.setItem("bandCircuit.settings", value), settings) });
    const where = (s) => [s.session.phase, s.session.exercise, s.session.side];
    await press(page, "Start", { touch: true });
    await page.clock.runFor(3000);
    assert.deepEqual(where(await state(page)).slice(0, 2), ["work", exercises[0].key]);   // one set, sides alternating
    const done = await press(page, "Done", { touch: true });
    await page.touchscreen.tap(done.x + done.w / 2, done.y + done.h / 2);   // 50 ms later, same place
    await page.clock.runFor(100);
    assert.deepEqual(where(await state(page)), ["work", exercises[1].key, exercises[1].sides[0]], "only the first set ended");
    // A second later the left side really is done: that tap counts.
    await page.clock.runFor(1000);
    await press(page, "Done", { touch: true });
    const s = await state(page);
    assert.deepEqual(where(s), ["work", exercises[1].key, exercises[1].sides[1]]);
    await context.close();
});

// A double tap: a real press on the widget, then a second one at the same spot 60 ms later, as a
// finger taps twice (the harness' presses wait out the tap guard; this second tap must not).
async function doubleTap(page, label, { touch = false } = {}) {
    const w = await press(page, label, { touch });
    const x = w.x + w.w / 2, y = w.y + w.h / 2;
    if (touch) {
        await page.touchscreen.tap(x, y);
    } else {
        await page.mouse.down();
        await page.clock.runFor(40);
        await page.mouse.up();
    }
    await page.clock.runFor(100);
    return w;
}

// Settings' reps: n of every exercise of the circuit.
const repsOf = (n) => Object.fromEntries(exercises.map((e) => [e.key, n]));
const quickSelfPaced = () => JSON.stringify({ version: 1, rounds: 1, mode: "self-paced",
    reps: repsOf(1),
    getReadySec: 0, switchSidesSec: 0, restSec: 0, roundRestSec: 0, bandChangeRestSec: 0,
    cues: { sound: false, voice: false, vibration: false, flash: false }, theme: "system" });
const withSettings = (settings) => (p) => p.addInitScript((value) => localStorage.setItem("bandCircuit.settings", value), settings);

for (const size of [{ width: 360, height: 640 }, { width: 844, height: 390 }]) {
    const at = `${size.width}x${size.height}`;
    test(`${at}: a double tap on End session, on the last Done or on the last Skip leaves the finish screen on show`, async () => {
        const { context, page, problems } = await openClocked(browser, server.url, { viewport: size, hasTouch: true, beforeLoad: withSettings(quickSelfPaced()) });
        // End session, confirmed with a double tap.
        await press(page, "Start", { touch: true });
        await press(page, "End", { touch: true });
        await doubleTap(page, "End session", { touch: true });
        let s = await state(page);
        assert.equal(s.screen, "finish", "the finish screen stays: its Home or History did not take the second tap");
        assert.ok(s.tapGuardMs > 0, "the guard runs right after the change");
        await page.clock.runFor(500);
        assert.equal((await state(page)).tapGuardMs, 0, "and ends");
        await press(page, "Home", { touch: true });

        // The last set's Done: every set before it with single taps, the last with a double tap.
        await press(page, "Start", { touch: true });
        for (let i = 0; i < 20; i++) {
            s = await state(page);
            if (s.session.step === s.session.steps - 2) break;   // the last set (the step after it is the finish)
            await press(page, "Done", { touch: true });
        }
        assert.equal(s.session.exercise, exercises.at(-1).key);
        await doubleTap(page, "Done", { touch: true });
        s = await state(page);
        assert.equal(s.screen, "finish");
        await press(page, "Home", { touch: true });

        // The last step skipped with a double tap of Skip.
        await press(page, "Start", { touch: true });
        for (let i = 0; i < 20; i++) {
            s = await state(page);
            if (s.session.step === s.session.steps - 2) break;
            await press(page, "Skip", { touch: true });
        }
        await doubleTap(page, "Skip", { touch: true });
        s = await state(page);
        assert.equal(s.screen, "finish");
        assert.deepEqual(problems, []);
        await context.close();
    });
}

test("a double tap on Start starts the session and presses nothing on it; a finger held on Skip as the step ends skips nothing", async () => {
    const { context, page, problems } = await openClocked(browser, server.url, { viewport: { width: 390, height: 844 } });
    await doubleTap(page, "Start");
    let s = await state(page);
    assert.equal(s.screen, "session");
    assert.equal(s.session.phase, "get-ready");
    assert.equal(s.session.step, 0);
    assert.equal(s.session.paused, false);

    // Press Skip and hold it while the get-ready runs out and the first set begins: the release
    // lands on the set's Skip, which it never pressed.
    await page.clock.runFor(Math.max(0, s.session.phaseLeftMs - 300));
    const skip = (await widgets(page)).find((w) => w.label === "Skip");
    await page.mouse.move(skip.x + skip.w / 2, skip.y + skip.h / 2);
    await page.mouse.down();
    await page.clock.runFor(800);
    s = await state(page);
    assert.equal(s.session.phase, "work", "the set began under the finger");
    await page.mouse.up();
    await page.clock.runFor(100);
    s = await state(page);
    assert.equal(s.session.phase, "work", "the release skipped nothing");
    assert.equal(s.session.step, 1);
    // A tap on Skip now is meant: it skips.
    await press(page, "Skip");
    assert.ok((await state(page)).session.step > 1);
    assert.deepEqual(problems, []);
    await context.close();
});

test("hidden for 3 minutes mid-set, the session shows the true state on return", async () => {
    const { context, page } = await openClocked(browser, server.url);
    await press(page, "Start");
    await page.clock.fastForward(GET_READY + 12000);
    await page.clock.runFor(100);
    const before = await state(page);
    assert.equal(before.session.phase, "work");
    const framesBefore = await page.evaluate(() => bandCircuit.framesDrawn());

    await setHidden(page, true);
    await page.clock.fastForward(3 * 60 * 1000);
    await setHidden(page, false);
    await page.clock.runFor(50);

    const after = await state(page);
    assert.equal(after.session.elapsedMs - before.session.elapsedMs >= 180000, true);
    const plan = expectedPlan(2);
    const where = positionAt(plan, after.session.elapsedMs);
    assert.equal(after.session.step, where.step);
    assert.equal(after.session.phase, plan[where.step].phase);
    assert.equal(after.session.exercise, plan[where.step].exercise);
    assert.equal(after.session.phaseLeftMs, where.left);
    if (plan[where.step].phase === "work") {
        const { repMs } = exercises.find((e) => e.key === plan[where.step].exercise);
        assert.equal(after.session.rep, Math.floor(where.inStep / repMs) + 1);
    }
    assert.ok(await page.evaluate(() => bandCircuit.framesDrawn()) > framesBefore, "the screen was redrawn on return");
    await context.close();
});

test("a reload mid-session reopens it paused where it stood, and Resume carries on", async () => {
    const { context, page } = await openClocked(browser, server.url);
    await press(page, "Start");
    let s = await state(page);
    for (let i = 0; i < 200 && !(s.session && s.session.phase === "work" && s.session.elapsedMs >= 10700); i++) {
        await page.clock.runFor(100);
        s = await state(page);
    }
    assert.equal(s.session.phase, "work");
    await page.reload();
    for (let i = 0; i < 100 && !(await page.evaluate(() => !!(window.bandCircuit && window.Module && Module._bc_state_json) && bandCircuit.framesDrawn() > 0)); i++) await page.clock.runFor(100);
    const restored = await state(page);
    assert.equal(restored.screen, "session");
    assert.equal(restored.session.paused, true);
    assert.equal(restored.session.phase, "work");
    assert.equal(restored.session.exercise, exercises[0].key);
    assert.ok(restored.session.elapsedMs >= 10700, "the time done before the reload is kept");
    await page.clock.runFor(5000);
    assert.equal((await state(page)).session.elapsedMs, restored.session.elapsedMs, "still paused five seconds later");
    await press(page, "Resume");
    await page.clock.runFor(1000);
    const resumed = await state(page);
    assert.equal(resumed.session.paused, false);
    assert.ok(resumed.session.elapsedMs >= restored.session.elapsedMs + 900, `the session runs again (${restored.session.elapsedMs} -> ${resumed.session.elapsedMs})`);
    await context.close();
});

test("keys: Space pauses and resumes, Right skips, Left goes back", async () => {
    const { context, page } = await openClocked(browser, server.url);
    await press(page, "Start");
    await key(page, "Space");
    assert.equal((await state(page)).session.paused, true);
    await key(page, "Space");
    assert.equal((await state(page)).session.paused, false);
    await key(page, "ArrowRight");
    let s = await state(page);
    assert.equal(s.session.step, 1);
    assert.equal(s.session.phase, "work");
    await page.clock.runFor(3000);
    assert.ok((await state(page)).session.rep >= 1);
    await key(page, "ArrowRight");
    assert.equal((await state(page)).session.phase, "rest");
    await key(page, "ArrowLeft");
    s = await state(page);
    assert.equal(s.session.step, 1);
    assert.equal(s.session.rep, 1);
    assert.ok(s.session.phaseElapsedMs < 1000, `back restarts the previous step (${s.session.phaseElapsedMs} ms in)`);
    await context.close();
});

test("End asks first, then records the session as ended early", async () => {
    const { context, page } = await openClocked(browser, server.url);
    await press(page, "Start");
    await page.clock.fastForward(GET_READY + 11000);
    await page.clock.runFor(100);
    await press(page, "End");
    assert.equal((await state(page)).screen, "session", "End alone only asks");
    await press(page, "End session");
    const s = await state(page);
    assert.equal(s.screen, "finish");
    assert.equal((await settleSave(page)).lastRecord.save, "saved");
    const record = (await readHistory(page)).sessions[0];
    assert.equal(record.finished, false);
    assert.equal(record.reps[exercises[0].key].left, 2, "two whole reps of the first exercise were done");
    assert.equal(record.reps[exercises[0].key].right, 2);
    await context.close();
});

test("cues: tones, speech and the wake lock follow the session", async () => {
    const { context, page } = await openClocked(browser, server.url, {
        beforeLoad: (p) => p.addInitScript(() => {
            window.cueLog = { tones: 0, spoken: [], wakeLocks: 0, released: 0 };
            const start = OscillatorNode.prototype.start;
            OscillatorNode.prototype.start = function (...args) { window.cueLog.tones++; return start.apply(this, args); };
            if (window.speechSynthesis) {
                speechSynthesis.speak = (utterance) => window.cueLog.spoken.push(utterance.text);
                // Headless Chromium may list no voice: give it one, or spoken cues become tones.
                speechSynthesis.getVoices = () => [{ name: "Test voice", lang: "en-US", default: true }];
            }
            // Headless Chromium has no screen to keep awake: record what the app asks for.
            Object.defineProperty(navigator, "wakeLock", { configurable: true, value: {
                request: async () => { window.cueLog.wakeLocks++; const lock = new EventTarget(); lock.release = async () => { window.cueLog.released++; }; return lock; },
            } });
        }),
    });
    await press(page, "Start");
    await page.clock.runFor(200);
    let log = await page.evaluate(() => window.cueLog);
    assert.ok(log.spoken.some((text) => /Get ready/.test(text)), "the first step is announced");
    assert.equal(log.wakeLocks, 1, "the screen is kept awake");
    assert.equal(await page.evaluate(() => window.bandCircuitCues.audioState), "running", "audio was unlocked by the tap");
    await page.clock.runFor(GET_READY + 6000);
    log = await page.evaluate(() => window.cueLog);
    assert.ok(log.tones >= 5, `countdown, rest-over and rep tones were played (${log.tones} notes)`);
    assert.ok(log.spoken.some((text) => /Next: deadbug/.test(text)));
    assert.ok(log.spoken.some((text) => /Left leg, right arm/.test(text)), "the set is spoken part by part");
    assert.equal((await page.evaluate(() => document.getElementById("announcer").textContent)).startsWith(`Round 1 of 2, ${exercises[0].name}`), true);

    // The screen locks: the coming tones are scheduled in the audio clock, and taken back on return.
    await setHidden(page, true);
    const scheduled = await page.evaluate(() => window.bandCircuitCues.scheduledNotes);
    assert.ok(scheduled > 20, `tones scheduled ahead while hidden (${scheduled} notes)`);
    const tonesBefore = (await page.evaluate(() => window.cueLog)).tones;
    await page.clock.fastForward(4000);
    await setHidden(page, false);
    await page.clock.runFor(100);
    assert.equal(await page.evaluate(() => window.bandCircuitCues.scheduledNotes), 0);
    assert.equal((await page.evaluate(() => window.cueLog)).tones, tonesBefore, "cues that were scheduled are not played twice");

    await press(page, "Pause");
    log = await page.evaluate(() => window.cueLog);
    assert.equal(log.released, 1, "the wake lock is released while paused");
    await context.close();
});

test("no localStorage: a banner says so and the app still runs a session", async () => {
    const { context, page } = await openApp(browser, server.url, {
        beforeLoad: (p) => p.addInitScript(() => {
            Object.defineProperty(window, "localStorage", { configurable: true, get() { throw new DOMException("blocked", "SecurityError"); } });
        }),
    });
    assert.equal((await state(page)).storage, "unavailable");
    await press(page, "Start");
    assert.equal((await waitFor(page, (s) => s.screen === "session")).session.phase, "get-ready");
    await context.close();
});

test("a full quota: a banner says so and nothing already saved is lost", async () => {
    const { context, page } = await openApp(browser, server.url, {
        beforeLoad: (p) => p.addInitScript(() => {
            if (!sessionStorage.getItem("seeded")) {
                sessionStorage.setItem("seeded", "1");
                localStorage.setItem("bandCircuit.history", JSON.stringify({ version: 1, sessions: [] }));
            }
            const setItem = Storage.prototype.setItem;
            Storage.prototype.setItem = function (key, value) {
                if (String(key).startsWith("bandCircuit.") && key !== "bandCircuit.probe") throw new DOMException("full", "QuotaExceededError");
                return setItem.call(this, key, value);
            };
        }),
    });
    assert.equal((await state(page)).storage, "ok");
    await press(page, "3 rounds");
    assert.equal((await waitFor(page, (s) => s.storage === "full")).storage, "full");
    assert.equal(await page.evaluate(() => localStorage.getItem("bandCircuit.history")), JSON.stringify({ version: 1, sessions: [] }));
    await press(page, "Start");
    assert.equal((await waitFor(page, (s) => s.screen === "session")).session.rounds, 3);
    await context.close();
});

test("unreadable saved data is kept aside, reported, and the app starts clean", async () => {
    const corrupt = '{"version":1,"sessions":[{"id":"x"';
    const { context, page } = await openApp(browser, server.url, {
        beforeLoad: (p) => p.addInitScript((text) => {
            if (!sessionStorage.getItem("seeded")) {
                sessionStorage.setItem("seeded", "1");
                localStorage.setItem("bandCircuit.history", text);
                localStorage.setItem("bandCircuit.settings", '{"version":99}');
            }
        }, corrupt),
    });
    const s = await state(page);
    assert.equal(s.storage, "recovered");
    assert.equal(s.history.sessions, 0);
    const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("bandCircuit.unreadable.")).map((k) => [k, localStorage.getItem(k)]));
    assert.equal(kept.length, 2);
    assert.ok(kept.some(([k, v]) => k.startsWith("bandCircuit.unreadable.history.") && v === corrupt), "the history text is kept as it was");
    assert.ok(kept.some(([k, v]) => k.startsWith("bandCircuit.unreadable.settings.") && v === '{"version":99}'));
    // A reload does not overwrite or duplicate what was kept aside.
    await page.reload();
    await page.waitForFunction(() => window.bandCircuit && window.Module && Module._bc_state_json && bandCircuit.framesDrawn() > 0);
    const keptAfter = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("bandCircuit.unreadable.")).length);
    assert.equal(keptAfter, 2);
    await context.close();
});
