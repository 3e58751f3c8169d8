// Japanese drawn with the device's own font. A browser with a Japanese font (Chromium here, with
// Debian's fonts-noto-cjk) gets lang/ja.bin alone and the app draws the CJK characters with that
// font into its atlas; a browser without one (the same Chromium, its fontconfig shown no CJK font)
// fetches lang/ja-glyphs.bin and draws them from the outlines. Here both are Noto Sans CJK JP, so
// the two must draw the same words in the same places: on a first visit, at 200 % text, and after a
// switch from English. Without the font and without the outline file, Japanese fails cleanly.
import { before, after, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { launchBrowser, serveDist, openApp, press, pressInView, state, waitFor, waitStill } from "./harness.mjs";

const JAPANESE = /[\u3040-\u30FF\u4E00-\u9FFF]/;
const DPR = 2;

// A fontconfig that sees the Latin fonts only: a device without a Japanese font.
function fontconfigWithoutCjk() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bc-no-cjk-"));
    const dirs = ["/usr/share/fonts/truetype/liberation", "/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/opentype/inter"]
        .filter((d) => fs.existsSync(d));
    const file = path.join(dir, "fonts.conf");
    fs.writeFileSync(file, `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n` +
        dirs.map((d) => `  <dir>${d}</dir>\n`).join("") + `  <cachedir>${dir}/cache</cachedir>\n</fontconfig>\n`);
    return { dir, file };
}

let withFont, withoutFont, server, conf;
before(async () => {
    const japanese = spawnSync("fc-list", [":lang=ja"], { encoding: "utf8" });
    if (!japanese.error) assert.ok(japanese.stdout.trim(), "this machine has a Japanese font (fonts-noto-cjk, scripts/setup.sh)");
    conf = fontconfigWithoutCjk();
    const bare = spawnSync("fc-list", [":lang=ja"], { encoding: "utf8", env: { ...process.env, FONTCONFIG_FILE: conf.file } });
    if (!bare.error) assert.equal(bare.stdout.trim(), "", "the second browser's fontconfig has no Japanese font");
    withFont = await launchBrowser();
    withoutFont = await launchBrowser([], { env: { ...process.env, FONTCONFIG_FILE: conf.file } });
    server = await serveDist();
});
after(async () => {
    await withFont?.close();
    await withoutFont?.close();
    await server?.close();
    if (conf) fs.rmSync(conf.dir, { recursive: true, force: true });
});

// A page in the given browser language, still figures; the language files it requested.
async function open(browser, locale) {
    const context = await browser.newContext({ viewport: { width: 360, height: 640 }, deviceScaleFactor: DPR, locale });
    const files = [];
    context.on("request", (r) => {
        if (r.serviceWorker()) return;   // its precache (which has web/device-fonts.js) is not the page's download
        const m = /\/lang\/([^/]+)\.bin$/.exec(r.url()) || /\/(device-fonts)\.js$/.exec(r.url());
        if (m) files.push(m[1]);
    });
    const { page, problems } = await openApp(browser, server.url, { context, beforeLoad: (p) => p.emulateMedia({ reducedMotion: "reduce" }) });
    return { context, page, problems, files };
}

async function japaneseIsUp(page) {
    await waitFor(page, (s) => s.language.active === "ja");
    await waitStill(page);
    const s = await state(page);
    assert.equal(s.language.missingGlyphs, 0, "every character of the language is in the atlas");
}

async function setTextSize(page, percent) {
    await page.evaluate((p) => { document.documentElement.style.fontSize = p === 100 ? "" : `${(16 * p) / 100}px`; }, percent);
    await waitFor(page, (s) => s.textSize === percent);
    await waitStill(page);
}

// The Japanese texts on screen, each with its rectangle, and the screenshot.
async function capture(page) {
    const texts = (await page.evaluate(() => bandCircuit.texts())).filter((t) => JAPANESE.test(t.text));
    return { texts, png: (await page.screenshot()).toString("base64") };
}

// Each Japanese text drawn in a and in b, compared as pictures: the correlation of their light and
// dark (in cells of 2 CSS px), against the same text in a and another text of b as a control.
async function compare(page, a, b) {
    const key = (t) => t.text.replace(/ /g, "") + "@" + Math.round(t.y / 4);
    const pairs = [];
    for (const t of a.texts) {
        const same = b.texts.find((u) => key(u) === key(t));
        const other = b.texts.find((u) => u.text.replace(/ /g, "") !== t.text.replace(/ /g, "") && Math.abs(u.h - t.h) < 3 && u.w > t.w / 2);
        if (same) pairs.push({ text: t.text, a: t, b: same, other });
    }
    return page.evaluate(async ([pngA, pngB, pairs, dpr]) => {
        const load = async (data) => {
            const image = new Image();
            image.src = "data:image/png;base64," + data;
            await image.decode();
            const canvas = new OffscreenCanvas(image.width, image.height);
            const ctx = canvas.getContext("2d");
            ctx.drawImage(image, 0, 0);
            return ctx.getImageData(0, 0, image.width, image.height);
        };
        const [A, B] = [await load(pngA), await load(pngB)];
        const cells = (img, r, cols, rows) => {
            const sum = new Float64Array(cols * rows), count = new Float64Array(cols * rows);
            const x0 = Math.round(r.x * dpr), y0 = Math.round(r.y * dpr), w = Math.round(r.w * dpr), h = Math.round(r.h * dpr);
            for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
                const i = ((y0 + y) * img.width + x0 + x) * 4;
                const k = Math.min(rows - 1, Math.floor((y * rows) / h)) * cols + Math.min(cols - 1, Math.floor((x * cols) / w));
                sum[k] += 0.3 * img.data[i] + 0.59 * img.data[i + 1] + 0.11 * img.data[i + 2];
                count[k]++;
            }
            return sum.map((v, k) => v / Math.max(1, count[k]));
        };
        const correlation = (p, q) => {
            const mean = (v) => v.reduce((s, x) => s + x, 0) / v.length;
            const mp = mean(p), mq = mean(q);
            let s = 0, sp = 0, sq = 0;
            for (let i = 0; i < p.length; i++) { s += (p[i] - mp) * (q[i] - mq); sp += (p[i] - mp) ** 2; sq += (q[i] - mq) ** 2; }
            return s / Math.sqrt(sp * sq || 1);
        };
        return pairs.map(({ text, a, b, other }) => {
            const cols = Math.max(2, Math.round(a.w / 2)), rows = Math.max(2, Math.round(a.h / 2));
            const mine = cells(A, a, cols, rows);
            return { text, same: correlation(mine, cells(B, b, cols, rows)), other: other ? correlation(mine, cells(B, other, cols, rows)) : null };
        });
    }, [a.png, b.png, pairs, DPR]);
}

