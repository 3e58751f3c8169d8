// Arabic and Japanese, as a runner whose phone is set to one of them meets the app: the language
// before the first frame, with its own glyphs (no replacement boxes); every screen of the layout
// walk at phone sizes (and at 200 % text) with its words whole; Arabic mirrored (Back to the right
// of the title, the progress filling from the right); a guided set spoken in the language; a switch
// from English and back without a reload, kept offline; Arabic chosen in one tab followed by
// another; and the list of languages showing each in its own script.
import { before, after } from "node:test";
import assert from "node:assert/strict";
import { appCircuit, findWidget, launchBrowser, openApp, openClocked, press, pressInView, scrollIntoView, serveDist, state, testForPart, widgets } from "./harness.mjs";
import { MOTION, SIZES, inspect, layoutOnly, setSize, sizeName, walk, sizesAtStep } from "./layout-matrix.mjs";
import { makeHistory, seedScript } from "./screens-helpers.mjs";
import { plain, readPo, speakGuidedSet } from "./languages-helpers.mjs";

const TIME = new Date("2026-11-20T07:30:00");
// missing: a "?" that is not in the language's texts, which is how Dear ImGui draws a character
// the atlas does not have (Arabic asks with "؟"; Japanese's questions end in "か?").
const LANGUAGES = [
    { tag: "ar", locale: "ar-EG", dir: "rtl", script: /[\u0600-\u06FF]/, missing: /\?/ },
    { tag: "ja", locale: "ja-JP", dir: "ltr", script: /[\u3040-\u30FF\u4E00-\u9FFF]/, missing: /(?<!か)\?/ },
];
// The narrowest phone, a phone on its side, and a phone at the largest text size: the sizes with the
// least room for words (360x640 at 100 % has more room than at 200 %, and is walked in English).
const MATRIX = SIZES.filter((s) => ["320x480", "844x390", "360x640 text 200%"].includes(sizeName(s)));

let browser, server, exercises;   // exercises: the app's circuit (appCircuit)
before(async () => { browser = await launchBrowser(); server = await serveDist(); exercises = await appCircuit(browser, server.url); });
after(async () => { await browser?.close(); await server?.close(); });

const texts = (page) => page.evaluate(() => bandCircuit.texts());

// Run in two parts (tests/browser/run.mjs), one language's walk in each.
for (const [index, { tag, locale, dir, script, missing }] of LANGUAGES.entries()) {
    const po = readPo(tag);
    const tr = (english) => {
        assert.ok(po.get(english), `${tag}.po translates "${english}"`);
        return po.get(english);
    };

    testForPart(index + 1, `${tag}: the browser's language picks it with its own glyphs, and every screen at ${MATRIX.map(sizeName).join(", ")} keeps its words whole`, async () => {
        const context = await browser.newContext({ viewport: { width: MATRIX[0].width, height: MATRIX[0].height }, deviceScaleFactor: 1, locale });
        const seeded = async (page) => {
            await page.emulateMedia({ reducedMotion: MOTION });
            await page.addInitScript(seedScript(JSON.stringify(makeHistory(9, { exercises, now: TIME.getTime(), everyDays: 3 }))));
        };
        const { page, problems } = await openClocked(browser, server.url, { context, time: TIME, beforeLoad: seeded });
        const s = await state(page);
        assert.equal(s.language.active, tag, "the language of the browser, before the first frame");
        assert.deepEqual(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]), [tag, dir]);
        assert.equal(s.language.missingGlyphs, 0, "every character of the language is in the atlas");
        const start = (await widgets(page)).find((w) => w.id === "Start");
        assert.equal(plain(start.label), tr("Start"), "Start is shown in the language, and keeps its English id");
        // What is drawn is the language's own glyphs: texts() reads them back from the atlas (a
        // missing glyph would read as "?").
        // (texts() puts a space where glyphs stand apart: compared without spaces.)
        const drawn = (await texts(page)).map((t) => plain(t.text)).join(" ");
        assert.match(drawn, script);
        assert.ok(drawn.replace(/ /g, "").includes(tr("Start").replace(/ /g, "")), `"${tr("Start")}" is drawn: ${drawn}`);
        await layoutOnly(page);
        const failures = [];
        let stepIndex = 0;
        for await (const step of walk(page)) {
            for (const size of sizesAtStep(MATRIX, stepIndex++)) {
                await setSize(page, size);
                for (const problem of await inspect(page, size, step)) failures.push(`${sizeName(size)} ${step.name}: ${problem}`);
                // Every character drawn is in the atlas: the texts, and what Intl writes (dates).
                for (const t of await texts(page)) if (missing.test(t.text)) failures.push(`${sizeName(size)} ${step.name}: a glyph is missing in "${t.text}"`);
            }
        }
        assert.deepEqual(failures, []);
        assert.deepEqual(problems, []);
        await context.close();
    });

    testForPart(2 - index, `${tag}: a guided set is spoken in the language, each utterance tagged with it`, async () => {
        const { context, page, problems, heard, said } = await speakGuidedSet(browser, server.url, locale, TIME);
        assert.ok(heard.length >= 4, `utterances: ${JSON.stringify(heard)}`);
        for (const h of heard) assert.equal(h.lang, tag, `"${h.text}" carries lang ${tag}`);
        assert.ok(!/[\uFB50-\uFDFF\uFE70-\uFEFF]/.test(said), `the voice gets plain letters, not drawing forms: ${said}`);
        assert.ok(said.includes(tr("Left leg, right arm")), `the first tempo part in ${tag}: ${said}`);
        assert.ok(said.includes(tr("and back")), `the way back in ${tag}: ${said}`);
        for (const english of ["Get ready", "Next:", "Left leg", "and back"]) assert.ok(!said.includes(english), `no English "${english}" in: ${said}`);
        assert.deepEqual(problems, []);
        await context.close();
    });
}

