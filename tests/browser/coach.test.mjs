// The coach you can follow without looking: on Playwright's fake clock, with speechSynthesis.speak
// and the tones (window.bandCircuitCues.tone) spied on, a guided set is heard part by part with its
// count; every rest names the next exercise and its band set-up; a rest before a band change is
// longer; "+15 s" lengthens a rest and the get-ready; the trap pull has no switch; the finish
// shows the weekly goal; home's estimate is the plan's real length. Every action is a real press.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { appCircuit, key, launchBrowser, layoutOnlyPages, openClocked, press, serveDist, settleSave, state } from "./harness.mjs";

layoutOnlyPages();   // no test here reads pixels (harness.mjs)

let browser, server, exercises;   // exercises: the app's circuit (appCircuit)
before(async () => { browser = await launchBrowser(); server = await serveDist(); exercises = await appCircuit(browser, server.url); });
after(async () => { await browser?.close(); await server?.close(); });

// What the coach says of each exercise of the circuit (appCircuit): its spoken name and set-up.
const SPOKEN = {
    deadbug: ["deadbug", "Loop the band around your thighs, just above the knees, and lie on your back."],
    dorsiflexion: ["dorsiflexion", "Sit down and put the band flat across the top of your left foot, ends held or tied to something solid."],
    "trap-pull": ["trap pull", "Stand up and hold the band flat overhead, hands wider than your shoulders."],
    "monster-walk": ["monster walks", "Loop the band around your ankles."],
    "russian-twist": ["Russian twist", "Sit down, lean back, and hold the band flat out in front of your chest."],
};
// The default plan's numbers: get ready 10 s, switch 5 s, rest 15 s, band-change rest 30 s, round
// rest 60 s; each set the exercise's lowest dose, a per-side or directions exercise two sets.
const GET_READY = 10000, SWITCH = 5000, REST = 15000, BAND_CHANGE = 30000, ROUND_REST = 60000;

const setMs = (e) => e.countMin * e.repMs;
const setsOf = (e) => (e.style === "per-side" || e.style === "directions" ? 2 : 1);

function planTotalMs(rounds) {
    let total = GET_READY;
    for (let round = 1; round <= rounds; round++) {
        exercises.forEach((e, i) => {
            total += setMs(e) * setsOf(e) + (setsOf(e) === 2 ? SWITCH : 0);
            const last = i === exercises.length - 1;
            const next = exercises[last ? 0 : i + 1];
            const rest = next.band !== e.band ? BAND_CHANGE : 0;
            if (!last) total += Math.max(REST, rest);
            else if (round < rounds) total += Math.max(ROUND_REST, rest);
        });
    }
    return total;
}

// Spies installed before the app loads: every utterance and every tone, with the page's clock.
function spies({ voice }) {
    return (page) => page.addInitScript((withVoice) => {
        window.heard = [];
        window.tones = [];
        if (window.speechSynthesis) {
            speechSynthesis.speak = (u) => window.heard.push({ at: performance.now(), text: u.text, volume: u.volume });
            speechSynthesis.cancel = () => {};
            speechSynthesis.getVoices = () => (withVoice ? [{ name: "Test voice", lang: "en-GB", default: true }] : []);
        }
        // The cue object is created by app.js: wrap its tone() as soon as it exists.
        let cues;
        Object.defineProperty(window, "bandCircuitCues", {
            configurable: true,
            get: () => cues,
            set: (value) => {
                const play = value.tone.bind(value);
                value.tone = (kind) => { window.tones.push({ at: performance.now(), kind }); return play(kind); };
                cues = value;
            },
        });
    }, voice);
}

const heardSince = (page, t) => page.evaluate((since) => window.heard.filter((h) => h.at >= since), t);
const now = (page) => page.evaluate(() => performance.now());