// The two pages draw the same Japanese: most texts found in both, each like its twin and unlike
// another text.
async function assertSameDrawing(page, a, b, where) {
    const scores = await compare(page, a, b);
    if (process.env.SHOW_SCORES) console.log(where, scores);
    assert.ok(a.texts.length >= 5 && scores.length >= a.texts.length * 0.6,
        `${where}: ${scores.length} of ${a.texts.length} Japanese texts are in the same place in both browsers`);
    for (const s of scores) {
        assert.ok(s.same > 0.75, `${where}: "${s.text}" drawn by the device's font is like the outlines' (correlation ${s.same.toFixed(2)})`);
        if (s.other !== null) assert.ok(s.same - s.other > 0.3, `${where}: "${s.text}" is unlike another text (${s.same.toFixed(2)} against ${s.other.toFixed(2)})`);
    }
}

test("ja on a first visit: with a Japanese font only lang/ja.bin comes and that font draws it, at 100 and 200 % text, as the outlines do without one", async () => {
    const a = await open(withFont, "ja-JP");
    const b = await open(withoutFont, "ja-JP");
    await japaneseIsUp(a.page);
    await japaneseIsUp(b.page);
    assert.equal(await a.page.evaluate(() => bandCircuitDeviceFonts.draws("ja")), true, "the device's Japanese font is found");
    assert.equal(await b.page.evaluate(() => bandCircuitDeviceFonts.draws("ja")), false, "no Japanese font is found");
    assert.deepEqual(a.files.sort(), ["device-fonts", "ja"], "with the font, the outlines are not fetched");
    assert.deepEqual(b.files.sort(), ["device-fonts", "ja", "ja-glyphs"], "without it, they are");
    for (const percent of [100, 200]) {
        await setTextSize(a.page, percent);
        await setTextSize(b.page, percent);
        assert.equal((await state(a.page)).language.missingGlyphs, 0);
        await assertSameDrawing(a.page, await capture(a.page), await capture(b.page), `home at ${percent} %`);
    }
    // The tempo word's size (46 px) holds the characters of its own texts: the finish screen's title.
    for (const { page } of [a, b]) {
        await setTextSize(page, 100);   // where the question to end the session is in view
        await press(page, "Start");
        await waitFor(page, (s) => s.screen === "session");
        await press(page, "End");   // presses wait out the tap guard of a new screen themselves (actions.mjs)
        await press(page, "End session");
        await waitFor(page, (s) => s.screen === "finish");
        await waitStill(page);
    }
    await assertSameDrawing(a.page, await capture(a.page), await capture(b.page), "the finish screen");
    assert.deepEqual([...a.problems, ...b.problems], []);
    await a.context.close();
    await b.context.close();
});

test("ja chosen in Settings: with a Japanese font no outline file is fetched, and the switch draws it as the outlines do", async () => {
    const a = await open(withFont, "en-GB");
    const b = await open(withoutFont, "en-GB");
    for (const { page, files } of [a, b]) {
        await waitStill(page);
        assert.deepEqual(files, [], "an English visit fetches no language file and not web/device-fonts.js");
        await page.evaluate(() => { window.notReloaded = true; });
        await press(page, "Settings");
        await pressInView(page, "日本語");
        await japaneseIsUp(page);
        assert.ok(await page.evaluate(() => window.notReloaded), "no reload");
        await press(page, "Back");
        await waitFor(page, (s) => s.screen === "home");
        await waitStill(page);
    }
    assert.ok(!a.files.includes("ja-glyphs") && a.files.includes("ja"), `with the font: ${a.files}`);
    assert.ok(b.files.includes("ja-glyphs") && b.files.includes("ja"), `without it: ${b.files}`);
    await assertSameDrawing(a.page, await capture(a.page), await capture(b.page), "home after the switch");
    assert.deepEqual([...a.problems, ...b.problems], []);
    await a.context.close();
    await b.context.close();
});

test("ja without a Japanese font and without its outline file: the language fails, English stays, nothing is drawn as boxes", async () => {
    const context = await withoutFont.newContext({ viewport: { width: 360, height: 640 }, locale: "ja-JP" });
    await context.route(/\/lang\/ja-glyphs\.bin$/, (route) => route.abort());
    const { page } = await openApp(withoutFont, server.url, { context });
    await waitFor(page, (s) => s.language.failed === "ja");
    const s = await state(page);
    assert.equal(s.language.active, "en");
    assert.equal(s.language.missingGlyphs, 0);
    assert.equal((await page.evaluate(() => bandCircuit.widgets())).find((w) => w.id === "Start").label, "Start");
    await context.close();
});