// The long runs of one colour on the row of the session's progress bar (the top of the session
// screen), left to right, from a real screenshot decoded in the page: the page, the track and the
// fill. The bar's row is the one whose second-longest run is longest.
async function progressBarRuns(page) {
    const width = page.viewportSize().width;
    const png = (await page.screenshot({ clip: { x: 0, y: 40, width, height: 80 } })).toString("base64");
    return page.evaluate(async (data) => {
        const image = new Image();
        image.src = "data:image/png;base64," + data;
        await image.decode();
        const canvas = new OffscreenCanvas(image.width, image.height);
        const ctx = canvas.getContext("2d");
        ctx.drawImage(image, 0, 0);
        let best = null;
        for (let y = 0; y < image.height; y++) {
            const row = ctx.getImageData(0, y, image.width, 1).data;
            const same = (a, b) => row[a * 4] === row[b * 4] && row[a * 4 + 1] === row[b * 4 + 1] && row[a * 4 + 2] === row[b * 4 + 2];
            const runs = [];
            for (let x = 0; x < image.width;) {
                let end = x + 1;
                while (end < image.width && same(end, x)) end++;
                if (end - x >= 12) runs.push({ x, end, colour: [...row.slice(x * 4, x * 4 + 3)].join(",") });
                x = end;
            }
            const lengths = runs.map((r) => r.end - r.x).sort((a, b) => b - a);
            if (runs.length >= 2 && (!best || lengths[1] > best.score)) best = { score: lengths[1], runs };
        }
        return best ? best.runs : [];
    }, png);
}

testForPart(1, "ar: the screen is mirrored: Back right of the title, the progress filling from the right", async () => {
    for (const locale of ["en-GB", "ar-EG"]) {
        const rtl = locale.startsWith("ar");
        const context = await browser.newContext({ viewport: { width: 360, height: 640 }, locale });
        const { page, problems } = await openClocked(browser, server.url, { context, time: TIME });
        await press(page, "Settings");
        const back = await findWidget(page, "Back");
        const title = (await texts(page)).find((t) => plain(t.text) === (rtl ? readPo("ar").get("Settings") : "Settings").replace(/ /g, ""));
        assert.ok(title, `the title of Settings is drawn (${locale})`);
        if (rtl) assert.ok(back.x > title.x + title.w, `Back (x ${back.x}) right of the title (x ${title.x}..${title.x + title.w})`);
        else assert.ok(back.x + back.w < title.x, `Back left of the title in English`);
        await press(page, "Back");
        await press(page, "Start");
        for (let i = 0; i < 12; i++) await press(page, "Skip");   // about a quarter of the circuit behind us
        const progress = (await state(page)).session.progress;
        assert.ok(progress > 0.1 && progress < 0.45, `progress ${progress}`);
        // Inside the page's padding: the track and the fill, one of each colour; the fill is the
        // shorter (less than half the circuit is behind us).
        const bar = (await progressBarRuns(page)).filter((r) => r.x > 4 && r.end < 356);
        assert.equal(bar.length, 2, `the track and the fill: ${JSON.stringify(bar)}`);
        const [fill, track] = [...bar].sort((a, b) => (a.end - a.x) - (b.end - b.x));
        if (rtl) assert.ok(fill.x > track.x, `Arabic: the fill (${fill.x}..${fill.end}) is right of the track (${track.x}..${track.end})`);
        else assert.ok(fill.x < track.x, `English: the fill (${fill.x}..${fill.end}) is left of the track (${track.x}..${track.end})`);
        assert.deepEqual(problems, []);
        await context.close();
    }
});