test("a guided deadbug set is spoken part by part, in time, with the count", async () => {
    const { context, page, problems } = await openClocked(browser, server.url, { beforeLoad: spies({ voice: true }) });
    await press(page, "Start");
    const t0 = (await page.evaluate(() => window.heard[0]?.at)) ?? (await now(page));
    const first = await page.evaluate(() => window.heard[0].text);
    assert.equal(first, `Get ready. Next: ${SPOKEN[exercises[0].key][0]}. ${SPOKEN[exercises[0].key][1]}`);

    await page.clock.runFor(GET_READY + 10050);   // the get-ready, then two whole reps
    const said = await heardSince(page, t0 + 1);
    const words = said.map((h) => h.text);
    assert.deepEqual(words, [
        "1. Left leg, right arm", "and back", "Right leg, left arm", "and back",
        "2. Left leg, right arm", "and back", "Right leg, left arm", "and back",
        "3. Left leg, right arm",
    ]);
    // Each word at its tempo part's start (1.5 s out, 1 s back), within a frame.
    const offsets = [0, 1500, 2500, 4000, 5000, 6500, 7500, 9000, 10000];
    said.forEach((h, i) => {
        const expected = t0 + GET_READY + offsets[i];
        assert.ok(Math.abs(h.at - expected) < 80, `"${h.text}" at ${Math.round(h.at - t0)} ms, expected ${expected - t0}`);
    });
    // Spoken parts have no tones of their own; the get-ready's end still chimes.
    const tones = await page.evaluate((since) => window.tones.filter((t) => t.at > since), t0 + GET_READY - 100);
    assert.deepEqual(tones.map((t) => t.kind), ["rest-over"]);
    assert.equal((await state(page)).session.tempoPart, "Extend");
    assert.deepEqual(problems, []);
    await context.close();
});

test("rep counts every 5 or off, set in Settings, are what the coach says", async () => {
    const { context, page } = await openClocked(browser, server.url, { beforeLoad: spies({ voice: true }) });
    await press(page, "Settings");
    // The choice sits below the fold: scroll by dragging until it shows.
    for (let i = 0; i < 20 && !(await page.evaluate(() => bandCircuit.widgets().some((w) => w.label === "Every 5"))); i++) {
        await page.mouse.move(180, 560);
        await page.mouse.down();
        await page.clock.runFor(30);
        for (let y = 540; y >= 300; y -= 20) {
            await page.mouse.move(180, y);
            await page.clock.runFor(20);
        }
        await page.mouse.up();
        await page.clock.runFor(800);
    }
    await press(page, "Every 5");
    const saved = await page.evaluate(() => JSON.parse(localStorage.getItem("bandCircuit.settings")));
    assert.equal(saved.cues.repCount, "five");
    await key(page, "Escape");
    await press(page, "Start");
    const t0 = await now(page);
    await page.clock.runFor(GET_READY + 25050);
    const words = (await heardSince(page, t0 + 100)).map((h) => h.text);
    assert.equal(words[0], "Left leg, right arm", "rep 1 is not counted");
    assert.ok(words.includes("5. Left leg, right arm"));
    assert.ok(!words.some((w) => /^[2346]\./.test(w)), words.join(" | "));
    await context.close();
});

test("without a voice, each tempo part has its own tone", async () => {
    const { context, page } = await openClocked(browser, server.url, { beforeLoad: spies({ voice: false }) });
    await press(page, "Start");
    const t0 = await now(page);
    await page.clock.runFor(GET_READY + 5050);
    assert.deepEqual(await page.evaluate(() => window.heard.length), 0, "nothing is spoken without a voice");
    const tones = await page.evaluate((since) => window.tones.filter((t) => t.at >= since).map((t) => t.kind), t0 + GET_READY - 50);
    // Get-ready over (starts the set), back, other side's effort, back, next rep.
    assert.deepEqual(tones, ["rest-over", "return", "effort", "return", "rep"]);
    await context.close();
});

