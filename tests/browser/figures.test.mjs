// The demonstrations: they move while playing (on the exercise page and during a set), cost no
// frames when paused, and mirror with the side; and ./dev.sh figures (figures.mjs) writes every
// exercise's key poses and sheet.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { launchBrowser, openClocked, press, serveDist, state } from "./harness.mjs";

let browser, server;
before(async () => { browser = await launchBrowser(); server = await serveDist(); });
after(async () => { await browser?.close(); await server?.close(); });

const shot = async (page) => (await page.screenshot({ clip: { x: 0, y: 60, width: 360, height: 240 } })).toString("base64");

test("the exercise demonstration changes between frames while playing and draws nothing when paused", async () => {
    const { context, page } = await openClocked(browser, server.url);
    await press(page, "Dorsiflexion with band");
    let s = await state(page);
    assert.equal(s.screen, "exercise");
    assert.equal(s.demo.playing, true);
    const a = await shot(page);
    await page.clock.runFor(700);
    const b = await shot(page);
    assert.notEqual(a, b, "the figure moved");
    assert.equal((await state(page)).animating, true);

    await press(page, "Pause");
    s = await state(page);
    assert.equal(s.demo.playing, false);
    await page.clock.runFor(200);
    const frames = await page.evaluate(() => bandCircuit.framesDrawn());
    const c = await shot(page);
    await page.clock.runFor(2000);
    assert.equal(await page.evaluate(() => bandCircuit.framesDrawn()), frames, "a paused demonstration draws no frames");
    assert.equal(await shot(page), c, "and does not move");
    assert.equal((await state(page)).demo.ms, s.demo.ms, "its time holds");

    // The other side is shown as its mirror image.
    await press(page, "Right");
    assert.equal((await state(page)).demo.side, "right");
    assert.notEqual(await shot(page), c);
    await context.close();
});

test("during a guided set the figure moves in step with the timer", async () => {
    const { context, page } = await openClocked(browser, server.url);
    await press(page, "Start");
    await page.clock.fastForward(10100);   // past the 10 s get-ready
    await page.clock.runFor(100);
    const s = await state(page);
    assert.equal(s.session.phase, "work");
    assert.equal(s.animating, true);
    const clip = { x: 0, y: 150, width: 360, height: 250 };
    const a = (await page.screenshot({ clip })).toString("base64");
    await page.clock.runFor(600);
    const b = (await page.screenshot({ clip })).toString("base64");
    assert.notEqual(a, b);
    await press(page, "Pause");
    await page.clock.runFor(100);
    const frames = await page.evaluate(() => bandCircuit.framesDrawn());
    await page.clock.runFor(3000);
    assert.equal(await page.evaluate(() => bandCircuit.framesDrawn()), frames, "a paused session draws no frames");
    await context.close();
});

test("./dev.sh figures writes a sheet and the key poses of every exercise the app has", { timeout: 240000 }, async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "band-circuit-figures-"));
    try {
        const script = path.join(path.dirname(new URL(import.meta.url).pathname), "figures.mjs");
        // At DPR 1 and one side each: the pictures cost a quarter of the pixels, and the smoke check
        // is about the walk through every exercise.
        const { stdout } = await promisify(execFile)(process.execPath, [script, process.env.DIST, out],
                                                     { timeout: 200000, env: { ...process.env, FIGURES_DPR: "1", FIGURES_SIDES: "1" } });
        const { context, page } = await openClocked(browser, server.url);
        const exercises = (await state(page)).exercises;
        await context.close();
        assert.equal(exercises.length, 5);
        const files = fs.readdirSync(out);
        for (const { key } of exercises) {
            assert.ok(files.includes(`${key}-sheet.png`), `${key}-sheet.png in ${files}`);
            const poses = files.filter((f) => f.startsWith(key + "-") && /-\d{4}ms\.png$/.test(f) && !f.startsWith(key + "-sheet"));
            assert.ok(poses.length >= 2, `${key}: ${poses.length} key poses`);
            assert.match(stdout, new RegExp(`^${key}: ${poses.length} key poses$`, "m"));
            // Each file is a real PNG of the phone's screen (360x640 at DPR 1).
            const png = fs.readFileSync(path.join(out, poses[0]));
            assert.equal(png.readUInt32BE(16), 360);
            assert.equal(png.readUInt32BE(20), 640);
        }
    } finally {
        fs.rmSync(out, { recursive: true, force: true });
    }
});