testForPart(2, "the languages are listed in their own scripts once their glyphs arrive, and Arabic switches without a reload and stays offline", async () => {
    const { context, page, problems } = await openApp(browser, server.url, { viewport: { width: 390, height: 844 } });
    await page.evaluate(() => { window.notReloaded = true; });
    await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller, null, { timeout: 20000 });
    await press(page, "Settings");
    // lang/names.bin comes when Settings opens: then the two names are drawn in their scripts.
    assert.ok(await scrollIntoView(page, "日本語"), "日本語 scrolls into view");
    await page.waitForFunction(() => bandCircuit.widgets().some((w) => w.id === "日本語" && w.label === "日本語"), null, { timeout: 10000 });
    const arabic = (await widgets(page)).find((w) => w.id === "العربية");
    assert.equal(plain(arabic.label), "العربية");
    assert.equal((await state(page)).language.missingGlyphs, 0);
    await pressInView(page, "العربية");
    await page.waitForFunction(() => bandCircuit.state().language.active === "ar", null, { timeout: 5000 });
    assert.deepEqual(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]), ["ar", "rtl"]);
    const ar = readPo("ar");
    assert.equal(plain((await findWidget(page, "Back")).label), ar.get("Back"));
    assert.ok(await page.evaluate(() => window.notReloaded), "no reload");

    // Offline, a new visit starts in Arabic from the service worker's copy.
    await context.setOffline(true);
    await page.reload();
    await page.waitForFunction(() => window.bandCircuit && bandCircuit.framesDrawn && bandCircuit.framesDrawn() > 0, null, { timeout: 20000 });
    await page.waitForFunction(() => bandCircuit.state().language.active === "ar", null, { timeout: 10000 });
    assert.equal(plain((await findWidget(page, "Start")).label), ar.get("Start"));
    assert.equal((await state(page)).language.missingGlyphs, 0);
    await context.setOffline(false);

    // And back to English, left to right again.
    await press(page, "Settings");
    await pressInView(page, "English");
    await page.waitForFunction(() => bandCircuit.state().language.active === "en", null, { timeout: 5000 });
    assert.equal((await findWidget(page, "Back")).label, "Back");
    assert.deepEqual(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]), ["en", "ltr"]);
    assert.deepEqual(problems.filter((p) => !p.includes("ERR_INTERNET_DISCONNECTED")), []);
    await context.close();
});

testForPart(1, "ar: chosen in one tab, Arabic is followed by the app open in another, mirrored there too, its taps landing where drawn", async () => {
    const { context, page: a } = await openApp(browser, server.url, { viewport: { width: 390, height: 844 } });
    const { page: b } = await openApp(browser, server.url, { context });
    await a.bringToFront();
    await press(a, "Settings");
    await pressInView(a, "العربية");
    await a.waitForFunction(() => bandCircuit.state().language.active === "ar", null, { timeout: 5000 });
    // The other tab hears of the setting through the storage event, fetches the file and switches.
    await b.bringToFront();
    await b.waitForFunction(() => bandCircuit.state().language.active === "ar", null, { timeout: 10000 });
    assert.deepEqual(await b.evaluate(() => [document.documentElement.lang, document.documentElement.dir]), ["ar", "rtl"]);
    const ar = readPo("ar");
    const start = await findWidget(b, "Start");
    assert.equal(plain(start.label), ar.get("Start"));
    // A real tap where widgets() reports History (its mirrored place) opens it: the input is
    // mirrored in this tab as well.
    await press(b, "History");
    await b.waitForFunction(() => bandCircuit.state().screen === "history", null, { timeout: 5000 });
    await context.close();
});