test("every rest names the next exercise and its band set-up, and a band change gets a longer rest", async () => {
    const { context, page } = await openClocked(browser, server.url, { beforeLoad: spies({ voice: true }) });
    await press(page, "Start");
    let s = await state(page);
    const rests = [];
    while (s.screen === "session") {
        if (s.session.phase === "rest" || s.session.phase === "round-rest") {
            const said = (await page.evaluate(() => window.heard.at(-1))).text;
            rests.push({ exercise: s.session.exercise, left: s.session.phaseLeftMs, change: s.session.bandChange, setup: s.session.setup, said });
        }
        await page.clock.fastForward(s.session.phaseLeftMs + 5);
        await page.clock.runFor(40);
        s = await state(page);
    }
    assert.equal(rests.length, 2 * 4 + 1, "4 rests a round and one round rest");
    for (const rest of rests) {
        const id = rest.exercise, [spoken, setup] = SPOKEN[id];
        assert.ok(rest.said.includes(`Next: ${spoken}.`), `${id}: "${rest.said}"`);
        assert.ok(rest.said.endsWith(setup), `${id}: "${rest.said}"`);
        assert.equal(rest.setup, setup);
    }
    const before = (id) => rests.find((r) => r.exercise === id);
    assert.equal(before("dorsiflexion").change, true, "loop off");
    assert.ok(before("dorsiflexion").said.includes("Untie the loop."));
    assert.equal(before("trap-pull").change, false, "a flat band only moves");
    assert.ok(before("dorsiflexion").left > before("trap-pull").left, "the band change gets the longer rest");
    // Read a frame into each rest: within 100 ms of its full length.
    const near = (value, expected) => value <= expected && value > expected - 100;
    assert.ok(near(before("dorsiflexion").left, BAND_CHANGE), String(before("dorsiflexion").left));
    assert.ok(near(before("trap-pull").left, REST), String(before("trap-pull").left));
    assert.ok(near(before("monster-walk").left, BAND_CHANGE), String(before("monster-walk").left));
    await context.close();
});

test("+15 s lengthens the get-ready and a rest; a set has no +15 s", async () => {
    const { context, page } = await openClocked(browser, server.url);
    await press(page, "Start");
    let s = await state(page);
    assert.equal(s.session.phase, "get-ready");
    assert.equal(s.session.canExtend, true);
    const left = s.session.phaseLeftMs;
    await press(page, "+15 s");
    s = await state(page);
    assert.ok(Math.abs(s.session.phaseLeftMs - (left + 15000)) < 400, `${left} -> ${s.session.phaseLeftMs}`);
    assert.equal(s.session.phaseLengthMs, GET_READY + 15000);
    // It really runs that long.
    await page.clock.runFor(s.session.phaseLeftMs - 200);
    assert.equal((await state(page)).session.phase, "get-ready");
    await page.clock.runFor(400);
    s = await state(page);
    assert.equal(s.session.phase, "work");
    assert.equal(s.session.canExtend, false);
    assert.ok(!(await page.evaluate(() => bandCircuit.widgets().some((w) => w.label === "+15 s"))), "no +15 s during a set");
    await key(page, "ArrowRight");
    s = await state(page);
    assert.equal(s.session.phase, "rest");
    const restLeft = s.session.phaseLeftMs;
    await press(page, "+15 s");
    await press(page, "+15 s");
    s = await state(page);
    assert.ok(s.session.phaseLeftMs > restLeft + 29000, `${restLeft} -> ${s.session.phaseLeftMs}`);
    // The extension is saved with the session.
    const saved = await page.evaluate(() => JSON.parse(localStorage.getItem("bandCircuit.session")));
    assert.equal(saved.stepExtraMs, 30000);
    await context.close();
});

test("the overhead trap pull is one set of both arms: no switch step", async () => {
    const { context, page } = await openClocked(browser, server.url);
    await press(page, "Start");
    let s = await state(page);
    const steps = [];
    while (s.screen === "session") {
        steps.push({ phase: s.session.phase, exercise: s.session.exercise, side: s.session.side, left: s.session.phaseLeftMs });
        await page.clock.fastForward(s.session.phaseLeftMs + 5);
        await page.clock.runFor(40);
        s = await state(page);
    }
    const trap = steps.filter((x) => x.exercise === "trap-pull");
    assert.deepEqual(trap.map((x) => x.phase), ["rest", "work", "rest", "work"], "per round: the rest before it and one set");
    assert.ok(trap.filter((x) => x.phase === "work").every((x) => x.side === null && x.left <= 30000 && x.left > 29900), JSON.stringify(trap));
    assert.ok(!steps.some((x) => x.phase === "switch" && x.exercise === "trap-pull"));
    // Its reps count for both arms, once per round.
    assert.equal((await settleSave(page)).lastRecord.save, "saved");
    const history = await page.evaluate(() => JSON.parse(localStorage.getItem("bandCircuit.history")));
    assert.deepEqual(history.sessions[0].reps["trap-pull"], { left: 20, right: 20 });
    await context.close();
});

test("home's estimate is the plan's length, and a whole session takes exactly that", async () => {
    const { context, page } = await openClocked(browser, server.url);
    let s = await state(page);
    assert.equal(s.estimateMs, planTotalMs(2));
    await press(page, "3 rounds");
    assert.equal((await state(page)).estimateMs, planTotalMs(3));
    await press(page, "2 rounds");
    await press(page, "Start");
    s = await state(page);
    while (s.screen === "session") {
        await page.clock.fastForward(s.session.phaseLeftMs + 5);
        await page.clock.runFor(40);
        s = await state(page);
    }
    assert.equal(s.screen, "finish");
    assert.equal(s.finish.totalMs, planTotalMs(2), "the session took what home said");
    // Work time: the sets alone.
    const sets = exercises.reduce((sum, e) => sum + setMs(e) * setsOf(e), 0) * 2;
    assert.equal(s.finish.workMs, sets);
    await context.close();
});

test("the finish shows the week against the weekly goal, and last time", async () => {
    // Two earlier sessions this week already (Friday 2026-11-20 is the fake clock's day).
    const earlier = (id, wall) => ({ id, started: wall, ended: wall + 900000, durationMs: 800000, roundsPlanned: 1, roundsDone: 1, finished: true,
                                    reps: { deadbug: { left: 10, right: 10 } } });
    const monday = new Date("2026-11-16T08:00:00").getTime();
    const { context, page } = await openClocked(browser, server.url, {
        beforeLoad: (p) => p.addInitScript((sessions) => {
            if (!localStorage.getItem("bandCircuit.history")) localStorage.setItem("bandCircuit.history", JSON.stringify({ version: 1, sessions }));
        }, [earlier(`${monday}-1`, monday)]),
    });
    let s = await state(page);
    assert.equal(s.history.weekSessions, 1);
    assert.equal(s.history.weeklyGoal, 2);
    await press(page, "Start");
    for (let i = 0; i < 3; i++) await key(page, "ArrowRight");   // past the get-ready, the deadbug and the rest
    await page.clock.runFor(4600);                                    // one dorsiflexion rep on the left
    await press(page, "End");
    await press(page, "End session");
    s = await state(page);
    assert.equal(s.screen, "finish");
    assert.equal(s.finish.weeklyGoal, 2);
    assert.equal(s.finish.weekSessions, 2, "this session counts for the week");
    assert.equal(s.finish.hasPrevious, true);
    assert.equal(s.history.weekSessions, 2);
    await context.close();
});

test("data saved before these settings existed still loads, with the new ones at their defaults", async () => {
    const old = { version: 1, rounds: 3, mode: "guided", reps: { deadbug: 11, dorsiflexion: 10, "trap-pull": 12, "monster-walk": 20, "russian-twist": 15 },
                  getReadySec: 5, switchSidesSec: 5, restSec: 15, roundRestSec: 60, cues: { sound: true, voice: true, vibration: true, flash: false }, theme: "dark" };
    const { context, page } = await openClocked(browser, server.url, {
        beforeLoad: (p) => p.addInitScript((settings) => {
            if (!localStorage.getItem("bandCircuit.settings")) localStorage.setItem("bandCircuit.settings", JSON.stringify(settings));
        }, old),
    });
    const s = await state(page);
    assert.equal(s.storage, "ok");
    assert.equal(s.theme, "dark");
    assert.equal(s.history.weeklyGoal, 2);
    await press(page, "Start");
    const started = await state(page);
    assert.equal(started.session.rounds, 3);
    assert.equal(started.session.phaseLengthMs, 5000, "the runner's own get-ready is kept");
    await context.close();
});
